/** AN408: an async generator fixture that can reach `yield` twice, or never. */
import { check, checkFixed } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const PINS = 'pytest==8.4.2\nanyio[trio]==4.14.2\n'
const an408 = (keys: string[]) => keys.filter((k) => k.startsWith('AN408'))

const USER = py`
  import pytest

  pytestmark = pytest.mark.anyio


  async def test_query(session):
      assert await session.execute("SELECT 1") == 1
`

describe('AN408 asyncgen-fixture-yield-count', () => {
  it('flags a retry loop that yields inside the loop (conftest two folders up) and yields once after it', async () => {
    const files = {
      'requirements-dev.txt': PINS,
      'tests/conftest.py': py`
        import anyio
        import pytest

        from db import connect


        @pytest.fixture
        async def session():
            for attempt in range(5):
                try:
                    conn = await connect("postgresql://localhost/test")
                except OSError:
                    await anyio.sleep(0.1 * attempt)
                    continue
                yield conn
                await conn.close()
      `,
      'tests/storage/sql/test_query.py': USER
    }
    const { first, second } = await checkFixed(files)
    expect(an408(first.keys)).toEqual(['AN408 tests/conftest.py:7-8'])
    const f = first.findings.find((x) => x.code === 'AN408')!
    expect(f.message).toContain('RuntimeError: Async generator fixture did not stop')
    expect(f.message).toContain('inside the loop on line 9')
    expect(first.fixed(['tests/conftest.py'])['tests/conftest.py']).toEqual(py`
      import anyio
      import pytest

      from db import connect


      @pytest.fixture
      async def session():
          for attempt in range(5):
              try:
                  conn = await connect("postgresql://localhost/test")
                  break
              except OSError:
                  await anyio.sleep(0.1 * attempt)
          else:
              raise OSError("gave up after 5 attempts")
          yield conn
          await conn.close()
    `)
    expect(an408(second.keys)).toEqual([])
  })

  it('flags two yields in a row and a yield under an if without else (no fix)', async () => {
    const { findings } = await check({
      'requirements-dev.txt': PINS,
      'tests/conftest.py': py`
        import os

        import pytest


        @pytest.fixture
        async def session():
            s = await open_session()
            yield s
            await s.rollback()
            yield s


        @pytest.fixture
        async def cache():
            if os.environ.get("CACHE_URL"):
                c = await open_cache(os.environ["CACHE_URL"])
                yield c
                await c.close()
      `,
      'tests/test_query.py': py`
        import pytest


        @pytest.mark.anyio
        async def test_query(session, cache):
            assert session and cache
      `
    })
    const f = findings.filter((x) => x.code === 'AN408')
    expect(f.map((x) => `${x.line}-${x.endLine}`)).toEqual(['6-7', '14-15'])
    expect(f[0]!.message).toContain('line 9 and again on line 11')
    expect(f[1]!.message).toContain('StopAsyncIteration')
    expect(f.every((x) => !x.fix)).toBe(true)
  })

  it('does not fire for one yield per path: if/else, a loop left with break, a sync generator fixture', async () => {
    const { keys } = await check({
      'requirements-dev.txt': PINS,
      'tests/conftest.py': py`
        import os

        import anyio
        import pytest


        @pytest.fixture
        async def session():
            if os.environ.get("DB_URL"):
                s = await open_session(os.environ["DB_URL"])
                yield s
                await s.close()
            else:
                yield None


        @pytest.fixture
        async def cache():
            for attempt in range(3):
                c = await open_cache()
                if c is not None:
                    yield c
                    await c.close()
                    break
                await anyio.sleep(0.1)


        @pytest.fixture
        def settings():
            for env in ("test",):
                yield {"env": env}
      `,
      'tests/test_query.py': py`
        import pytest


        @pytest.mark.anyio
        async def test_query(session, cache, settings):
            assert settings["env"] == "test"
      `
    })
    expect(an408(keys)).toEqual([])
  })
})
