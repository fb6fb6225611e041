/** The action's inputs (action.yml), parsed and checked. */
import type { Severity } from '../rules/types.js'

export type FailOn = Severity | 'never'
export type ReporterKind = 'review' | 'annotations' | 'summary'

export interface Inputs {
  token: string
  workingDirectory: string
  paths: string[]
  exclude: string[]
  failOn: FailOn
  maxComments: number
  suggestions: boolean
  reporter: ReporterKind
  sarifFile?: string
  versionOverrides: { 'pytest-asyncio'?: string; anyio?: string }
}

/** Reads one input by its action.yml name; '' when unset (as @actions/core's getInput). */
export type InputGetter = (name: string) => string

function list(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && !s.startsWith('#'))
}

function oneOf<T extends string>(
  name: string,
  value: string,
  allowed: readonly T[],
  fallback: T
): T {
  const v = value.trim().toLowerCase()
  if (v === '') return fallback
  if ((allowed as readonly string[]).includes(v)) return v as T
  throw new Error(`Input '${name}' must be one of ${allowed.join(', ')}; got '${value}'.`)
}

function bool(name: string, value: string, fallback: boolean): boolean {
  const v = value.trim().toLowerCase()
  if (v === '') return fallback
  if (['true', 'yes', 'on', '1'].includes(v)) return true
  if (['false', 'no', 'off', '0'].includes(v)) return false
  throw new Error(`Input '${name}' must be true or false; got '${value}'.`)
}

/** A version (`1.2.0`) or a specifier (`>=0.24,<1`), as the analyzer accepts them. */
const VERSION_RE = /^[0-9A-Za-z.*<>=!~, ]+$/

function version(name: string, value: string): string | undefined {
  const v = value.trim()
  if (v === '') return undefined
  if (!VERSION_RE.test(v)) {
    throw new Error(
      `Input '${name}' must be a version (1.2.0) or a specifier (>=0.24,<1); got '${value}'.`
    )
  }
  return v
}

export function readInputs(get: InputGetter): Inputs {
  const maxRaw = get('max-comments').trim()
  const maxComments = maxRaw === '' ? 30 : Number(maxRaw)
  if (!Number.isInteger(maxComments) || maxComments < 0) {
    throw new Error(`Input 'max-comments' must be a whole number ≥ 0; got '${maxRaw}'.`)
  }
  const inputs: Inputs = {
    token: get('github-token').trim(),
    workingDirectory: get('working-directory').trim() || '.',
    paths: list(get('paths')),
    exclude: list(get('exclude')),
    failOn: oneOf('fail-on', get('fail-on'), ['error', 'warning', 'info', 'never'], 'error'),
    maxComments,
    suggestions: bool('suggestions', get('suggestions'), true),
    reporter: oneOf('reporter', get('reporter'), ['review', 'annotations', 'summary'], 'review'),
    versionOverrides: {}
  }
  const sarif = get('sarif-file').trim()
  if (sarif) inputs.sarifFile = sarif
  const pa = version('pytest-asyncio-version', get('pytest-asyncio-version'))
  if (pa) inputs.versionOverrides['pytest-asyncio'] = pa
  const an = version('anyio-version', get('anyio-version'))
  if (an) inputs.versionOverrides.anyio = an
  return inputs
}
