import type { Rule } from '../engine.js'
import { testSymbol, where } from '../engine.js'
import type { TextEdit } from '../types.js'
import type { Scope } from '../../model/types.js'
import { scopeRank } from '../../model/types.js'
import { describeRange } from '../../model/versions.js'
import { fixtureScopeMismatch } from '../messages.js'
import { preferredQuote, pyString, replaceValue, setKwarg } from '../../fix/edits.js'
import { backendScopeHits, backendSwitchEdits } from './backend-scope.js'

/**
 * AN103 (research/anyio.md R3): `@pytest.mark.parametrize("anyio_backend", [...])` makes a
 * function-scoped pseudo-fixture (unless `scope=` says otherwise), which a wider async fixture in
 * the test's closure cannot use.
 */
export const AN103: Rule = {
  meta: {
    code: 'AN103',
    name: 'parametrize-backend-with-scoped-fixture',
    severity: 'error',
    plugin: 'anyio',
    summary: 'A test parametrizes `anyio_backend` directly while using an async fixture with a wider scope.',
    fixable: true,
    docs: {
      what: 'Flags a test that chooses its backend with `@pytest.mark.parametrize("anyio_backend", ...)` (on the test, its class or its module) without a `scope=` at least as wide as every async fixture anyio runs for it. Flagged regardless of test order.',
      why: 'Direct parametrization creates a function-scoped `anyio_backend` pseudo-fixture. anyio resolves `anyio_backend` at each async fixture’s own scope, so a module-scoped fixture errors at setup: `ScopeMismatch: You tried to access the function scoped fixture anyio_backend with a module scoped request object` (requested from `get_direct_param_fixture_func`). The error is order-dependent: it disappears when another test sets the fixture up first.',
      versions: 'Every anyio version.',
      bad: `@pytest.fixture(scope="module")
async def warm_cache():
    return await load_cache()


@pytest.mark.parametrize("anyio_backend", ["asyncio"])
async def test_hit(anyio_backend, warm_cache):
    ...`,
      good: `@pytest.mark.parametrize("anyio_backend", ["asyncio"], scope="module")
async def test_hit(anyio_backend, warm_cache):
    ...`,
      references: ['https://docs.pytest.org/en/stable/reference/reference.html#pytest.Metafunc.parametrize']
    }
  },
  check(ctx) {
    for (const h of backendScopeHits(ctx)) {
      const mark = h.choice.mark
      if (h.choice.source !== 'parametrize' || !mark) continue
      const widest = h.wider.reduce((a, b) => (scopeRank(b.def.scope as Scope) > scopeRank(a.def.scope as Scope) ? b : a))
      const scope = widest.def.scope as Scope
      const test = h.test
      const file = test.file
      let fix
      if (file.exactText) {
        const existing = mark.mark.kwargs.get('scope')
        const q = preferredQuote(file, mark.mark.value)
        const edits: TextEdit[] = [existing ? replaceValue(file, existing, scope) : setKwarg(file, mark.mark.value, 'scope', pyString(scope, q))]
        if (h.choice.backends.length > 1) edits.push(...backendSwitchEdits(ctx, [test]))
        fix = { title: `Add \`scope="${scope}"\` to the \`anyio_backend\` parametrize`, edits, applicability: 'safe' as const }
      }
      const level = mark.level === 'function' ? '' : ` (on its ${mark.level})`
      ctx.report({
        path: file.path,
        span: test.func.anchor,
        symbol: testSymbol(test),
        message:
          `\`${test.name}\` parametrizes \`anyio_backend\` directly${level}, which makes it a ${h.backendScope}-scoped pseudo-fixture, but the ${scope}-scoped async fixture \`${widest.def.name}\` (${where(widest.def)}) gets its backend from it. ` +
          `anyio resolves \`anyio_backend\` at the fixture's own scope, so the test errors at setup: \`${fixtureScopeMismatch(h.backendScope, 'anyio_backend', scope)}\`. Affects ${describeRange(ctx.project.versions.anyio)}. ` +
          `It is order-dependent (another test that sets \`${widest.def.name}\` up first hides it), so it is flagged regardless of order. Add \`scope="${scope}"\` to the parametrize, or choose the backend in a ${scope}-scoped \`anyio_backend\` fixture.`,
        related: [{ path: widest.def.file.path, line: widest.def.func.anchor.line, endLine: widest.def.func.anchor.endLine, message: `${scope}-scoped async fixture \`${widest.def.name}\`` }],
        involves: [widest.def.file.path],
        ...(fix ? { fix } : {})
      })
    }
  }
}
