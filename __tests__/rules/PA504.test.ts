/** PA504: `asyncio.run` / `run_until_complete` inside a coroutine pytest-asyncio runs. */
import { check, checkFixed, INI_FUNCTION_DEFAULT, PIN_1_4 } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const only = (keys: string[], code = 'PA504') => keys.filter((k) => k.startsWith(code))

const CRAWLER = py`
  import asyncio

  from crawl import crawl


  async def test_crawl_visits_everything():
      pages = asyncio.run(crawl("/"))
      assert pages == {"/", "/a", "/b"}


  async def test_crawl_leaf():
      assert await crawl("/b") == {"/b"}
`

const AUTO = '[pytest]\nasyncio_mode = auto\nasyncio_default_fixture_loop_scope = function\n'

describe('PA504 blocking-run-inside-async', () => {
  it('flags asyncio.run inside an auto-mode test and awaits instead', async () => {
    const { first, second } = await checkFixed({ 'pytest.ini': AUTO, 'requirements-dev.txt': PIN_1_4, 'tests/test_crawler.py': CRAWLER })
    expect(only(first.keys)).toEqual(['PA504 tests/test_crawler.py:7-7'])
    expect(first.findings.find((x) => x.code === 'PA504')!.message).toContain('RuntimeError: asyncio.run() cannot be called from a running event loop')
    expect(first.fixed(['tests/test_crawler.py'])['tests/test_crawler.py']).toEqual(CRAWLER.replace('asyncio.run(crawl("/"))', 'await crawl("/")'))
    expect(only(second.keys)).toEqual([])
  })

  it('leaves sync tests, helpers run in an executor, and tests no plugin runs', async () => {
    const r = await check({
      'pytest.ini': INI_FUNCTION_DEFAULT,
      'requirements-dev.txt': PIN_1_4,
      'tests/test_sync.py': py`
        import asyncio

        import pytest

        from crawl import crawl


        def test_sync_entry_point():
            assert asyncio.run(crawl("/b")) == {"/b"}


        @pytest.mark.asyncio
        async def test_in_thread():
            def blocking():
                return asyncio.run(crawl("/b"))

            assert await asyncio.to_thread(blocking) == {"/b"}
      `
    })
    expect(only(r.keys)).toEqual([])
  })

  it('flags run_until_complete in an async conftest fixture used from a nested folder, wrapping where needed', async () => {
    const files = {
      'pyproject.toml': '[project]\nname = "p"\nversion = "1"\ndependencies = ["pytest-asyncio==0.25.3", "pytest==8.3.5"]\n\n[tool.pytest.ini_options]\nasyncio_default_fixture_loop_scope = "function"\n',
      'tests/conftest.py': py`
        import asyncio

        import pytest_asyncio

        from store import open_store


        @pytest_asyncio.fixture
        async def store():
            loop = asyncio.get_running_loop()
            s = loop.run_until_complete(open_store()).with_cache()
            yield s
      `,
      'tests/store/unit/test_store.py': py`
        import pytest


        @pytest.mark.asyncio
        async def test_empty(store):
            assert await store.count() == 0
      `
    }
    const r = await check(files)
    expect(only(r.keys)).toEqual(['PA504 tests/conftest.py:11-11'])
    const f = r.findings.find((x) => x.code === 'PA504')!
    expect(f.message).toContain('RuntimeError: This event loop is already running')
    expect(r.fixed(['tests/conftest.py'])['tests/conftest.py']).toContain('    s = (await open_store()).with_cache()\n')
  })
})
