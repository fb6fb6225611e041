import type { Rule } from '../engine.js'
import { fixtureSymbol, where } from '../engine.js'
import type { FixtureDef, Scope } from '../../model/types.js'
import { isScope, scopeRank } from '../../model/types.js'
import { eraAtLeast } from '../../resolve/asyncio.js'
import { CROSS_LOOP_ERROR, MULTIPLE_LOOPS_ERROR } from '../messages.js'
import { setFixtureLoopScopeFix } from '../fixes.js'
import { narrowerLoopFixtures } from './narrower-loop.js'
import { affects } from './versions.js'

/** PA106: an autouse async fixture runs in a narrower loop than the tests it is applied to. */
export const PA106: Rule = {
  meta: {
    code: 'PA106',
    name: 'autouse-async-fixture-with-narrower-loop',
    severity: 'error',
    plugin: 'pytest-asyncio',
    summary: 'An autouse async fixture runs in a narrower event loop than the tests it applies to.',
    fixable: true,
    docs: {
      what: 'Flags an `autouse=True` async fixture (in a conftest, module or class) whose loop scope is narrower than the loop scope of asyncio tests it is applied to — for example a plain `@pytest_asyncio.fixture(autouse=True)` (function loop) beside tests that run in the session loop through `asyncio_default_test_loop_scope = session` or `loop_scope="session"` marks. The finding sits on the fixture; the fix gives it the tests’ loop scope.',
      why: 'No test asks for an autouse fixture, so nothing in the test shows the mismatch. On pytest-asyncio 0.23–0.26 every such test fails to collect: `MultipleEventLoopsRequestedError: Multiple asyncio event loops with different scopes have been requested`. On 1.0–1.1 the tests may silently run in the fixture’s per-test loop instead of the one they ask for. From 1.2 they run in their own loop while the fixture set things up in another, so anything loop-bound it creates (clients, caches, locks) fails in the tests: `RuntimeError: Task … got Future … attached to a different loop`, or `ValueError: The future belongs to a different loop than the one specified as the loop argument`.',
      versions: 'pytest-asyncio 0.23–1.4 (collection error on 0.23–0.26; wrong or crossed loops from 1.0). When only 1.2 or newer is allowed and the fixture visibly hands nothing to the tests (no yielded or returned value, no attribute, item or global assignment), it is a warning.',
      bad: `# conftest.py (with asyncio_default_test_loop_scope = session)
@pytest_asyncio.fixture(autouse=True)
async def fresh_backend():
    limits.backend = await CacheClient().connect()
    yield
    await limits.backend.close()`,
      good: `# conftest.py
@pytest_asyncio.fixture(autouse=True, loop_scope="session")
async def fresh_backend():
    limits.backend = await CacheClient().connect()
    yield
    await limits.backend.close()`
    }
  },
  check(ctx) {
    const byFixture = narrowerLoopFixtures(ctx, true)
    for (const agg of byFixture.values()) {
      const { fx, fixtureScope } = agg
      const scopes = [...new Set(agg.tests.values())].sort((a, b) => scopeRank(b) - scopeRank(a))
      const target = scopes[0] as Scope
      const eras = ctx.paEras.filter((b) => agg.eras.has(b.era))
      const versions = eras.flatMap((b) => b.versions)
      const tests = [...agg.tests.keys()]
      const names = tests.slice(0, 3).map((t) => `\`${t.name}\``).join(', ') + (tests.length > 3 ? ` and ${tests.length - 3} more` : '')
      const newest = eras[eras.length - 1]!.era
      const old = eras.some((b) => !eraAtLeast(b.era, '1.0'))
      const why =
        agg.source === 'ini'
          ? '(from `asyncio_default_fixture_loop_scope`)'
          : agg.source === 'loop_scope'
            ? '(its `loop_scope`)'
            : '(its caching scope, with no `loop_scope` and no ini default)'
      // From 1.2 the loops no longer collide; it fails only when the fixture hands loop-bound state to the tests.
      const shares = sharesState(fx)
      const severity = eras.some((b) => !eraAtLeast(b.era, '1.2')) || shares ? 'error' : 'warning'
      const runtime = eraAtLeast(newest, '1.2')
        ? shares
          ? `anything loop-bound it creates fails when the tests use it: \`${CROSS_LOOP_ERROR}\``
          : `it sets up in a loop of its own; that only works while it hands no loop-bound object to the tests (else \`${CROSS_LOOP_ERROR}\`)`
        : eraAtLeast(newest, '1.0')
          ? 'the tests may silently run in the fixture’s loop instead of their own'
          : `the tests fail to collect: \`${MULTIPLE_LOOPS_ERROR}\``
      const fixable = scopes.length === 1 && eras.every((b) => eraAtLeast(b.era, '0.24'))
      const fix = fixable ? setFixtureLoopScopeFix(fx, target) : null
      ctx.report({
        severity,
        path: fx.file.path,
        span: fx.func.anchor,
        symbol: fixtureSymbol(fx),
        message:
          `Autouse fixture \`${fx.name}\` runs in a ${fixtureScope}-scoped loop ${why}, but it applies to ${names}, which ${tests.length === 1 ? 'runs' : 'run'} in the ${target} loop; ${runtime}` +
          (old && eraAtLeast(newest, '1.0') ? `; on pytest-asyncio 0.23–0.26 they fail to collect with \`${MULTIPLE_LOOPS_ERROR}\`` : '') +
          `. Affects ${affects(ctx, versions)}. ` +
          (fixable
            ? `Give it the tests’ loop: \`loop_scope="${target}"\` (its caching scope can stay ${isScope(fx.scope) ? fx.scope : 'as is'}).`
            : scopes.length > 1
              ? `The tests it applies to run in different loops (${scopes.join(', ')}), so no single \`loop_scope\` fits: move the fixture into the conftest or module of one group, or align the tests.`
              : `On pytest-asyncio 0.23 a fixture’s loop is its caching scope: upgrade to pytest-asyncio>=0.24 and set \`loop_scope="${target}"\`.`),
        related: tests.slice(0, 5).map((t) => ({
          path: t.file.path,
          line: t.func.anchor.line,
          endLine: t.func.anchor.endLine,
          message: `\`${t.name}\` runs in the ${agg.tests.get(t)} loop; autouse \`${fx.name}\` (${where(fx)}) applies to it`
        })),
        involves: tests.map((t) => t.file.path),
        ...(fix ? { fix } : {})
      })
    }
  }
}

/**
 * Does the fixture hand state to the tests (a yielded or returned value, an attribute, item or
 * global assignment)? A cheap textual check of its body; when unsure, it says yes.
 */
function sharesState(fx: FixtureDef): boolean {
  if (!fx.file.exactText) return true
  const body = fx.file.text.slice(fx.func.defSpan.end, fx.func.whole.end)
  return /^\s*(yield|return)[ \t]+(?!None\b)\S/m.test(body) || /^\s*(global|nonlocal)\s/m.test(body) || /^\s*[A-Za-z_][\w.]*(\.[A-Za-z_]\w*|\[[^\]\n]*\])\s*(=|\+=|-=)(?!=)/m.test(body)
}
