/** PA104: a test runs in a narrower loop than an async fixture in its closure. */
import { check, checkFixed, INI_FUNCTION_DEFAULT, PIN_1_4 } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const CONFTEST = py`
  import pytest
  import pytest_asyncio

  from orders.db import create_pool


  @pytest_asyncio.fixture(scope="session", loop_scope="session")
  async def pool():
      pool = await create_pool()
      yield pool
      await pool.close()


  @pytest.fixture
  def repo(pool):
      return {"pool": pool}
`

describe('PA104 test-runs-in-narrower-loop-than-fixture', () => {
  it('flags bare-marked tests reaching a session-loop fixture through a sync fixture two folders up', async () => {
    const tests = py`
      import pytest


      @pytest.mark.asyncio
      async def test_add(repo):
          assert repo


      @pytest.mark.asyncio
      async def test_unrelated():
          assert True
    `
    const { first, second } = await checkFixed({ 'requirements-dev.txt': PIN_1_4, 'pytest.ini': INI_FUNCTION_DEFAULT, 'tests/conftest.py': CONFTEST, 'tests/orders/db/test_repo.py': tests })
    expect(first.keys).toEqual(['PA104 tests/orders/db/test_repo.py:4-5'])
    expect(first.findings[0]!.message).toContain('through `repo`')
    expect(first.fixed(['tests/orders/db/test_repo.py'])['tests/orders/db/test_repo.py']).toBe(tests.replace('@pytest.mark.asyncio\nasync def test_add', '@pytest.mark.asyncio(loop_scope="session")\nasync def test_add'))
    expect(second.keys).toEqual([])
  })

  it('adds a mark to a test in auto mode (no mark to edit), using `from pytest import mark` style', async () => {
    const tests = 'from pytest import mark\n\n\nasync def test_add(pool):\n    assert pool\n'
    const { first } = await checkFixed({ 'requirements-dev.txt': PIN_1_4, 'pytest.ini': '[pytest]\nasyncio_mode = auto\nasyncio_default_fixture_loop_scope = function\n', 'tests/conftest.py': CONFTEST, 'tests/test_auto.py': tests })
    expect(first.keys).toEqual(['PA104 tests/test_auto.py:4-4'])
    expect(first.fixed(['tests/test_auto.py'])['tests/test_auto.py']).toBe('from pytest import mark\n\n\n@mark.asyncio(loop_scope="session")\nasync def test_add(pool):\n    assert pool\n')
  })

  it('uses scope= on pytest-asyncio 0.23, where loop_scope= is ignored', async () => {
    const conftest = CONFTEST.replace(', loop_scope="session"', '')
    const tests = 'import pytest\n\n\n@pytest.mark.asyncio\nasync def test_add(pool):\n    assert pool\n'
    const { first } = await checkFixed({ 'requirements-dev.txt': 'pytest==8.1.2\npytest-asyncio==0.23.8\n', 'tests/conftest.py': conftest, 'tests/test_old.py': tests })
    expect(first.keys).toEqual(['PA104 tests/test_old.py:4-5'])
    expect(first.fixed(['tests/test_old.py'])['tests/test_old.py']).toContain('@pytest.mark.asyncio(scope="session")')
  })

  it('is silent when the test shares the fixture’s loop or the fixture is sync-only', async () => {
    const ok = await check({
      'requirements-dev.txt': PIN_1_4,
      'pytest.ini': INI_FUNCTION_DEFAULT,
      'tests/conftest.py': CONFTEST,
      'tests/test_ok.py': 'import pytest\n\npytestmark = pytest.mark.asyncio(loop_scope="session")\n\n\nasync def test_add(repo):\n    assert repo\n'
    })
    expect(ok.keys).toEqual([])
  })
})
