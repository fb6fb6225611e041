import type { Rule } from '../engine.js'
import { fixtureSymbol } from '../engine.js'
import type { Fix, TextEdit } from '../types.js'
import type { FixtureDef, PyFile, Scope } from '../../model/types.js'
import { isScope, scopeRank } from '../../model/types.js'
import { describeRange } from '../../model/versions.js'
import { codeOnly, statementAt } from '../../resolve/anyio.js'
import { fixtureScopeMismatch } from '../messages.js'
import { removeParamEdit } from '../../fix/edits.js'
import { cap, testsText } from './wording.js'

const HELPERS = {
  anyio_backend_name: { variable: ['name', 'backend_name'], expr: 'anyio_backend if isinstance(anyio_backend, str) else anyio_backend[0]' },
  anyio_backend_options: { variable: ['options', 'backend_options'], expr: '{} if isinstance(anyio_backend, str) else anyio_backend[1]' }
} as const
type Helper = keyof typeof HELPERS

/**
 * AN104 (research/anyio.md R4): a class-or-wider fixture requests `anyio_backend_name` or
 * `anyio_backend_options`, which are function-scoped in every anyio version (even when
 * `anyio_backend` itself is widened).
 */
export const AN104: Rule = {
  meta: {
    code: 'AN104',
    name: 'scoped-fixture-uses-backend-name',
    severity: 'error',
    plugin: 'anyio',
    summary: 'A class-, module-, package- or session-scoped fixture requests the function-scoped `anyio_backend_name` or `anyio_backend_options`.',
    fixable: true,
    docs: {
      what: 'Flags a fixture with a scope wider than `function` that requests `anyio_backend_name` or `anyio_backend_options` (anyio’s helpers, unless the project overrides them with a wider scope).',
      why: 'The helpers are function-scoped in every anyio version, so pytest refuses them to a wider fixture and every test using it errors at setup: `ScopeMismatch: You tried to access the function scoped fixture anyio_backend_name with a module scoped request object`. Widening `anyio_backend` does not help. Requesting `anyio_backend` (module-scoped by default from anyio 4.0) and deriving the name does, and it also rebuilds the fixture when the backend switches.',
      versions: 'Every anyio version.',
      bad: `@pytest.fixture(scope="module")
async def queue(anyio_backend_name):
    q = JobQueue(f"thumbs-{anyio_backend_name}")
    yield q
    await q.close()`,
      good: `@pytest.fixture(scope="module")
async def queue(anyio_backend):
    name = anyio_backend if isinstance(anyio_backend, str) else anyio_backend[0]
    q = JobQueue(f"thumbs-{name}")
    yield q
    await q.close()`
    }
  },
  check(ctx) {
    for (const fx of ctx.fixturesInScope()) {
      if (fx.builtin || !isScope(fx.scope) || fx.scope === 'function') continue
      const asked = (Object.keys(HELPERS) as Helper[]).filter((h) => fx.func.argnames.includes(h))
      if (!asked.length) continue
      const users = ctx.usersOf(fx)
      if (!users.length) continue
      const bad: { helper: Helper; scope: Scope }[] = []
      for (const h of asked) {
        const def = ctx.suite.resolve(h, users[0]!, fx.name === h ? fx : undefined)
        const s = def && isScope(def.scope) ? def.scope : 'function'
        if (scopeRank(s) < scopeRank(fx.scope)) bad.push({ helper: h, scope: s })
      }
      if (!bad.length) continue
      // `anyio_backend` itself must be cached at least as long as the fixture for the derived value to work.
      const narrowBackend = users
        .map((u) => ctx.anyio.backend(u))
        .find((b) => b && b.scopes.some((x) => isScope(x.scope) && scopeRank(x.scope) < scopeRank(fx.scope as Scope)))
      const fix = narrowBackend ? null : deriveFix(fx, bad.map((b) => b.helper))
      const first = bad[0]!
      ctx.report({
        path: fx.file.path,
        span: fx.func.anchor,
        symbol: fixtureSymbol(fx),
        message:
          `${cap(fx.scope)}-scoped fixture \`${fx.name}\` requests ${bad.map((b) => `\`${b.helper}\``).join(' and ')}, which ${bad.length > 1 ? 'are' : 'is'} ${first.scope}-scoped in every anyio version, so ${testsText(users)} error${users.length === 1 ? 's' : ''} at setup: ` +
          `\`${fixtureScopeMismatch(first.scope, first.helper, fx.scope)}\`. Affects ${describeRange(ctx.project.versions.anyio)}. Widening \`anyio_backend\` does not change that. ` +
          `Request \`anyio_backend\` instead and derive the ${bad.map((b) => (b.helper === 'anyio_backend_name' ? 'name' : 'options')).join(' and ')} from it` +
          (narrowBackend
            ? `; \`anyio_backend\` is only ${narrowBackend.scope}-scoped here, so it also needs an override with \`scope="${fx.scope}"\` in the conftest (AN101/AN102).`
            : ' (or override the helper in a conftest with a wider scope).'),
        involves: users.map((u) => u.file.path),
        ...(fix ? { fix } : {})
      })
    }
  }
}

