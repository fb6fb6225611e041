/** PA101: `loop_scope` narrower than the fixture's caching `scope`. */
import { check, checkFixed, INI_FUNCTION_DEFAULT, PIN_1_4 } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const CONFTEST = py`
  import pytest_asyncio

  from ledger.db import connect


  @pytest_asyncio.fixture(scope="module", loop_scope="function")
  async def ledger_db():
      db = await connect("postgres://ledger@localhost/test")
      yield db
      await db.close()
`

const TESTS = py`
  import pytest


  @pytest.mark.asyncio(loop_scope="module")
  async def test_balance(ledger_db):
      assert await ledger_db.fetchval("SELECT 1") == 1
`

describe('PA101 fixture-loop-scope-narrower-than-scope', () => {
  it('flags a conftest fixture two folders up and widens its loop to the loop its tests use', async () => {
    const files = { 'requirements-dev.txt': PIN_1_4, 'pytest.ini': INI_FUNCTION_DEFAULT, 'tests/conftest.py': CONFTEST, 'tests/accounts/unit/test_balance.py': TESTS }
    const { first, second } = await checkFixed(files)
    expect(first.keys).toEqual(['PA101 tests/conftest.py:6-7'])
    const f = first.findings[0]!
    expect(f.message).toContain('ScopeMismatch: You tried to access the function scoped fixture _function_scoped_runner with a module scoped request object')
    expect(first.fixed(['tests/conftest.py'])['tests/conftest.py']).toBe(CONFTEST.replace('loop_scope="function"', 'loop_scope="module"'))
    expect(second.keys).toEqual([])
  })

  it('keeps single quotes and picks the wider loop of the tests that use it', async () => {
    const conftest = CONFTEST.replace('scope="module", loop_scope="function"', "scope='module', loop_scope='function'")
    const tests = TESTS.replace('loop_scope="module"', 'loop_scope="session"')
    const { first } = await checkFixed({ 'requirements-dev.txt': PIN_1_4, 'pytest.ini': INI_FUNCTION_DEFAULT, 'tests/conftest.py': conftest, 'tests/test_balance.py': tests })
    expect(first.keys).toEqual(['PA101 tests/conftest.py:6-7'])
    expect(first.fixed(['tests/conftest.py'])['tests/conftest.py']).toContain("@pytest_asyncio.fixture(scope='module', loop_scope='session')")
  })

  it('does not fire when the loop is at least the caching scope, or before 0.24 (PA204 owns that)', async () => {
    const wide = await check({ 'requirements-dev.txt': PIN_1_4, 'tests/conftest.py': CONFTEST.replace('loop_scope="function"', 'loop_scope="session"'), 'tests/test_balance.py': TESTS.replace('"module"', '"session"') })
    expect(wide.keys.filter((k) => k.startsWith('PA101'))).toEqual([])
    const old = await check({ 'requirements-dev.txt': 'pytest==8.1.2\npytest-asyncio==0.23.8\n', 'tests/conftest.py': CONFTEST, 'tests/test_balance.py': TESTS })
    expect(old.keys.filter((k) => k.startsWith('PA101'))).toEqual([])
  })
})
