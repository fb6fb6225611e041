/** AN101: a session/package-scoped async fixture with anyio's default (module-scoped) `anyio_backend`. */
import { check, checkFixed } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const PINS_TRIO = 'pytest==8.4.2\nanyio[trio]==4.14.2\n'

const BROKER_CONFTEST = py`
  import pytest

  from pubsub import Broker


  @pytest.fixture(scope="session")
  async def broker():
      b = Broker(buffer=32)
      yield b
      await b.aclose()
`

const BROKER_TESTS = py`
  import pytest

  pytestmark = pytest.mark.anyio


  async def test_exact_topic_delivery(broker):
      sub = broker.subscribe("orders.created")
      assert await broker.publish("orders.created", b"#1") == 1


  async def test_unmatched_topic_is_dropped(broker):
      broker.subscribe("audit.*")
      assert await broker.publish("metrics.cpu", b"0.3") == 0
`

const an = (keys: string[], code = 'AN101') => keys.filter((k) => k.startsWith(code))

describe('AN101 higher-scope-fixture-default-backend', () => {
  it('flags the session fixture and adds a session-scoped override keeping both backends', async () => {
    const files = { 'requirements-dev.txt': PINS_TRIO, 'tests/conftest.py': BROKER_CONFTEST, 'tests/test_broker.py': BROKER_TESTS }
    const { first, second } = await checkFixed(files)
    expect(an(first.keys)).toEqual(['AN101 tests/conftest.py:6-7'])
    const f = first.findings.find((x) => x.code === 'AN101')!
    expect(f.severity).toBe('error')
    expect(f.message).toContain('ScopeMismatch: You tried to access the module scoped fixture anyio_backend with a session scoped request object')
    expect(f.message).toContain('anyio 4.14.2 (pinned in requirements-dev.txt:2)')
    // AN105 on the same fixture is left to AN101 (its fix adds the parameter).
    expect(an(first.keys, 'AN105')).toEqual([])
    expect(first.fixed(['tests/conftest.py'])['tests/conftest.py']).toEqual(py`
      import pytest

      from pubsub import Broker


      @pytest.fixture(scope="session", params=["asyncio", "trio"])
      def anyio_backend(request):
          return request.param


      @pytest.fixture(scope="session")
      async def broker(anyio_backend):
          b = Broker(buffer=32)
          yield b
          await b.aclose()
    `)
    expect(second.keys).toEqual([])
  })

  it('keeps a single backend when trio is not installed (anyio ≥ 4.12 drops it)', async () => {
    const files = { 'requirements-dev.txt': 'pytest==8.4.2\nanyio==4.14.2\n', 'tests/conftest.py': BROKER_CONFTEST.replace('scope="session"', 'scope="package"'), 'tests/test_broker.py': BROKER_TESTS }
    const first = await check(files)
    expect(an(first.keys)).toEqual(['AN101 tests/conftest.py:6-7'])
    expect(first.fixed(['tests/conftest.py'])['tests/conftest.py']).toContain(py`
      @pytest.fixture(scope="package")
      def anyio_backend():
          return "asyncio"


      @pytest.fixture(scope="package")
      async def broker():
    `)
  })

  it('does not flag a module-scoped fixture on anyio 4, nor a fixture that no anyio test uses', async () => {
    const { keys } = await check({
      'requirements-dev.txt': PINS_TRIO,
      'tests/conftest.py': py`
        import pytest

        from pubsub import Broker


        @pytest.fixture(scope="module")
        async def broker(anyio_backend):
            yield Broker()


        @pytest.fixture(scope="session")
        def topics():
            return ["orders", "billing"]
      `,
      'tests/test_broker.py': BROKER_TESTS.replace('async def test_unmatched_topic_is_dropped(broker)', 'async def test_unmatched_topic_is_dropped(broker, topics)')
    })
    expect(an(keys)).toEqual([])
  })

  it('flags a module-scoped fixture on anyio 3.x, where the default backend is function-scoped', async () => {
    const files = {
      'requirements-dev.txt': 'pytest==7.4.4\nanyio==3.7.1\ntrio==0.22.2\n',
      'tests/conftest.py': BROKER_CONFTEST.replace('scope="session"', 'scope="module"'),
      'tests/test_broker.py': BROKER_TESTS
    }
    const { first, second } = await checkFixed(files)
    expect(an(first.keys)).toEqual(['AN101 tests/conftest.py:6-7'])
    expect(first.findings.find((x) => x.code === 'AN101')!.message).toContain('function scoped fixture anyio_backend with a module scoped request object')
    expect(first.fixed(['tests/conftest.py'])['tests/conftest.py']).toContain('@pytest.fixture(scope="module", params=["asyncio", "trio"])\ndef anyio_backend(request):')
    expect(second.keys).toEqual([])
  })

  it('is a warning when only older releases in the pinned range fail (anyio>=3.7 installs 4.x)', async () => {
    const { keys, findings } = await check({
      'requirements-dev.txt': 'pytest==8.4.2\nanyio[trio]>=3.7\n',
      'tests/conftest.py': BROKER_CONFTEST.replace('scope="session"', 'scope="module"'),
      'tests/test_broker.py': BROKER_TESTS
    })
    expect(an(keys)).toEqual(['AN101 tests/conftest.py:6-7'])
    const f = findings.find((x) => x.code === 'AN101')!
    expect(f.severity).toBe('warning')
    expect(f.message).toContain('function-scoped on anyio 3.7.0–3.7.1, which the pins allow')
  })

  it('finds the fixture in a conftest two folders up and reports the tests in nested packages', async () => {
    const files = {
      'requirements-dev.txt': PINS_TRIO,
      'pytest.ini': '[pytest]\ntestpaths = tests\n',
      'tests/conftest.py': py`
        import pytest

        from warehouse import Inventory

        # One inventory per run: loading the fixtures file is slow.
        @pytest.fixture(scope="session")
        async def inventory():
            inv = Inventory()
            await inv.load("fixtures/stock.json")
            return inv
      `,
      'tests/api/v1/test_stock.py': py`
        import pytest


        @pytest.mark.anyio
        async def test_mug_in_stock(inventory):
            assert await inventory.count("MUG-1") == 4
      `
    }
    const { first, second } = await checkFixed(files)
    expect(an(first.keys)).toEqual(['AN101 tests/conftest.py:6-7'])
    const f = first.findings.find((x) => x.code === 'AN101')!
    expect(f.related.map((r) => `${r.path}:${r.line}`)).toEqual(['tests/api/v1/test_stock.py:4'])
    // The override goes above the comment that belongs to the first fixture.
    expect(first.fixed(['tests/conftest.py'])['tests/conftest.py']).toEqual(py`
      import pytest

      from warehouse import Inventory

      @pytest.fixture(scope="session", params=["asyncio", "trio"])
      def anyio_backend(request):
          return request.param


      # One inventory per run: loading the fixtures file is slow.
      @pytest.fixture(scope="session")
      async def inventory(anyio_backend):
          inv = Inventory()
          await inv.load("fixtures/stock.json")
          return inv
    `)
    expect(second.keys).toEqual([])
  })
})
