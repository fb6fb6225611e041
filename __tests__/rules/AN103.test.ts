/** AN103: `parametrize("anyio_backend", ...)` (function-scoped) on a test that uses a wider async fixture. */
import { check, checkFixed } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const PINS = 'pytest==8.4.2\nanyio[trio]==4.14.2\n'

const EXPIRY = py`
  import anyio
  import pytest

  from ttlcache import AsyncTTLCache


  @pytest.fixture(scope="module")
  async def warm_cache():
      cache = AsyncTTLCache(slow_square, ttl=0.05)
      for n in range(4):
          await cache.get(n)
      return cache


  @pytest.mark.parametrize("anyio_backend", ["asyncio"])
  async def test_fresh_entry_is_served_from_cache(anyio_backend, warm_cache):
      assert await warm_cache.get(1) == 1


  def test_ttl_is_kept():
      assert AsyncTTLCache(slow_square, ttl=3)._ttl == 3
`

const an = (keys: string[], code = 'AN103') => keys.filter((k) => k.startsWith(code))

describe('AN103 parametrize-backend-with-scoped-fixture', () => {
  it('flags the parametrized test and adds scope="module" to the parametrize', async () => {
    const { first, second } = await checkFixed({ 'requirements-dev.txt': PINS, 'tests/test_expiry.py': EXPIRY })
    expect(an(first.keys)).toEqual(['AN103 tests/test_expiry.py:15-16'])
    expect(first.findings.find((f) => f.code === 'AN103')!.message).toContain('function scoped fixture anyio_backend with a module scoped request object')
    expect(first.fixed(['tests/test_expiry.py'])['tests/test_expiry.py']).toEqual(
      EXPIRY.replace('@pytest.mark.parametrize("anyio_backend", ["asyncio"])', '@pytest.mark.parametrize("anyio_backend", ["asyncio"], scope="module")')
    )
    expect(second.keys).toEqual([])
  })

  it('with several backends the fix also makes the scoped fixture request anyio_backend (AN105)', async () => {
    const files = {
      'requirements-dev.txt': PINS,
      'tests/conftest.py': py`
        import pytest

        from ttlcache import AsyncTTLCache


        @pytest.fixture(scope="session")
        async def shared_cache():
            return AsyncTTLCache(lambda k: k, ttl=10)
      `,
      'tests/cache/test_backends.py': py`
        import pytest


        @pytest.mark.parametrize(
            "anyio_backend",
            [
                pytest.param("asyncio", id="asyncio"),
                pytest.param(("trio", {"restrict_keyboard_interrupt_to_checkpoints": True}), id="trio"),
            ],
        )
        async def test_get_on_both_backends(anyio_backend, shared_cache):
            assert await shared_cache.get(2) == 2
      `
    }
    const { first, second } = await checkFixed(files)
    expect(an(first.keys)).toEqual(['AN103 tests/cache/test_backends.py:4-11'])
    const fixed = first.fixed(['tests/conftest.py', 'tests/cache/test_backends.py'])
    expect(fixed['tests/cache/test_backends.py']).toContain('        pytest.param(("trio", {"restrict_keyboard_interrupt_to_checkpoints": True}), id="trio"),\n    ],\n    scope="session",\n)')
    expect(fixed['tests/conftest.py']).toContain('async def shared_cache(anyio_backend):')
    expect(second.keys).toEqual([])
  })

  it('does not flag a parametrize that already has a wide enough scope, nor a function-scoped fixture', async () => {
    const { keys } = await check({
      'requirements-dev.txt': PINS,
      'tests/test_expiry.py': EXPIRY.replace('["asyncio"])', '["asyncio"], scope="module")'),
      'tests/test_small.py': py`
        import pytest


        @pytest.fixture
        async def tiny_cache():
            return {}


        @pytest.mark.parametrize("anyio_backend", ["trio"])
        async def test_tiny(anyio_backend, tiny_cache):
            assert tiny_cache == {}
      `
    })
    expect(an(keys)).toEqual([])
  })

  it('flags every test under a module-level parametrize and widens that one mark', async () => {
    const files = {
      'requirements-dev.txt': 'pytest==8.4.2\nanyio==4.11.0\n',
      'tests/test_module_param.py': py`
        import pytest

        pytestmark = [pytest.mark.parametrize("anyio_backend", ["asyncio"])]


        @pytest.fixture(scope="module")
        async def index():
            return {"a": 1}


        async def test_lookup(anyio_backend, index):
            assert index["a"] == 1


        async def test_missing(anyio_backend, index):
            assert "b" not in index
      `
    }
    const { first, second } = await checkFixed(files)
    expect(an(first.keys)).toEqual(['AN103 tests/test_module_param.py:11-11', 'AN103 tests/test_module_param.py:15-15'])
    expect(first.fixed(['tests/test_module_param.py'])['tests/test_module_param.py']).toContain('pytestmark = [pytest.mark.parametrize("anyio_backend", ["asyncio"], scope="module")]')
    expect(second.keys).toEqual([])
  })
})
