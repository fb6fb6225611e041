/** PA503: a sync fixture builds its value on a private event loop. */
import { check, checkFixed, INI_FUNCTION_DEFAULT, PIN_1_4 } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const only = (keys: string[], code = 'PA503') => keys.filter((k) => k.startsWith(code))

const EMPLOYEES = py`
  import asyncio

  import pytest

  from hr.db import create_pool


  @pytest.fixture
  def pool():
      loop = asyncio.new_event_loop()
      pool = loop.run_until_complete(create_pool())
      loop.run_until_complete(pool.execute("CREATE TABLE employees"))
      yield pool
      loop.run_until_complete(pool.close())
      loop.close()


  @pytest.mark.asyncio
  async def test_hire(pool):
      await pool.execute("INSERT INTO employees VALUES ($1, $2)", "e1", "Ada")
      assert await pool.fetchval("SELECT count(*) FROM employees") == 1
`

describe('PA503 fixture-builds-private-loop', () => {
  it('flags the fixture and makes it an async pytest_asyncio fixture, dropping the unused asyncio import', async () => {
    const { first, second } = await checkFixed({ 'pytest.ini': INI_FUNCTION_DEFAULT, 'requirements-dev.txt': PIN_1_4, 'tests/test_employees.py': EMPLOYEES })
    expect(only(first.keys)).toEqual(['PA503 tests/test_employees.py:8-9'])
    expect(first.findings.find((x) => x.code === 'PA503')!.message).toContain('attached to a different loop')
    expect(first.fixed(['tests/test_employees.py'])['tests/test_employees.py']).toEqual(py`
      import pytest
      import pytest_asyncio

      from hr.db import create_pool


      @pytest_asyncio.fixture
      async def pool():
          pool = await create_pool()
          await pool.execute("CREATE TABLE employees")
          yield pool
          await pool.close()


      @pytest.mark.asyncio
      async def test_hire(pool):
          await pool.execute("INSERT INTO employees VALUES ($1, $2)", "e1", "Ada")
          assert await pool.fetchval("SELECT count(*) FROM employees") == 1
    `)
    expect(only(second.keys)).toEqual([])
  })

  it('leaves private loops that only sync tests see, and a sync test owning its loop', async () => {
    const syncOnly = EMPLOYEES.replace(/@pytest.mark.asyncio\nasync def test_hire\(pool\):\n(.*\n)*/, 'def test_pool_is_open(pool):\n    assert not pool.closed\n')
    expect(only((await check({ 'pytest.ini': INI_FUNCTION_DEFAULT, 'requirements-dev.txt': PIN_1_4, 'tests/test_employees.py': syncOnly })).keys)).toEqual([])
  })

  it('flags a conftest fixture two folders up (setup.cfg), also on 0.21', async () => {
    const files = {
      'setup.cfg': '[tool:pytest]\n',
      'requirements.txt': 'pytest==7.4.4\npytest-asyncio==0.21.2\n',
      'tests/conftest.py': py`
        import asyncio

        import pytest

        from cache import connect


        @pytest.fixture
        def redis():
            own_loop = asyncio.new_event_loop()
            asyncio.set_event_loop(own_loop)
            client = own_loop.run_until_complete(connect("redis://localhost"))
            yield client
            own_loop.close()
      `,
      'tests/cache/unit/test_keys.py': py`
        import pytest


        @pytest.mark.asyncio
        async def test_set_get(redis):
            await redis.set("k", "v")
            assert await redis.get("k") == "v"
      `
    }
    const { first, second } = await checkFixed(files)
    expect(only(first.keys)).toEqual(['PA503 tests/conftest.py:8-9'])
    expect(first.fixed(['tests/conftest.py'])['tests/conftest.py']).toEqual(py`
      import pytest
      import pytest_asyncio

      from cache import connect


      @pytest_asyncio.fixture
      async def redis():
          client = await connect("redis://localhost")
          yield client
    `)
    expect(only(second.keys)).toEqual([])
  })
})
