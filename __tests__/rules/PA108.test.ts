/** PA108: pytest-asyncio ≥ 0.24 without `asyncio_default_fixture_loop_scope`. */
import { check, checkFixed } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const CONFTEST = py`
  import pytest_asyncio


  @pytest_asyncio.fixture(scope="session")
  async def search_index():
      yield {}


  @pytest_asyncio.fixture
  async def request_id():
      return "req-1"
`

const TESTS = py`
  import pytest

  pytestmark = pytest.mark.asyncio(loop_scope="session")


  async def test_index(search_index):
      assert search_index == {}
`

describe('PA108 unset-default-fixture-loop-scope', () => {
  it('anchors on the pyproject table header, adds the option and pins the wider fixture', async () => {
    const pyproject = '[project]\nname = "search"\n\n[tool.pytest.ini_options]\ntestpaths = ["tests"]\n'
    const { first, second } = await checkFixed({ 'requirements.txt': 'pytest-asyncio>=0.24,<2\n', 'pyproject.toml': pyproject, 'tests/conftest.py': CONFTEST, 'tests/test_index.py': TESTS })
    expect(first.keys).toEqual(['PA108 pyproject.toml:4-4'])
    const fixed = first.fixed(['pyproject.toml', 'tests/conftest.py'])
    expect(fixed['pyproject.toml']).toBe('[project]\nname = "search"\n\n[tool.pytest.ini_options]\nasyncio_default_fixture_loop_scope = "function"\ntestpaths = ["tests"]\n')
    expect(fixed['tests/conftest.py']).toBe(CONFTEST.replace('@pytest_asyncio.fixture(scope="session")', '@pytest_asyncio.fixture(scope="session", loop_scope="session")'))
    expect(first.findings[0]!.message).toContain('pytest-asyncio 0.24.0–1.4.0')
    expect(second.keys).toEqual([])
  })

  it('is silent when the option is set, before 0.24, or when the project does not use pytest-asyncio', async () => {
    const set = await check({ 'pytest.ini': '[pytest]\nasyncio_default_fixture_loop_scope = session\nasyncio_default_test_loop_scope = session\n', 'tests/conftest.py': CONFTEST, 'tests/test_index.py': TESTS })
    expect(set.keys.filter((k) => k.startsWith('PA108'))).toEqual([])
    const old = await check({ 'requirements-dev.txt': 'pytest==8.1.2\npytest-asyncio==0.23.8\n', 'pytest.ini': '[pytest]\n', 'tests/conftest.py': CONFTEST.replace(/loop_scope=[^)]*/g, ''), 'tests/test_index.py': TESTS.replace('loop_scope', 'scope') })
    expect(old.keys.filter((k) => k.startsWith('PA108'))).toEqual([])
    const none = await check({ 'pytest.ini': '[pytest]\n', 'tests/test_plain.py': 'def test_sum():\n    assert sum([1, 2]) == 3\n' })
    expect(none.keys).toEqual([])
  })
})
