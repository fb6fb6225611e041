/** PA109: a loop scope value outside function/class/module/package/session. */
import { check, checkFixed, INI_FUNCTION_DEFAULT, PIN_1_4 } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'
import { closestName, intendedScope } from '../../src/rules/pytest-asyncio/PA109.js'

const JOBS_TEST = py`
  import asyncio

  import pytest


  async def run_job(name, steps):
      done = []
      for step in range(steps):
          await asyncio.sleep(0)
          done.append(f"{name}:{step}")
      return done


  @pytest.mark.asyncio(loop_scope="Session")
  async def test_job_runs_all_steps():
      assert len(await run_job("export", 3)) == 3
`

const pa109 = (keys: string[]) => keys.filter((k) => k.startsWith('PA109'))

describe('PA109 invalid-loop-scope-value', () => {
  it('flags a capitalised mark value on the test and lower-cases it', async () => {
    const files = { 'requirements-dev.txt': PIN_1_4, 'pytest.ini': INI_FUNCTION_DEFAULT, 'tests/test_jobs.py': JOBS_TEST }
    const { first, second } = await checkFixed(files)
    expect(pa109(first.keys)).toEqual(['PA109 tests/test_jobs.py:14-15'])
    const f = first.findings.find((x) => x.code === 'PA109')!
    expect(f.message).toContain('`loop_scope="Session"`')
    expect(f.message).toContain('AssertionError')
    expect(first.fixed(['tests/test_jobs.py'])['tests/test_jobs.py']).toEqual(JOBS_TEST.replace('loop_scope="Session"', 'loop_scope="session"'))
    expect(pa109(second.keys)).toEqual([])
  })

  it('flags a misspelt fixture loop_scope and the ini default in setup.cfg', async () => {
    const setupCfg = py`
      [metadata]
      name = reports

      [tool:pytest]
      asyncio_default_fixture_loop_scope = function
      asyncio_default_test_loop_scope = sesion
    `
    const files = {
      'requirements-dev.txt': PIN_1_4,
      'setup.cfg': setupCfg,
      'tests/conftest.py': py`
        import pytest_asyncio

        from reports.db import create_pool


        @pytest_asyncio.fixture(scope="module", loop_scope='modul')
        async def warehouse():
            return await create_pool()
      `,
      'tests/sales/test_sales_report.py': py`
        import pytest


        @pytest.mark.asyncio(loop_scope="module")
        async def test_empty_report(warehouse):
            assert await warehouse.fetchval("SELECT count(*) FROM sales") == 0
      `
    }
    const { first, second } = await checkFixed(files)
    expect(pa109(first.keys)).toEqual(['PA109 setup.cfg:6-6', 'PA109 tests/conftest.py:6-7'])
    const ini = first.findings.find((x) => x.code === 'PA109' && x.path === 'setup.cfg')!
    expect(ini.message).toContain("'sesion' is not a valid asyncio_default_test_loop_scope. Valid scopes are: function, class, module, package, session.")
    const fx = first.findings.find((x) => x.code === 'PA109' && x.path === 'tests/conftest.py')!
    expect(fx.message).toContain("fixture '_modul_scoped_runner' not found")
    const fixed = first.fixed(['setup.cfg', 'tests/conftest.py'])
    expect(fixed['setup.cfg']).toEqual(setupCfg.replace('= sesion', '= session'))
    expect(fixed['tests/conftest.py']).toContain("@pytest_asyncio.fixture(scope=\"module\", loop_scope='module')")
    expect(pa109(second.keys)).toEqual([])
  })

  it('anchors a module pytestmark on its line and keeps TOML quoting for the ini option', async () => {
    const pyproject = py`
      [tool.pytest.ini_options]
      asyncio_default_fixture_loop_scope = 'Module'
    `
    const files = {
      'requirements-dev.txt': PIN_1_4,
      'pyproject.toml': pyproject,
      'tests/test_exports.py': py`
        import pytest

        pytestmark = pytest.mark.asyncio(loop_scope="modul")


        async def test_export_csv():
            pass


        async def test_export_json():
            pass
      `
    }
    const { first, second } = await checkFixed(files)
    expect(pa109(first.keys)).toEqual(['PA109 pyproject.toml:2-2', 'PA109 tests/test_exports.py:3-3'])
    const mark = first.findings.find((x) => x.code === 'PA109' && x.path === 'tests/test_exports.py')!
    expect(mark.message).toContain('`test_export_csv`, `test_export_json`')
    const fixed = first.fixed(['pyproject.toml', 'tests/test_exports.py'])
    expect(fixed['pyproject.toml']).toEqual("[tool.pytest.ini_options]\nasyncio_default_fixture_loop_scope = 'module'\n")
    expect(fixed['tests/test_exports.py']).toContain('pytestmark = pytest.mark.asyncio(loop_scope="module")\n')
    expect(pa109(second.keys)).toEqual([])
  })

  it('does not fire on valid, empty or un-consulted values', async () => {
    const { keys } = await check({
      'requirements-dev.txt': PIN_1_4,
      'pytest.ini': INI_FUNCTION_DEFAULT,
      'tests/test_ok.py': py`
        import pytest


        @pytest.mark.asyncio(loop_scope="session")
        async def test_session_loop():
            pass


        @pytest.mark.asyncio(loop_scope="")
        async def test_falls_back_to_default():
            pass


        @pytest.mark.asyncio(loop_scope="Module")
        @pytest.mark.asyncio(loop_scope="module")
        async def test_only_the_closest_mark_counts():
            pass
      `
    })
    expect(pa109(keys)).toEqual([])
  })

  it('is version-gated: 0.23 ignores mark values, and the test default is unknown before 0.26', async () => {
    const old = await check({ 'requirements-dev.txt': 'pytest-asyncio==0.23.8\n', 'tests/test_jobs.py': JOBS_TEST })
    expect(pa109(old.keys)).toEqual([])
    const v025 = await check({
      'requirements-dev.txt': 'pytest-asyncio==0.25.3\n',
      'pytest.ini': '[pytest]\nasyncio_default_fixture_loop_scope = function\nasyncio_default_test_loop_scope = sesion\n',
      'tests/test_jobs.py': JOBS_TEST.replace('"Session"', '"session"')
    })
    expect(pa109(v025.keys)).toEqual([])
  })

  it('reports without an edit when no valid scope is close to the value', async () => {
    const { findings } = await check({
      'requirements-dev.txt': PIN_1_4,
      'pytest.ini': INI_FUNCTION_DEFAULT,
      'tests/test_jobs.py': JOBS_TEST.replace('"Session"', '"global"')
    })
    const f = findings.find((x) => x.code === 'PA109')!
    expect(f.message).toContain('Use one of function, class, module, package, session.')
    expect(f.fix).toBeUndefined()
  })

  it('guesses the intended name: case, typos, unique prefixes', () => {
    expect(intendedScope('Session')).toBe('session')
    expect(intendedScope('sesion')).toBe('session')
    expect(intendedScope('modul')).toBe('module')
    expect(intendedScope('modules')).toBe('module')
    expect(intendedScope('func')).toBe('function')
    expect(intendedScope('pkg')).toBeNull()
    expect(intendedScope('global')).toBeNull()
    expect(closestName('stirct', ['auto', 'strict'])).toBe('strict')
  })
})