/** Request `anyio_backend` instead of the helpers and compute their values at the top of the body. */
function deriveFix(fx: FixtureDef, helpers: Helper[]): Fix | null {
  const file = fx.file
  if (!file.exactText) return null
  const fn = fx.func
  const text = file.text
  const eol = text.includes('\r\n') ? '\r\n' : '\n'
  const body = firstBodyStatement(file, fx)
  if (!body) return null
  const edits: TextEdit[] = []
  // Parameters: the first helper becomes `anyio_backend` (unless already requested); the others go.
  let renamed = fn.argnames.includes('anyio_backend')
  for (const h of helpers) {
    const p = fn.params.find((x) => x.name === h)
    if (!p) return null
    if (!renamed) {
      edits.push({ path: file.path, start: p.span.start, end: p.span.start + h.length, text: 'anyio_backend' })
      renamed = true
    } else {
      const e = removeParamEdit(file, fn, h)
      if (!e) return null
      edits.push(e)
    }
  }
  const bodyText = codeOnly(text.slice(body.insertAt, fn.whole.end))
  const lines: string[] = []
  for (const h of helpers) {
    const variable = HELPERS[h].variable.find((v) => !new RegExp(`(?<![\\w.])${v}(?!\\w)`).test(bodyText)) ?? `${HELPERS[h].variable[1]}_`
    lines.push(`${body.indent}${variable} = ${HELPERS[h].expr}${eol}`)
    const re = new RegExp(`(?<![\\w.])${h}(?!\\w)`, 'g')
    let m: RegExpExecArray | null
    while ((m = re.exec(bodyText))) edits.push({ path: file.path, start: body.insertAt + m.index, end: body.insertAt + m.index + h.length, text: variable })
  }
  edits.push({ path: file.path, start: body.insertAt, end: body.insertAt, text: lines.join('') })
  return {
    title: `Request \`anyio_backend\` in \`${fx.name}\` and derive ${helpers.map((h) => `\`${h}\``).join(' and ')} from it`,
    edits,
    applicability: 'safe'
  }
}

/** Where the first statement after the docstring starts (line start) and its indentation. */
function firstBodyStatement(file: PyFile, fx: FixtureDef): { insertAt: number; indent: string } | null {
  const text = file.text
  const colon = text.indexOf(':', fx.func.defSpan.end)
  if (colon < 0) return null
  const nl = text.indexOf('\n', colon)
  if (nl < 0 || !/^[ \t]*(#.*)?\r?$/.test(text.slice(colon + 1, nl))) return null
  // First non-blank, non-comment line.
  let p = nl + 1
  for (;;) {
    if (p >= fx.func.whole.end) return null
    const e = text.indexOf('\n', p)
    const line = text.slice(p, e < 0 ? text.length : e)
    if (/^\s*$/.test(line) || /^\s*#/.test(line)) {
      if (e < 0) return null
      p = e + 1
      continue
    }
    break
  }
  const indent = /^[ \t]*/.exec(text.slice(p))?.[0] ?? ''
  const stmt = p + indent.length
  const first = statementAt(text, stmt, fx.func.whole.end)
  if (first?.kind === 'str' && /^[ \t]*(#.*)?\r?(\n|$)/.test(text.slice(first.end))) {
    const e = text.indexOf('\n', first.end)
    if (e < 0) return null
    return { insertAt: e + 1, indent }
  }
  return { insertAt: p, indent }
}
