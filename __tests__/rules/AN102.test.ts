/** AN102: a user `anyio_backend` override narrower than an async fixture that gets its backend from it. */
import { check, checkFixed } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const PINS = 'pytest==8.4.2\nanyio==4.14.2\n'

const DOCS_OVERRIDE = py`
  import pytest


  @pytest.fixture
  def anyio_backend():
      # The HTTP client we throttle only speaks asyncio.
      return "asyncio"
`

const BUCKET_TESTS = py`
  import anyio
  import pytest

  from throttle import TokenBucket


  @pytest.fixture(scope="module")
  async def shared_bucket():
      bucket = TokenBucket(rate=200, capacity=5)
      await bucket.acquire()
      yield bucket


  @pytest.mark.anyio
  async def test_acquire_waits_for_refill(shared_bucket):
      start = anyio.current_time()
      for _ in range(10):
          await shared_bucket.acquire()
      assert anyio.current_time() - start < 1.0
`

const an = (keys: string[]) => keys.filter((k) => k.startsWith('AN102'))

describe('AN102 backend-override-narrower-than-async-fixture', () => {
  it('flags the docs-style function-scoped override and widens it to the fixture scope', async () => {
    const files = { 'requirements-dev.txt': PINS, 'tests/conftest.py': DOCS_OVERRIDE, 'tests/test_bucket.py': BUCKET_TESTS }
    const { first, second } = await checkFixed(files)
    expect(an(first.keys)).toEqual(['AN102 tests/conftest.py:4-5'])
    const f = first.findings.find((x) => x.code === 'AN102')!
    expect(f.message).toContain('ScopeMismatch: You tried to access the function scoped fixture anyio_backend with a module scoped request object')
    expect(f.related.map((r) => `${r.path}:${r.line}`)).toEqual(['tests/test_bucket.py:7'])
    expect(first.fixed(['tests/conftest.py'])['tests/conftest.py']).toEqual(py`
      import pytest


      @pytest.fixture(scope="module")
      def anyio_backend():
          # The HTTP client we throttle only speaks asyncio.
          return "asyncio"
    `)
    expect(second.keys).toEqual([])
  })

  it('widens to the widest fixture that reaches the override, through a sync fixture, across conftests', async () => {
    const files = {
      'requirements-dev.txt': PINS,
      'tests/conftest.py': py`
        import pytest


        @pytest.fixture(scope='class', params=['asyncio', 'trio'])
        def anyio_backend(request):
            return request.param
      `,
      'tests/store/conftest.py': py`
        import pytest

        from catalog.store import Catalog, Warehouse


        @pytest.fixture(scope='session')
        async def warehouse(anyio_backend):
            return Warehouse()


        @pytest.fixture(scope='module')
        def catalog(warehouse):
            return Catalog(warehouse)
      `,
      'tests/store/test_search.py': py`
        import pytest


        @pytest.mark.anyio
        async def test_search_is_case_insensitive(catalog):
            assert [p.sku for p in await catalog.search('MUG')] == ['MUG-1', 'MUG-2']
      `
    }
    const { first, second } = await checkFixed(files)
    expect(an(first.keys)).toEqual(['AN102 tests/conftest.py:4-5'])
    expect(first.fixed(['tests/conftest.py'])['tests/conftest.py']).toContain("@pytest.fixture(scope='session', params=['asyncio', 'trio'])")
    expect(second.keys).toEqual([])
  })

  it('does not flag an override at least as wide as the async fixtures, nor a narrower one nearer to other tests', async () => {
    const { keys } = await check({
      'requirements-dev.txt': PINS,
      'tests/conftest.py': DOCS_OVERRIDE.replace('@pytest.fixture\n', '@pytest.fixture(scope="session")\n'),
      'tests/test_bucket.py': BUCKET_TESTS,
      'tests/unit/conftest.py': DOCS_OVERRIDE,
      'tests/unit/test_parse.py': py`
        import pytest


        @pytest.fixture
        async def limits():
            return {"rate": 5}


        @pytest.mark.anyio
        async def test_limits(limits):
            assert limits["rate"] == 5
      `
    })
    expect(an(keys)).toEqual([])
  })

  it('applies on anyio 3.x as well (every version)', async () => {
    const { keys } = await check({ 'requirements-dev.txt': 'pytest==7.4.4\nanyio==3.7.1\n', 'tests/conftest.py': DOCS_OVERRIDE, 'tests/test_bucket.py': BUCKET_TESTS })
    expect(an(keys)).toEqual(['AN102 tests/conftest.py:4-5'])
  })
})
