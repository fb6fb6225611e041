/** PA105: an async fixture runs in a narrower loop than the tests that use it. */
import { check, checkFixed, INI_FUNCTION_DEFAULT, PIN_1_4 } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const CONFTEST = py`
  import pytest_asyncio

  from shop.cache import open_cache


  @pytest_asyncio.fixture
  async def cache():
      client = await open_cache()
      yield client
      await client.close()
`

const TESTS = py`
  import pytest

  pytestmark = pytest.mark.asyncio(loop_scope="module")


  async def test_put(cache):
      await cache.put("sku-1", 3)


  async def test_get(cache):
      assert await cache.get("sku-2") is None
`

describe('PA105 test-runs-in-wider-loop-than-fixture', () => {
  it('reports once on the fixture (conftest) with the test file as related, and gives it the tests’ loop', async () => {
    const { first, second } = await checkFixed({ 'requirements-dev.txt': PIN_1_4, 'pytest.ini': INI_FUNCTION_DEFAULT, 'tests/conftest.py': CONFTEST, 'tests/cart/test_cache.py': TESTS })
    expect(first.keys).toEqual(['PA105 tests/conftest.py:6-7'])
    const f = first.findings[0]!
    expect(f.related.map((r) => `${r.path}:${r.line}`)).toEqual(['tests/cart/test_cache.py:6', 'tests/cart/test_cache.py:10'])
    expect(first.fixed(['tests/conftest.py'])['tests/conftest.py']).toBe(CONFTEST.replace('@pytest_asyncio.fixture\n', '@pytest_asyncio.fixture(loop_scope="module")\n'))
    expect(second.keys).toEqual([])
  })

  it('turns an auto-mode @pytest.fixture into @pytest_asyncio.fixture, importing pytest_asyncio once', async () => {
    const conftest = CONFTEST.replace('import pytest_asyncio\n', 'import pytest\n').replace('@pytest_asyncio.fixture', '@pytest.fixture')
    const { first } = await checkFixed({ 'requirements-dev.txt': PIN_1_4, 'pytest.ini': '[pytest]\nasyncio_mode = auto\nasyncio_default_fixture_loop_scope = function\n', 'tests/conftest.py': conftest, 'tests/test_cache.py': TESTS })
    expect(first.keys).toEqual(['PA105 tests/conftest.py:6-7'])
    const fixed = first.fixed(['tests/conftest.py'])['tests/conftest.py']!
    expect(fixed).toContain('@pytest_asyncio.fixture(loop_scope="module")\nasync def cache():')
    expect(fixed.match(/^import pytest_asyncio$/gm)).toHaveLength(1)
  })

  it('is silent when the tests run in the fixture’s loop, and offers no fix when users disagree', async () => {
    const same = await check({ 'requirements-dev.txt': PIN_1_4, 'pytest.ini': INI_FUNCTION_DEFAULT, 'tests/conftest.py': CONFTEST, 'tests/test_cache.py': TESTS.replace('pytestmark = pytest.mark.asyncio(loop_scope="module")', 'pytestmark = pytest.mark.asyncio') })
    expect(same.keys).toEqual([])
    const split = await check({
      'requirements-dev.txt': PIN_1_4,
      'pytest.ini': INI_FUNCTION_DEFAULT,
      'tests/conftest.py': CONFTEST,
      'tests/test_cache.py': TESTS,
      'tests/test_session.py': TESTS.replace('"module"', '"session"')
    })
    const f = split.findings.find((x) => x.code === 'PA105')!
    expect(f.fix).toBeUndefined()
    expect(f.message).toContain('no single `loop_scope` fits them all')
  })
})
