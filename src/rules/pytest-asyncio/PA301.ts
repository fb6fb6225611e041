import type { Rule } from '../engine.js'
import { testSymbol } from '../engine.js'
import { cmpVersion } from '../../model/versions.js'
import { unhandledAsyncTest } from '../messages.js'
import { addAsyncioMarkEdits } from './marks.js'
import { anyioRuns, isGiven, modeOrigin, pluginRuns } from './plugins.js'
import { pytestAtLeast } from './versions.js'

/** PA301: strict mode, and a coroutine test no plugin runs. */
export const PA301: Rule = {
  meta: {
    code: 'PA301',
    name: 'strict-mode-unmarked-async-test',
    severity: 'error',
    plugin: 'pytest-asyncio',
    summary: 'In strict mode an `async def` test without an `asyncio` mark is not run by pytest-asyncio.',
    fixable: true,
    docs: {
      what: 'Flags an `async def` test in strict mode (the default `asyncio_mode`) that has no `asyncio` mark on the function, its class or its module, and is not run by anyio (`anyio` mark, `anyio_mode = auto`, or `anyio_backend` requested) or pytest-trio. Hypothesis `@given` tests are reported by HY102 instead.',
      why: 'In strict mode pytest-asyncio only runs coroutine tests that carry its mark. pytest then gets the coroutine function itself: since pytest 8.4 the test FAILS with `async def functions are not natively supported.`; older pytest SKIPS it with `PytestUnhandledCoroutineWarning`. Either way the body never runs, so its assertions are never checked.',
      versions: 'All pytest-asyncio versions in strict mode (the default since 0.19). pytest ≥ 8.4 fails the test; older pytest skips it.',
      bad: `import pytest

@pytest.mark.asyncio
async def test_first_try():
    assert await with_backoff(ok) == 1

async def test_gives_up():          # no mark: never runs
    with pytest.raises(TimeoutError):
        await with_backoff(never)`,
      good: `import pytest

@pytest.mark.asyncio
async def test_first_try():
    assert await with_backoff(ok) == 1

@pytest.mark.asyncio
async def test_gives_up():
    with pytest.raises(TimeoutError):
        await with_backoff(never)`,
      references: ['https://pytest-asyncio.readthedocs.io/en/stable/concepts.html#test-discovery-modes']
    }
  },
  check(ctx) {
    // Only a valid strict mode (an invalid one stops pytest at start-up: PA303).
    if (ctx.project.asyncio.mode !== 'strict' || ctx.project.asyncio.disabled) return
    if (!ctx.project.usesPytestAsyncio(ctx.suite)) return
    const pytest84 = pytestAtLeast(ctx, '8.4')
    const pytestOld = ctx.project.versions.pytest.candidates.some((v) => cmpVersion(v, '8.4') < 0)
    const siblingCounts = new Map<unknown, { anyio: Set<unknown>; asyncio: Set<unknown> }>()
    for (const test of ctx.targetTests()) {
      if (!test.func.isAsync || isGiven(test.func)) continue
      if (pluginRuns(ctx, test)) continue
      // A module of anyio tests missing one mark is anyio's finding (AN305).
      // Counted once per module (not per test: a generated module has thousands of tests).
      let c = siblingCounts.get(test.file)
      if (!c) {
        const asyncTests = test.file.tests.filter((t) => t.func.isAsync)
        c = { anyio: new Set(asyncTests.filter((t) => anyioRuns(ctx, t))), asyncio: new Set(asyncTests.filter((t) => ctx.asyncio.isAsyncioTest(t))) }
        siblingCounts.set(test.file, c)
      }
      const others = (set: Set<unknown>): number => set.size - (set.has(test) ? 1 : 0)
      if (others(c.anyio) && !others(c.asyncio)) continue
      const { edits, mark } = addAsyncioMarkEdits(ctx, test)
      const outcome = pytest84
        ? `pytest ${pytestOld ? '8.4 and newer fails' : 'fails'} it: \`${unhandledAsyncTest(true)}\`${pytestOld ? ` (older pytest skips it: \`${unhandledAsyncTest(false)}\`)` : ''}`
        : `pytest skips it: \`${unhandledAsyncTest(false)}\``
      ctx.report({
        path: test.file.path,
        span: test.func.anchor,
        symbol: testSymbol(test),
        message:
          `\`${test.name}\` is an \`async def\` test with no \`asyncio\` mark on it, its class or its module, and pytest-asyncio runs in ${modeOrigin(ctx)}, so no plugin runs it. ` +
          `${outcome}; its body never runs. Mark it \`@${mark}\` (or set \`asyncio_mode = auto\`).`,
        ...(test.file.exactText ? { fix: { title: `Mark \`${test.name}\` with \`@${mark}\``, edits, applicability: 'safe' as const } } : {})
      })
    }
  }
}
