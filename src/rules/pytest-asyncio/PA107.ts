import type { Rule } from '../engine.js'
import { fixtureSymbol, where } from '../engine.js'
import type { FixtureDef, Scope } from '../../model/types.js'
import { isScope, scopeRank } from '../../model/types.js'
import { effectiveRank, eraAtLeast, isKnown, type PaEra } from '../../resolve/asyncio.js'
import { CROSS_LOOP_ERROR, MULTIPLE_LOOPS_ERROR } from '../messages.js'
import { setFixtureLoopScopeFix } from '../fixes.js'
import { affects } from './versions.js'

/** PA107: an async fixture requests an async fixture that runs in another event loop. */
export const PA107: Rule = {
  meta: {
    code: 'PA107',
    name: 'fixture-depends-on-fixture-in-other-loop',
    severity: 'error',
    plugin: 'pytest-asyncio',
    summary: 'An async fixture requests an async fixture that runs in a different event loop.',
    fixable: true,
    docs: {
      what: 'Flags an async fixture A that requests (as a parameter) an async fixture B whose loop scope differs from A’s — typically a per-test `session`/`transaction` fixture (function loop) built on a session-loop engine or pool. The finding sits on the dependent fixture A; the fix gives A the loop scope of the fixture it depends on (its caching scope does not change).',
      why: 'A’s setup awaits objects B created in another loop, so it fails before the test body runs: `RuntimeError: Task … got Future … attached to a different loop` (or `… is bound to a different event loop`). On pytest-asyncio 0.23–0.26 tests whose own loop is wider than function fail to collect with `MultipleEventLoopsRequestedError`.',
      versions: 'pytest-asyncio 0.23–1.4 (on 0.23 a fixture’s loop is its caching scope; `loop_scope=` needs 0.24).',
      bad: `@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def engine():
    ...

@pytest_asyncio.fixture
async def tx(engine):
    async with engine.acquire() as conn:
        yield conn`,
      good: `@pytest_asyncio.fixture(loop_scope="session")
async def tx(engine):
    async with engine.acquire() as conn:
        yield conn`,
      references: ['https://pytest-asyncio.readthedocs.io/en/stable/concepts.html#asyncio-event-loops']
    }
  },
  check(ctx) {
    interface Agg {
      fx: FixtureDef
      scope: Scope
      deps: Map<FixtureDef, Scope>
      eras: Set<PaEra>
    }
    const byFixture = new Map<FixtureDef, Agg>()
    for (const test of ctx.targetTests()) {
      const closure = ctx.suite.closure(test)
      for (const { era } of ctx.paEras) {
        if (!eraAtLeast(era, '0.23')) continue
        for (const { def: a } of closure) {
          if (a.builtin || !a.func.isAsync || !ctx.asyncio.handlesFixture(a, era)) continue
          const la = ctx.asyncio.fixtureLoop(a, era)
          if (!isKnown(la)) continue
          for (const arg of a.func.argnames) {
            const b = ctx.suite.resolve(arg, test, a)
            if (!b || b.builtin || b === a || !b.func.isAsync || !ctx.asyncio.handlesFixture(b, era)) continue
            const lb = ctx.asyncio.fixtureLoop(b, era)
            if (!isKnown(lb)) continue
            if (effectiveRank(la.scope, test) === effectiveRank(lb.scope, test)) continue
            // A narrower-scoped dependency is pytest's own ScopeMismatch, whatever the loops.
            if (isScope(a.scope) && isScope(b.scope) && scopeRank(b.scope) < scopeRank(a.scope)) continue
            // A loop narrower than a fixture's cache is a setup error first (PA101/PA102).
            if (isScope(a.scope) && scopeRank(la.scope) < scopeRank(a.scope)) continue
            if (isScope(b.scope) && scopeRank(lb.scope) < scopeRank(b.scope)) continue
            const agg = byFixture.get(a) ?? { fx: a, scope: la.scope, deps: new Map(), eras: new Set() }
            if (!agg.deps.has(b)) agg.deps.set(b, lb.scope)
            agg.eras.add(era)
            byFixture.set(a, agg)
          }
        }
      }
    }
    for (const agg of byFixture.values()) {
      const { fx } = agg
      const eras = ctx.paEras.filter((b) => agg.eras.has(b.era))
      const versions = eras.flatMap((b) => b.versions)
      const deps = [...agg.deps.entries()]
      const depScopes = [...new Set(deps.map(([, s]) => s))]
      const target = depScopes.length === 1 ? (depScopes[0] as Scope) : null
      const canSet = target !== null && eras.every((b) => eraAtLeast(b.era, '0.24')) && (!isScope(fx.scope) || scopeRank(target) >= scopeRank(fx.scope))
      const fix = canSet ? setFixtureLoopScopeFix(fx, target) : null
      const old = eras.some((b) => !eraAtLeast(b.era, '1.0'))
      const depText = deps.map(([b, s]) => `\`${b.name}\` (${where(b)}, ${s} loop)`).join(', ')
      const [firstDep] = deps[0] as [FixtureDef, Scope]
      ctx.report({
        path: fx.file.path,
        span: fx.func.anchor,
        symbol: fixtureSymbol(fx),
        message:
          `Async fixture \`${fx.name}\` runs in the ${agg.scope} loop but requests ${depText}. ` +
          `Its setup awaits objects created in the other loop and fails before the test runs: \`${CROSS_LOOP_ERROR}\`` +
          (old ? `; on pytest-asyncio 0.23–0.26 tests in a wider-than-function loop fail to collect with \`${MULTIPLE_LOOPS_ERROR}\`` : '') +
          `. Affects ${affects(ctx, versions)}. ` +
          (canSet
            ? `Give \`${fx.name}\` the loop of the fixture it depends on: \`loop_scope="${target}"\` (its caching scope can stay ${isScope(fx.scope) ? fx.scope : 'as is'}); tests using it then need the same loop scope.`
            : target && !eras.every((b) => eraAtLeast(b.era, '0.24'))
              ? `On pytest-asyncio 0.23 a fixture’s loop is its caching scope: upgrade to pytest-asyncio>=0.24 and set \`loop_scope="${target}"\` on \`${fx.name}\`.`
              : target
                ? `\`${fx.name}\` is cached per ${fx.scope}, wider than the ${target} loop of \`${firstDep.name}\`: give \`${firstDep.name}\` a loop at least as wide as \`${fx.name}\`’s.`
                : `The fixtures it depends on run in different loops (${depScopes.join(', ')}): align them first.`),
        related: deps.map(([b, s]) => ({
          path: b.file.path,
          line: b.func.anchor.line,
          endLine: b.func.anchor.endLine,
          message: `\`${b.name}\` runs in the ${s} loop`
        })),
        involves: deps.map(([b]) => b.file.path),
        ...(fix ? { fix } : {})
      })
    }
  }
}
