/** AN304: pytest-trio's trio mode where anyio tests live. */
import { check, checkFixed } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const PINS = 'pytest==8.4.2\npytest-trio==0.8.0\nanyio[trio]==4.14.2\n'

const ANYIO_TESTS = py`
  import anyio
  import pytest

  pytestmark = pytest.mark.anyio


  async def test_heartbeat_ticks():
      with anyio.fail_after(1):
          await anyio.sleep(0.01)
`

const an = (keys: string[]) => keys.filter((k) => k.startsWith('AN304'))

describe('AN304 pytest-trio-trio-mode', () => {
  it('flags trio_mode in pytest.ini and removes it', async () => {
    const ini = '[pytest]\ntestpaths = tests\ntrio_mode = true\n'
    const { first, second } = await checkFixed({ 'requirements-dev.txt': PINS, 'pytest.ini': ini, 'tests/test_heartbeat.py': ANYIO_TESTS })
    expect(an(first.keys)).toEqual(['AN304 pytest.ini:3-3'])
    expect(first.findings.find((f) => f.code === 'AN304')!.message).toContain('RuntimeError: Attempted to call run() from inside a run()')
    expect(first.fixed(['pytest.ini'])['pytest.ini']).toEqual('[pytest]\ntestpaths = tests\n')
    expect(an(second.keys)).toEqual([])
  })

  it('flags the enable_trio_mode import in a conftest above the anyio tests', async () => {
    const files = {
      'requirements-dev.txt': PINS,
      'tests/conftest.py': py`
        import pytest
        from pytest_trio.enable_trio_mode import *


        @pytest.fixture
        def deadline():
            return 1.0
      `,
      'tests/net/test_heartbeat.py': ANYIO_TESTS
    }
    const { first, second } = await checkFixed(files)
    expect(an(first.keys)).toEqual(['AN304 tests/conftest.py:2-2'])
    expect(first.fixed(['tests/conftest.py'])['tests/conftest.py']).toEqual(py`
      import pytest


      @pytest.fixture
      def deadline():
          return 1.0
    `)
    expect(an(second.keys)).toEqual([])
  })

  it('says which unmarked trio tests rely on trio mode instead of removing it', async () => {
    const { keys, findings } = await check({
      'requirements-dev.txt': PINS,
      'pytest.ini': '[pytest]\ntrio_mode = true\n',
      'tests/test_heartbeat.py': ANYIO_TESTS,
      'tests/test_trio_native.py': py`
        import trio


        async def test_nursery_runs_children():
            async with trio.open_nursery() as nursery:
                nursery.start_soon(trio.sleep, 0)
      `
    })
    expect(an(keys)).toEqual(['AN304 pytest.ini:2-2'])
    const f = findings.find((x) => x.code === 'AN304')!
    expect(f.fix).toBeUndefined()
    expect(f.message).toContain('`test_nursery_runs_children`')
  })

  it('does not fire without anyio tests in reach, or without pytest-trio installed', async () => {
    const trioOnly = await check({
      'requirements-dev.txt': PINS,
      'trio_tests/conftest.py': 'from pytest_trio.enable_trio_mode import *\n',
      'trio_tests/test_native.py': 'import trio\n\n\nasync def test_sleep():\n    await trio.sleep(0)\n',
      'tests/test_heartbeat.py': ANYIO_TESTS
    })
    expect(an(trioOnly.keys)).toEqual([])
    const noPlugin = await check({ 'requirements-dev.txt': 'pytest==8.4.2\nanyio[trio]==4.14.2\n', 'pytest.ini': '[pytest]\ntrio_mode = true\n', 'tests/test_heartbeat.py': ANYIO_TESTS })
    expect(an(noPlugin.keys)).toEqual([])
  })
})
