/** PA209: an asyncio `pytestmark` in a package `__init__.py` (never applied on pytest ≥ 8). */
import { check, checkFixed, INI_FUNCTION_DEFAULT } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const PIN = 'pytest==9.1.1\npytest-asyncio==1.4.0\n'

const INIT = py`
  import pytest

  pytestmark = pytest.mark.asyncio(loop_scope="package")
`

const RETRY_TEST = py`
  import asyncio


  async def retry(fn, attempts=3):
      for attempt in range(attempts):
          try:
              return await fn()
          except ConnectionError:
              await asyncio.sleep(0)
      raise ConnectionError("gave up")


  async def test_retry_eventually_succeeds():
      calls = []

      async def flaky():
          calls.append(1)
          if len(calls) < 2:
              raise ConnectionError
          return "ok"

      assert await retry(flaky) == "ok"


  def test_attempts_default():
      assert retry.__defaults__ == (3,)
`

const TIMEOUTS_TEST = py`
  import asyncio

  from net.clock import FakeClock


  async def test_wait_for_times_out():
      try:
          await asyncio.wait_for(asyncio.sleep(1), 0.01)
      except TimeoutError:
          return
      raise AssertionError("expected a timeout")
`

const pa209 = (keys: string[]): string[] => keys.filter((k) => k.startsWith('PA209'))

describe('PA209 package-pytestmark-in-init', () => {
  it('moves the mark into the modules: module pytestmark, or per test beside sync tests (a subpackage too)', async () => {
    const files = {
      'requirements-dev.txt': PIN,
      'pytest.ini': INI_FUNCTION_DEFAULT,
      'tests/__init__.py': INIT,
      'tests/test_retry.py': RETRY_TEST,
      'tests/net/__init__.py': '',
      'tests/net/test_timeouts.py': TIMEOUTS_TEST
    }
    const { first, second } = await checkFixed(files)
    expect(pa209(first.keys)).toEqual(['PA209 tests/__init__.py:3-3'])
    const f = first.findings.find((x) => x.code === 'PA209')!
    expect(f.severity).toBe('error')
    expect(f.message).toContain('since pytest 8.0 a package is no longer a module')
    expect(f.message).toContain('Failed: async def functions are not natively supported.')
    expect(f.related.map((r) => `${r.path}:${r.line}`)).toEqual([
      'tests/net/test_timeouts.py:6',
      'tests/test_retry.py:13'
    ])
    const own = first.findings.filter((x) => x.code === 'PA209')
    const fixed = first.fixed(
      ['tests/__init__.py', 'tests/test_retry.py', 'tests/net/test_timeouts.py'],
      own
    )
    expect(fixed['tests/__init__.py']).toEqual('')
    expect(fixed['tests/test_retry.py']).toEqual(
      RETRY_TEST.replace('import asyncio\n', 'import asyncio\n\nimport pytest\n').replace(
        'async def test_retry_eventually_succeeds',
        '@pytest.mark.asyncio(loop_scope="package")\nasync def test_retry_eventually_succeeds'
      )
    )
    expect(fixed['tests/net/test_timeouts.py']).toEqual(
      TIMEOUTS_TEST.replace('import asyncio\n', 'import asyncio\n\nimport pytest\n').replace(
        'from net.clock import FakeClock\n',
        'from net.clock import FakeClock\n\npytestmark = pytest.mark.asyncio(loop_scope="package")\n'
      )
    )
    expect(pa209(second.keys)).toEqual([])
  })

  it('is a warning in auto mode (config in pyproject.toml) and keeps other code in __init__.py', async () => {
    const init = py`
      import pytest

      pytest.register_assert_rewrite("tests.helpers")

      pytestmark = pytest.mark.asyncio(loop_scope="package")
    `
    const { findings, fixed } = await check({
      'pyproject.toml': py`
        [project]
        name = "net"
        version = "1.0.0"
        dependencies = ["pytest==9.1.1", "pytest-asyncio==1.4.0"]

        [tool.pytest.ini_options]
        asyncio_mode = "auto"
        asyncio_default_fixture_loop_scope = "function"
      `,
      'tests/__init__.py': init,
      'tests/test_timeouts.py': TIMEOUTS_TEST
    })
    const f = findings.find((x) => x.code === 'PA209')!
    expect(f.severity).toBe('warning')
    expect(f.message).toContain('silently run in the default loop')
    expect(fixed(['tests/__init__.py'], [f])['tests/__init__.py']).toEqual(
      'import pytest\n\npytest.register_assert_rewrite("tests.helpers")\n'
    )
  })

  it('is silent on pytest 7, where packages still apply their pytestmark', async () => {
    const { keys } = await check({
      'requirements-dev.txt': 'pytest==7.4.4\npytest-asyncio==0.23.8\n',
      'tests/__init__.py': INIT,
      'tests/test_retry.py': RETRY_TEST
    })
    expect(pa209(keys)).toEqual([])
  })

  it('ignores pytestmark in test modules', async () => {
    const { keys } = await check({
      'requirements-dev.txt': PIN,
      'pytest.ini': INI_FUNCTION_DEFAULT,
      'tests/__init__.py': '',
      'tests/test_timeouts.py': TIMEOUTS_TEST.replace(
        'from net.clock import FakeClock\n',
        'import pytest\n\nfrom net.clock import FakeClock\n\npytestmark = pytest.mark.asyncio(loop_scope="package")\n'
      )
    })
    expect(pa209(keys)).toEqual([])
  })
})
