/** PA302: strict mode, an async `@pytest.fixture` requested by asyncio tests. */
import { check, checkFixed, INI_FUNCTION_DEFAULT, PIN_1_4 } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const only = (keys: string[], code = 'PA302') => keys.filter((k) => k.startsWith(code))

const AVATARS = py`
  import pytest

  from avatars.http import AsyncClient, FakeServer

  server = FakeServer()


  @pytest.fixture
  async def client():
      async with AsyncClient(server) as c:
          yield c


  @pytest.mark.asyncio
  async def test_avatar_url(client):
      response = await client.get("/avatars/ada")
      assert response.json()["size"] == 128
`

describe('PA302 strict-mode-async-pytest-fixture', () => {
  it('flags the async @pytest.fixture and declares it with pytest_asyncio', async () => {
    const files = { 'pytest.ini': INI_FUNCTION_DEFAULT, 'requirements-dev.txt': PIN_1_4, 'tests/test_avatars.py': AVATARS }
    const { first, second } = await checkFixed(files)
    expect(only(first.keys)).toEqual(['PA302 tests/test_avatars.py:8-9'])
    const f = first.findings.find((x) => x.code === 'PA302')!
    expect(f.message).toContain("'test_avatar_url' requested an async fixture 'client', with no plugin or hook that handled it.")
    expect(f.message).toContain('asyncio test \'test_avatar_url\' requested async @pytest.fixture \'client\' in strict mode.')
    expect(first.fixed(['tests/test_avatars.py'])['tests/test_avatars.py']).toEqual(py`
      import pytest
      import pytest_asyncio

      from avatars.http import AsyncClient, FakeServer

      server = FakeServer()


      @pytest_asyncio.fixture
      async def client():
          async with AsyncClient(server) as c:
              yield c


      @pytest.mark.asyncio
      async def test_avatar_url(client):
          response = await client.get("/avatars/ada")
          assert response.json()["size"] == 128
    `)
    expect(only(second.keys)).toEqual([])
  })

  it('leaves fixtures of anyio tests, sync fixtures, and auto mode alone', async () => {
    const files = {
      'pytest.ini': INI_FUNCTION_DEFAULT,
      'requirements-dev.txt': PIN_1_4 + 'anyio==4.14.2\n',
      'tests/test_backends.py': py`
        import pytest


        @pytest.fixture
        async def channel():
            return object()


        @pytest.fixture
        def settings():
            return {"retries": 2}


        @pytest.mark.anyio
        async def test_channel(channel):
            assert channel is not None


        @pytest.mark.asyncio
        async def test_settings(settings):
            assert settings["retries"] == 2
      `
    }
    expect(only((await check(files)).keys)).toEqual([])
    const auto = { 'pytest.ini': '[pytest]\nasyncio_mode = auto\nasyncio_default_fixture_loop_scope = function\n', 'requirements-dev.txt': PIN_1_4, 'tests/test_avatars.py': AVATARS }
    expect(only((await check(auto)).keys)).toEqual([])
  })

  it('keeps scope, adds the loop scope of the module-loop tests using it from a conftest two folders up', async () => {
    const files = {
      'setup.cfg': '[tool:pytest]\nasyncio_default_fixture_loop_scope = function\n',
      'requirements.txt': PIN_1_4,
      'tests/conftest.py': py`
        import pytest

        from shop.cache import RedisCache


        @pytest.fixture(scope="module")
        async def cache():
            c = await RedisCache.connect("redis://localhost/0")
            yield c
            await c.close()
      `,
      'tests/shop/cart/test_cart.py': py`
        import pytest

        pytestmark = pytest.mark.asyncio(loop_scope="module")


        async def test_cart_is_cached(cache):
            await cache.set("cart:1", "[]")
            assert await cache.get("cart:1") == "[]"
      `
    }
    const { first, second } = await checkFixed(files)
    expect(only(first.keys)).toEqual(['PA302 tests/conftest.py:6-7'])
    expect(first.findings.find((f) => f.code === 'PA302')!.message).toContain('with `loop_scope="module"`')
    expect(first.fixed(['tests/conftest.py'])['tests/conftest.py']).toEqual(py`
      import pytest
      import pytest_asyncio

      from shop.cache import RedisCache


      @pytest_asyncio.fixture(scope="module", loop_scope="module")
      async def cache():
          c = await RedisCache.connect("redis://localhost/0")
          yield c
          await c.close()
    `)
    expect(second.keys.filter((k) => /PA30|PA10/.test(k))).toEqual([])
  })

  it('on 0.23 (no loop_scope yet) converts without a loop_scope and names no 0.25 warning', async () => {
    const files = { 'pytest.ini': '[pytest]\n', 'requirements-dev.txt': 'pytest==8.1.2\npytest-asyncio==0.23.8\n', 'tests/test_avatars.py': AVATARS }
    const r = await check(files)
    expect(only(r.keys)).toEqual(['PA302 tests/test_avatars.py:8-9'])
    const f = r.findings.find((x) => x.code === 'PA302')!
    expect(f.message).not.toContain('You might want to use @pytest_asyncio.fixture')
    expect(r.fixed(['tests/test_avatars.py'])['tests/test_avatars.py']).toContain('@pytest_asyncio.fixture\nasync def client():')
  })
})
