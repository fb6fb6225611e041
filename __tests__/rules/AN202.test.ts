/** AN202: trio-only APIs inside anyio-run tests and fixtures whose backends include asyncio. */
import { check, checkFixed } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const PINS = 'pytest==8.4.2\nanyio[trio]==4.14.2\n'
const an202 = (keys: string[]) => keys.filter((k) => k.startsWith('AN202'))

describe('AN202 trio-api-on-asyncio', () => {
  it('ports trio.sleep, trio.open_nursery and trio.lowlevel.checkpoint to anyio', async () => {
    const files = {
      'requirements-dev.txt': PINS,
      'tests/test_relay.py': py`
        import pytest
        import trio
        import trio.lowlevel

        from relay import Relay

        pytestmark = pytest.mark.anyio


        async def test_fan_out_reaches_every_peer():
            relay = Relay()
            async with trio.open_nursery() as nursery:
                nursery.start_soon(relay.serve, "peer-1")
                nursery.start_soon(relay.serve, "peer-2")
                await trio.lowlevel.checkpoint()
                relay.close()
            assert relay.delivered == 2


        async def test_idle_peer_is_dropped():
            relay = Relay(idle=0.01)
            await trio.sleep(0.02)
            assert relay.peers == []
      `
    }
    const { first, second } = await checkFixed(files)
    expect(an202(first.keys)).toEqual(['AN202 tests/test_relay.py:12-12', 'AN202 tests/test_relay.py:15-15', 'AN202 tests/test_relay.py:22-22'])
    const nursery = first.findings.find((f) => f.code === 'AN202' && f.line === 12)!
    expect(nursery.message).toContain("AttributeError: 'RunContext' object has no attribute 'runner'")
    const checkpoint = first.findings.find((f) => f.code === 'AN202' && f.line === 15)!
    expect(checkpoint.message).toContain("RuntimeError: Task got bad yield: <class 'trio._core._traps.CancelShieldedCheckpoint'>")
    expect(first.fixed(['tests/test_relay.py'])['tests/test_relay.py']).toEqual(py`
      import anyio
      import pytest

      from relay import Relay

      pytestmark = pytest.mark.anyio


      async def test_fan_out_reaches_every_peer():
          relay = Relay()
          async with anyio.create_task_group() as nursery:
              nursery.start_soon(relay.serve, "peer-1")
              nursery.start_soon(relay.serve, "peer-2")
              await anyio.lowlevel.checkpoint()
              relay.close()
          assert relay.delivered == 2


      async def test_idle_peer_is_dropped():
          relay = Relay(idle=0.01)
          await anyio.sleep(0.02)
          assert relay.peers == []
    `)
    expect(an202(second.keys)).toEqual([])
  })

  it('flags a trio fixture in a conftest two folders up and keeps trio imported while other code uses it', async () => {
    const files = {
      'requirements-dev.txt': PINS,
      'tests/conftest.py': py`
        import anyio
        import pytest
        import trio


        @pytest.fixture
        async def deadline():
            with trio.move_on_after(5) as scope:
                yield scope


        def is_cancelled(exc):
            return isinstance(exc, trio.Cancelled)
      `,
      'tests/jobs/nightly/test_report.py': py`
        import pytest


        @pytest.mark.anyio
        async def test_report_finishes(deadline):
            assert not deadline.cancelled_caught
      `
    }
    const { first } = await checkFixed(files)
    expect(an202(first.keys)).toEqual(['AN202 tests/conftest.py:8-8'])
    const f = first.findings.find((x) => x.code === 'AN202')!
    expect(f.message).toContain('the fixture `deadline`')
    expect(f.message).toContain('RuntimeError: must be called from async context')
    expect(first.fixed(['tests/conftest.py'])['tests/conftest.py']).toEqual(py`
      import anyio
      import pytest
      import trio


      @pytest.fixture
      async def deadline():
          with anyio.move_on_after(5) as scope:
              yield scope


      def is_cancelled(exc):
          return isinstance(exc, trio.Cancelled)
    `)
  })

  it('does not fire when the tests run on trio only, or for a trio.Event that is never awaited', async () => {
    const { keys } = await check({
      'requirements-dev.txt': PINS,
      'tests/conftest.py': py`
        import pytest


        @pytest.fixture(params=["trio"])
        def anyio_backend(request):
            return request.param
      `,
      'tests/test_clock.py': py`
        import pytest
        import trio


        @pytest.mark.anyio
        async def test_clock_advances():
            start = trio.current_time()
            await trio.sleep(0.01)
            assert trio.current_time() > start
      `,
      'tests/portable/conftest.py': py`
        import pytest


        @pytest.fixture
        def anyio_backend():
            return "asyncio"
      `,
      'tests/portable/test_flags.py': py`
        import pytest
        import trio


        @pytest.mark.anyio
        async def test_flag_is_created():
            flag = trio.Event()
            assert not flag.is_set()
      `
    })
    expect(an202(keys)).toEqual([])
  })

  it('restricts a test to trio when the API has no anyio equivalent', async () => {
    const files = {
      'requirements-dev.txt': PINS,
      'tests/test_tokens.py': py`
        import pytest
        import trio


        @pytest.mark.anyio
        async def test_token_is_reused():
            assert trio.lowlevel.current_trio_token() is trio.lowlevel.current_trio_token()
      `
    }
    const { first, second } = await checkFixed(files)
    expect(an202(first.keys)).toEqual(['AN202 tests/test_tokens.py:7-7'])
    expect(first.fixed(['tests/test_tokens.py'])['tests/test_tokens.py']).toEqual(py`
      import pytest
      import trio


      @pytest.mark.parametrize("anyio_backend", ["trio"])
      @pytest.mark.anyio
      async def test_token_is_reused():
          assert trio.lowlevel.current_trio_token() is trio.lowlevel.current_trio_token()
    `)
    expect(an202(second.keys)).toEqual([])
  })

  it('needs trio installed to offer the trio restriction (anyio 4.11 without trio)', async () => {
    const { findings } = await check({
      'requirements-dev.txt': 'pytest==8.4.2\nanyio==4.11.0\n',
      'tests/test_tokens.py': py`
        import pytest
        import trio


        @pytest.mark.anyio
        async def test_token():
            assert trio.lowlevel.current_trio_token()
      `
    })
    const f = findings.filter((x) => x.code === 'AN202')
    expect(f.map((x) => x.line)).toEqual([7])
    expect(f.every((x) => !x.fix)).toBe(true)
  })
})
