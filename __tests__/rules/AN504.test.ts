/** AN504: `anyio_backend` values anyio rejects. */
import { check, checkFixed } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const PINS = 'pytest==8.4.2\nanyio[trio]==4.14.2\n'

const SCHED_TESTS = py`
  import pytest

  from sched.cron import Scheduler

  pytestmark = pytest.mark.anyio


  async def test_job_runs_repeatedly():
      s = Scheduler()
      job = s.add("tick", every=0.01, fn=s.noop)
      await s.run_for(0.055)
      assert 4 <= job.runs <= 7
`

const an = (keys: string[]) => keys.filter((k) => k.startsWith('AN504'))

describe('AN504 bad-backend-spec', () => {
  it('turns a returned list into a tuple, anchored from the decorator to the return', async () => {
    const files = {
      'requirements-dev.txt': PINS,
      'tests/conftest.py': py`
        import pytest


        @pytest.fixture
        def anyio_backend():
            # debug mode makes asyncio report never-awaited coroutines
            return ["asyncio", {"debug": True}]
      `,
      'tests/test_scheduler.py': SCHED_TESTS
    }
    const { first, second } = await checkFixed(files)
    expect(an(first.keys)).toEqual(['AN504 tests/conftest.py:4-7'])
    expect(first.findings.find((f) => f.code === 'AN504')!.message).toContain('TypeError: anyio_backend must be either a string or tuple of (string, dict)')
    expect(first.fixed(['tests/conftest.py'])['tests/conftest.py']).toContain('    return ("asyncio", {"debug": True})\n')
    expect(second.keys).toEqual([])
  })

  it('reports a miscapitalised backend and `policy` on anyio 4 in one finding, with no fix for `policy`', async () => {
    const files = {
      'requirements-dev.txt': PINS,
      'tests/conftest.py': py`
        import asyncio

        import pytest


        @pytest.fixture(
            params=[
                pytest.param(("asyncio", {"policy": asyncio.DefaultEventLoopPolicy()}), id="asyncio"),
                pytest.param("Trio", id="trio"),
            ]
        )
        def anyio_backend(request):
            return request.param
      `,
      'tests/jobs/test_scheduler.py': SCHED_TESTS
    }
    const { findings, keys } = await check(files)
    expect(an(keys)).toEqual(['AN504 tests/conftest.py:6-12'])
    const f = findings.find((x) => x.code === 'AN504')!
    expect(f.message).toContain("TypeError: TestRunner.__init__() got an unexpected keyword argument 'policy'")
    expect(f.message).toContain('`policy` became `loop_factory` in anyio 4.0')
    expect(f.message).toContain("ModuleNotFoundError: No module named 'anyio._backends._Trio'")
    // One finding per definition; `policy` has no mechanical fix, so none is offered.
    expect(f.fix).toBeUndefined()
  })

  it('checks a direct parametrize on a test and replaces a one-element list with its name', async () => {
    const files = {
      'requirements-dev.txt': PINS,
      'tests/test_direct.py': py`
        import pytest


        @pytest.mark.parametrize("anyio_backend", [["trio"]])
        async def test_on_trio(anyio_backend):
            assert anyio_backend == "trio"
      `
    }
    const { first, second } = await checkFixed(files)
    expect(an(first.keys)).toEqual(['AN504 tests/test_direct.py:4-5'])
    expect(first.fixed(['tests/test_direct.py'])['tests/test_direct.py']).toContain('@pytest.mark.parametrize("anyio_backend", ["trio"])')
    expect(second.keys).toEqual([])
  })

  it('accepts names, (name, options) tuples with valid options, and computed values', async () => {
    const { keys } = await check({
      'requirements-dev.txt': PINS,
      'tests/conftest.py': py`
        import os

        import pytest


        @pytest.fixture(params=[("asyncio", {"use_uvloop": False, "debug": True}), ("trio", {"restrict_keyboard_interrupt_to_checkpoints": True}), "asyncio"])
        def anyio_backend(request):
            return request.param
      `,
      'tests/test_scheduler.py': SCHED_TESTS,
      'tests/env/conftest.py': 'import os\n\nimport pytest\n\n\n@pytest.fixture\ndef anyio_backend():\n    return os.environ.get("BACKEND", "asyncio")\n',
      'tests/env/test_env.py': SCHED_TESTS
    })
    expect(an(keys)).toEqual([])
  })
})
