/** AN201: asyncio-only APIs inside anyio-run tests and fixtures whose backends include trio. */
import { check, checkFixed } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const PINS = 'pytest==8.4.2\nanyio[trio]==4.14.2\n'
const an201 = (keys: string[]) => keys.filter((k) => k.startsWith('AN201'))

describe('AN201 asyncio-api-on-trio', () => {
  it('ports asyncio.sleep and wait_for to anyio and drops the unused import', async () => {
    const files = {
      'requirements-dev.txt': PINS,
      'pytest.ini': '[pytest]\ntestpaths = tests\n',
      'tests/test_cache.py': py`
        import asyncio

        import anyio
        import pytest

        from cache import TtlCache

        pytestmark = pytest.mark.anyio


        async def test_entry_expires():
            cache = TtlCache(ttl=0.01)
            cache.put("k", b"v")
            await asyncio.sleep(0.02)
            assert cache.get("k") is None


        async def test_refresh_completes():
            cache = TtlCache(ttl=1)
            result = await asyncio.wait_for(cache.refresh("k"), timeout=1)
            assert result is None
      `
    }
    const { first, second } = await checkFixed(files)
    expect(an201(first.keys)).toEqual(['AN201 tests/test_cache.py:14-14', 'AN201 tests/test_cache.py:20-20'])
    const sleep = first.findings.find((f) => f.code === 'AN201' && f.line === 14)!
    expect(sleep.message).toContain('`[trio]` run')
    expect(sleep.message).toContain('RuntimeError: no running event loop')
    expect(sleep.message).toContain('anyio 4.14.2')
    expect(first.fixed(['tests/test_cache.py'])['tests/test_cache.py']).toEqual(py`
      import anyio
      import pytest

      from cache import TtlCache

      pytestmark = pytest.mark.anyio


      async def test_entry_expires():
          cache = TtlCache(ttl=0.01)
          cache.put("k", b"v")
          await anyio.sleep(0.02)
          assert cache.get("k") is None


      async def test_refresh_completes():
          cache = TtlCache(ttl=1)
          with anyio.fail_after(1):
              result = await cache.refresh("k")
          assert result is None
    `)
    expect(an201(second.keys)).toEqual([])
  })

  it('resolves aliases and from-imports, and adds import anyio where it is missing', async () => {
    const files = {
      'requirements-dev.txt': PINS,
      'tests/test_events.py': py`
        import asyncio as aio
        from asyncio import sleep

        import pytest


        @pytest.mark.anyio
        async def test_listener_is_notified(bus):
            done = aio.Event()
            bus.subscribe(done.set)
            await sleep(0)
            bus.publish("ping")
            await done.wait()
      `,
      'tests/conftest.py': py`
        import pytest


        @pytest.fixture
        def bus():
            from events import Bus

            return Bus()
      `
    }
    const { first, second } = await checkFixed(files)
    expect(an201(first.keys)).toEqual(['AN201 tests/test_events.py:11-11', 'AN201 tests/test_events.py:9-9'])
    const zero = first.findings.find((f) => f.code === 'AN201' && f.line === 11)!
    expect(zero.message).toContain('TypeError: trio.run received unrecognized yield message None.')
    const event = first.findings.find((f) => f.code === 'AN201' && f.line === 9)!
    expect(event.message).toContain("AttributeError: 'NoneType' object has no attribute 'create_future'")
    expect(event.message).toContain('`await done.wait()`, line 13')
    expect(first.fixed(['tests/test_events.py'])['tests/test_events.py']).toEqual(py`
      import anyio
      import pytest


      @pytest.mark.anyio
      async def test_listener_is_notified(bus):
          done = anyio.Event()
          bus.subscribe(done.set)
          await anyio.sleep(0)
          bus.publish("ping")
          await done.wait()
    `)
    expect(an201(second.keys)).toEqual([])
  })

  it('rewrites async with asyncio.timeout and ports calls nested in a wait_for awaitable', async () => {
    const files = {
      'requirements-dev.txt': PINS,
      'tests/test_probe.py': py`
        import asyncio

        import pytest


        @pytest.mark.anyio
        async def test_probe_answers():
            async with asyncio.timeout(1):
                await asyncio.sleep(0.01)
            await asyncio.wait_for(asyncio.sleep(0.01), 2)
      `
    }
    const { first, second } = await checkFixed(files)
    expect(an201(first.keys)).toEqual(['AN201 tests/test_probe.py:10-10', 'AN201 tests/test_probe.py:8-8', 'AN201 tests/test_probe.py:9-9'])
    expect(first.fixed(['tests/test_probe.py'])['tests/test_probe.py']).toEqual(py`
      import anyio
      import pytest


      @pytest.mark.anyio
      async def test_probe_answers():
          with anyio.fail_after(1):
              await anyio.sleep(0.01)
          with anyio.fail_after(2):
              await anyio.sleep(0.01)
    `)
    expect(an201(second.keys)).toEqual([])
  })

  it('does not fire when the backend is asyncio only, or for an uncontended asyncio.Lock', async () => {
    const { keys } = await check({
      'requirements-dev.txt': PINS,
      'tests/conftest.py': py`
        import pytest


        @pytest.fixture
        def anyio_backend():
            return "asyncio"
      `,
      'tests/test_pool.py': py`
        import asyncio

        import pytest


        @pytest.mark.anyio
        async def test_pool_warms_up():
            await asyncio.sleep(0)
      `,
      'tests/other/test_lock.py': py`
        import asyncio

        import pytest


        @pytest.fixture
        def anyio_backend():
            return "trio"


        @pytest.mark.anyio
        async def test_counter_is_serialised():
            lock = asyncio.Lock()
            async with lock:
                pass
      `
    })
    expect(an201(keys)).toEqual([])
  })

  it('reports a non-portable call in a conftest fixture two folders up (no fix for a fixture)', async () => {
    const { keys, findings } = await check({
      'requirements-dev.txt': PINS,
      'tests/conftest.py': py`
        import asyncio

        import pytest


        @pytest.fixture
        async def ticker():
            task = asyncio.create_task(asyncio.sleep(3600))
            yield task
            task.cancel()
      `,
      'tests/api/v1/test_ticks.py': py`
        import pytest


        @pytest.mark.anyio
        async def test_ticker_runs(ticker):
            assert not ticker.done()
      `
    })
    expect(an201(keys)).toEqual(['AN201 tests/conftest.py:8-8'])
    const f = findings.find((x) => x.code === 'AN201')!
    expect(f.message).toContain('the fixture `ticker`')
    expect(f.message).toContain('task group')
    expect(f.fix).toBeUndefined()
  })

  it('restricts a test to asyncio when there is no drop-in equivalent, with the scope of its wider fixture', async () => {
    const files = {
      'requirements-dev.txt': PINS,
      'tests/test_server.py': py`
        import asyncio

        import pytest


        @pytest.fixture(scope="module")
        async def server(anyio_backend):
            yield "127.0.0.1:8080"


        @pytest.mark.anyio
        async def test_loop_is_debuggable(server):
            loop = asyncio.get_running_loop()
            assert server and loop
      `
    }
    const { first, second } = await checkFixed(files)
    expect(an201(first.keys)).toEqual(['AN201 tests/test_server.py:13-13'])
    expect(first.fixed(['tests/test_server.py'])['tests/test_server.py']).toEqual(py`
      import asyncio

      import pytest


      @pytest.fixture(scope="module")
      async def server(anyio_backend):
          yield "127.0.0.1:8080"


      @pytest.mark.parametrize("anyio_backend", ["asyncio"], scope="module")
      @pytest.mark.anyio
      async def test_loop_is_debuggable(server):
          loop = asyncio.get_running_loop()
          assert server and loop
    `)
    expect(an201(second.keys)).toEqual([])
  })

  it('follows the pins: anyio 4.12+ without trio runs asyncio only, anyio 4.11 still parametrizes trio', async () => {
    const test = py`
      import asyncio

      import pytest


      @pytest.mark.anyio
      async def test_settles():
          await asyncio.sleep(0.01)
    `
    const without = await check({ 'requirements-dev.txt': 'pytest==8.4.2\nanyio==4.12.0\n', 'tests/test_settle.py': test })
    expect(an201(without.keys)).toEqual([])
    const old = await check({ 'requirements-dev.txt': 'pytest==8.4.2\nanyio==4.11.0\n', 'tests/test_settle.py': test })
    expect(an201(old.keys)).toEqual(['AN201 tests/test_settle.py:8-8'])
    expect(old.findings.find((f) => f.code === 'AN201')!.message).toContain('anyio 4.11.0')
  })
})
