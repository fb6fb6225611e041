/** PA401: a user-defined `event_loop` fixture. */
import { check, checkFixed, PIN_1_4 } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const only = (keys: string[], code = 'PA401') => keys.filter((k) => k.startsWith(code))

const CONFTEST = py`
  import asyncio

  import pytest
  import pytest_asyncio

  from library.db import create_pool


  @pytest.fixture(scope="session")
  def event_loop():
      """Share one loop between all tests (pytest-asyncio recipe)."""
      loop = asyncio.get_event_loop_policy().new_event_loop()
      yield loop
      loop.close()


  @pytest_asyncio.fixture(scope="session")
  async def catalogue():
      pool = await create_pool()
      yield pool
      await pool.close()
`

const BOOKS = py`
  import pytest


  @pytest.mark.asyncio
  async def test_add_book(catalogue):
      await catalogue.execute("INSERT INTO books VALUES ($1)", "SICP")
      assert await catalogue.fetchval("SELECT count(*) FROM books") == 1
`

describe('PA401 event-loop-fixture-override', () => {
  it('on 1.4 reports the ignored session override, deletes it and moves its scope to the ini defaults', async () => {
    const files = { 'pytest.ini': '[pytest]\ntestpaths = tests\n', 'requirements-dev.txt': PIN_1_4, 'tests/conftest.py': CONFTEST, 'tests/test_books.py': BOOKS }
    const { first, second } = await checkFixed(files)
    expect(only(first.keys)).toEqual(['PA401 tests/conftest.py:9-10'])
    const f = first.findings.find((x) => x.code === 'PA401')!
    expect(f.severity).toBe('error')
    expect(f.message).toContain('silently ignored')
    const fixed = first.fixed(['tests/conftest.py', 'pytest.ini'], [f])
    expect(fixed['pytest.ini']).toEqual('[pytest]\nasyncio_default_fixture_loop_scope = session\nasyncio_default_test_loop_scope = session\ntestpaths = tests\n')
    expect(fixed['tests/conftest.py']).toEqual(py`
      import pytest_asyncio

      from library.db import create_pool


      @pytest_asyncio.fixture(scope="session")
      async def catalogue():
          pool = await create_pool()
          yield pool
          await pool.close()
    `)
    expect(second.keys.filter((k) => /PA401|PA104|PA108/.test(k))).toEqual([])
  })

  it('is the documented pattern on 0.21 and a domain fixture of that name is not an override', async () => {
    const on021 = await check({ 'pytest.ini': '[pytest]\n', 'requirements-dev.txt': 'pytest==7.4.4\npytest-asyncio==0.21.2\n', 'tests/conftest.py': CONFTEST, 'tests/test_books.py': BOOKS })
    expect(only(on021.keys)).toEqual([])
    const domain = await check({
      'pytest.ini': '[pytest]\nasyncio_default_fixture_loop_scope = function\n',
      'requirements-dev.txt': PIN_1_4,
      'tests/conftest.py': py`
        import pytest

        from sim.engine import EventLoop


        @pytest.fixture
        def event_loop():
            loop = EventLoop()
            loop.schedule(1.0, "arrival")
            return loop
      `,
      'tests/test_sim.py': 'def test_runs(event_loop):\n    assert event_loop.run()\n'
    })
    expect(only(domain.keys)).toEqual([])
  })

  it('warns on 0.24 (deprecated) and offers no ini fix before asyncio_default_test_loop_scope exists', async () => {
    const r = await check({ 'pytest.ini': '[pytest]\n', 'requirements-dev.txt': 'pytest==8.3.5\npytest-asyncio==0.24.0\n', 'tests/conftest.py': CONFTEST, 'tests/test_books.py': BOOKS })
    expect(only(r.keys)).toEqual(['PA401 tests/conftest.py:9-10'])
    const f = r.findings.find((x) => x.code === 'PA401')!
    expect(f.severity).toBe('warning')
    expect(f.message).toContain('DeprecationWarning: The event_loop fixture provided by pytest-asyncio has been redefined in tests/conftest.py:10')
    expect(f.fix).toBeUndefined()
  })

  it('deletes a function-scoped override in the root conftest for tests two folders down (config in pyproject)', async () => {
    const files = {
      'pyproject.toml': py`
        [project]
        name = "feeds"
        version = "0.3"
        dependencies = ["pytest-asyncio==0.26.0", "pytest==8.3.5"]

        [tool.pytest.ini_options]
        asyncio_default_fixture_loop_scope = "function"
      `,
      'conftest.py': py`
        import asyncio

        import pytest


        @pytest.fixture
        def event_loop():
            loop = asyncio.new_event_loop()
            yield loop
            loop.close()
      `,
      'tests/feeds/rss/test_parse.py': py`
        import pytest


        @pytest.mark.asyncio
        async def test_parse_empty_feed():
            assert True
      `
    }
    const { first, second } = await checkFixed(files)
    expect(only(first.keys)).toEqual(['PA401 conftest.py:6-7'])
    expect(first.fixed(['conftest.py'])['conftest.py']).toEqual('')
    expect(only(second.keys)).toEqual([])
  })

  it('keeps a custom loop type: no fix, and points to the loop-factories hook', async () => {
    const r = await check({
      'pytest.ini': '[pytest]\nasyncio_default_fixture_loop_scope = function\n',
      'requirements-dev.txt': PIN_1_4 + 'uvloop==0.21.0\n',
      'tests/conftest.py': py`
        import pytest
        import uvloop


        @pytest.fixture(scope="session")
        def event_loop():
            loop = uvloop.new_event_loop()
            yield loop
            loop.close()
      `,
      'tests/test_loop.py': py`
        import asyncio

        import pytest


        @pytest.mark.asyncio
        async def test_sleep_zero():
            assert await asyncio.sleep(0, result=3) == 3
      `
    })
    expect(only(r.keys)).toEqual(['PA401 tests/conftest.py:5-6'])
    const f = r.findings.find((x) => x.code === 'PA401')!
    expect(f.fix).toBeUndefined()
    expect(f.message).toContain('`pytest_asyncio_loop_factories` hook (≥ 1.4)')
  })
})
