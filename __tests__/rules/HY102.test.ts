/** HY102: `@given` on a coroutine test no async plugin runs. */
import { check, checkFixed } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const only = (keys: string[], code = 'HY102') => keys.filter((k) => k.startsWith(code))

const INI = '[pytest]\ntestpaths = tests\nasyncio_mode = strict\nasyncio_default_fixture_loop_scope = function\n'
const PINS = 'pytest==9.1.1\npytest-asyncio==1.4.0\nhypothesis==6.155.2\n'

const SLUGS = py`
  import asyncio

  import pytest
  from hypothesis import given, strategies as st

  from slugs.registry import SlugRegistry

  titles = st.text(min_size=0, max_size=40)


  @given(st.lists(titles, max_size=15))
  async def test_claims_are_unique(batch):
      registry = SlugRegistry()
      slugs = await asyncio.gather(*(registry.claim(t) for t in batch))
      assert len(set(slugs)) == len(slugs)
`

describe('HY102 given-async-test-not-handled', () => {
  it('flags the unmarked async @given test and adds the asyncio mark above @given', async () => {
    const { first, second } = await checkFixed({ 'pytest.ini': INI, 'requirements-dev.txt': PINS, 'tests/test_slugs.py': SLUGS })
    expect(only(first.keys)).toEqual(['HY102 tests/test_slugs.py:11-12'])
    expect(first.keys.filter((k) => k.startsWith('PA301'))).toEqual([])
    expect(first.findings.find((x) => x.code === 'HY102')!.message).toContain("Hypothesis doesn't know how to run async test functions like test_claims_are_unique.")
    expect(first.fixed(['tests/test_slugs.py'])['tests/test_slugs.py']).toEqual(SLUGS.replace('@given(st.lists', '@pytest.mark.asyncio\n@given(st.lists'))
    expect(only(second.keys)).toEqual([])
  })

  it('leaves sync @given tests, marked ones, auto mode and anyio-marked ones', async () => {
    const files = {
      'pytest.ini': INI,
      'requirements-dev.txt': PINS + 'anyio==4.14.2\n',
      'tests/test_ok.py': py`
        import pytest
        from hypothesis import given, strategies as st


        @given(st.integers())
        def test_sync(n):
            assert n == n


        @pytest.mark.asyncio
        @given(st.integers())
        async def test_marked(n):
            assert n == n


        @pytest.mark.anyio
        @given(st.integers())
        async def test_anyio(n):
            assert n == n
      `
    }
    expect(only((await check(files)).keys)).toEqual([])
    expect(only((await check({ 'pytest.ini': INI.replace('strict', 'auto'), 'requirements-dev.txt': PINS, 'tests/test_slugs.py': SLUGS })).keys)).toEqual([])
  })

  it('adds the loop scope a conftest fixture two folders up needs (config in setup.cfg)', async () => {
    const files = {
      'setup.cfg': '[tool:pytest]\nasyncio_default_fixture_loop_scope = function\n',
      'requirements-dev.txt': PINS,
      'tests/conftest.py': py`
        import pytest_asyncio

        from slugs.registry import SlugRegistry


        @pytest_asyncio.fixture(scope="session", loop_scope="session")
        async def registry():
            return await SlugRegistry.open()
      `,
      'tests/slugs/unit/test_claims.py': py`
        from hypothesis import given, strategies as st


        @given(st.text())
        async def test_claim(registry, title):
            assert await registry.claim(title)
      `
    }
    const { first, second } = await checkFixed(files)
    expect(only(first.keys)).toEqual(['HY102 tests/slugs/unit/test_claims.py:4-5'])
    expect(first.fixed(['tests/slugs/unit/test_claims.py'])['tests/slugs/unit/test_claims.py']).toEqual(py`
      import pytest
      from hypothesis import given, strategies as st


      @pytest.mark.asyncio(loop_scope="session")
      @given(st.text())
      async def test_claim(registry, title):
          assert await registry.claim(title)
    `)
    expect(second.keys.filter((k) => /HY10|PA104/.test(k))).toEqual([])
  })
})
