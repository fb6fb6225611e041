/** AN405: request.getfixturevalue() on an async fixture from inside anyio-run async code. */
import { check, checkFixed } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const PINS = 'pytest==8.4.2\nanyio[trio]==4.14.2\n'
const an405 = (keys: string[]) => keys.filter((k) => k.startsWith('AN405'))

const CONFTEST = py`
  import pytest

  from ledger import AuditLog


  @pytest.fixture
  async def audit_log():
      log = AuditLog()
      await log.open()
      yield log
      await log.close()


  @pytest.fixture
  def ledger_name():
      return "main"
`

describe('AN405 getfixturevalue-async-fixture', () => {
  it('flags getfixturevalue of an async conftest fixture two folders up and requests it as a parameter', async () => {
    const files = {
      'requirements-dev.txt': PINS,
      'tests/conftest.py': CONFTEST,
      'tests/api/v2/test_transfers.py': py`
        import pytest


        @pytest.mark.anyio
        async def test_transfer_is_audited(accounts, request):
            log = request.getfixturevalue("audit_log")
            await accounts.transfer("alice", "bob", 5, audit=log)
            assert log.entries[-1] == "alice->bob:5"
      `
    }
    const { first, second } = await checkFixed(files)
    expect(an405(first.keys)).toEqual(['AN405 tests/api/v2/test_transfers.py:6-6'])
    const f = first.findings.find((x) => x.code === 'AN405')!
    expect(f.message).toContain('RuntimeError: Cannot schedule a coroutine in the test runner while another is already running; likely caused by request.getfixturevalue() on an async fixture.')
    expect(f.related[0]!.path).toEqual('tests/conftest.py')
    expect(first.fixed(['tests/api/v2/test_transfers.py'])['tests/api/v2/test_transfers.py']).toEqual(py`
      import pytest


      @pytest.mark.anyio
      async def test_transfer_is_audited(accounts, audit_log):
          log = audit_log
          await accounts.transfer("alice", "bob", 5, audit=log)
          assert log.entries[-1] == "alice->bob:5"
    `)
    expect(an405(second.keys)).toEqual([])
  })

  it('keeps request when the test still uses it, and deletes a bare setup call', async () => {
    const files = {
      'requirements-dev.txt': PINS,
      'tests/conftest.py': CONFTEST,
      'tests/test_audit.py': py`
        import pytest


        @pytest.mark.anyio
        async def test_audit_is_opened(request):
            request.getfixturevalue("audit_log")
            assert request.node.name.startswith("test_audit")
      `
    }
    const { first } = await checkFixed(files)
    expect(an405(first.keys)).toEqual(['AN405 tests/test_audit.py:6-6'])
    expect(first.fixed(['tests/test_audit.py'])['tests/test_audit.py']).toEqual(py`
      import pytest


      @pytest.mark.anyio
      async def test_audit_is_opened(request, audit_log):
          assert request.node.name.startswith("test_audit")
    `)
  })

  it('does not fire for a sync fixture, a fixture already set up, or a sync test', async () => {
    const { keys } = await check({
      'requirements-dev.txt': PINS,
      'tests/conftest.py': CONFTEST,
      'tests/test_names.py': py`
        import pytest


        @pytest.mark.anyio
        async def test_ledger_name(request):
            assert request.getfixturevalue("ledger_name") == "main"


        @pytest.mark.anyio
        async def test_cached(audit_log, request):
            assert request.getfixturevalue("audit_log") is audit_log


        def test_sync_lookup(request, anyio_backend):
            assert request.getfixturevalue("ledger_name")
      `
    })
    expect(an405(keys)).toEqual([])
  })

  it('names the pre-4.14 failures (asyncio "already running", trio hang)', async () => {
    const { findings } = await check({
      'requirements-dev.txt': 'pytest==8.4.2\nanyio[trio]==4.13.0\n',
      'tests/conftest.py': CONFTEST,
      'tests/test_audit.py': py`
        import pytest


        @pytest.fixture
        async def audited(request):
            return request.getfixturevalue("audit_log")


        @pytest.mark.anyio
        async def test_audited(audited):
            assert audited
      `
    })
    const f = findings.filter((x) => x.code === 'AN405')
    expect(f.map((x) => x.line)).toEqual([6])
    expect(f[0]!.message).toContain('RuntimeError: This event loop is already running')
    expect(f[0]!.message).not.toContain('Cannot schedule a coroutine')
    expect(f[0]!.message).toContain('the async fixture `audited`')
  })
})
