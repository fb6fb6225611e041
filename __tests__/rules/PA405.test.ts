/** PA405: `loop_factories=` on the asyncio mark without a hook implementation. */
import { check, checkFixed, INI_FUNCTION_DEFAULT, PIN_1_4 } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const only = (keys: string[], code = 'PA405') => keys.filter((k) => k.startsWith(code))

const TESTS = py`
  import asyncio

  import pytest


  @pytest.mark.asyncio(loop_factories=["uvloop"])
  async def test_fast_path():
      await asyncio.sleep(0)


  @pytest.mark.asyncio
  async def test_default_loop():
      await asyncio.sleep(0)
`

describe('PA405 loop-factories-without-hook', () => {
  it('flags the mark and removes the argument when no conftest implements the hook', async () => {
    const { first, second } = await checkFixed({ 'pytest.ini': INI_FUNCTION_DEFAULT, 'requirements-dev.txt': PIN_1_4, 'tests/test_loops.py': TESTS })
    expect(only(first.keys)).toEqual(['PA405 tests/test_loops.py:6-6'])
    expect(first.findings.find((x) => x.code === 'PA405')!.message).toContain("UsageError: mark.asyncio 'loop_factories' requires at least one pytest_asyncio_loop_factories hook implementation.")
    expect(first.fixed(['tests/test_loops.py'])['tests/test_loops.py']).toEqual(TESTS.replace('@pytest.mark.asyncio(loop_factories=["uvloop"])', '@pytest.mark.asyncio'))
    expect(only(second.keys)).toEqual([])
  })

  it('accepts the argument when a conftest two folders up implements the hook', async () => {
    const r = await check({
      'pytest.ini': INI_FUNCTION_DEFAULT,
      'requirements-dev.txt': PIN_1_4 + 'uvloop==0.21.0\n',
      'conftest.py': py`
        import uvloop


        def pytest_asyncio_loop_factories(config, item):
            return {"uvloop": uvloop.new_event_loop}
      `,
      'tests/net/test_loops.py': TESTS
    })
    expect(only(r.keys)).toEqual([])
  })

  it('flags a module pytestmark with loop_factories (pyproject config), and is 1.4-only', async () => {
    const files = {
      'pyproject.toml': '[project]\nname = "p"\nversion = "1"\ndependencies = ["pytest-asyncio==1.4.0", "pytest==9.0.3"]\n\n[tool.pytest.ini_options]\nasyncio_default_fixture_loop_scope = "function"\n',
      'tests/test_mod.py': py`
        import pytest

        pytestmark = pytest.mark.asyncio(loop_scope="module", loop_factories=["uvloop"])


        async def test_one():
            assert True
      `
    }
    const r = await check(files)
    expect(only(r.keys)).toEqual(['PA405 tests/test_mod.py:3-3'])
    expect(r.fixed(['tests/test_mod.py'])['tests/test_mod.py']).toContain('pytestmark = pytest.mark.asyncio(loop_scope="module")\n')
    const older = await check({ ...files, 'pyproject.toml': files['pyproject.toml'].replace('1.4.0', '1.3.0') })
    expect(only(older.keys)).toEqual([])
  })
})
