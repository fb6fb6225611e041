/** PA301: strict mode, an `async def` test no plugin runs. */
import { check, checkFixed, PIN_1_4 } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const only = (keys: string[], code = 'PA301') => keys.filter((k) => k.startsWith(code))

const INI = '[pytest]\nasyncio_mode = strict\nasyncio_default_fixture_loop_scope = function\n'

const RETRY_TESTS = py`
  import asyncio

  import pytest

  from retry import with_backoff


  @pytest.mark.asyncio
  async def test_success_first_try():
      assert await with_backoff(lambda: asyncio.sleep(0, result=1)) == 1


  async def test_gives_up_after_retries():
      with pytest.raises(TimeoutError):
          await with_backoff(never_answers, retries=2)
`

describe('PA301 strict-mode-unmarked-async-test', () => {
  it('flags the unmarked coroutine test and adds a bare asyncio mark', async () => {
    const files = { 'pytest.ini': INI, 'requirements-dev.txt': PIN_1_4, 'tests/test_retry.py': RETRY_TESTS }
    const { first, second } = await checkFixed(files)
    expect(only(first.keys)).toEqual(['PA301 tests/test_retry.py:13-13'])
    const f = first.findings.find((x) => x.code === 'PA301')!
    expect(f.severity).toBe('error')
    expect(f.message).toContain('Failed: async def functions are not natively supported.')
    expect(f.message).toContain('`asyncio_mode = strict` (pytest.ini:2)')
    expect(first.fixed(['tests/test_retry.py'])['tests/test_retry.py']).toEqual(py`
      import asyncio

      import pytest

      from retry import with_backoff


      @pytest.mark.asyncio
      async def test_success_first_try():
          assert await with_backoff(lambda: asyncio.sleep(0, result=1)) == 1


      @pytest.mark.asyncio
      async def test_gives_up_after_retries():
          with pytest.raises(TimeoutError):
              await with_backoff(never_answers, retries=2)
    `)
    expect(only(second.keys)).toEqual([])
  })

  it('leaves tests that anyio, auto mode, a class mark or Hypothesis (HY102) account for', async () => {
    const files = {
      'pytest.ini': INI,
      'requirements-dev.txt': PIN_1_4 + 'anyio==4.14.2\nhypothesis==6.155.2\n',
      'tests/test_mixed.py': py`
        import pytest
        from hypothesis import given, strategies as st


        @pytest.mark.anyio
        async def test_on_any_backend():
            assert True


        async def test_requests_backend(anyio_backend):
            assert anyio_backend in ("asyncio", "trio")


        class TestQueue:
            pytestmark = pytest.mark.asyncio

            async def test_put_get(self):
                assert True


        @given(st.integers())
        async def test_hypothesis_handles_it(n):
            assert n == n


        def test_sync_is_fine():
            assert True
      `
    }
    const r = await check(files)
    expect(only(r.keys)).toEqual([])
    const auto = await check({ ...files, 'pytest.ini': '[pytest]\nasyncio_mode = auto\nasyncio_default_fixture_loop_scope = function\n' })
    expect(only(auto.keys)).toEqual([])
  })

  it('asks for the loop of an async fixture defined two conftests up (config in pyproject.toml)', async () => {
    const files = {
      'pyproject.toml': py`
        [project]
        name = "ledger"
        version = "1.0"

        [project.optional-dependencies]
        test = ["pytest==9.0.3", "pytest-asyncio==1.3.0"]

        [tool.pytest.ini_options]
        asyncio_default_fixture_loop_scope = "function"
      `,
      'tests/conftest.py': py`
        import pytest_asyncio

        from ledger.db import connect


        @pytest_asyncio.fixture(scope="module", loop_scope="module")
        async def ledger_db():
            db = await connect(":memory:")
            yield db
            await db.close()
      `,
      'tests/api/v2/test_entries.py': py`
        import pytest


        async def test_post_entry(ledger_db):
            await ledger_db.insert("entries", amount=10)
            assert await ledger_db.count("entries") == 1
      `
    }
    const { first, second } = await checkFixed(files)
    expect(only(first.keys)).toEqual(['PA301 tests/api/v2/test_entries.py:4-4'])
    expect(first.fixed(['tests/api/v2/test_entries.py'])['tests/api/v2/test_entries.py']).toEqual(py`
      import pytest


      @pytest.mark.asyncio(loop_scope="module")
      async def test_post_entry(ledger_db):
          await ledger_db.insert("entries", amount=10)
          assert await ledger_db.count("entries") == 1
    `)
    expect(second.keys.filter((k) => /PA301|PA104/.test(k))).toEqual([])
  })

  it('says the test is skipped on pytest before 8.4', async () => {
    const r = await check({ 'pytest.ini': INI, 'requirements-dev.txt': 'pytest==8.3.5\npytest-asyncio==0.26.0\n', 'tests/test_retry.py': RETRY_TESTS })
    expect(only(r.keys)).toEqual(['PA301 tests/test_retry.py:13-13'])
    expect(r.findings.find((f) => f.code === 'PA301')!.message).toContain('PytestUnhandledCoroutineWarning: async def functions are not natively supported and have been skipped.')
  })

  it('does not fire without pytest-asyncio (an anyio-only project is AN305’s)', async () => {
    const r = await check({ 'pyproject.toml': '[project]\nname = "x"\ndependencies = ["anyio==4.14.2", "pytest==8.4.2"]\n', 'tests/test_retry.py': RETRY_TESTS.replace(/@pytest.mark.asyncio\n/, '') })
    expect(only(r.keys)).toEqual([])
  })
})
