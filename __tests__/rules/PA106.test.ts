/** PA106: an autouse async fixture runs in a narrower loop than the tests it applies to. */
import { check, checkFixed, PIN_1_4 } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const PYPROJECT_SESSION_TESTS = py`
  [project]
  name = "quota"
  version = "0.1.0"

  [tool.pytest.ini_options]
  asyncio_default_fixture_loop_scope = "function"
  asyncio_default_test_loop_scope = "session"
`

const AUTOUSE_CONFTEST = py`
  import pytest_asyncio

  from quota import limits
  from quota.cache import CacheClient


  @pytest_asyncio.fixture(autouse=True)
  async def fresh_backend():
      limits.backend = await CacheClient(namespace="quota").connect()
      yield
      await limits.backend.close()
`

const LIMITS_TEST = py`
  import pytest

  from quota import limits


  @pytest.mark.asyncio
  async def test_first_hit_allowed():
      assert await limits.hit("ada")


  @pytest.mark.asyncio
  async def test_limit_enforced():
      results = [await limits.hit("bob") for _ in range(limits.LIMIT + 1)]
      assert results == [True, True, True, False]
`

const pa106 = (keys: string[]) => keys.filter((k) => k.startsWith('PA106'))

describe('PA106 autouse-async-fixture-with-narrower-loop', () => {
  it('flags a function-loop autouse fixture under session-loop tests and gives it the session loop', async () => {
    const files = {
      'requirements-dev.txt': PIN_1_4,
      'pyproject.toml': PYPROJECT_SESSION_TESTS,
      'tests/conftest.py': AUTOUSE_CONFTEST,
      'tests/test_limits.py': LIMITS_TEST
    }
    const { first, second } = await checkFixed(files)
    expect(pa106(first.keys)).toEqual(['PA106 tests/conftest.py:7-8'])
    const f = first.findings.find((x) => x.code === 'PA106')!
    expect(f.severity).toBe('error')
    expect(f.message).toContain('`test_first_hit_allowed`, `test_limit_enforced`')
    expect(f.message).toContain('attached to a different loop')
    expect(f.related.map((r) => `${r.path}:${r.line}`)).toEqual(['tests/test_limits.py:6', 'tests/test_limits.py:11'])
    expect(first.fixed(['tests/conftest.py'])['tests/conftest.py']).toEqual(py`
      import pytest_asyncio

      from quota import limits
      from quota.cache import CacheClient


      @pytest_asyncio.fixture(autouse=True, loop_scope="session")
      async def fresh_backend():
          limits.backend = await CacheClient(namespace="quota").connect()
          yield
          await limits.backend.close()
    `)
    expect(pa106(second.keys)).toEqual([])
  })

  it('does not fire when the autouse fixture already shares the tests’ loop, or is sync', async () => {
    const { keys } = await check({
      'requirements-dev.txt': PIN_1_4,
      'pyproject.toml': PYPROJECT_SESSION_TESTS,
      'tests/conftest.py': py`
        import pytest
        import pytest_asyncio

        from quota import limits
        from quota.cache import CacheClient


        @pytest_asyncio.fixture(autouse=True, loop_scope="session")
        async def fresh_backend():
            limits.backend = await CacheClient(namespace="quota").connect()
            yield
            await limits.backend.close()


        @pytest.fixture(autouse=True)
        def reset_counters():
            limits.COUNTERS.clear()
      `,
      'tests/test_limits.py': LIMITS_TEST
    })
    expect(pa106(keys)).toEqual([])
  })

  it('follows a conftest two folders up down to a module whose pytestmark sets the loop', async () => {
    const files = {
      'requirements-dev.txt': PIN_1_4,
      'pytest.ini': '[pytest]\nasyncio_default_fixture_loop_scope = function\n',
      'tests/conftest.py': AUTOUSE_CONFTEST,
      'tests/api/v2/test_quota_api.py': py`
        import pytest

        from quota import limits

        pytestmark = pytest.mark.asyncio(loop_scope="module")


        async def test_quota_header():
            assert await limits.hit("carol")
      `
    }
    const { first, second } = await checkFixed(files)
    expect(pa106(first.keys)).toEqual(['PA106 tests/conftest.py:7-8'])
    expect(first.fixed(['tests/conftest.py'])['tests/conftest.py']).toContain('@pytest_asyncio.fixture(autouse=True, loop_scope="module")\n')
    expect(pa106(second.keys)).toEqual([])
  })

  it('gives no single loop_scope when the tests it applies to run in different loops', async () => {
    const { findings } = await check({
      'requirements-dev.txt': PIN_1_4,
      'pytest.ini': '[pytest]\nasyncio_default_fixture_loop_scope = function\n',
      'tests/conftest.py': AUTOUSE_CONFTEST,
      'tests/test_module_loop.py': py`
        import pytest


        @pytest.mark.asyncio(loop_scope="module")
        async def test_in_module_loop():
            pass
      `,
      'tests/test_session_loop.py': py`
        import pytest


        @pytest.mark.asyncio(loop_scope="session")
        async def test_in_session_loop():
            pass
      `
    })
    const f = findings.find((x) => x.code === 'PA106')!
    expect(f.message).toContain('different loops (session, module)')
    expect(f.fix).toBeUndefined()
  })

  it('on 0.23 reports the collection error and says to upgrade instead of editing', async () => {
    const { findings } = await check({
      'requirements-dev.txt': 'pytest-asyncio==0.23.8\n',
      'tests/conftest.py': AUTOUSE_CONFTEST,
      'tests/test_limits.py': py`
        import pytest

        from quota import limits


        @pytest.mark.asyncio(scope="module")
        async def test_first_hit_allowed():
            assert await limits.hit("ada")
      `
    })
    const f = findings.find((x) => x.code === 'PA106')!
    expect(`${f.path}:${f.line}-${f.endLine}`).toEqual('tests/conftest.py:7-8')
    expect(f.message).toContain('MultipleEventLoopsRequestedError')
    expect(f.message).toContain('upgrade to pytest-asyncio>=0.24')
    expect(f.fix).toBeUndefined()
  })

  it('is a warning from 1.2 when the fixture hands nothing to the tests', async () => {
    const { findings } = await check({
      'requirements-dev.txt': PIN_1_4,
      'pyproject.toml': PYPROJECT_SESSION_TESTS,
      'tests/conftest.py': py`
        import asyncio

        import pytest_asyncio


        @pytest_asyncio.fixture(autouse=True)
        async def settle():
            yield
            await asyncio.sleep(0)
      `,
      'tests/test_limits.py': LIMITS_TEST
    })
    const f = findings.find((x) => x.code === 'PA106')!
    expect(`${f.severity} ${f.path}:${f.line}-${f.endLine}`).toEqual('warning tests/conftest.py:6-7')
    expect(f.message).toContain('only works while it hands no loop-bound object to the tests')
    expect(f.fix?.title).toBe('Set `loop_scope="session"` on fixture `settle`')
  })

  it('ignores the ini test default before 0.26, where pytest-asyncio does not read it', async () => {
    const { keys } = await check({
      'requirements-dev.txt': 'pytest-asyncio==0.25.3\n',
      'pyproject.toml': PYPROJECT_SESSION_TESTS,
      'tests/conftest.py': AUTOUSE_CONFTEST,
      'tests/test_limits.py': LIMITS_TEST
    })
    expect(pa106(keys)).toEqual([])
  })
})
