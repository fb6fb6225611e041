/** PA203: positional arguments or unknown keywords on the asyncio mark. */
import { check, checkFixed, PIN_1_4 } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const PYPROJECT = (pin: string): string => py`
  [project]
  name = "geo"
  version = "0.1.0"

  [project.optional-dependencies]
  test = ["pytest>=8.4", "${pin}"]

  [tool.pytest.ini_options]
  asyncio_default_fixture_loop_scope = "session"
`

const CONFTEST = py`
  import pytest_asyncio

  from geo.http import AsyncClient, FakeServer


  @pytest_asyncio.fixture(scope="session")
  async def client():
      async with AsyncClient(FakeServer()) as c:
          yield c
`

const HEALTH_TEST = py`
  import pytest


  @pytest.mark.asyncio("session")
  async def test_health(client):
      assert (await client.get("/health")).json() == {"ok": True}


  @pytest.mark.asyncio(loop_scope="session")
  async def test_404(client):
      assert (await client.get("/missing")).status_code == 404
`

const pa203 = (keys: string[]): string[] => keys.filter((k) => k.startsWith('PA203'))

describe('PA203 mark-positional-or-unknown-kwarg', () => {
  it('turns a positional loop scope into loop_scope= (conftest two folders up, pin in pyproject.toml)', async () => {
    const files = {
      'pyproject.toml': PYPROJECT('pytest-asyncio==1.4.0'),
      'conftest.py': CONFTEST,
      'tests/api/test_health.py': HEALTH_TEST
    }
    const { first, second } = await checkFixed(files)
    expect(pa203(first.keys)).toEqual(['PA203 tests/api/test_health.py:4-5'])
    const f = first.findings.find((x) => x.code === 'PA203')!
    expect(f.severity).toBe('error')
    expect(f.message).toContain(
      "ValueError: mark.asyncio accepts only keyword arguments 'loop_scope' and 'loop_factories'."
    )
    expect(first.fixed(['tests/api/test_health.py'])['tests/api/test_health.py']).toEqual(
      HEALTH_TEST.replace('asyncio("session")', 'asyncio(loop_scope="session")')
    )
    expect(second.keys).toEqual([])
  })

  it('renames a misspelt loop_scope keyword, quoting the 0.25–1.3 message', async () => {
    const test = py`
      import pytest

      pytestmark = pytest.mark.asyncio(loop_scop="session")


      async def test_health(client):
          assert (await client.get("/health")).json() == {"ok": True}
    `
    const files = {
      'pyproject.toml': PYPROJECT('pytest-asyncio==1.2.0'),
      'tests/conftest.py': CONFTEST,
      'tests/test_health.py': test
    }
    const { first, second } = await checkFixed(files)
    expect(pa203(first.keys)).toEqual(['PA203 tests/test_health.py:3-3'])
    expect(first.findings.find((x) => x.code === 'PA203')!.message).toContain(
      "ValueError: mark.asyncio accepts only a keyword argument 'loop_scope'."
    )
    // PA104 (the test runs in the function loop meanwhile) adds its own mark; this rule's edit alone:
    const own = first.findings.filter((x) => x.code === 'PA203')
    expect(first.fixed(['tests/test_health.py'], own)['tests/test_health.py']).toEqual(
      test.replace('loop_scop=', 'loop_scope=')
    )
    expect(pa203(second.keys)).toEqual([])
  })

  it('flags loop_factories= before 1.4 without an edit, and accepts it on 1.4', async () => {
    const test = py`
      import pytest


      @pytest.mark.asyncio(loop_scope="session", loop_factories=["uvloop"])
      async def test_health(client):
          assert (await client.get("/health")).json() == {"ok": True}
    `
    const old = await check({
      'pyproject.toml': PYPROJECT('pytest-asyncio==1.3.0'),
      'tests/conftest.py': CONFTEST,
      'tests/test_health.py': test
    })
    const f = old.findings.find((x) => x.code === 'PA203')!
    expect(`${f.line}-${f.endLine}`).toBe('4-5')
    expect(f.message).toContain('`loop_factories=` (new in pytest-asyncio 1.4)')
    expect(f.fix).toBeUndefined()
    const current = await check({
      'pyproject.toml': PYPROJECT('pytest-asyncio==1.4.0'),
      'tests/conftest.py': CONFTEST,
      'tests/test_health.py': test
    })
    expect(pa203(current.keys)).toEqual([])
  })

  it('on 0.23 warns that the argument is silently ignored and suggests scope=', async () => {
    const test = py`
      import pytest


      @pytest.mark.asyncio("session")
      async def test_health(client):
          assert (await client.get("/health")).json() == {"ok": True}
    `
    const files = {
      'requirements-dev.txt': 'pytest==8.1.2\npytest-asyncio==0.23.8\n',
      'tests/conftest.py': CONFTEST,
      'tests/test_health.py': test
    }
    const { first, second } = await checkFixed(files)
    expect(pa203(first.keys)).toEqual(['PA203 tests/test_health.py:4-5'])
    const f = first.findings.find((x) => x.code === 'PA203')!
    expect(f.severity).toBe('warning')
    expect(f.message).toContain('pytest-asyncio 0.23.8 ignores such arguments silently')
    expect(first.fixed(['tests/test_health.py'])['tests/test_health.py']).toEqual(
      test.replace('asyncio("session")', 'asyncio(scope="session")')
    )
    expect(second.keys).toEqual([])
  })

  it('accepts keyword-only marks', async () => {
    const { keys } = await check({
      'requirements-dev.txt': PIN_1_4,
      'tests/conftest.py': CONFTEST,
      'tests/test_health.py': HEALTH_TEST.replace('asyncio("session")', 'asyncio(scope="session")')
    })
    expect(pa203(keys)).toEqual([])
  })
})
