/** AN505: an `anyio` mark added in a collection hook next to an `anyio_backend` override (anyio ≥ 4.13). */
import { check } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const CONFTEST = py`
  import pytest


  @pytest.fixture
  def anyio_backend():
      return "asyncio"


  def pytest_collection_modifyitems(items):
      for item in items:
          if "integration" in item.nodeid:
              item.add_marker(pytest.mark.anyio)
`

const API_TESTS = py`
  import anyio


  async def test_health():
      await anyio.sleep(0)
`

const an = (keys: string[]) => keys.filter((k) => k.startsWith('AN505'))

describe('AN505 programmatic-mark-with-override', () => {
  it('flags the add_marker call on anyio 4.13+', async () => {
    const { keys, findings } = await check({ 'requirements-dev.txt': 'pytest==8.4.2\nanyio[trio]==4.14.2\n', 'tests/conftest.py': CONFTEST, 'tests/integration/test_api.py': API_TESTS })
    expect(an(keys)).toEqual(['AN505 tests/conftest.py:12-12'])
    const f = findings.find((x) => x.code === 'AN505')!
    expect(f.severity).toBe('warning')
    expect(f.message).toContain('`[asyncio]` and `[trio]` items')
    expect(f.related.map((r) => `${r.path}:${r.line}`)).toEqual(['tests/conftest.py:4'])
    expect(f.fix).toBeUndefined()
    // The marked tests are not reported as unmarked.
    expect(keys.filter((k) => k.startsWith('AN305'))).toEqual([])
  })

  it('before anyio 4.13 the hook mark is ignored: the tests are unmarked (AN305), not AN505', async () => {
    const { keys, findings } = await check({ 'requirements-dev.txt': 'pytest==8.4.2\nanyio[trio]==4.12.1\n', 'tests/conftest.py': CONFTEST, 'tests/integration/test_api.py': API_TESTS })
    expect(an(keys)).toEqual([])
    expect(keys.filter((k) => k.startsWith('AN305'))).toEqual(['AN305 tests/integration/test_api.py:4-4'])
    expect(findings.find((x) => x.code === 'AN305')!.message).toContain('ignored before anyio 4.13')
  })

  it('does not fire without an override, or when the tests are marked at collection time', async () => {
    const noOverride = CONFTEST.replace('@pytest.fixture\ndef anyio_backend():\n    return "asyncio"\n\n\n', '')
    expect(noOverride).not.toEqual(CONFTEST)
    expect(an((await check({ 'requirements-dev.txt': 'pytest==8.4.2\nanyio[trio]==4.14.2\n', 'tests/conftest.py': noOverride, 'tests/integration/test_api.py': API_TESTS })).keys)).toEqual([])
    const marked = await check({
      'requirements-dev.txt': 'pytest==8.4.2\nanyio[trio]==4.14.2\n',
      'tests/conftest.py': CONFTEST,
      'tests/integration/test_api.py': 'import anyio\nimport pytest\n\npytestmark = pytest.mark.anyio\n\n\nasync def test_health():\n    await anyio.sleep(0)\n'
    })
    expect(an(marked.keys)).toEqual([])
  })
})
