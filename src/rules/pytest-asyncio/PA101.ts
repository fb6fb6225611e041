import type { Rule } from '../engine.js'
import { fixtureSymbol, versionsText } from '../engine.js'
import { isScope, scopeRank } from '../../model/types.js'
import { eraAtLeast } from '../../resolve/asyncio.js'
import { scopeMismatch } from '../messages.js'
import { replaceValue } from '../../fix/edits.js'
import { fixtureTargetLoop } from '../fixes.js'

/** PA101: `loop_scope` narrower than the fixture's caching `scope`. */
export const PA101: Rule = {
  meta: {
    code: 'PA101',
    name: 'fixture-loop-scope-narrower-than-scope',
    severity: 'error',
    plugin: 'pytest-asyncio',
    summary: 'An async fixture’s `loop_scope` is narrower than its caching `scope`.',
    fixable: true,
    docs: {
      what: 'Flags `@pytest_asyncio.fixture(scope=S, loop_scope=L)` where L is narrower than S.',
      why: 'A fixture cached for a whole session cannot live in a loop that is torn down after every test. pytest-asyncio requests the loop with the fixture’s own scope, so pytest refuses: every test using the fixture errors at setup with `ScopeMismatch: You tried to access the function scoped fixture _function_scoped_runner with a session scoped request object`.',
      versions: 'pytest-asyncio 0.24–1.4 (before 0.24 `loop_scope=` is a TypeError: PA204).',
      bad: `@pytest_asyncio.fixture(scope="session", loop_scope="function")
async def pool():
    return await create_pool()`,
      good: `@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def pool():
    return await create_pool()`
    }
  },
  check(ctx) {
    const eras = ctx.paEras.filter((b) => eraAtLeast(b.era, '0.24'))
    if (!eras.length) return
    const newest = eras[eras.length - 1]!.era
    for (const fx of ctx.fixturesInScope()) {
      if (fx.decoratorKind !== 'pytest_asyncio' || !fx.loopScopeValue) continue
      const ls = fx.loopScopeValue.str
      const scope = fx.scope
      if (!isScope(ls) || !isScope(scope)) continue
      if (scopeRank(ls) >= scopeRank(scope)) continue
      const versions = eras.flatMap((b) => b.versions)
      // At least the caching scope, and the loop of the tests that use it.
      const target = fixtureTargetLoop(ctx, fx, newest) ?? scope
      const fix = fx.file.exactText
        ? {
            title: target === scope ? `Set \`loop_scope="${scope}"\` to match \`scope="${scope}"\`` : `Set \`loop_scope="${target}"\`, the loop its tests run in`,
            edits: [replaceValue(fx.file, fx.loopScopeValue, target)],
            applicability: 'safe' as const
          }
        : undefined
      ctx.report({
        path: fx.file.path,
        span: fx.func.anchor,
        symbol: fixtureSymbol(fx),
        message:
          `Fixture \`${fx.name}\` is cached per ${scope} but asks for a ${ls}-scoped event loop, which is torn down sooner; every test that uses it errors at setup: \`${scopeMismatch(newest, ls, scope)}\`. ` +
          `Affects ${versionsText('pytest-asyncio', versions)}. Make the loop scope at least the caching scope: \`loop_scope="${target}"\`${target === scope ? '' : ` (${target}, because the tests using it run in the ${target} loop)`}.`,
        ...(fix ? { fix } : {})
      })
    }
  }
}
