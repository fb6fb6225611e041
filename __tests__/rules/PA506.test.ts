/** PA506: `asyncio.get_event_loop()` inside a coroutine (informational). */
import { check, checkFixed, INI_FUNCTION_DEFAULT, PIN_1_4 } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const only = (keys: string[], code = 'PA506') => keys.filter((k) => k.startsWith(code))

const DEADLINE = py`
  import asyncio

  import pytest

  from deadline import Deadline


  @pytest.mark.asyncio
  async def test_deadline_counts_down():
      loop = asyncio.get_event_loop()
      deadline = Deadline(loop, 0.05)
      await asyncio.sleep(0.01)
      assert 0 < deadline.remaining() < 0.05


  def test_deadline_never_negative():
      loop = asyncio.new_event_loop()
      try:
          assert Deadline(loop, -1).remaining() == 0.0
      finally:
          loop.close()
`

describe('PA506 get-event-loop-in-async-code', () => {
  it('is informational and switches to asyncio.get_running_loop()', async () => {
    const { first, second } = await checkFixed({ 'pytest.ini': INI_FUNCTION_DEFAULT, 'requirements-dev.txt': PIN_1_4, 'tests/test_deadline.py': DEADLINE })
    expect(only(first.keys)).toEqual(['PA506 tests/test_deadline.py:10-10'])
    expect(first.findings.find((x) => x.code === 'PA506')!.severity).toBe('info')
    expect(first.fixed(['tests/test_deadline.py'])['tests/test_deadline.py']).toEqual(DEADLINE.replace('loop = asyncio.get_event_loop()', 'loop = asyncio.get_running_loop()'))
    expect(only(second.keys)).toEqual([])
  })

  it('leaves sync code, get_event_loop feeding run_until_complete (PA504) and anyio tests', async () => {
    const r = await check({
      'pytest.ini': INI_FUNCTION_DEFAULT,
      'requirements-dev.txt': PIN_1_4 + 'anyio==4.14.2\n',
      'tests/test_misc.py': py`
        import asyncio

        import pytest


        def test_sync_loop_time():
            assert asyncio.new_event_loop().time() >= 0


        @pytest.mark.asyncio
        async def test_nested_run():
            asyncio.get_event_loop().run_until_complete(asyncio.sleep(0))


        @pytest.mark.anyio
        async def test_anyio(anyio_backend):
            assert anyio_backend
      `
    })
    expect(only(r.keys)).toEqual([])
    expect(r.keys.filter((k) => k.startsWith('PA504'))).toEqual(['PA504 tests/test_misc.py:12-12'])
  })

  it('flags an aliased module in an async conftest fixture used two folders down (pyproject)', async () => {
    const files = {
      'pyproject.toml': '[project]\nname = "p"\nversion = "1"\ndependencies = ["pytest-asyncio==0.23.8", "pytest==8.1.2"]\n',
      'tests/conftest.py': py`
        import asyncio as aio

        import pytest_asyncio


        @pytest_asyncio.fixture
        async def clock():
            return aio.get_event_loop().time
      `,
      'tests/time/unit/test_clock.py': py`
        import pytest


        @pytest.mark.asyncio
        async def test_clock(clock):
            assert clock() >= 0
      `
    }
    const r = await check(files)
    expect(only(r.keys)).toEqual(['PA506 tests/conftest.py:8-8'])
    expect(r.fixed(['tests/conftest.py'])['tests/conftest.py']).toContain('    return aio.get_running_loop().time\n')
  })
})
