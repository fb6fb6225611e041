import type { Rule } from '../engine.js'
import { fixtureSymbol, where } from '../engine.js'
import type { FixtureDef, Scope, TestFunc } from '../../model/types.js'
import { isScope, scopeRank } from '../../model/types.js'
import { describeRange } from '../../model/versions.js'
import { fixtureScopeMismatch } from '../messages.js'
import { preferredQuote, pyString, replaceValue, setKwarg } from '../../fix/edits.js'
import { backendScopeHits } from './backend-scope.js'
import { cap, testsText } from './wording.js'

/**
 * AN102 (research/anyio.md R2): a user `anyio_backend` override cached for less long than an
 * async fixture that gets its backend from it — typically the anyio docs' function-scoped
 * `def anyio_backend(): return "asyncio"` next to a module- or session-scoped async fixture.
 */
export const AN102: Rule = {
  meta: {
    code: 'AN102',
    name: 'backend-override-narrower-than-async-fixture',
    severity: 'error',
    plugin: 'anyio',
    summary: 'An `anyio_backend` override is narrower than an async fixture that gets its backend from it.',
    fixable: true,
    docs: {
      what: 'Flags a user-defined `anyio_backend` fixture (the one pytest picks for a test: class, then module, then the nearest conftest) whose scope is narrower than an async fixture anyio runs for that test, or than a fixture that requests `anyio_backend` itself. Every async fixture in the closure counts, not only those that name `anyio_backend`: the plugin injects it into all of them. Flagged regardless of test order.',
      why: 'anyio resolves `anyio_backend` at the async fixture’s own scope, so a function-scoped override cannot serve a module-scoped fixture: `ScopeMismatch: You tried to access the function scoped fixture anyio_backend with a module scoped request object`, and every test using that fixture errors at setup. Users often introduce it by copying the anyio docs’ function-scoped override: before that, the plugin’s module-scoped default made their module-scoped fixtures work.',
      versions: 'Every anyio version.',
      bad: `# conftest.py
@pytest.fixture
def anyio_backend():
    return "asyncio"

# test_bucket.py
@pytest.fixture(scope="module")
async def shared_bucket():
    yield TokenBucket(rate=200, capacity=5)`,
      good: `# conftest.py
@pytest.fixture(scope="module")
def anyio_backend():
    return "asyncio"`,
      references: ['https://anyio.readthedocs.io/en/stable/testing.html#specifying-the-backends-to-run-on', 'https://github.com/agronholm/anyio/pull/984']
    }
  },
  check(ctx) {
    const byDef = new Map<FixtureDef, { fixture: FixtureDef; scope: Scope; tests: TestFunc[] }>()
    for (const h of backendScopeHits(ctx)) {
      const def = h.choice.def
      if (h.choice.source !== 'fixture' || !def || def.builtin) continue
      for (const c of h.wider) {
        const s = c.def.scope as Scope
        const cur = byDef.get(def)
        if (!cur) byDef.set(def, { fixture: c.def, scope: s, tests: [h.test] })
        else {
          if (scopeRank(s) > scopeRank(cur.scope)) {
            cur.scope = s
            cur.fixture = c.def
          }
          if (!cur.tests.includes(h.test)) cur.tests.push(h.test)
        }
      }
    }
    for (const [def, { fixture, scope, tests }] of byDef) {
      const own = isScope(def.scope) ? def.scope : 'function'
      const file = def.file
      let fix
      if (file.exactText) {
        const q = preferredQuote(file, def.decorator.value)
        const edit = def.scopeValue ? replaceValue(file, def.scopeValue, scope) : setKwarg(file, def.decorator.value, 'scope', pyString(scope, q))
        fix = { title: `Give \`anyio_backend\` \`scope="${scope}"\``, edits: [edit], applicability: 'safe' as const }
      }
      ctx.report({
        path: file.path,
        span: def.func.anchor,
        symbol: fixtureSymbol(def),
        message:
          `This \`anyio_backend\` override is ${own}-scoped, but the ${scope}-scoped async fixture \`${fixture.name}\` (${where(fixture)}) gets its backend from it. ` +
          `anyio resolves \`anyio_backend\` at the fixture's own scope, so ${testsText(tests)} error${tests.length === 1 ? 's' : ''} at setup: \`${fixtureScopeMismatch(own, 'anyio_backend', scope)}\`. Affects ${describeRange(ctx.project.versions.anyio)}; the error is order-dependent (it hides when a test without \`anyio_backend\` sets the fixture up first), so it is flagged regardless of order. ` +
          `${cap(scope)} scope is the widest async fixture using it: give the override \`scope="${scope}"\`.`,
        related: [{ path: fixture.file.path, line: fixture.func.anchor.line, endLine: fixture.func.anchor.endLine, message: `${scope}-scoped async fixture \`${fixture.name}\` resolves \`anyio_backend\` at ${scope} scope` }],
        involves: [fixture.file.path, ...tests.map((t) => t.file.path)],
        ...(fix ? { fix } : {})
      })
    }
  }
}
