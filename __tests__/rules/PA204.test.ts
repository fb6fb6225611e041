/** PA204: `loop_scope=` with a pinned pytest-asyncio older than 0.24. */
import { check, checkFixed } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const PIN_023 = 'pytest==8.4.2\npytest-asyncio==0.23.8\n'

const DB_CONFTEST = py`
  import pytest_asyncio

  from tickets.db import create_pool


  @pytest_asyncio.fixture(scope="session")
  async def db():
      db = await create_pool()
      yield db
      await db.close()
`

const TICKETS_TEST = py`
  import pytest


  @pytest.mark.asyncio(loop_scope="session")
  async def test_open_ticket(db):
      await db.execute("INSERT INTO tickets VALUES ($1, $2)", 1, "open")


  @pytest.mark.asyncio(loop_scope="session")
  async def test_lookup_ticket(db):
      rows = await db.fetch("SELECT * FROM tickets WHERE id = $1", 1)
      assert rows[0][1] == "open"
`

const COUNTERS_TEST = py`
  import pytest
  import pytest_asyncio

  from stats.cache import CacheClient

  pytestmark = pytest.mark.asyncio(scope="module")


  @pytest_asyncio.fixture(scope="module", loop_scope="module")
  async def counters():
      cache = await CacheClient(namespace="stats").connect()
      yield cache
      await cache.close()


  async def test_counter_starts_empty(counters):
      assert await counters.get("visits") is None
`

const pa204 = (keys: string[]) => keys.filter((k) => k.startsWith('PA204'))

describe('PA204 loop-scope-kwarg-on-pre-0.24', () => {
  it('rewrites an ignored mark loop_scope= to the 0.23 spelling scope=', async () => {
    const files = { 'requirements-dev.txt': PIN_023, 'pytest.ini': '[pytest]\ntestpaths = tests\n', 'tests/conftest.py': DB_CONFTEST, 'tests/test_tickets.py': TICKETS_TEST }
    const { first, second } = await checkFixed(files)
    expect(pa204(first.keys)).toEqual(['PA204 tests/test_tickets.py:4-5', 'PA204 tests/test_tickets.py:9-10'])
    const f = first.findings.find((x) => x.code === 'PA204')!
    expect(f.severity).toBe('warning')
    expect(f.message).toContain('silently ignores it, so `test_open_ticket` runs in the function-scoped loop, not the session loop')
    expect(first.fixed(['tests/test_tickets.py'])['tests/test_tickets.py']).toEqual(TICKETS_TEST.replace(/loop_scope=/g, 'scope='))
    expect(pa204(second.keys)).toEqual([])
    expect(second.keys.filter((k) => k.startsWith('PA104'))).toEqual([])
  })

  it('removes a fixture loop_scope= equal to its caching scope (0.23: TypeError at import)', async () => {
    const files = {
      'pyproject.toml': py`
        [project]
        name = "stats"
        version = "0.1.0"

        [project.optional-dependencies]
        test = ["pytest-asyncio==0.23.8"]
      `,
      'tests/test_counters.py': COUNTERS_TEST
    }
    const { first, second } = await checkFixed(files)
    expect(pa204(first.keys)).toEqual(['PA204 tests/test_counters.py:9-10'])
    const f = first.findings.find((x) => x.code === 'PA204')!
    expect(f.severity).toBe('error')
    expect(f.message).toContain("TypeError: fixture() got an unexpected keyword argument 'loop_scope'")
    expect(first.fixed(['tests/test_counters.py'])['tests/test_counters.py']).toEqual(
      COUNTERS_TEST.replace('@pytest_asyncio.fixture(scope="module", loop_scope="module")', '@pytest_asyncio.fixture(scope="module")')
    )
    expect(pa204(second.keys)).toEqual([])
  })

  it('says to upgrade, with no edit, when the fixture loop_scope differs from its caching scope', async () => {
    const { findings } = await check({
      'requirements-dev.txt': PIN_023,
      'tests/conftest.py': py`
        import pytest_asyncio


        @pytest_asyncio.fixture(loop_scope="session")
        async def session_clock():
            return 0
      `,
      'tests/api/v1/test_clock.py': py`
        import pytest


        @pytest.mark.asyncio
        async def test_clock(session_clock):
            assert session_clock == 0
      `
    })
    const f = findings.find((x) => x.code === 'PA204')!
    expect(`${f.path}:${f.line}-${f.endLine}`).toEqual('tests/conftest.py:4-5')
    expect(f.message).toContain('no test below it is collected')
    expect(f.message).toContain('Upgrade to pytest-asyncio>=0.24')
    expect(f.fix).toBeUndefined()
  })

  it('does not fire from 0.24, or for a mark loop_scope= that 0.23 would not change', async () => {
    const newer = await check({ 'requirements-dev.txt': 'pytest-asyncio==0.24.0\n', 'tests/conftest.py': DB_CONFTEST, 'tests/test_tickets.py': TICKETS_TEST })
    expect(pa204(newer.keys)).toEqual([])
    const same = await check({
      'requirements-dev.txt': PIN_023,
      'tests/test_plain.py': py`
        import pytest


        @pytest.mark.asyncio(loop_scope="function")
        async def test_plain():
            pass
      `
    })
    expect(pa204(same.keys)).toEqual([])
  })

  it('on a range reaching 0.24 reports the old versions and leaves the code alone', async () => {
    const { findings } = await check({ 'requirements-dev.txt': 'pytest-asyncio>=0.23,<0.25\n', 'tests/conftest.py': DB_CONFTEST, 'tests/test_tickets.py': TICKETS_TEST })
    const f = findings.filter((x) => x.code === 'PA204')
    expect(f.length).toBe(2)
    expect(f[0]!.message).toContain('pytest-asyncio 0.23.0–0.23.8 (allowed by `>=0.23,<0.25` in requirements-dev.txt:1)')
    expect(f[0]!.message).toContain('Require pytest-asyncio>=0.24.')
    expect(f.every((x) => !x.fix)).toBe(true)
  })
})
