/** AN301: a test with both the `anyio` and the `asyncio` mark, with pytest-asyncio installed. */
import { check, checkFixed } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const PINS = 'pytest==8.4.2\npytest-asyncio==1.4.0\nanyio[trio]==4.14.2\n'
const INI = '[pytest]\nasyncio_default_fixture_loop_scope = function\n'

const LEASES = py`
  import anyio
  import pytest

  from leases.manager import LeaseManager


  @pytest.fixture
  async def manager():
      yield LeaseManager(ttl=5)


  @pytest.mark.anyio
  @pytest.mark.asyncio
  async def test_waiter_wakes_on_release(manager):
      lease = await manager.acquire("nightly-backup", "worker-a")
      await manager.release(lease)


  @pytest.mark.anyio
  async def test_second_owner_is_refused(manager):
      await manager.acquire("report-job", "worker-a")
`

const an = (keys: string[]) => keys.filter((k) => k.startsWith('AN301'))

describe('AN301 mixed-async-plugins-hijack', () => {
  it('flags the doubly marked test and removes the asyncio mark', async () => {
    const { first, second } = await checkFixed({ 'requirements-dev.txt': PINS, 'pytest.ini': INI, 'tests/test_leases.py': LEASES })
    expect(an(first.keys)).toEqual(['AN301 tests/test_leases.py:12-14'])
    const f = first.findings.find((x) => x.code === 'AN301')!
    expect(f.severity).toBe('warning')
    expect(f.message).toContain('the `[asyncio]` and `[trio]` items all run on asyncio')
    expect(first.fixed(['tests/test_leases.py'])['tests/test_leases.py']).toEqual(LEASES.replace('@pytest.mark.anyio\n@pytest.mark.asyncio\n', '@pytest.mark.anyio\n'))
    expect(second.keys).toEqual([])
  })

  it('does not fire without pytest-asyncio (unknown mark) or when it is disabled with -p no:asyncio', async () => {
    const noPa = await check({ 'requirements-dev.txt': 'pytest==8.4.2\nanyio[trio]==4.14.2\n', 'tests/test_leases.py': LEASES })
    expect(an(noPa.keys)).toEqual([])
    const disabled = await check({ 'requirements-dev.txt': PINS, 'pytest.ini': INI + 'addopts = -p no:asyncio\n', 'tests/test_leases.py': LEASES })
    expect(an(disabled.keys)).toEqual([])
  })

  it('reports a module-level asyncio mark next to a test-level anyio mark without rewriting the module mark', async () => {
    const { keys, findings } = await check({
      'requirements-dev.txt': PINS,
      'pyproject.toml': '[tool.pytest.ini_options]\nasyncio_default_fixture_loop_scope = "function"\n',
      'tests/integration/test_mixed.py': py`
        import asyncio

        import pytest

        pytestmark = pytest.mark.asyncio


        async def test_asyncio_timeout():
            with pytest.raises(TimeoutError):
                await asyncio.wait_for(asyncio.sleep(1), 0.01)


        @pytest.mark.anyio
        async def test_portable_sleep():
            await asyncio.sleep(0)
      `
    })
    expect(an(keys)).toEqual(['AN301 tests/integration/test_mixed.py:13-14'])
    const f = findings.find((x) => x.code === 'AN301')!
    expect(f.fix).toBeUndefined()
    expect(f.message).toContain('the `asyncio` mark on its module')
  })
})
