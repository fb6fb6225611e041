import type { Rule } from '../engine.js'
import { testSymbol } from '../engine.js'
import { describeRange } from '../../model/versions.js'
import { removeMarkEdits } from '../fixes.js'

/**
 * AN301 (research/anyio.md R7): a coroutine test with both an `anyio` and an `asyncio` mark,
 * with pytest-asyncio installed. pytest-asyncio takes the test over; every backend's item runs
 * on asyncio. (pytest-asyncio's auto mode taking over anyio tests is PA701 / AN303.)
 */
export const AN301: Rule = {
  meta: {
    code: 'AN301',
    name: 'mixed-async-plugins-hijack',
    severity: 'warning',
    plugin: 'anyio',
    summary: 'A test carries both the `anyio` and the `asyncio` mark: pytest-asyncio runs it, and its `[trio]` item runs on asyncio.',
    fixable: true,
    docs: {
      what: 'Flags an `async def` test that has an `anyio` mark and an `asyncio` mark (on the function, its class or its module) in a project where pytest-asyncio is installed.',
      why: 'anyio still parametrizes the test over its backends, but pytest-asyncio replaces the test function with a synchronous wrapper before anyio’s hook sees it, so anyio does nothing: both `test[asyncio]` and `test[trio]` run on pytest-asyncio’s loop (`sniffio.current_async_library()` says `asyncio` in the `[trio]` item). Plain async fixtures are still set up by anyio, on the requested backend, so trio-backed objects reach an asyncio test body and fail (`RuntimeError: must be called from async context`).',
      versions: 'Every anyio version with every pytest-asyncio version.',
      bad: `@pytest.mark.anyio
@pytest.mark.asyncio
async def test_waiter_wakes_on_release(manager):
    ...`,
      good: `@pytest.mark.anyio
async def test_waiter_wakes_on_release(manager):
    ...`,
      references: ['https://anyio.readthedocs.io/en/stable/testing.html', 'https://github.com/agronholm/anyio/issues/505']
    }
  },
  check(ctx) {
    const anyio = ctx.anyio
    if (!anyio.enabled || !anyio.pytestAsyncioActive) return
    for (const test of ctx.targetTests()) {
      if (!test.func.isAsync) continue
      const am = anyio.anyioMark(test)
      const pm = ctx.suite.closestMark(test, 'asyncio', ctx.asyncio.baseClassMarksFirst)
      if (!am || !pm) continue
      const pytestmark = pm.level === 'module' ? test.file.pytestmark : pm.level === 'class' ? pm.cls?.pytestmark : undefined
      // Only the test's own decorator can go without changing other tests.
      const edits = pm.level === 'function' ? removeMarkEdits(test.file, pm.mark, pytestmark) : null
      const where = pm.level === 'function' ? 'its `asyncio` mark' : `the \`asyncio\` mark on its ${pm.level}`
      const backends = anyio.backend(test)?.backends ?? ['asyncio', 'trio']
      ctx.report({
        path: test.file.path,
        span: test.func.anchor,
        symbol: testSymbol(test),
        message:
          `\`${test.name}\` has both an \`anyio\` mark (on its ${am.level}) and ${where}. pytest-asyncio takes the test over and anyio never runs its body: ` +
          (backends.length > 1
            ? `the ${backends.map((b) => `\`[${b}]\``).join(' and ')} items all run on asyncio, silently`
            : `it runs in pytest-asyncio's loop, not anyio's`) +
          `, while its plain async fixtures are still set up by anyio on the requested backend. Affects ${describeRange(ctx.project.versions.anyio)}. ` +
          (edits ? 'Remove the `asyncio` mark.' : `Remove the \`asyncio\` mark from the ${pm.level} for this test (or move the test), or keep pytest-asyncio in strict mode away from anyio tests.`),
        ...(edits ? { fix: { title: `Remove \`@pytest.mark.asyncio\` from \`${test.name}\``, edits, applicability: 'safe' as const } } : {})
      })
    }
  }
}
