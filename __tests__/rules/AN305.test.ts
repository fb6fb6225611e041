/** AN305: an `async def` test in an anyio suite that no plugin runs. */
import { check, checkFixed } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const PINS = 'pytest==8.4.2\nanyio[trio]==4.14.2\n'

const CIRCUIT = py`
  import anyio
  import pytest

  from breaker import CircuitBreaker


  @pytest.mark.anyio
  async def test_success_keeps_circuit_closed():
      cb = CircuitBreaker(threshold=2, cooldown=1)
      assert await cb.call(ok) == "pong"


  async def test_half_open_probe_closes_circuit():
      cb = CircuitBreaker(threshold=1, cooldown=0.01)
      await anyio.sleep(0.02)
      assert await cb.call(ok) == "pong"
`

const an = (keys: string[]) => keys.filter((k) => k.startsWith('AN305'))

describe('AN305 unmarked-async-test', () => {
  it('adds @pytest.mark.anyio to the new test of a module that marks tests one by one', async () => {
    const { first, second } = await checkFixed({ 'requirements-dev.txt': PINS, 'tests/test_circuit.py': CIRCUIT })
    expect(an(first.keys)).toEqual(['AN305 tests/test_circuit.py:13-13'])
    expect(first.findings.find((f) => f.code === 'AN305')!.message).toContain('Failed: async def functions are not natively supported.')
    expect(first.fixed(['tests/test_circuit.py'])['tests/test_circuit.py']).toEqual(
      CIRCUIT.replace('async def test_half_open_probe_closes_circuit', '@pytest.mark.anyio\nasync def test_half_open_probe_closes_circuit')
    )
    expect(second.keys).toEqual([])
  })

  it('a pytestmark in conftest.py does nothing: the module gets its own pytestmark', async () => {
    const files = {
      'requirements-dev.txt': 'pytest==8.3.5\nanyio[trio]==4.14.2\n',
      'tests/conftest.py': 'import pytest\n\npytestmark = pytest.mark.anyio\n',
      'tests/jobs/test_jobs.py': py`
        import anyio

        from jobs import run_all


        async def test_jobs_finish():
            with anyio.fail_after(1):
                assert await run_all() == []


        async def test_no_jobs_is_fine():
            assert await run_all() == []
      `
    }
    const { first, second } = await checkFixed(files)
    expect(an(first.keys)).toEqual(['AN305 tests/jobs/test_jobs.py:11-11', 'AN305 tests/jobs/test_jobs.py:6-6'])
    const f = first.findings.find((x) => x.code === 'AN305')!
    expect(f.message).toContain('The `pytestmark = pytest.mark.anyio` in tests/conftest.py does not apply')
    // pytest 8.3 skips instead of failing.
    expect(f.message).toContain('PytestUnhandledCoroutineWarning: async def functions are not natively supported and have been skipped.')
    expect(first.fixed(['tests/jobs/test_jobs.py'])['tests/jobs/test_jobs.py']).toEqual(py`
      import anyio
      import pytest

      from jobs import run_all

      pytestmark = pytest.mark.anyio


      async def test_jobs_finish():
          with anyio.fail_after(1):
              assert await run_all() == []


      async def test_no_jobs_is_fine():
          assert await run_all() == []
    `)
    expect(second.keys).toEqual([])
  })

  it('leaves tests to anyio auto mode, pytest-trio, Hypothesis (HY102) and PA301 in pytest-asyncio modules', async () => {
    const auto = await check({ 'requirements-dev.txt': PINS, 'pytest.ini': '[pytest]\nanyio_mode = auto\n', 'tests/test_circuit.py': CIRCUIT })
    expect(an(auto.keys)).toEqual([])
    const trio = await check({
      'requirements-dev.txt': PINS + 'pytest-trio==0.8.0\n',
      'tests/test_trio.py': 'import pytest\nimport trio\n\n\n@pytest.mark.trio\nasync def test_sleep():\n    await trio.sleep(0)\n'
    })
    expect(an(trio.keys)).toEqual([])
    const given = await check({
      'requirements-dev.txt': PINS + 'hypothesis==6.100.0\n',
      'tests/test_props.py': 'import anyio\nfrom hypothesis import given, strategies as st\n\n\n@given(st.integers())\nasync def test_roundtrip(n):\n    await anyio.sleep(0)\n'
    })
    expect(an(given.keys)).toEqual([])
    const pa = await check({
      'requirements-dev.txt': PINS + 'pytest-asyncio==1.4.0\n',
      'pytest.ini': '[pytest]\nasyncio_default_fixture_loop_scope = function\n',
      'tests/test_asyncio_api.py': 'import asyncio\n\nimport pytest\n\n\n@pytest.mark.asyncio\nasync def test_a():\n    await asyncio.sleep(0)\n\n\nasync def test_b():\n    await asyncio.sleep(0)\n'
    })
    expect(an(pa.keys)).toEqual([])
  })

  it('reports the unmarked test of an anyio module even when pytest-asyncio is installed', async () => {
    const { keys } = await check({
      'requirements-dev.txt': PINS + 'pytest-asyncio==1.4.0\n',
      'pytest.ini': '[pytest]\nasyncio_default_fixture_loop_scope = function\n',
      'tests/test_circuit.py': CIRCUIT
    })
    expect(an(keys)).toEqual(['AN305 tests/test_circuit.py:13-13'])
    expect(keys.filter((k) => k.startsWith('PA301'))).toEqual([])
  })
})
