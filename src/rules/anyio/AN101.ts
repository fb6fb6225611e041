import type { Rule, RuleContext } from '../engine.js'
import { fixtureSymbol } from '../engine.js'
import type { Fix, TextEdit } from '../types.js'
import type { FixtureDef, PyFile, Scope, TestFunc } from '../../model/types.js'
import { isScope, scopeRank } from '../../model/types.js'
import { describeRange, describeSet } from '../../model/versions.js'
import { fixtureScopeMismatch } from '../messages.js'
import { importEdit, localName, preferredQuote, pyString } from '../../fix/edits.js'
import { pushTo } from '../../util/multimap.js'
import { type BackendScopeHit, backendScopeHits, backendSwitchEdits } from './backend-scope.js'
import { backendsText, cap, testsText } from './wording.js'

/**
 * AN101 (research/anyio.md R1): a session/package-scoped async fixture (any non-function scope
 * on anyio 3.x) run with anyio's default `anyio_backend`, which is module-scoped from anyio 4.0
 * and function-scoped before. anyio resolves `anyio_backend` at the fixture's own scope.
 */
export const AN101: Rule = {
  meta: {
    code: 'AN101',
    name: 'higher-scope-fixture-default-backend',
    severity: 'error',
    plugin: 'anyio',
    summary: 'A session- or package-scoped async fixture runs with anyio’s default `anyio_backend`, which is only module-scoped.',
    fixable: true,
    docs: {
      what: 'Flags an async fixture that anyio runs (a plain `@pytest.fixture async def` used by a test with `anyio_backend` in its closure) whose scope is wider than the scope of anyio’s built-in `anyio_backend`: `session` or `package` from anyio 4.0 (the built-in is module-scoped), any scope but `function` on anyio 3.x (function-scoped). It is flagged regardless of test order.',
      why: 'anyio appends `anyio_backend` to the fixture’s arguments when it sets it up, and pytest resolves it from the fixture’s own (wider) scope. Every test using the fixture errors at setup with `ScopeMismatch: You tried to access the module scoped fixture anyio_backend with a session scoped request object`. The error is order-dependent: it hides when a test without `anyio_backend` happens to create the fixture first, and comes back when a test is run alone.',
      versions: 'anyio 3.0–3.7 (function-scoped default: class, module, package and session fixtures) and anyio 4.0 onwards (module-scoped default: package and session fixtures). The anyio docs still call the default function-scoped.',
      bad: `# conftest.py
@pytest.fixture(scope="session")
async def broker():
    b = Broker()
    yield b
    await b.aclose()`,
      good: `# conftest.py
@pytest.fixture(scope="session", params=["asyncio", "trio"])
def anyio_backend(request):
    return request.param


@pytest.fixture(scope="session")
async def broker(anyio_backend):
    b = Broker()
    yield b
    await b.aclose()`,
      references: ['https://anyio.readthedocs.io/en/stable/testing.html', 'https://github.com/agronholm/anyio/discussions/1156']
    }
  },
  check(ctx) {
    const hits = backendScopeHits(ctx).filter((h) => h.choice.source === 'plugin')
    if (!hits.length) return
    const byFixture = new Map<FixtureDef, BackendScopeHit[]>()
    for (const h of hits) for (const c of h.wider) pushTo(byFixture, c.def, h)
    // One override per file: wide enough for every flagged fixture there.
    const widest = new Map<PyFile, Scope>()
    for (const fx of byFixture.keys()) {
      if (!isScope(fx.scope)) continue
      const w = widest.get(fx.file)
      if (!w || scopeRank(fx.scope) > scopeRank(w)) widest.set(fx.file, fx.scope)
    }
    const plugin = ctx.anyio.pluginDefault()
    const info = ctx.project.versions.anyio
    for (const [fx, fxHits] of byFixture) {
      if (!isScope(fx.scope)) continue
      const versions = [...new Set(fxHits.flatMap((h) => h.versions))].sort((a, b) => info.candidates.indexOf(a) - info.candidates.indexOf(b))
      const defaultScope = fxHits[0]!.backendScope
      const tests = [...new Set(fxHits.map((h) => h.test))]
      const scope = widest.get(fx.file) ?? fx.scope
      const fix = overrideFix(ctx, fx.file, scope, plugin.backends, [...byFixture.keys()].filter((f) => f.file === fx.file), tests)
      const onVersions = versions.length === info.candidates.length ? describeRange(info) : `anyio ${describeSet(versions, 'anyio')}, which the pins allow (${describeRange(info)}; newer releases are not affected)`
      // Only older releases the pins allow fail: what an installer picks today works.
      const severity = versions.includes(ctx.anyio.newest) ? 'error' : 'warning'
      ctx.report({
        severity,
        path: fx.file.path,
        span: fx.func.anchor,
        symbol: fixtureSymbol(fx),
        message:
          `${cap(fx.scope)}-scoped async fixture \`${fx.name}\` runs with anyio's default \`anyio_backend\`, which is ${defaultScope}-scoped on ${onVersions}. ` +
          `anyio resolves \`anyio_backend\` at the fixture's own scope, so ${testsText(tests)} error${tests.length === 1 ? 's' : ''} at setup: \`${fixtureScopeMismatch(defaultScope, 'anyio_backend', fx.scope)}\`. ` +
          `The error is order-dependent (it hides when a test without \`anyio_backend\` sets the fixture up first), so it is flagged regardless of order. ` +
          `Override \`anyio_backend\` with \`scope="${scope}"\` in ${fx.file.path}, keeping the ${backendsText(plugin.backends)} backend${plugin.backends.length > 1 ? 's' : ''}` +
          (plugin.backends.length > 1 ? `, and let \`${fx.name}\` request \`anyio_backend\` so it is rebuilt when the backend switches (AN105).` : '.'),
        related: tests.slice(0, 3).map((t) => ({ path: t.file.path, line: t.func.anchor.line, endLine: t.func.anchor.endLine, message: `\`${t.name}\` uses \`${fx.name}\` with the default \`anyio_backend\`` })),
        involves: tests.map((t) => t.file.path),
        ...(fix ? { fix } : {})
      })
    }
  }
}

