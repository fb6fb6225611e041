/**
 * Request and response validation against GitHub's published OpenAPI description of
 * api.github.com (@octokit/openapi): the operation's requestBody schema, its query parameters,
 * and the schema of each response the emulator sends, compiled with ajv.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import Ajv, { type ValidateFunction } from 'ajv'
import ajvFormats from 'ajv-formats'

const require = createRequire(import.meta.url)

interface Parameter {
  name: string
  in: string
  required?: boolean
  schema?: { type?: string }
  $ref?: string
}

interface Operation {
  parameters?: Parameter[]
  requestBody?: { content?: Record<string, unknown> }
  responses: Record<string, { content?: Record<string, unknown>; $ref?: string }>
}

interface Spec {
  paths: Record<string, Record<string, Operation>>
  components: { parameters: Record<string, Parameter> }
}

function pointer(...tokens: string[]): string {
  return tokens.map((t) => encodeURIComponent(t.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/')
}

export class OpenApi {
  private static instance: OpenApi | undefined
  private readonly ajv: InstanceType<typeof Ajv.default>
  private readonly spec: Spec
  private readonly cache = new Map<string, ValidateFunction | null>()

  static get(): OpenApi {
    OpenApi.instance ??= new OpenApi()
    return OpenApi.instance
  }

  private constructor() {
    const file = require.resolve('@octokit/openapi/generated/api.github.com.json')
    this.spec = JSON.parse(readFileSync(file, 'utf8')) as Spec
    // ajv and ajv-formats are CommonJS: their ESM default import is module.exports (with `.default`).
    this.ajv = new Ajv.default({ strict: false, allErrors: true })
    ajvFormats.default(this.ajv)
    this.ajv.addSchema({ $id: 'gh', paths: this.spec.paths, components: this.spec.components })
  }

  operation(method: string, template: string): Operation {
    const op = this.spec.paths[template]?.[method.toLowerCase()]
    if (!op) throw new Error(`GitHub's OpenAPI description has no ${method} ${template}`)
    return op
  }

  private validator(key: string, ref: string): ValidateFunction | null {
    if (!this.cache.has(key)) this.cache.set(key, this.ajv.compile({ $ref: ref }))
    return this.cache.get(key) ?? null
  }

  private errors(v: ValidateFunction, data: unknown): string[] {
    return v(data)
      ? []
      : (v.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim())
  }

  /** Problems with a JSON request body (empty when it conforms). */
  validateBody(method: string, template: string, body: unknown): string[] {
    const op = this.operation(method, template)
    if (!op.requestBody?.content?.['application/json']) return []
    const m = method.toLowerCase()
    const v = this.validator(
      `req ${m} ${template}`,
      `gh#/${pointer('paths', template, m, 'requestBody', 'content', 'application/json', 'schema')}`
    )
    return v ? this.errors(v, body) : []
  }

  /** Problems with the query string: unknown parameters, wrong types, out-of-range page sizes. */
  validateQuery(method: string, template: string, query: URLSearchParams): string[] {
    const op = this.operation(method, template)
    const params = (op.parameters ?? []).map((p) =>
      p.$ref ? this.spec.components.parameters[p.$ref.split('/').pop() ?? ''] : p
    )
    const known = new Map(
      params.filter((p): p is Parameter => !!p && p.in === 'query').map((p) => [p.name, p])
    )
    const problems: string[] = []
    for (const [name, value] of query) {
      const p = known.get(name)
      if (!p) {
        problems.push(`unknown query parameter ${name}`)
        continue
      }
      if (p.schema?.type === 'integer' && !/^\d+$/.test(value))
        problems.push(`${name} must be an integer`)
      if (name === 'per_page' && Number(value) > 100) problems.push('per_page must be at most 100')
    }
    return problems
  }

  /** Problems with a response the emulator is about to send. */
  validateResponse(method: string, template: string, status: number, body: unknown): string[] {
    const op = this.operation(method, template)
    const m = method.toLowerCase()
    const res = op.responses[String(status)]
    if (!res) return [`${status} is not a documented response of ${method} ${template}`]
    const base = res.$ref
      ? `gh#/${res.$ref
          .slice(2)
          .split('/')
          .map((t) => encodeURIComponent(t))
          .join('/')}`
      : `gh#/${pointer('paths', template, m, 'responses', String(status))}`
    const content = res.$ref ? undefined : res.content
    if (!res.$ref && !content?.['application/json']) return []
    const v = this.validator(
      `res ${m} ${template} ${status}`,
      `${base}/${pointer('content', 'application/json', 'schema')}`
    )
    return v ? this.errors(v, body) : []
  }
}
