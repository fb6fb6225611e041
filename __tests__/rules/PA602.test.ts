/** PA602: the fixture default loop scope is wider than the test default. */
import { check, checkFixed, PIN_1_4 } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const PAGES_CONFTEST = py`
  import pytest

  from wiki.db import create_pool


  @pytest.fixture(scope="session")
  async def pages_db():
      pool = await create_pool()
      yield pool
      await pool.close()
`

const PAGES_TEST = py`
  async def test_create_page(pages_db):
      await pages_db.execute("INSERT INTO pages VALUES ($1, $2)", "Home", "Welcome")


  async def test_missing_page(pages_db):
      assert await pages_db.fetch("SELECT * FROM pages WHERE title = $1", "Nope") == []
`

const pa602 = (keys: string[]) => keys.filter((k) => k.startsWith('PA602'))

describe('PA602 fixture-default-wider-than-test-default', () => {
  it('adds asyncio_default_test_loop_scope right after the fixture default', async () => {
    const ini = '[pytest]\nasyncio_mode = auto\nasyncio_default_fixture_loop_scope = session\npythonpath = src\n'
    const files = { 'requirements-dev.txt': PIN_1_4, 'pytest.ini': ini, 'tests/conftest.py': PAGES_CONFTEST, 'tests/test_pages.py': PAGES_TEST }
    const { first, second } = await checkFixed(files)
    expect(pa602(first.keys)).toEqual(['PA602 pytest.ini:3-3'])
    const f = first.findings.find((x) => x.code === 'PA602')!
    expect(f.message).toContain('`asyncio_default_test_loop_scope` is unset, so tests default to `function`')
    expect(f.message).toContain('`test_create_page` (tests/test_pages.py:1) uses `pages_db`')
    expect(first.fixed(['pytest.ini'], [f])['pytest.ini']).toEqual(
      '[pytest]\nasyncio_mode = auto\nasyncio_default_fixture_loop_scope = session\nasyncio_default_test_loop_scope = session\npythonpath = src\n'
    )
    expect(pa602(second.keys)).toEqual([])
    expect(second.keys.filter((k) => k.startsWith('PA104'))).toEqual([])
  })

  it('widens an explicit function test default in pyproject.toml, keeping its quotes', async () => {
    const pyproject = py`
      [tool.pytest.ini_options]
      asyncio_mode = "auto"
      asyncio_default_fixture_loop_scope = "module"
      asyncio_default_test_loop_scope = "function"
    `
    const files = {
      'requirements-dev.txt': PIN_1_4,
      'pyproject.toml': pyproject,
      'tests/conftest.py': PAGES_CONFTEST.replace('scope="session"', 'scope="module"'),
      'tests/wiki/history/test_pages.py': PAGES_TEST
    }
    const { first, second } = await checkFixed(files)
    expect(pa602(first.keys)).toEqual(['PA602 pyproject.toml:3-3'])
    const f = first.findings.find((x) => x.code === 'PA602')!
    expect(first.fixed(['pyproject.toml'], [f])['pyproject.toml']).toEqual(pyproject.replace('test_loop_scope = "function"', 'test_loop_scope = "module"'))
    expect(pa602(second.keys)).toEqual([])
  })

  it('does not fire when the defaults agree or every affected test sets its own loop', async () => {
    const agree = await check({
      'requirements-dev.txt': PIN_1_4,
      'pytest.ini': '[pytest]\nasyncio_mode = auto\nasyncio_default_fixture_loop_scope = session\nasyncio_default_test_loop_scope = session\n',
      'tests/conftest.py': PAGES_CONFTEST,
      'tests/test_pages.py': PAGES_TEST
    })
    expect(pa602(agree.keys)).toEqual([])
    const marked = await check({
      'requirements-dev.txt': PIN_1_4,
      'pytest.ini': '[pytest]\nasyncio_mode = auto\nasyncio_default_fixture_loop_scope = session\n',
      'tests/conftest.py': PAGES_CONFTEST,
      'tests/test_pages.py': 'import pytest\n\npytestmark = pytest.mark.asyncio(loop_scope="session")\n\n\n' + PAGES_TEST
    })
    expect(pa602(marked.keys)).toEqual([])
  })

  it('on 0.24–0.25 (no test default yet) reports without an edit and says to upgrade or mark the tests', async () => {
    const { findings } = await check({
      'requirements-dev.txt': 'pytest-asyncio>=0.24,<0.26\n',
      'pytest.ini': '[pytest]\nasyncio_mode = auto\nasyncio_default_fixture_loop_scope = session\n',
      'tests/conftest.py': PAGES_CONFTEST,
      'tests/test_pages.py': PAGES_TEST
    })
    const f = findings.find((x) => x.code === 'PA602')!
    expect(`${f.path}:${f.line}-${f.endLine}`).toEqual('pytest.ini:3-3')
    expect(f.message).toContain('needs pytest-asyncio>=0.26')
    expect(f.fix).toBeUndefined()
  })
})