/**
 * A scoped `anyio_backend` override inserted above the file's first definition (with the
 * comments right above it), keeping the given backends, plus the AN105 parameters.
 */
function overrideFix(ctx: RuleContext, file: PyFile, scope: Scope, backends: string[], flagged: FixtureDef[], tests: TestFunc[]): Fix | null {
  if (!file.exactText) return null
  const text = file.text
  const eol = text.includes('\r\n') ? '\r\n' : '\n'
  const defs = [...file.functions.map((f) => f.anchor), ...file.classes.map((c) => c.anchor)].sort((a, b) => a.start - b.start)
  const first = defs[0]
  if (!first) return null
  let at = file.lineStarts[first.line - 1] as number
  for (;;) {
    if (at === 0) break
    const prev = text.lastIndexOf('\n', at - 2) + 1
    if (!/^[ \t]*#/.test(text.slice(prev, at))) break
    at = prev
  }
  const edits: TextEdit[] = []
  let fixture = localName(file, 'pytest') ? `${localName(file, 'pytest')}.fixture` : localName(file, 'pytest.fixture')
  if (!fixture) {
    fixture = 'pytest.fixture'
    edits.push(importEdit(file, 'pytest'))
  }
  const q = preferredQuote(file)
  const indent = bodyIndent(file)
  const lines =
    backends.length > 1
      ? [`@${fixture}(scope=${pyString(scope, q)}, params=[${backends.map((b) => pyString(b, q)).join(', ')}])`, `def anyio_backend(request):`, `${indent}return request.param`]
      : [`@${fixture}(scope=${pyString(scope, q)})`, `def anyio_backend():`, `${indent}return ${pyString(backends[0] ?? 'asyncio', q)}`]
  edits.push({ path: file.path, start: at, end: at, text: lines.join(eol) + eol + eol + eol })
  if (backends.length > 1) edits.push(...backendSwitchEdits(ctx, tests, flagged))
  return {
    title: `Override \`anyio_backend\` with \`scope="${scope}"\` in ${file.path}`,
    edits,
    applicability: 'safe'
  }
}

/** The indentation unit a file uses for bodies (default four spaces). */
export function bodyIndent(file: PyFile): string {
  const m = /\n([ \t]+)\S/.exec(file.text)
  return m ? (m[1] as string) : '    '
}
