/** PA110: a class or package loop scope with no enclosing class or package. */
import { check, checkFixed, INI_FUNCTION_DEFAULT, PIN_1_4 } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const PIN_024 = 'pytest==8.3.5\npytest-asyncio==0.24.0\n'

const DEBOUNCE_TEST = py`
  import asyncio

  import pytest

  from debounce import Debouncer


  @pytest.mark.asyncio(loop_scope="class")
  async def test_burst_fires_once():
      d = Debouncer(0.01)
      for _ in range(5):
          d.trigger()
      await asyncio.sleep(0.05)
      assert d.calls == 1


  class TestDebouncer:
      @pytest.mark.asyncio(loop_scope="class")
      async def test_single_trigger(self):
          d = Debouncer(0)
          d.trigger()
          await asyncio.sleep(0.01)
          assert d.calls == 1
`

const pa110 = (keys: string[]) => keys.filter((k) => k.startsWith('PA110'))

describe('PA110 class-or-package-loop-without-collector', () => {
  it('flags a class loop on a module-level test on 0.24 and switches it to the module loop', async () => {
    const files = { 'requirements-dev.txt': PIN_024, 'pytest.ini': INI_FUNCTION_DEFAULT, 'tests/test_debounce.py': DEBOUNCE_TEST }
    const { first, second } = await checkFixed(files)
    expect(pa110(first.keys)).toEqual(['PA110 tests/test_debounce.py:8-9'])
    const f = first.findings.find((x) => x.code === 'PA110')!
    expect(f.severity).toBe('error')
    expect(f.message).toContain('UsageError: test_burst_fires_once is marked to be run in an event loop with scope class, but is not part of any class.')
    expect(first.fixed(['tests/test_debounce.py'])['tests/test_debounce.py']).toEqual(
      DEBOUNCE_TEST.replace('@pytest.mark.asyncio(loop_scope="class")\nasync def test_burst', '@pytest.mark.asyncio(loop_scope="module")\nasync def test_burst')
    )
    expect(pa110(second.keys)).toEqual([])
  })

  it('is only a note from 1.0, where a class loop outside a class is a per-test loop', async () => {
    const { findings } = await check({ 'requirements-dev.txt': PIN_1_4, 'pytest.ini': INI_FUNCTION_DEFAULT, 'tests/test_debounce.py': DEBOUNCE_TEST })
    const f = findings.filter((x) => x.code === 'PA110')
    expect(f.map((x) => `${x.severity} ${x.path}:${x.line}-${x.endLine}`)).toEqual(['info tests/test_debounce.py:8-9'])
    expect(f[0]!.message).toContain('same as `function`')
  })

  it('does not fire for class loops inside classes, or package loops below an __init__.py', async () => {
    const { keys } = await check({
      'requirements-dev.txt': 'pytest-asyncio==0.26.0\n',
      'pytest.ini': INI_FUNCTION_DEFAULT,
      'tests/__init__.py': '',
      'tests/test_debounce.py': DEBOUNCE_TEST.replace(/^@pytest\.mark\.asyncio\(loop_scope="class"\)\n/m, '@pytest.mark.asyncio\n'),
      'tests/jobs/test_queue.py': py`
        import pytest


        @pytest.mark.asyncio(loop_scope="package")
        async def test_queue_drains():
            pass
      `
    })
    expect(pa110(keys)).toEqual([])
  })

  it('flags a package loop with no __init__.py anywhere above the test', async () => {
    const files = {
      'requirements-dev.txt': 'pytest-asyncio==0.26.0\n',
      'pytest.ini': INI_FUNCTION_DEFAULT,
      'tests/jobs/test_queue.py': py`
        import pytest

        pytestmark = pytest.mark.asyncio(loop_scope="package")


        async def test_queue_drains():
            pass


        async def test_queue_retries():
            pass
      `
    }
    const { first, second } = await checkFixed(files)
    expect(pa110(first.keys)).toEqual(['PA110 tests/jobs/test_queue.py:3-3'])
    const f = first.findings.find((x) => x.code === 'PA110')!
    expect(f.message).toContain('is not part of any package')
    expect(first.fixed(['tests/jobs/test_queue.py'])['tests/jobs/test_queue.py']).toContain('pytestmark = pytest.mark.asyncio(loop_scope="module")\n')
    expect(pa110(second.keys)).toEqual([])
  })

  it('flags a class-loop fixture in a conftest used by a module-level test (0.24–0.26)', async () => {
    const files = {
      'requirements-dev.txt': PIN_024,
      'pytest.ini': INI_FUNCTION_DEFAULT,
      'tests/conftest.py': py`
        import pytest_asyncio

        from debounce import Debouncer


        @pytest_asyncio.fixture(scope="class", loop_scope="class")
        async def debouncer():
            return Debouncer(0)
      `,
      'tests/unit/timing/test_timer.py': py`
        import pytest


        @pytest.mark.asyncio(loop_scope="module")
        async def test_timer_uses_debouncer(debouncer):
            debouncer.trigger()
      `
    }
    const { first, second } = await checkFixed(files)
    expect(pa110(first.keys)).toEqual(['PA110 tests/conftest.py:6-7'])
    expect(first.findings.find((x) => x.code === 'PA110')!.related.map((r) => r.path)).toEqual(['tests/unit/timing/test_timer.py'])
    expect(first.fixed(['tests/conftest.py'])['tests/conftest.py']).toContain('@pytest_asyncio.fixture(scope="class", loop_scope="module")\n')
    expect(pa110(second.keys)).toEqual([])
  })

  it('keeps the 0.23 spelling: scope="class" becomes scope="module"', async () => {
    const files = {
      'requirements-dev.txt': 'pytest-asyncio==0.23.8\n',
      'tests/test_debounce.py': DEBOUNCE_TEST.replace(/loop_scope="class"/g, 'scope="class"')
    }
    const { first } = await checkFixed(files)
    expect(pa110(first.keys)).toEqual(['PA110 tests/test_debounce.py:8-9'])
    expect(first.fixed(['tests/test_debounce.py'])['tests/test_debounce.py']).toContain('@pytest.mark.asyncio(scope="module")\nasync def test_burst_fires_once')
  })
})
