/** PA201: `@pytest.mark.asyncio(scope=...)`, deprecated since pytest-asyncio 0.24. */
import { check, checkFixed, INI_FUNCTION_DEFAULT, PIN_1_4 } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const KV_TEST = py`
  import pytest
  import pytest_asyncio

  from kv.cache import CacheClient


  @pytest_asyncio.fixture(scope="module", loop_scope="module")
  async def kv():
      client = await CacheClient(namespace="kv").connect()
      yield client
      await client.close()


  @pytest.mark.asyncio(scope="module")
  async def test_set_get(kv):
      await kv.set("a", 1)
      assert await kv.get("a") == 1


  class TestExpiry:
      pytestmark = pytest.mark.asyncio(scope='module')

      async def test_ttl_is_kept(self, kv):
          await kv.set("b", 2, ttl=30)
          assert await kv.ttl("b") == 30
`

const pa201 = (keys: string[]): string[] => keys.filter((k) => k.startsWith('PA201'))

describe('PA201 mark-scope-kwarg-deprecated', () => {
  it('renames scope= to loop_scope= on test decorators and class pytestmark, keeping the quotes', async () => {
    const files = {
      'requirements-dev.txt': PIN_1_4,
      'pytest.ini': INI_FUNCTION_DEFAULT,
      'tests/test_kv.py': KV_TEST
    }
    const { first, second } = await checkFixed(files)
    expect(pa201(first.keys)).toEqual([
      'PA201 tests/test_kv.py:14-15',
      'PA201 tests/test_kv.py:21-21'
    ])
    const f = first.findings.find((x) => x.code === 'PA201')!
    expect(f.severity).toBe('warning')
    expect(f.message).toContain(
      'PytestDeprecationWarning: The "scope" keyword argument to the asyncio marker has been deprecated.'
    )
    expect(f.message).toContain('pytest-asyncio 1.4.0')
    expect(first.fixed(['tests/test_kv.py'])['tests/test_kv.py']).toEqual(
      KV_TEST.replace(
        '@pytest.mark.asyncio(scope="module")',
        '@pytest.mark.asyncio(loop_scope="module")'
      ).replace(
        "pytestmark = pytest.mark.asyncio(scope='module')",
        "pytestmark = pytest.mark.asyncio(loop_scope='module')"
      )
    )
    expect(second.keys).toEqual([])
  })

  it('anchors an add_marker(...) in a conftest two folders up on the call line (pin in pyproject.toml)', async () => {
    const conftest = py`
      import pytest
      import pytest_asyncio


      def pytest_collection_modifyitems(items):
          for item in items:
              if pytest_asyncio.is_async_test(item):
                  item.add_marker(pytest.mark.asyncio(scope="session"), append=False)
    `
    const files = {
      'pyproject.toml': py`
        [project]
        name = "orders"
        version = "1.0.0"
        dependencies = ["pytest-asyncio==0.25.3"]

        [tool.pytest.ini_options]
        asyncio_default_fixture_loop_scope = "function"
      `,
      'conftest.py': conftest,
      'tests/api/test_orders.py': py`
        import pytest


        @pytest.mark.asyncio
        async def test_list_orders():
            assert [] == []
      `
    }
    const { first, second } = await checkFixed(files)
    expect(pa201(first.keys)).toEqual(['PA201 conftest.py:8-8'])
    expect(first.findings.find((x) => x.code === 'PA201')!.message).toContain(
      'pytest-asyncio 0.25.3'
    )
    expect(first.fixed(['conftest.py'])['conftest.py']).toEqual(
      conftest.replace('asyncio(scope="session")', 'asyncio(loop_scope="session")')
    )
    expect(pa201(second.keys)).toEqual([])
  })

  it('is silent on 0.23, where scope= is the only spelling', async () => {
    const { keys } = await check({
      'requirements-dev.txt': 'pytest==8.1.2\npytest-asyncio==0.23.8\n',
      'tests/test_kv.py': KV_TEST
    })
    expect(pa201(keys)).toEqual([])
  })

  it('on a range spanning 0.23 and 0.24 warns without a fix and says why', async () => {
    const { findings } = await check({
      'requirements-dev.txt': 'pytest-asyncio>=0.23,<0.25\n',
      'pytest.ini': INI_FUNCTION_DEFAULT,
      'tests/test_kv.py': KV_TEST
    })
    const f = findings.filter((x) => x.code === 'PA201')
    expect(f.map((x) => x.line)).toEqual([14, 21])
    expect(f.every((x) => !x.fix)).toBe(true)
    expect(f[0]!.message).toContain('The pins also allow pytest-asyncio 0.23.0–0.23.8')
  })

  it('ignores loop_scope= marks and scope= on fixture decorators', async () => {
    const { keys } = await check({
      'requirements-dev.txt': PIN_1_4,
      'pytest.ini': INI_FUNCTION_DEFAULT,
      'tests/test_kv.py': KV_TEST.replace(
        'asyncio(scope="module")',
        'asyncio(loop_scope="module")'
      ).replace("asyncio(scope='module')", "asyncio(loop_scope='module')")
    })
    expect(pa201(keys)).toEqual([])
  })
})
