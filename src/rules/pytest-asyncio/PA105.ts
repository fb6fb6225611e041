import type { Rule } from '../engine.js'
import { fixtureSymbol, versionsText, where } from '../engine.js'
import type { Scope } from '../../model/types.js'
import { scopeRank } from '../../model/types.js'
import { eraAtLeast } from '../../resolve/asyncio.js'
import { CROSS_LOOP_ERROR, MULTIPLE_LOOPS_ERROR } from '../messages.js'
import { setFixtureLoopScopeFix } from '../fixes.js'
import { narrowerLoopFixtures } from './narrower-loop.js'

/** PA105: a test's loop is wider than the loop of an async fixture it uses. */
export const PA105: Rule = {
  meta: {
    code: 'PA105',
    name: 'test-runs-in-wider-loop-than-fixture',
    severity: 'error',
    plugin: 'pytest-asyncio',
    summary: 'An async fixture runs in a narrower event loop than the tests that use it.',
    fixable: true,
    docs: {
      what: 'Flags an async fixture (not autouse: that is PA106) whose loop scope is narrower than the loop scope of an asyncio test that uses it. The finding sits on the fixture, because that is where the fix goes.',
      why: 'The fixture is set up in its own (e.g. per-test) loop while the test runs in the wider loop, so objects it creates fail when the test awaits them: `RuntimeError: Task … got Future … attached to a different loop`. On pytest-asyncio 0.23–0.26 the test does not even collect: `MultipleEventLoopsRequestedError`. On 1.0–1.1 the test may silently run in the fixture’s loop instead of the one it asked for.',
      versions:
        'pytest-asyncio 0.23–1.4 (collection error on 0.23–0.26, wrong or crossed loops from 1.0).',
      bad: `# conftest.py
@pytest_asyncio.fixture
async def conn():
    ...

# test_carts.py
@pytest.mark.asyncio(loop_scope="module")
async def test_add(conn):
    ...`,
      good: `# conftest.py
@pytest_asyncio.fixture(loop_scope="module")
async def conn():
    ...`
    }
  },
  check(ctx) {
    const byFixture = narrowerLoopFixtures(ctx, false)
    for (const agg of byFixture.values()) {
      const { fx, fixtureScope } = agg
      const scopes = new Set(agg.tests.values())
      const target = [...scopes].sort((a, b) => scopeRank(b) - scopeRank(a))[0] as Scope
      const eras = [...agg.eras]
      const versions = ctx.paEras.filter((b) => agg.eras.has(b.era)).flatMap((b) => b.versions)
      const tests = [...agg.tests.keys()]
      const names =
        tests
          .slice(0, 3)
          .map((t) => `\`${t.name}\``)
          .join(', ') + (tests.length > 3 ? ` and ${tests.length - 3} more` : '')
      const old = eras.some((e) => !eraAtLeast(e, '1.0'))
      const why =
        agg.source === 'ini'
          ? `(from \`asyncio_default_fixture_loop_scope\`)`
          : agg.source === 'loop_scope'
            ? '(its `loop_scope`)'
            : '(its caching scope, with no `loop_scope` and no ini default)'
      const fixable = scopes.size === 1 && eras.every((e) => eraAtLeast(e, '0.24'))
      const fix = fixable ? setFixtureLoopScopeFix(fx, target) : null
      ctx.report({
        path: fx.file.path,
        span: fx.func.anchor,
        symbol: fixtureSymbol(fx),
        message:
          `Async fixture \`${fx.name}\` runs in a ${fixtureScope}-scoped loop ${why}, but ${names} ${tests.length === 1 ? 'runs' : 'run'} in the ${target} loop. ` +
          `Objects it creates are bound to the fixture's loop: \`${CROSS_LOOP_ERROR}\`` +
          (old
            ? `; on pytest-asyncio 0.23–0.26 the tests fail to collect with \`${MULTIPLE_LOOPS_ERROR}\``
            : '') +
          `. Affects ${versionsText('pytest-asyncio', versions)}. ` +
          (fixable
            ? `Give the fixture \`loop_scope="${target}"\` (its caching scope can stay ${fx.scope === 'dynamic' || fx.scope === 'invalid' ? 'as is' : fx.scope}), or set \`asyncio_default_fixture_loop_scope = ${target}\`.`
            : `Its users run in different loops (${[...scopes].join(', ')}), so no single \`loop_scope\` fits them all: split the fixture or align the tests.`),
        related: tests.slice(0, 5).map((t) => ({
          path: t.file.path,
          line: t.func.anchor.line,
          endLine: t.func.anchor.endLine,
          message: `\`${t.name}\` runs in the ${agg.tests.get(t)} loop and uses \`${fx.name}\` (${where(fx)})`
        })),
        involves: tests.map((t) => t.file.path),
        ...(fix ? { fix } : {})
      })
    }
  }
}
