/**
 * End to end (issue #4): a suite that runs on asyncio and trio through a parametrized
 * `anyio_backend`, with session-scoped async fixtures shared by several directories. The correct
 * suite gets no finding from any rule; a broken copy gets exactly the expected findings, and
 * applying every proposed fix turns it into the correct suite byte for byte.
 */
import { check } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const COMMON = {
  'requirements-dev.txt': '# run on both backends\npytest==8.4.2\nanyio[trio]==4.14.2\n',
  'pytest.ini': '[pytest]\ntestpaths = tests integration\naddopts = -ra\n',
  'src/ledger/__init__.py': 'from .core import EventBus, Ledger\n'
}

const CORRECT: Record<string, string> = {
  ...COMMON,
  'tests/conftest.py': py`
    import pytest

    from ledger import EventBus, Ledger


    @pytest.fixture(params=["asyncio", "trio"], scope="session")
    def anyio_backend(request):
        return request.param


    @pytest.fixture(scope="session")
    async def bus(anyio_backend):
        b = EventBus()
        yield b
        await b.aclose()


    @pytest.fixture(scope="session")
    async def audit_log(anyio_backend):
        log = []
        yield log
        assert all(entry.endswith("ok") for entry in log)


    @pytest.fixture(scope="session")
    async def ledger(bus, audit_log):
        return await Ledger.open(bus, audit=audit_log)


    @pytest.fixture
    async def account(ledger):
        return await ledger.create_account("alice")
  `,
  'tests/test_ledger.py': py`
    import pytest

    pytestmark = pytest.mark.anyio


    async def test_opening_balance_is_zero(account):
        assert await account.balance() == 0


    async def test_deposit_is_audited(ledger, account, audit_log):
        await ledger.deposit(account, 25)
        assert audit_log[-1] == "deposit alice 25 ok"


    async def test_backend_name_matches(anyio_backend_name, anyio_backend):
        assert anyio_backend_name == anyio_backend


    def test_account_repr(account):
        # Sync, but \`account\` reaches anyio_backend through \`bus\`: anyio runs its fixtures.
        assert "alice" in repr(account)


    @pytest.fixture
    async def fx_rates():
        return {"EUR": 1.0, "USD": 1.08}


    def test_rates_loaded(fx_rates, anyio_backend):
        assert fx_rates["EUR"] == 1.0
  `,
  'tests/reports/test_monthly.py': py`
    import pytest

    from ledger.reports import MonthlyReport


    @pytest.fixture(scope="module")
    async def report(ledger):
        return await MonthlyReport.build(ledger, month="2024-05")


    @pytest.mark.parametrize("anyio_backend", ["trio"], scope="session")
    async def test_report_on_trio(anyio_backend, report):
        assert report.month == "2024-05"


    @pytest.mark.anyio
    class TestTotals:
        async def test_total_of_empty_month(self, report):
            assert report.total == 0

        async def test_currency(self, report, anyio_backend):
            assert report.currency == "EUR"
  `,
  'integration/conftest.py': py`
    import pytest

    from ledger import Ledger


    @pytest.fixture(scope="session", params=["asyncio", "trio"])
    def anyio_backend(request):
        return request.param


    @pytest.fixture(scope="session")
    async def warehouse_ledger(anyio_backend):
        ledger = await Ledger.open_file("fixtures/ledger.json")
        yield ledger
        await ledger.close()
  `,
  'integration/test_import.py': py`
    import pytest


    @pytest.mark.anyio
    async def test_import_keeps_totals(warehouse_ledger):
        assert await warehouse_ledger.total() == 1250
  `
}

/** The same suite with the mistakes people make: each edit below is one finding. */
const BROKEN: Record<string, string> = {
  ...CORRECT,
  // AN102: the docs' function-scoped override under session-scoped async fixtures.
  // AN105: a session fixture that does not request anyio_backend survives the backend switch.
  'tests/conftest.py': CORRECT['tests/conftest.py']!.replace('@pytest.fixture(params=["asyncio", "trio"], scope="session")', '@pytest.fixture(params=["asyncio", "trio"])').replace(
    'async def audit_log(anyio_backend):',
    'async def audit_log():'
  ),
  // AN306: a sync test using an async fixture that never reaches anyio_backend.
  'tests/test_ledger.py': CORRECT['tests/test_ledger.py']!.replace('def test_rates_loaded(fx_rates, anyio_backend):', 'def test_rates_loaded(fx_rates):'),
  // AN103: a function-scoped direct parametrize under session/module fixtures.
  'tests/reports/test_monthly.py': CORRECT['tests/reports/test_monthly.py']!.replace('["trio"], scope="session")', '["trio"])'),
  // AN101: the plugin's module-scoped default backend under a session fixture.
  'integration/conftest.py': py`
    import pytest

    from ledger import Ledger


    @pytest.fixture(scope="session")
    async def warehouse_ledger():
        ledger = await Ledger.open_file("fixtures/ledger.json")
        yield ledger
        await ledger.close()
  `
}

describe('anyio backend matrix end to end (asyncio + trio, session-scoped fixtures)', () => {
  it('the correct suite has no finding from any rule', async () => {
    const { keys, result } = await check(CORRECT)
    expect(keys).toEqual([])
    expect(result.notices.filter((n) => n.message.startsWith('internal'))).toEqual([])
  })

  it('the broken suite gets exactly the expected findings, and the fixes restore the correct suite', async () => {
    const changed = ['tests/conftest.py', 'tests/test_ledger.py', 'tests/reports/test_monthly.py', 'integration/conftest.py']
    for (const p of changed) expect([p, BROKEN[p] === CORRECT[p]]).toEqual([p, false])
    const first = await check(BROKEN)
    expect(first.keys).toEqual([
      'AN101 integration/conftest.py:6-7',
      'AN102 tests/conftest.py:6-7',
      'AN103 tests/reports/test_monthly.py:11-12',
      'AN105 tests/conftest.py:18-19',
      'AN306 tests/test_ledger.py:29-29'
    ])
    expect(first.findings.every((f) => f.fix)).toBe(true)
    const byCode = (c: string) => first.findings.find((f) => f.code === c)!
    expect(byCode('AN102').message).toContain('the session-scoped async fixture')
    expect(byCode('AN103').message).toContain('function scoped fixture anyio_backend with a session scoped request object')
    expect(byCode('AN105').message).toContain('asyncio and trio')
    const fixed = first.fixed()
    for (const p of Object.keys(CORRECT)) expect([p, fixed[p]]).toEqual([p, CORRECT[p]])
    const second = await check(fixed)
    expect(second.keys).toEqual([])
  })
})
