/** AN403: scope-holding fixtures whose lifetimes do not nest on anyio's runner task. */
import { check, checkFixed } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const an403 = (keys: string[]) => keys.filter((k) => k.startsWith('AN403'))

const CONFTEST = py`
  import anyio
  import pytest


  @pytest.fixture(scope="session")
  def anyio_backend():
      return "asyncio"


  @pytest.fixture(scope="session")
  async def broker_group():
      async with anyio.create_task_group() as tg:
          yield tg
          tg.cancel_scope.cancel()
`

const MODULE = (params: string) => py`
  import anyio
  import pytest

  pytestmark = pytest.mark.anyio


  @pytest.fixture(scope="module")
  async def consumers(${params}):
      async with anyio.create_task_group() as tg:
          yield tg
          tg.cancel_scope.cancel()


  async def test_consumer_starts(consumers):
      consumers.start_soon(anyio.sleep, 0)


  async def test_consumer_uses_broker(consumers, broker_group):
      broker_group.start_soon(anyio.sleep, 0)
`

describe('AN403 scoped-cancel-scope-misnesting', () => {
  it('flags a module task-group fixture entered before the session one, and makes it depend on it', async () => {
    const files = {
      'requirements-dev.txt': 'pytest==8.4.2\nanyio==4.14.2\n',
      'tests/conftest.py': CONFTEST,
      'tests/queues/durable/test_consumers.py': MODULE('')
    }
    const { first, second } = await checkFixed(files)
    expect(an403(first.keys)).toEqual(['AN403 tests/queues/durable/test_consumers.py:7-8'])
    const f = first.findings.find((x) => x.code === 'AN403')!
    expect(f.message).toContain("RuntimeError: Attempted to exit a cancel scope that isn't the current tasks's current cancel scope")
    expect(f.message).toContain('`test_consumer_starts` sets up `consumers` first')
    expect(f.related.map((r) => `${r.path}:${r.line}`)).toEqual(['tests/conftest.py:10'])
    expect(first.fixed(['tests/queues/durable/test_consumers.py'])['tests/queues/durable/test_consumers.py']).toEqual(MODULE('broker_group'))
    expect(an403(second.keys)).toEqual([])
  })

  it('does not fire when the scopes nest: a dependency, an autouse wider fixture, or the wider one set up first', async () => {
    const nested = await check({
      'requirements-dev.txt': 'pytest==8.4.2\nanyio==4.14.2\n',
      'tests/conftest.py': CONFTEST,
      'tests/test_consumers.py': MODULE('broker_group')
    })
    expect(an403(nested.keys)).toEqual([])
    const autouse = await check({
      'requirements-dev.txt': 'pytest==8.4.2\nanyio==4.14.2\n',
      'tests/conftest.py': CONFTEST.replace('@pytest.fixture(scope="session")\nasync def', '@pytest.fixture(scope="session", autouse=True)\nasync def'),
      'tests/test_consumers.py': MODULE('')
    })
    expect(an403(autouse.keys)).toEqual([])
    const widerFirst = await check({
      'requirements-dev.txt': 'pytest==8.4.2\nanyio==4.14.2\n',
      'tests/conftest.py': CONFTEST,
      'tests/test_consumers.py': MODULE('').replace('async def test_consumer_starts(consumers):', 'async def test_consumer_starts(consumers, broker_group):')
    })
    expect(an403(widerFirst.keys)).toEqual([])
  })

  it('names the anyio 3.x failure when the pins allow it', async () => {
    const { findings } = await check({
      'requirements-dev.txt': 'pytest==7.4.4\nanyio>=3.7,<4.1\n',
      'tests/conftest.py': CONFTEST,
      'tests/test_consumers.py': MODULE('')
    })
    const f = findings.find((x) => x.code === 'AN403')!
    expect(f.message).toContain('RuntimeError: Runner is closed')
    expect(f.message).toContain('RuntimeError: Event loop is closed')
  })
})
