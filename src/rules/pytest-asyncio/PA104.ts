import type { Rule, RuleContext } from '../engine.js'
import { testSymbol, versionsText, where } from '../engine.js'
import type { FixtureDef, Scope, TestFunc } from '../../model/types.js'
import { isScope, scopeRank } from '../../model/types.js'
import { effectiveRank, eraAtLeast, isKnown, type PaEra } from '../../resolve/asyncio.js'
import { CROSS_LOOP_ERROR } from '../messages.js'
import { setTestLoopScopeFix } from '../fixes.js'

/**
 * PA104: a test's loop is narrower than the loop of an async fixture in its closure (the #706
 * family): objects the fixture creates are bound to a loop the test does not run in.
 */
export const PA104: Rule = {
  meta: {
    code: 'PA104',
    name: 'test-runs-in-narrower-loop-than-fixture',
    severity: 'error',
    plugin: 'pytest-asyncio',
    summary: 'A test runs in a narrower event loop than an async fixture it uses, directly or through other fixtures.',
    fixable: true,
    docs: {
      what: 'Flags an asyncio test whose loop scope (from its closest `asyncio` mark, the `asyncio_default_test_loop_scope` ini option, or the default `function`) is narrower than the loop scope of an async fixture in its fixture closure — requested directly, through a sync fixture, through `usefixtures`, or autouse.',
      why: 'pytest-asyncio runs the fixture in the wider loop and the test in its own narrower loop. Anything loop-bound the fixture creates (connections, queues, locks, futures) then fails when the test awaits it: `RuntimeError: Task … got Future … attached to a different loop`, `… is bound to a different event loop`, or `ValueError: The future belongs to a different loop`. asyncio primitives bind lazily, so failures can be intermittent.',
      versions: 'pytest-asyncio 0.23 (a fixture always runs in its caching scope’s loop) through 1.4. On 0.23 the fix is the mark’s `scope=` argument; from 0.24 it is `loop_scope=`.',
      bad: `# conftest.py
@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def pool():
    return await create_pool()

# test_orders.py
@pytest.mark.asyncio
async def test_add(pool):
    await pool.execute("INSERT ...")`,
      good: `# test_orders.py
@pytest.mark.asyncio(loop_scope="session")
async def test_add(pool):
    await pool.execute("INSERT ...")`,
      references: [
        'https://pytest-asyncio.readthedocs.io/en/stable/how-to-guides/run_session_tests_in_same_loop.html',
        'https://github.com/pytest-dev/pytest-asyncio/issues/706'
      ]
    }
  },
  check(ctx) {
    for (const test of ctx.targetTests()) {
      if (!ctx.asyncio.isAsyncioTest(test)) continue
      const hit = findNarrowerLoop(ctx, test)
      if (!hit) continue
      const { fixture, via, testScope, fixtureScope, eras } = hit
      const versions = eras.flatMap((e) => ctx.paEras.find((b) => b.era === e)?.versions ?? [])
      const markNote =
        hit.testSource === 'ini'
          ? `(\`asyncio_default_test_loop_scope = ${testScope}\`)`
          : hit.testSource === 'default'
            ? hit.marked
              ? `(its \`asyncio\` mark sets no \`loop_scope\`)`
              : '(no `asyncio` mark with a `loop_scope`)'
            : `(its \`asyncio\` mark)`
      const chain = via.length ? ` through ${via.map((v) => `\`${v}\``).join(' → ')}` : ''
      const fixWithScope = eras.every((e) => e === '0.23')
      const fix = setTestLoopScopeFix(ctx, test, fixtureScope, fixWithScope ? 'scope' : 'loop_scope')
      ctx.report({
        path: test.file.path,
        span: test.func.anchor,
        symbol: testSymbol(test),
        message:
          `\`${test.name}\` runs in a ${testScope}-scoped event loop ${markNote}, but it uses the async fixture \`${fixture.name}\`${chain} (${where(fixture)}), which runs in the ${fixtureScope} loop. ` +
          `Objects the fixture creates are bound to the ${fixtureScope} loop and fail when the test awaits them: \`${CROSS_LOOP_ERROR}\`. ` +
          `Affects ${versionsText('pytest-asyncio', versions)}${ctx.project.versions['pytest-asyncio'].assumed ? ' (no pin found; assumed newest)' : ''}. ` +
          `Run the test in the fixture's loop` +
          (fixWithScope ? ` with \`@pytest.mark.asyncio(scope="${fixtureScope}")\`.` : ` with \`@pytest.mark.asyncio(loop_scope="${fixtureScope}")\`; or, if it must keep per-test loops, give the fixture \`loop_scope="function"\` (and function scope).`),
        related: [
          {
            path: fixture.file.path,
            line: fixture.func.anchor.line,
            endLine: fixture.func.anchor.endLine,
            message: `\`${fixture.name}\` runs in the ${fixtureScope} loop`
          }
        ],
        involves: [fixture.file.path],
        ...(fix ? { fix } : {})
      })
    }
  }
}

interface NarrowerHit {
  fixture: FixtureDef
  via: string[]
  testScope: Scope
  fixtureScope: Scope
  testSource: string
  marked: boolean
  eras: PaEra[]
}

/** The widest async fixture whose loop is wider than the test's, on the release lines where that holds. */
export function findNarrowerLoop(ctx: RuleContext, test: TestFunc): NarrowerHit | null {
  let best: NarrowerHit | null = null
  for (const { era } of ctx.paEras) {
    if (!eraAtLeast(era, '0.23')) continue
    const tl = ctx.asyncio.testLoop(test, era)
    if (!isKnown(tl)) continue
    for (const entry of ctx.suite.closure(test)) {
      const fx = entry.def
      if (!fx.func.isAsync || !ctx.asyncio.handlesFixture(fx, era)) continue
      const fl = ctx.asyncio.fixtureLoop(fx, era)
      if (!isKnown(fl)) continue
      // A loop narrower than the fixture's cache is a setup error first (PA101/PA102).
      if (isScope(fx.scope) && scopeRank(fl.scope) < scopeRank(fx.scope)) continue
      if (effectiveRank(fl.scope, test) <= effectiveRank(tl.scope, test)) continue
      if (!best || scopeRank(fl.scope) > scopeRank(best.fixtureScope)) {
        best = {
          fixture: fx,
          via: entry.via,
          testScope: tl.scope,
          fixtureScope: fl.scope,
          testSource: tl.source,
          marked: !!tl.mark,
          eras: [era]
        }
      } else if (best.fixture === fx && !best.eras.includes(era)) {
        best.eras.push(era)
      }
    }
  }
  return best
}
