/** AN502: an async fixture using `request` on anyio 4.5.1 / 4.6.1. */
import { check, checkFixed } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const POOL_TESTS = py`
  import pytest

  from db import make_pool


  @pytest.fixture(params=[1, 4])
  async def pool(request):
      pool = await make_pool(size=request.param)
      yield pool
      await pool.close()


  @pytest.mark.anyio
  async def test_pool_size(pool):
      assert pool.size in (1, 4)
`

const an = (keys: string[]) => keys.filter((k) => k.startsWith('AN502'))

describe('AN502 parametrized-async-fixture-bad-version', () => {
  it('flags the fixture on anyio==4.6.1 and moves the pin to 4.6.2', async () => {
    const files = { 'requirements-dev.txt': 'pytest==8.4.2\nanyio[trio]==4.6.1\n', 'tests/test_pool.py': POOL_TESTS }
    const { first, second } = await checkFixed(files)
    expect(an(first.keys)).toEqual(['AN502 tests/test_pool.py:6-7'])
    const f = first.findings.find((x) => x.code === 'AN502')!
    expect(f.message).toContain("AttributeError: 'str' object has no attribute 'param'")
    expect(f.related.map((r) => `${r.path}:${r.line}`)).toEqual(['requirements-dev.txt:2'])
    expect(first.fixed(['requirements-dev.txt'])['requirements-dev.txt']).toEqual('pytest==8.4.2\nanyio[trio]==4.6.2\n')
    expect(second.keys).toEqual([])
  })

  it('reads the pin from pyproject optional dependencies for a fixture in a conftest', async () => {
    const files = {
      'pyproject.toml': '[project]\nname = "db"\nversion = "1.0"\n\n[project.optional-dependencies]\ntest = ["pytest==8.3.5", "anyio[trio]==4.5.1"]\n',
      'tests/conftest.py': POOL_TESTS.split('@pytest.mark.anyio')[0]!.trimEnd() + '\n',
      'tests/db/test_db.py': 'import pytest\n\n\n@pytest.mark.anyio\nasync def test_pool_size(pool):\n    assert pool.size in (1, 4)\n'
    }
    const { first, second } = await checkFixed(files)
    expect(an(first.keys)).toEqual(['AN502 tests/conftest.py:6-7'])
    expect(first.fixed(['pyproject.toml'])['pyproject.toml']).toContain('"anyio[trio]==4.5.2"')
    expect(second.keys).toEqual([])
  })

  it('does not fire on fixed releases, ranges that install a fixed release, or fixtures without request', async () => {
    expect(an((await check({ 'requirements-dev.txt': 'pytest==8.4.2\nanyio[trio]==4.6.2\n', 'tests/test_pool.py': POOL_TESTS })).keys)).toEqual([])
    expect(an((await check({ 'requirements-dev.txt': 'pytest==8.4.2\nanyio[trio]>=4.5\n', 'tests/test_pool.py': POOL_TESTS })).keys)).toEqual([])
    const noRequest = POOL_TESTS.replace('@pytest.fixture(params=[1, 4])\nasync def pool(request):\n    pool = await make_pool(size=request.param)', '@pytest.fixture\nasync def pool():\n    pool = await make_pool(size=4)')
    expect(noRequest).not.toEqual(POOL_TESTS)
    expect(an((await check({ 'requirements-dev.txt': 'pytest==8.4.2\nanyio[trio]==4.6.1\n', 'tests/test_pool.py': noRequest })).keys)).toEqual([])
  })
})
