/** PA404: a user `event_loop_policy` fixture (deprecated in 1.4). */
import { check, checkFixed, PIN_1_4 } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const only = (keys: string[], code = 'PA404') => keys.filter((k) => k.startsWith(code))

const PYPROJECT = py`
  [project]
  name = "policy"
  version = "0.1.0"

  [dependency-groups]
  dev = ["pytest>=8.4", "pytest-asyncio==1.4.0"]

  [tool.pytest.ini_options]
  asyncio_default_fixture_loop_scope = "function"
`

const CONFTEST = py`
  import asyncio

  import pytest


  class DebugPolicy(asyncio.DefaultEventLoopPolicy):
      """Loops with slow-callback detection switched on."""

      def new_event_loop(self):
          loop = super().new_event_loop()
          loop.slow_callback_duration = 0.5
          return loop


  @pytest.fixture(scope="session")
  def event_loop_policy():
      return DebugPolicy()
`

const TEST = py`
  import asyncio

  import pytest


  @pytest.mark.asyncio
  async def test_slow_callback_threshold():
      assert asyncio.get_running_loop().slow_callback_duration == 0.5
`

describe('PA404 event-loop-policy-override', () => {
  it('replaces the policy fixture with a pytest_asyncio_loop_factories hook on 1.4', async () => {
    const { first, second } = await checkFixed({ 'pyproject.toml': PYPROJECT, 'tests/conftest.py': CONFTEST, 'tests/test_loop_type.py': TEST })
    expect(only(first.keys)).toEqual(['PA404 tests/conftest.py:15-16'])
    const f = first.findings.find((x) => x.code === 'PA404')!
    expect(f.severity).toBe('warning')
    expect(f.message).toContain('Overriding the "event_loop_policy" fixture is deprecated')
    expect(first.fixed(['tests/conftest.py'])['tests/conftest.py']).toEqual(py`
      import asyncio


      class DebugPolicy(asyncio.DefaultEventLoopPolicy):
          """Loops with slow-callback detection switched on."""

          def new_event_loop(self):
              loop = super().new_event_loop()
              loop.slow_callback_duration = 0.5
              return loop


      def pytest_asyncio_loop_factories(config, item):
          return {"debug": DebugPolicy().new_event_loop}
    `)
    expect(only(second.keys)).toEqual([])
  })

  it('is the supported way before 1.4', async () => {
    const r = await check({ 'pytest.ini': '[pytest]\nasyncio_default_fixture_loop_scope = function\n', 'requirements-dev.txt': 'pytest==9.0.3\npytest-asyncio==1.3.0\n', 'tests/conftest.py': CONFTEST, 'tests/test_loop_type.py': TEST })
    expect(only(r.keys)).toEqual([])
  })

  it('names uvloop’s factory after the module, for a conftest above nested test folders (pytest.ini)', async () => {
    const files = {
      'pytest.ini': '[pytest]\nasyncio_default_fixture_loop_scope = function\n',
      'requirements-dev.txt': PIN_1_4 + 'uvloop==0.21.0\n',
      'conftest.py': py`
        import pytest
        import uvloop


        @pytest.fixture(scope="session")
        def event_loop_policy():
            return uvloop.EventLoopPolicy()
      `,
      'tests/net/tcp/test_echo.py': TEST
    }
    const r = await check(files)
    expect(only(r.keys)).toEqual(['PA404 conftest.py:5-6'])
    expect(r.fixed(['conftest.py'])['conftest.py']).toEqual(py`
      import uvloop


      def pytest_asyncio_loop_factories(config, item):
          return {"uvloop": uvloop.EventLoopPolicy().new_event_loop}
    `)
  })

  it('reports a parametrized policy fixture without a fix, and only warns about the 1.4 part of a range', async () => {
    const r = await check({
      'pytest.ini': '[pytest]\nasyncio_default_fixture_loop_scope = function\n',
      'requirements-dev.txt': 'pytest==9.0.3\npytest-asyncio>=1.3\n',
      'tests/conftest.py': py`
        import asyncio

        import pytest


        @pytest.fixture(scope="session", params=["default", "debug"])
        def event_loop_policy(request):
            return asyncio.DefaultEventLoopPolicy()
      `,
      'tests/test_loop_type.py': TEST
    })
    expect(only(r.keys)).toEqual(['PA404 tests/conftest.py:6-7'])
    const f = r.findings.find((x) => x.code === 'PA404')!
    expect(f.fix).toBeUndefined()
    expect(f.message).toContain('pytest-asyncio 1.4.0 warns')
    expect(f.message).toContain('keep the fixture until the pin is raised')
  })
})
