/** AN105: a class-or-wider async fixture that ignores the backend switch (does not request anyio_backend). */
import { check, checkFixed } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const PINS_TRIO = 'pytest==8.4.2\nanyio[trio]==4.14.2\n'

const POOL_TESTS = py`
  import pytest
  import sniffio

  from sessions.pool import SessionPool

  pytestmark = pytest.mark.anyio


  @pytest.fixture(scope="module")
  async def pool():
      """Creating sessions is slow, so one pool per module."""
      pool = SessionPool(size=2)
      yield pool
      await pool.close()


  async def test_lease_returns_session(pool):
      async with pool.lease() as s:
          assert (await s.request("/health")).endswith(":/health")


  async def test_pool_runs_on_the_requested_backend(pool, anyio_backend):
      assert sniffio.current_async_library() == anyio_backend
`

const an = (keys: string[]) => keys.filter((k) => k.startsWith('AN105'))

describe('AN105 scoped-async-fixture-ignores-backend-switch', () => {
  it('flags a module fixture on the default asyncio+trio backends and adds anyio_backend', async () => {
    const { first, second } = await checkFixed({ 'requirements-dev.txt': PINS_TRIO, 'tests/test_pool.py': POOL_TESTS })
    expect(an(first.keys)).toEqual(['AN105 tests/test_pool.py:9-10'])
    const f = first.findings.find((x) => x.code === 'AN105')!
    expect(f.severity).toBe('warning')
    expect(f.message).toContain('asyncio and trio')
    expect(first.fixed(['tests/test_pool.py'])['tests/test_pool.py']).toEqual(POOL_TESTS.replace('async def pool():', 'async def pool(anyio_backend):'))
    expect(second.keys).toEqual([])
  })

  it('does not flag a single backend (trio not installed), or a fixture that depends on anyio_backend through another fixture', async () => {
    expect(an((await check({ 'requirements-dev.txt': 'pytest==8.4.2\nanyio==4.14.2\n', 'tests/test_pool.py': POOL_TESTS })).keys)).toEqual([])
    const { keys } = await check({
      'requirements-dev.txt': PINS_TRIO,
      'tests/conftest.py': py`
        import pytest


        @pytest.fixture(scope="module")
        def backend_label(anyio_backend):
            return anyio_backend if isinstance(anyio_backend, str) else anyio_backend[0]
      `,
      'tests/test_pool.py': POOL_TESTS.replace('async def pool():', 'async def pool(backend_label):')
    })
    expect(an(keys)).toEqual([])
  })

  it('flags a session fixture in a conftest used under a params override with two backends', async () => {
    const files = {
      'requirements-dev.txt': 'pytest==8.4.2\nanyio==4.14.2\ntrio==0.34.0\n',
      'tests/conftest.py': py`
        import pytest

        from catalog.store import Warehouse


        @pytest.fixture(scope="session", params=["asyncio", "trio"])
        def anyio_backend(request):
            return request.param


        @pytest.fixture(scope="session")
        async def warehouse():
            return Warehouse()
      `,
      'tests/stock/test_stock.py': py`
        import pytest


        @pytest.mark.anyio
        async def test_receiving_restocks(warehouse):
            await warehouse.receive("MUG-2", 1)
            assert await warehouse.in_stock("MUG-2")
      `
    }
    const { first, second } = await checkFixed(files)
    expect(an(first.keys)).toEqual(['AN105 tests/conftest.py:11-12'])
    expect(first.fixed(['tests/conftest.py'])['tests/conftest.py']).toContain('async def warehouse(anyio_backend):')
    expect(second.keys).toEqual([])
  })
})
