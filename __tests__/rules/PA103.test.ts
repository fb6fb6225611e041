/** PA103: pytest-asyncio 0.21, a wider async fixture without an `event_loop` override of its scope. */
import { check, checkFixed } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const PIN_021 = 'pytest==7.4.4\npytest-asyncio==0.21.2\n'

const POOL_CONFTEST = py`
  import pytest_asyncio

  from shop.db import create_pool


  @pytest_asyncio.fixture(scope="session")
  async def pool():
      pool = await create_pool()
      yield pool
      await pool.close()
`

const ORDERS_TEST = py`
  import pytest


  @pytest.mark.asyncio
  async def test_list_orders(pool):
      assert await pool.fetch("SELECT * FROM orders") == []
`

const pa103 = (keys: string[]) => keys.filter((k) => k.startsWith('PA103'))

describe('PA103 wide-async-fixture-without-wide-event-loop', () => {
  it('flags a session fixture on 0.21 and adds a session event_loop to the conftest', async () => {
    const files = {
      'requirements-dev.txt': PIN_021,
      'tests/conftest.py': POOL_CONFTEST,
      'tests/test_orders.py': ORDERS_TEST
    }
    const { first, second } = await checkFixed(files)
    expect(pa103(first.keys)).toEqual(['PA103 tests/conftest.py:6-7'])
    const finding = first.findings.find((f) => f.code === 'PA103')!
    expect(finding.message).toContain('ScopeMismatch: You tried to access the function scoped fixture event_loop with a session scoped request object')
    expect(finding.message).toContain('pytest-asyncio 0.21.2')
    expect(first.fixed(['tests/conftest.py'])['tests/conftest.py']).toEqual(py`
      import asyncio

      import pytest
      import pytest_asyncio

      from shop.db import create_pool


      @pytest.fixture(scope="session")
      def event_loop():
          loop = asyncio.new_event_loop()
          yield loop
          loop.close()


      @pytest_asyncio.fixture(scope="session")
      async def pool():
          pool = await create_pool()
          yield pool
          await pool.close()
    `)
    expect(pa103(second.keys)).toEqual([])
  })

  it('does not fire when a session event_loop override is visible', async () => {
    const { keys } = await check({
      'requirements-dev.txt': PIN_021,
      'tests/conftest.py': py`
        import asyncio

        import pytest
        import pytest_asyncio

        from shop.db import create_pool


        @pytest.fixture(scope="session")
        def event_loop():
            loop = asyncio.new_event_loop()
            yield loop
            loop.close()


        @pytest_asyncio.fixture(scope="session")
        async def pool():
            return await create_pool()
      `,
      'tests/test_orders.py': ORDERS_TEST
    })
    expect(pa103(keys)).toEqual([])
  })

  it('widens an existing function-scoped override in the covering conftest two folders up', async () => {
    const files = {
      'requirements-dev.txt': PIN_021,
      'tests/conftest.py': py`
        import asyncio

        import pytest


        @pytest.fixture
        def event_loop():
            loop = asyncio.new_event_loop()
            yield loop
            loop.close()
      `,
      'tests/integration/db/conftest.py': py`
        import pytest_asyncio

        from shop.db import create_pool


        @pytest_asyncio.fixture(scope="module")
        async def pool():
            return await create_pool()
      `,
      'tests/integration/db/test_orders.py': ORDERS_TEST,
      'tests/integration/db/test_refunds.py': py`
        import pytest


        @pytest.mark.asyncio
        async def test_refund_total(pool):
            assert await pool.fetchval("SELECT sum(amount) FROM refunds") is None
      `
    }
    const { first, second } = await checkFixed(files)
    expect(pa103(first.keys)).toEqual(['PA103 tests/integration/db/conftest.py:6-7'])
    const finding = first.findings.find((f) => f.code === 'PA103')!
    expect(finding.message).toContain('the nearest `event_loop` (tests/conftest.py:6) is function-scoped')
    expect(finding.related.map((r) => `${r.path}:${r.line}`)).toContain('tests/conftest.py:6')
    // The nearest existing conftest covering both modules is tests/integration/db/conftest.py.
    expect(first.fixed(['tests/integration/db/conftest.py'])['tests/integration/db/conftest.py']).toEqual(py`
      import asyncio

      import pytest
      import pytest_asyncio

      from shop.db import create_pool


      @pytest.fixture(scope="session")
      def event_loop():
          loop = asyncio.new_event_loop()
          yield loop
          loop.close()


      @pytest_asyncio.fixture(scope="module")
      async def pool():
          return await create_pool()
    `)
    expect(pa103(second.keys)).toEqual([])
  })

  it('widens the override when it lives in the covering conftest itself', async () => {
    const files = {
      'requirements-dev.txt': PIN_021,
      'tests/conftest.py': py`
        import asyncio

        import pytest
        import pytest_asyncio


        @pytest.fixture
        def event_loop():
            loop = asyncio.new_event_loop()
            yield loop
            loop.close()


        @pytest_asyncio.fixture(scope="session")
        async def pool():
            return object()
      `,
      'tests/test_orders.py': ORDERS_TEST
    }
    const { first, second } = await checkFixed(files)
    expect(pa103(first.keys)).toEqual(['PA103 tests/conftest.py:14-15'])
    expect(first.fixed(['tests/conftest.py'])['tests/conftest.py']).toContain('@pytest.fixture(scope="session")\ndef event_loop():')
    expect(pa103(second.keys)).toEqual([])
  })

  it('adds the override to the test module when no conftest covers the tests', async () => {
    const files = {
      'requirements-dev.txt': PIN_021,
      'tests/test_cache.py': py`
        import pytest
        import pytest_asyncio


        @pytest_asyncio.fixture(scope="module")
        async def cache():
            return {}


        @pytest.mark.asyncio
        async def test_cache_starts_empty(cache):
            assert cache == {}
      `
    }
    const { first, second } = await checkFixed(files)
    expect(pa103(first.keys)).toEqual(['PA103 tests/test_cache.py:5-6'])
    expect(first.fixed(['tests/test_cache.py'])['tests/test_cache.py']).toEqual(py`
      import asyncio

      import pytest
      import pytest_asyncio


      @pytest.fixture(scope="session")
      def event_loop():
          loop = asyncio.new_event_loop()
          yield loop
          loop.close()


      @pytest_asyncio.fixture(scope="module")
      async def cache():
          return {}


      @pytest.mark.asyncio
      async def test_cache_starts_empty(cache):
          assert cache == {}
    `)
    expect(pa103(second.keys)).toEqual([])
  })

  it('only applies to 0.21: 0.23 and newer give each scope its own loop', async () => {
    for (const pin of ['pytest-asyncio==0.23.8\n', 'pytest-asyncio==1.4.0\n']) {
      const { keys } = await check({ 'requirements-dev.txt': pin, 'tests/conftest.py': POOL_CONFTEST, 'tests/test_orders.py': ORDERS_TEST })
      expect(pa103(keys)).toEqual([])
    }
  })

  it('reports without an edit when the pins also allow newer releases', async () => {
    const { findings } = await check({
      'requirements-dev.txt': 'pytest-asyncio>=0.21,<0.24\n',
      'tests/conftest.py': POOL_CONFTEST,
      'tests/test_orders.py': ORDERS_TEST
    })
    const f = findings.find((x) => x.code === 'PA103')!
    expect(`${f.path}:${f.line}-${f.endLine}`).toEqual('tests/conftest.py:6-7')
    expect(f.message).toContain('pytest-asyncio 0.21.0–0.21.2 (allowed by `>=0.21,<0.24` in requirements-dev.txt:1)')
    expect(f.fix).toBeUndefined()
  })
})
