/** AN406: cross-task fixture patterns on an anyio older than 3.6 / 4.0. */
import { check, checkFixed } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const an406 = (keys: string[]) => keys.filter((k) => k.startsWith('AN406'))

const GROUP_CONFTEST = py`
  import anyio
  import pytest


  @pytest.fixture
  async def task_group():
      async with anyio.create_task_group() as tg:
          yield tg
          tg.cancel_scope.cancel()
`

const GROUP_TEST = py`
  import anyio
  import pytest


  @pytest.mark.anyio
  async def test_spawn(task_group):
      task_group.start_soon(anyio.sleep, 0)
`

const CTX_FILES = {
  'src/tenancy/context.py': py`
    from contextvars import ContextVar

    current_tenant: ContextVar[str] = ContextVar("current_tenant", default="unset")
  `,
  'tests/conftest.py': py`
    import pytest

    from tenancy.context import current_tenant


    @pytest.fixture
    async def tenant():
        token = current_tenant.set("acme")
        yield "acme"
        current_tenant.reset(token)
  `,
  'tests/billing/invoices/test_invoice.py': py`
    import pytest

    from tenancy.context import current_tenant


    @pytest.mark.anyio
    async def test_invoice_is_scoped(tenant):
        assert current_tenant.get() == tenant
  `,
  'pytest.ini': '[pytest]\npythonpath = src\n'
}

describe('AN406 old-anyio-cross-task-fixture-scope', () => {
  it('flags a task group across yield on anyio 3.5 and raises the pin to >=3.6', async () => {
    const files = {
      'requirements-dev.txt': 'pytest==7.4.4\nanyio==3.5.0\ntrio==0.22.2\n',
      'tests/conftest.py': GROUP_CONFTEST,
      'tests/test_spawn.py': GROUP_TEST
    }
    const { first, second } = await checkFixed(files)
    expect(an406(first.keys)).toEqual(['AN406 tests/conftest.py:5-6'])
    const f = first.findings.find((x) => x.code === 'AN406')!
    expect(f.message).toContain('RuntimeError: Attempted to exit cancel scope in a different task than it was entered in')
    expect(f.message).toContain('anyio 3.5.0')
    expect(first.fixed(['requirements-dev.txt'])['requirements-dev.txt']).toEqual('pytest==7.4.4\nanyio>=3.6\ntrio==0.22.2\n')
    expect(an406(second.keys)).toEqual([])
  })

  it('flags a context variable set in an async fixture (conftest two folders up) on anyio 3.7', async () => {
    const files = { ...CTX_FILES, 'requirements-dev.txt': 'pytest==7.4.4\nanyio==3.7.1\ntrio==0.22.2\n' }
    const { first, second } = await checkFixed(files)
    expect(an406(first.keys)).toEqual(['AN406 tests/conftest.py:6-7'])
    const f = first.findings.find((x) => x.code === 'AN406')!
    expect(f.message).toContain('`test_invoice_is_scoped` reads it (line 8)')
    expect(f.related[0]!.path).toEqual('tests/billing/invoices/test_invoice.py')
    expect(first.fixed(['requirements-dev.txt'])['requirements-dev.txt']).toEqual('pytest==7.4.4\nanyio>=4\ntrio==0.22.2\n')
    expect(an406(second.keys)).toEqual([])
  })

  it('does not fire on anyio 4 (one runner task), nor for a context variable nobody reads', async () => {
    const modern = await check({ ...CTX_FILES, 'requirements-dev.txt': 'pytest==8.4.2\nanyio[trio]>=4.0\n' })
    expect(an406(modern.keys)).toEqual([])
    const groups = await check({ 'requirements-dev.txt': 'pytest==8.4.2\nanyio[trio]>=4.0\n', 'tests/conftest.py': GROUP_CONFTEST, 'tests/test_spawn.py': GROUP_TEST })
    expect(an406(groups.keys)).toEqual([])
    const unread = await check({
      ...CTX_FILES,
      'tests/billing/invoices/test_invoice.py': py`
        import pytest


        @pytest.mark.anyio
        async def test_invoice_total(tenant):
            assert tenant == "acme"
      `,
      'requirements-dev.txt': 'pytest==7.4.4\nanyio==3.7.1\n'
    })
    expect(an406(unread.keys)).toEqual([])
  })

  it('offers no pin edit when a lockfile decides the version', async () => {
    const { findings } = await check({
      'poetry.lock': py`
        [[package]]
        name = "anyio"
        version = "3.5.0"

        [[package]]
        name = "pytest"
        version = "7.4.4"
      `,
      'tests/conftest.py': GROUP_CONFTEST,
      'tests/test_spawn.py': GROUP_TEST
    })
    const f = findings.filter((x) => x.code === 'AN406')
    expect(f.map((x) => x.line)).toEqual([5])
    expect(f[0]!.fix).toBeUndefined()
  })
})
