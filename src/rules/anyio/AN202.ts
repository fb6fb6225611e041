import type { Rule } from '../engine.js'
import { checkPortability } from './portability.js'

/**
 * AN202: a trio-only API inside a test or fixture that anyio also runs on asyncio (research R6).
 */
export const AN202: Rule = {
  meta: {
    code: 'AN202',
    name: 'trio-api-on-asyncio',
    severity: 'error',
    plugin: 'anyio',
    summary: 'A trio-only API is used in a test or fixture that anyio also runs on the asyncio backend.',
    fixable: true,
    docs: {
      what:
        'Flags calls of trio-only APIs (`trio.sleep`, `trio.open_nursery`, `trio.move_on_after` / `fail_after`, `trio.current_time`, `trio.lowlevel.checkpoint`, `trio.to_thread.run_sync`, awaited `trio.Event` / `Lock` / `Semaphore`, …) in the body of an `async def` test or fixture that anyio runs, when the resolved `anyio_backend` includes `asyncio` (the plugin default always does). Imports and aliases are resolved (`import trio.lowlevel`, `from trio import sleep`).',
      why:
        'trio’s functions need trio’s run context. On the `[asyncio]` item they fail: `RuntimeError: must be called from async context` (`trio.sleep(x)`, `move_on_after`, `fail_after`, `current_time`, `to_thread.run_sync`), `RuntimeError: Task got bad yield: <class \'trio._core._traps.CancelShieldedCheckpoint\'>` (`trio.sleep(0)`, `trio.lowlevel.checkpoint()`, waiting on a trio `Event`), or `AttributeError: \'RunContext\' object has no attribute \'runner\'` (`trio.open_nursery()`). The `[trio]` item passes, so the suite looks flaky per backend.',
      versions:
        'Every anyio version with the pytest plugin. The fix uses the anyio equivalent (`anyio.sleep`, `anyio.create_task_group`, `anyio.fail_after`, `anyio.current_time`, …; the task group keeps the nursery’s name, `start_soon` is the same call) and drops `import trio` when nothing else uses it; without an equivalent (`trio.testing.MockClock`, `trio.lowlevel.current_trio_token`) it restricts the test to trio.',
      bad: `import pytest
import trio

pytestmark = pytest.mark.anyio


async def test_pulses(monitor):
    async with trio.open_nursery() as nursery:
        nursery.start_soon(monitor.pulse, "db-1")
    await trio.sleep(0.05)`,
      good: `import anyio
import pytest

pytestmark = pytest.mark.anyio


async def test_pulses(monitor):
    async with anyio.create_task_group() as nursery:
        nursery.start_soon(monitor.pulse, "db-1")
    await anyio.sleep(0.05)`,
      references: ['https://anyio.readthedocs.io/en/stable/testing.html']
    }
  },
  check(ctx) {
    checkPortability(ctx, 'trio')
  }
}
