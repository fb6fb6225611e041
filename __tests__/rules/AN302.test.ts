/** AN302: an async `@pytest_asyncio.fixture` used by a test anyio runs. */
import { check, checkFixed } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const PINS = 'pytest==8.4.2\npytest-asyncio==1.4.0\nanyio[trio]==4.14.2\n'
const INI = '[pytest]\nasyncio_default_fixture_loop_scope = function\n'

const ROOM_TESTS = py`
  import anyio
  import pytest

  pytestmark = pytest.mark.anyio


  async def test_message_reaches_other_members(room):
      bob = await room.join("bob")
      assert await room.say("alice", "hi bob") == 1
      with anyio.fail_after(1):
          assert await bob.receive() == "<alice> hi bob"
`

const an = (keys: string[]) => keys.filter((k) => k.startsWith('AN302'))

describe('AN302 pytest-asyncio-fixture-in-anyio-test', () => {
  it('turns the fixture into a plain pytest fixture, swapping the now unused import', async () => {
    const files = {
      'requirements-dev.txt': PINS,
      'pytest.ini': INI,
      'tests/conftest.py': py`
        import pytest_asyncio

        from chat.room import Room


        @pytest_asyncio.fixture
        async def room():
            r = Room("general")
            yield r
            await r.close()
      `,
      'tests/api/test_room.py': ROOM_TESTS
    }
    const { first, second } = await checkFixed(files)
    expect(an(first.keys)).toEqual(['AN302 tests/conftest.py:6-7'])
    const f = first.findings.find((x) => x.code === 'AN302')!
    expect(f.message).toContain('on `[trio]`: `RuntimeError: no running event loop`')
    expect(first.fixed(['tests/conftest.py'])['tests/conftest.py']).toEqual(py`
      import pytest

      from chat.room import Room


      @pytest.fixture
      async def room():
          r = Room("general")
          yield r
          await r.close()
    `)
    expect(second.keys).toEqual([])
  })

  it('drops loop_scope and the pytest_asyncio import when pytest is already imported', async () => {
    const files = {
      'requirements-dev.txt': PINS,
      'pytest.ini': INI,
      'tests/conftest.py': py`
        import asyncio

        import pytest
        import pytest_asyncio

        from pricing.service import PricingService


        @pytest.fixture(scope="session")
        def anyio_backend():
            return "asyncio"


        @pytest_asyncio.fixture(scope="session", loop_scope="session")
        async def pricing():
            service = PricingService()
            server = asyncio.create_task(service.serve())
            yield service
            server.cancel()
      `,
      'tests/api/test_quotes.py': py`
        import pytest

        pytestmark = pytest.mark.anyio


        async def test_single_item_quote(pricing):
            assert await pricing.quote("SKU-1", 1) == 1250
      `
    }
    const { first, second } = await checkFixed(files)
    expect(an(first.keys)).toEqual(['AN302 tests/conftest.py:14-15'])
    expect(first.fixed(['tests/conftest.py'])['tests/conftest.py']).toContain('import asyncio\n\nimport pytest\n\nfrom pricing.service import PricingService\n')
    expect(first.fixed(['tests/conftest.py'])['tests/conftest.py']).toContain('@pytest.fixture(scope="session")\nasync def pricing():')
    expect(second.keys).toEqual([])
  })

  it('handles a `from pytest_asyncio import fixture` spelling, and makes a module fixture follow backend switches', async () => {
    const files = {
      'requirements-dev.txt': PINS,
      'pytest.ini': INI,
      'tests/test_room.py': py`
        import anyio
        import pytest
        from pytest_asyncio import fixture as async_fixture

        from chat.room import Room

        pytestmark = pytest.mark.anyio


        @async_fixture(scope="module", loop_scope="module")
        async def room():
            return Room("general")


        async def test_join(room):
            with anyio.fail_after(1):
                await room.join("bob")
      `
    }
    const { first, second } = await checkFixed(files)
    expect(an(first.keys)).toEqual(['AN302 tests/test_room.py:10-11'])
    expect(first.fixed(['tests/test_room.py'])['tests/test_room.py']).toEqual(py`
      import anyio
      import pytest

      from chat.room import Room

      pytestmark = pytest.mark.anyio


      @pytest.fixture(scope="module")
      async def room(anyio_backend):
          return Room("general")


      async def test_join(room):
          with anyio.fail_after(1):
              await room.join("bob")
    `)
    expect(second.keys).toEqual([])
  })

  it('offers no plain fixture for a session fixture while anyio_backend is only module-scoped', async () => {
    const { keys, findings } = await check({
      'requirements-dev.txt': PINS,
      'pytest.ini': INI,
      'tests/conftest.py': py`
        import pytest_asyncio

        from chat.room import Room


        @pytest_asyncio.fixture(scope="session", loop_scope="session")
        async def room():
            return Room("lobby")
      `,
      'tests/test_room.py': ROOM_TESTS
    })
    expect(an(keys)).toEqual(['AN302 tests/conftest.py:6-7'])
    const f = findings.find((x) => x.code === 'AN302')!
    expect(f.fix).toBeUndefined()
    expect(f.message).toContain('also needs an `anyio_backend` override with `scope="session"`')
  })

  it('does not offer the plain fixture when pytest-asyncio tests share it, and suggests a separate one', async () => {
    const { keys, findings } = await check({
      'requirements-dev.txt': PINS,
      'pytest.ini': INI,
      'tests/conftest.py': py`
        import pytest_asyncio

        from chat.room import Room


        @pytest_asyncio.fixture
        async def room():
            return Room("general")
      `,
      'tests/test_room.py': ROOM_TESTS,
      'tests/test_room_asyncio.py': py`
        import asyncio

        import pytest


        @pytest.mark.asyncio
        async def test_join_is_quick(room):
            await asyncio.wait_for(room.join("eve"), 0.5)
      `
    })
    expect(an(keys)).toEqual(['AN302 tests/conftest.py:6-7'])
    const f = findings.find((x) => x.code === 'AN302')!
    expect(f.fix).toBeUndefined()
    expect(f.message).toContain('pytest-asyncio tests use it too (`test_join_is_quick`)')
    expect(f.message).toContain('separate plain `@pytest.fixture`')
  })

  it('does not flag pytest-asyncio fixtures of pytest-asyncio tests, or plain fixtures of anyio tests', async () => {
    const { keys } = await check({
      'requirements-dev.txt': PINS,
      'pytest.ini': INI,
      'tests/asyncio_api/test_write_behind.py': py`
        import pytest
        import pytest_asyncio


        @pytest_asyncio.fixture
        async def write_behind():
            return {"pending": []}


        @pytest.mark.asyncio
        async def test_writes_are_batched(write_behind):
            assert write_behind["pending"] == []
      `,
      'tests/portable/test_cache.py': py`
        import pytest

        pytestmark = pytest.mark.anyio


        @pytest.fixture
        async def cache():
            return {}


        async def test_get_after_set(cache):
            assert cache == {}
      `
    })
    expect(an(keys)).toEqual([])
  })
})
