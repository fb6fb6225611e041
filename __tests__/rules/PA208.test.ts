/** PA208: `item.add_marker(pytest.mark.asyncio(loop_scope=...))` without `append=False`. */
import { check, checkFixed, INI_FUNCTION_DEFAULT, PIN_1_4 } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const HOOK_CONFTEST = py`
  import pytest
  import pytest_asyncio

  from search.db import create_pool


  def pytest_collection_modifyitems(items):
      """Run every async test in the session loop (shared pool)."""
      for item in items:
          if pytest_asyncio.is_async_test(item):
              item.add_marker(pytest.mark.asyncio(loop_scope="session"))


  @pytest_asyncio.fixture(scope="session", loop_scope="session")
  async def index_db():
      pool = await create_pool()
      yield pool
      await pool.close()
`

const INDEX_TEST = py`
  async def test_index_document(index_db):
      await index_db.execute("INSERT INTO docs VALUES ($1, $2)", "d1", "hello loops")
      assert await index_db.fetchval("SELECT count(*) FROM docs") == 1


  async def test_search_missing(index_db):
      assert await index_db.fetch("SELECT * FROM docs WHERE id = $1", "zz") == []
`

const AUTO_INI = '[pytest]\nasyncio_mode = auto\nasyncio_default_fixture_loop_scope = function\n'

const pa208 = (keys: string[]): string[] => keys.filter((k) => k.startsWith('PA208'))

describe('PA208 add-marker-without-append-false', () => {
  it('adds append=False in auto mode (conftest two folders up)', async () => {
    const files = {
      'requirements-dev.txt': PIN_1_4,
      'pytest.ini': AUTO_INI,
      'conftest.py': HOOK_CONFTEST,
      'tests/search/test_index.py': INDEX_TEST
    }
    const { first, second } = await checkFixed(files)
    expect(pa208(first.keys)).toEqual(['PA208 conftest.py:11-11'])
    const f = first.findings.find((x) => x.code === 'PA208')!
    expect(f.severity).toBe('error')
    expect(f.message).toContain(
      'In auto mode every coroutine test already carries the bare asyncio mark'
    )
    expect(f.message).toContain(
      '`test_index_document`, `test_search_missing` keep the default loop instead of the session loop'
    )
    expect(f.message).toContain('`asyncio_default_test_loop_scope = session`')
    expect(first.fixed(['conftest.py'])['conftest.py']).toEqual(
      HOOK_CONFTEST.replace(
        'item.add_marker(pytest.mark.asyncio(loop_scope="session"))',
        'item.add_marker(pytest.mark.asyncio(loop_scope="session"), append=False)'
      )
    )
    expect(second.keys).toEqual([])
  })

  it('in strict mode fires only when tests carry their own asyncio decorator (auto mode set in pyproject.toml elsewhere)', async () => {
    const marked = py`
      import pytest


      @pytest.mark.asyncio
      async def test_index_document(index_db):
          await index_db.execute("INSERT INTO docs VALUES ($1, $2)", "d1", "hello loops")
    `
    const strict = await check({
      'requirements-dev.txt': PIN_1_4,
      'pytest.ini': INI_FUNCTION_DEFAULT,
      'conftest.py': HOOK_CONFTEST,
      'tests/test_index.py': marked
    })
    expect(pa208(strict.keys)).toEqual(['PA208 conftest.py:11-11'])
    expect(strict.findings.find((x) => x.code === 'PA208')!.message).toContain(
      'These tests already carry their own asyncio decorator'
    )
    const moduleMarked = await check({
      'requirements-dev.txt': PIN_1_4,
      'pytest.ini': INI_FUNCTION_DEFAULT,
      'conftest.py': HOOK_CONFTEST,
      'tests/test_index.py': `import pytest\n\npytestmark = pytest.mark.asyncio\n\n\n${INDEX_TEST}`
    })
    expect(pa208(moduleMarked.keys)).toEqual([])
  })

  it('accepts append=False and a bare appended mark', async () => {
    const withFalse = await check({
      'requirements-dev.txt': PIN_1_4,
      'pytest.ini': AUTO_INI,
      'conftest.py': HOOK_CONFTEST.replace(
        'loop_scope="session"))',
        'loop_scope="session"), append=False)'
      ),
      'tests/test_index.py': INDEX_TEST
    })
    expect(pa208(withFalse.keys)).toEqual([])
    const bare = await check({
      'requirements-dev.txt': PIN_1_4,
      'pytest.ini': AUTO_INI,
      'conftest.py': HOOK_CONFTEST.replace(
        'pytest.mark.asyncio(loop_scope="session")',
        'pytest.mark.asyncio'
      ),
      'tests/test_index.py': INDEX_TEST
    })
    expect(pa208(bare.keys)).toEqual([])
  })

  it('on 0.23 reads scope= and does not suggest the 0.26 ini option', async () => {
    const { findings } = await check({
      'pyproject.toml': py`
        [project]
        name = "search"
        version = "1.0.0"
        dependencies = ["pytest==8.1.2", "pytest-asyncio==0.23.5"]

        [tool.pytest.ini_options]
        asyncio_mode = "auto"
      `,
      'conftest.py': HOOK_CONFTEST.replace('loop_scope=', 'scope=').replace(
        '(scope="session", scope="session")',
        '(scope="session")'
      ),
      'tests/test_index.py': INDEX_TEST
    })
    const f = findings.find((x) => x.code === 'PA208')!
    expect(`${f.path}:${f.line}`).toBe('conftest.py:11')
    expect(f.message).toContain('pytest-asyncio 0.23.5')
    expect(f.message).not.toContain('asyncio_default_test_loop_scope')
  })
})
