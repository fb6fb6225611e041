/** AN503: tests on anyio's default backends while trio is not installed. */
import { check, checkFixed } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const BULKHEAD = py`
  import anyio
  import pytest

  from bulkhead import Bulkhead

  pytestmark = pytest.mark.anyio


  async def test_calls_within_capacity_run_concurrently():
      bh = Bulkhead("payments", max_concurrent=3)
      async with anyio.create_task_group() as tg:
          for _ in range(3):
              tg.start_soon(bh.call, anyio.sleep, 0.01)
`

const an = (keys: string[]) => keys.filter((k) => k.startsWith('AN503'))

describe('AN503 trio-missing-default-backends', () => {
  it('warns on anyio ≥ 4.12 and adds the trio extra to the requirement line', async () => {
    const files = { 'requirements-dev.txt': '# bulkhead supports asyncio and trio\npytest==8.4.2\nanyio==4.14.2\n', 'tests/test_bulkhead.py': BULKHEAD }
    const { first, second } = await checkFixed(files)
    expect(an(first.keys)).toEqual(['AN503 requirements-dev.txt:3-3'])
    const f = first.findings.find((x) => x.code === 'AN503')!
    expect(f.severity).toBe('warning')
    expect(f.message).toContain('silently drops the `[trio]` items')
    expect(first.fixed(['requirements-dev.txt'])['requirements-dev.txt']).toEqual('# bulkhead supports asyncio and trio\npytest==8.4.2\nanyio[trio]==4.14.2\n')
    expect(second.keys).toEqual([])
  })

  it('is an error before anyio 4.12 and edits the pyproject dependency string', async () => {
    const files = {
      'pyproject.toml': '[project]\nname = "bulkhead"\nversion = "1.0"\ndependencies = [\n    "anyio>=4.6,<4.12",\n]\n\n[dependency-groups]\ntest = ["pytest==8.4.2"]\n',
      'tests/unit/test_bulkhead.py': BULKHEAD
    }
    const { first, second } = await checkFixed(files)
    expect(an(first.keys)).toEqual(['AN503 pyproject.toml:5-5'])
    const f = first.findings.find((x) => x.code === 'AN503')!
    expect(f.severity).toBe('error')
    expect(f.message).toContain("ModuleNotFoundError: No module named 'trio'")
    expect(first.fixed(['pyproject.toml'])['pyproject.toml']).toContain('    "anyio[trio]>=4.6,<4.12",\n')
    expect(second.keys).toEqual([])
  })

  it('does not fire when trio is installed, or when anyio_backend is overridden', async () => {
    expect(an((await check({ 'requirements-dev.txt': 'pytest==8.4.2\nanyio==4.14.2\ntrio==0.34.0\n', 'tests/test_bulkhead.py': BULKHEAD })).keys)).toEqual([])
    const overridden = await check({
      'requirements-dev.txt': 'pytest==8.4.2\nanyio==4.14.2\n',
      'tests/conftest.py': 'import pytest\n\n\n@pytest.fixture\ndef anyio_backend():\n    return "asyncio"\n',
      'tests/test_bulkhead.py': BULKHEAD
    })
    expect(an(overridden.keys)).toEqual([])
  })
})
