/** PA107: an async fixture requests an async fixture that runs in another loop. */
import { check, checkFixed, INI_FUNCTION_DEFAULT, PIN_1_4 } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const ENGINE_AND_TX = py`
  import pytest_asyncio

  from accounts.db import create_pool


  @pytest_asyncio.fixture(scope="session", loop_scope="session")
  async def engine():
      engine = await create_pool("postgres://accounts@localhost/accounts", size=2)
      yield engine
      await engine.close()


  @pytest_asyncio.fixture
  async def tx(engine):
      async with engine.acquire() as conn:
          yield conn
`

const ACCOUNTS_TEST = py`
  import pytest

  pytestmark = pytest.mark.asyncio(loop_scope="session")


  async def test_open_account(tx):
      await tx.execute("INSERT INTO accounts VALUES ($1, $2)", "acc-1", 0)


  async def test_engine_is_shared(engine):
      assert not engine.closed
`

const pa107 = (keys: string[]) => keys.filter((k) => k.startsWith('PA107'))

describe('PA107 fixture-depends-on-fixture-in-other-loop', () => {
  it('flags a function-loop fixture built on a session-loop engine and aligns its loop', async () => {
    const files = {
      'requirements-dev.txt': PIN_1_4,
      'pytest.ini': INI_FUNCTION_DEFAULT,
      'tests/conftest.py': ENGINE_AND_TX,
      'tests/test_accounts.py': ACCOUNTS_TEST
    }
    const { first, second } = await checkFixed(files)
    expect(pa107(first.keys)).toEqual(['PA107 tests/conftest.py:13-14'])
    const f = first.findings.find((x) => x.code === 'PA107')!
    expect(f.message).toContain('`tx` runs in the function loop but requests `engine`')
    expect(f.related.map((r) => `${r.path}:${r.line}`)).toEqual(['tests/conftest.py:6'])
    expect(first.fixed(['tests/conftest.py'])['tests/conftest.py']).toEqual(py`
      import pytest_asyncio

      from accounts.db import create_pool


      @pytest_asyncio.fixture(scope="session", loop_scope="session")
      async def engine():
          engine = await create_pool("postgres://accounts@localhost/accounts", size=2)
          yield engine
          await engine.close()


      @pytest_asyncio.fixture(loop_scope="session")
      async def tx(engine):
          async with engine.acquire() as conn:
              yield conn
    `)
    expect(pa107(second.keys)).toEqual([])
  })

  it('does not fire when both fixtures share a loop, or the dependency is sync', async () => {
    const { keys } = await check({
      'requirements-dev.txt': PIN_1_4,
      'pytest.ini': INI_FUNCTION_DEFAULT,
      'tests/conftest.py': py`
        import pytest
        import pytest_asyncio


        @pytest.fixture(scope="session")
        def dsn():
            return "postgres://accounts@localhost/accounts"


        @pytest_asyncio.fixture(scope="session", loop_scope="session")
        async def engine(dsn):
            return dsn


        @pytest_asyncio.fixture(loop_scope="session")
        async def tx(engine):
            yield engine
      `,
      'tests/test_accounts.py': ACCOUNTS_TEST
    })
    expect(pa107(keys)).toEqual([])
  })

  it('resolves the dependency from a conftest two folders up and a module-level dependent', async () => {
    const files = {
      'requirements-dev.txt': PIN_1_4,
      'pyproject.toml': py`
        [tool.pytest.ini_options]
        asyncio_default_fixture_loop_scope = "function"
      `,
      'tests/conftest.py': py`
        import pytest_asyncio

        from accounts.db import create_pool


        @pytest_asyncio.fixture(scope="module", loop_scope="module")
        async def engine():
            return await create_pool()
      `,
      'tests/billing/invoices/test_invoices.py': py`
        import pytest
        import pytest_asyncio


        @pytest_asyncio.fixture
        async def invoice_repo(engine):
            return await engine.fetch("SELECT * FROM invoices")


        @pytest.mark.asyncio(loop_scope="module")
        async def test_no_invoices(invoice_repo):
            assert invoice_repo == []
      `
    }
    const { first, second } = await checkFixed(files)
    expect(pa107(first.keys)).toEqual(['PA107 tests/billing/invoices/test_invoices.py:5-6'])
    expect(first.findings.find((x) => x.code === 'PA107')!.related.map((r) => r.path)).toEqual(['tests/conftest.py'])
    expect(first.fixed(['tests/billing/invoices/test_invoices.py'])['tests/billing/invoices/test_invoices.py']).toContain(
      '@pytest_asyncio.fixture(loop_scope="module")\nasync def invoice_repo(engine):'
    )
    expect(pa107(second.keys)).toEqual([])
  })

  it('on 0.23 (a fixture’s loop is its caching scope) reports without an edit', async () => {
    const { findings } = await check({
      'requirements-dev.txt': 'pytest-asyncio==0.23.8\n',
      'tests/conftest.py': py`
        import pytest_asyncio


        @pytest_asyncio.fixture(scope="session")
        async def engine():
            return object()


        @pytest_asyncio.fixture
        async def tx(engine):
            return engine
      `,
      'tests/test_accounts.py': py`
        import pytest


        @pytest.mark.asyncio
        async def test_open_account(tx):
            assert tx
      `
    })
    const f = findings.find((x) => x.code === 'PA107')!
    expect(`${f.path}:${f.line}-${f.endLine}`).toEqual('tests/conftest.py:9-10')
    expect(f.message).toContain('upgrade to pytest-asyncio>=0.24')
    expect(f.fix).toBeUndefined()
  })
})
