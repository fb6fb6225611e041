import type { Rule } from '../engine.js'
import { checkPortability } from './portability.js'

/**
 * AN201: an asyncio-only API inside a test or fixture that anyio also runs on trio (research
 * R5). The `[trio]` run fails, or hangs, with errors that do not mention the backend.
 */
export const AN201: Rule = {
  meta: {
    code: 'AN201',
    name: 'asyncio-api-on-trio',
    severity: 'error',
    plugin: 'anyio',
    summary: 'An asyncio-only API is used in a test or fixture that anyio also runs on the trio backend.',
    fixable: true,
    docs: {
      what:
        'Flags calls of asyncio-only APIs (`asyncio.sleep`, `wait_for`, `timeout`, `create_task`, `gather`, `get_running_loop`, `to_thread`, an awaited `asyncio.Event` / `Condition` / `Queue`, …) in the body of an `async def` test or fixture that anyio runs, when the resolved `anyio_backend` includes `trio` (the plugin default does when trio is installed, and always before anyio 4.12). Imports and aliases are resolved (`import asyncio as aio`, `from asyncio import sleep`). Uses that only pass by accident on trio (an uncontended `asyncio.Lock`, an `Event` set before it is awaited) are not reported.',
      why:
        'Under trio there is no asyncio event loop, so the `[trio]` item fails with errors that never mention the backend: `RuntimeError: no running event loop` (`asyncio.sleep`, `create_task`, `wait_for`, `timeout`, `to_thread`), `RuntimeError: There is no current event loop in thread \'MainThread\'.` (`get_event_loop`, `gather`), `AttributeError: \'NoneType\' object has no attribute \'create_future\'` (waiting on an `asyncio.Event` or an empty `asyncio.Queue`), or `TypeError: trio.run received unrecognized yield message None.` (`asyncio.sleep(0)`). The `[asyncio]` item passes, so the failure looks like a trio bug.',
      versions:
        'Every anyio version with the pytest plugin (3.0 → 4.16): before 4.12 the default backends always include trio; from 4.12 they include it when trio is installed (`anyio[trio]`). The fix ports the call to anyio (the file’s other portable asyncio calls go along so that `import asyncio` can be dropped); without an equivalent it restricts the test to asyncio with `@pytest.mark.parametrize("anyio_backend", ["asyncio"])` (with `scope=` when the test uses a wider async fixture, see AN103).',
      bad: `import asyncio

import pytest

pytestmark = pytest.mark.anyio


async def test_debounce(debouncer):
    debouncer.trigger()
    await asyncio.sleep(0.05)
    assert debouncer.fired == 1`,
      good: `import anyio
import pytest

pytestmark = pytest.mark.anyio


async def test_debounce(debouncer):
    debouncer.trigger()
    await anyio.sleep(0.05)
    assert debouncer.fired == 1`,
      references: ['https://anyio.readthedocs.io/en/stable/testing.html', 'https://anyio.readthedocs.io/en/stable/why.html']
    }
  },
  check(ctx) {
    checkPortability(ctx, 'asyncio')
  }
}
