/** PA501: a sync fixture drives loop-bound objects through `asyncio.get_event_loop()`. */
import { check, checkFixed, INI_FUNCTION_DEFAULT, PIN_1_4 } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const only = (keys: string[], code = 'PA501') => keys.filter((k) => k.startsWith(code))

const EVENTS = py`
  import asyncio

  import pytest

  from orders_mq.broker import start_broker


  @pytest.fixture
  def broker():
      loop = asyncio.get_event_loop()
      broker = loop.run_until_complete(start_broker())
      yield broker
      loop.run_until_complete(broker.stop())


  @pytest.mark.asyncio
  async def test_order_created_event(broker):
      inbox = broker.subscribe("orders")
      assert await broker.publish("orders", {"id": 1}) == 1
      assert inbox.get_nowait() == {"id": 1}
`

describe('PA501 sync-fixture-uses-get-event-loop', () => {
  it('anchors on the call and turns the fixture into an awaiting pytest_asyncio fixture', async () => {
    const { first, second } = await checkFixed({ 'pytest.ini': INI_FUNCTION_DEFAULT, 'requirements-dev.txt': PIN_1_4, 'tests/test_order_events.py': EVENTS })
    expect(only(first.keys)).toEqual(['PA501 tests/test_order_events.py:10-10'])
    expect(first.findings.find((x) => x.code === 'PA501')!.message).toContain("RuntimeError: There is no current event loop in thread 'MainThread'.")
    // `asyncio` is no longer used: its import goes too.
    expect(first.fixed(['tests/test_order_events.py'])['tests/test_order_events.py']).toEqual(py`
      import pytest
      import pytest_asyncio

      from orders_mq.broker import start_broker


      @pytest_asyncio.fixture
      async def broker():
          broker = await start_broker()
          yield broker
          await broker.stop()


      @pytest.mark.asyncio
      async def test_order_created_event(broker):
          inbox = broker.subscribe("orders")
          assert await broker.publish("orders", {"id": 1}) == 1
          assert inbox.get_nowait() == {"id": 1}
    `)
    expect(only(second.keys)).toEqual([])
  })

  it('leaves fixtures only sync tests use, 0.21 (it got the test loop), and sync pytest_asyncio fixtures on 1.4', async () => {
    const syncOnly = EVENTS.replace('@pytest.mark.asyncio\nasync def test_order_created_event(broker):', 'def test_order_created_event(broker):').replace(/await /g, '')
    expect(only((await check({ 'pytest.ini': INI_FUNCTION_DEFAULT, 'requirements-dev.txt': PIN_1_4, 'tests/test_order_events.py': syncOnly })).keys)).toEqual([])
    expect(only((await check({ 'pytest.ini': '[pytest]\n', 'requirements-dev.txt': 'pytest==7.4.4\npytest-asyncio==0.21.2\n', 'tests/test_order_events.py': EVENTS })).keys)).toEqual([])
    const paSync = EVENTS.replace('import pytest\n', 'import pytest\nimport pytest_asyncio\n').replace('@pytest.fixture\ndef broker', '@pytest_asyncio.fixture\ndef broker')
    expect(only((await check({ 'pytest.ini': INI_FUNCTION_DEFAULT, 'requirements-dev.txt': PIN_1_4, 'tests/test_order_events.py': paSync })).keys)).toEqual([])
  })

  it('keeps the module scope of a conftest fixture and asks for the module loop its tests use (pyproject)', async () => {
    const files = {
      'pyproject.toml': '[project]\nname = "q"\nversion = "1"\ndependencies = ["pytest-asyncio==0.26.0", "pytest==8.3.5"]\n\n[tool.pytest.ini_options]\nasyncio_default_fixture_loop_scope = "function"\n',
      'tests/conftest.py': py`
        import asyncio

        import pytest

        from jobs.queue import JobQueue


        @pytest.fixture(scope="module")
        def queue():
            return asyncio.get_event_loop().run_until_complete(JobQueue.create(workers=2))
      `,
      'tests/jobs/workers/test_queue.py': py`
        import pytest

        pytestmark = pytest.mark.asyncio(loop_scope="module")


        async def test_enqueue(queue):
            assert await queue.put("job-1") == 1
      `
    }
    const { first, second } = await checkFixed(files)
    expect(only(first.keys)).toEqual(['PA501 tests/conftest.py:10-10'])
    expect(first.findings.find((x) => x.code === 'PA501')!.message).toContain('pytest-asyncio 0.26.0')
    expect(first.fixed(['tests/conftest.py'])['tests/conftest.py']).toEqual(py`
      import pytest
      import pytest_asyncio

      from jobs.queue import JobQueue


      @pytest_asyncio.fixture(scope="module", loop_scope="module")
      async def queue():
          return await JobQueue.create(workers=2)
    `)
    expect(second.keys.filter((k) => /PA5|PA10/.test(k))).toEqual([])
  })
})
