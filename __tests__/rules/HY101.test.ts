/** HY101: an async `@given` test using a function-scoped fixture. */
import { check, checkFixed } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const only = (keys: string[], code = 'HY101') => keys.filter((k) => k.startsWith(code))

const PYPROJECT = py`
  [project]
  name = "wirefmt"
  version = "0.9.1"

  [dependency-groups]
  test = ["pytest==9.1.1", "pytest-asyncio==1.4.0", "hypothesis==6.155.2"]

  [tool.pytest.ini_options]
  asyncio_default_fixture_loop_scope = "function"
`

const FRAMES = py`
  import pytest
  import pytest_asyncio
  from hypothesis import given, strategies as st

  from wirefmt.frames import load_codec


  @pytest_asyncio.fixture
  async def codec():
      return await load_codec()


  @pytest.mark.asyncio
  @given(kind=st.sampled_from(["ping", "data", "close"]), payload=st.binary(max_size=512))
  async def test_round_trip(codec, kind, payload):
      frame = codec.encode(kind, payload)
      assert await codec.decode(frame) == (kind, payload)
`

describe('HY101 given-with-function-scoped-fixture', () => {
  it('flags the test and suppresses the health check (an unsafe fix, with the assumption in a comment)', async () => {
    const { first, second } = await checkFixed({ 'pyproject.toml': PYPROJECT, 'tests/test_frames.py': FRAMES })
    expect(only(first.keys)).toEqual(['HY101 tests/test_frames.py:13-15'])
    const f = first.findings.find((x) => x.code === 'HY101')!
    expect(f.message).toContain("hypothesis.errors.FailedHealthCheck: 'tests/test_frames.py::test_round_trip' uses a function-scoped fixture 'codec'.")
    expect(f.fix?.applicability).toBe('unsafe')
    expect(first.fixed(['tests/test_frames.py'])['tests/test_frames.py']).toEqual(py`
      import pytest
      import pytest_asyncio
      from hypothesis import HealthCheck, given, settings, strategies as st

      from wirefmt.frames import load_codec


      @pytest_asyncio.fixture
      async def codec():
          return await load_codec()


      @pytest.mark.asyncio
      @settings(suppress_health_check=[HealthCheck.function_scoped_fixture])  # codec is immutable
      @given(kind=st.sampled_from(["ping", "data", "close"]), payload=st.binary(max_size=512))
      async def test_round_trip(codec, kind, payload):
          frame = codec.encode(kind, payload)
          assert await codec.decode(frame) == (kind, payload)
    `)
    expect(only(second.keys)).toEqual([])
  })

  it('leaves module-scoped fixtures, strategy arguments and already suppressed checks alone', async () => {
    const r = await check({
      'pyproject.toml': PYPROJECT,
      'tests/test_vocab.py': py`
        import pytest
        import pytest_asyncio
        from hypothesis import HealthCheck, given, settings, strategies as st

        pytestmark = pytest.mark.asyncio(loop_scope="module")


        @pytest_asyncio.fixture(scope="module", loop_scope="module")
        async def vocab():
            return {"the": 1}


        @pytest_asyncio.fixture
        async def data():
            return b"never requested: @given supplies data"


        @given(st.binary(max_size=64))
        async def test_encoding(vocab, data):
            assert isinstance(data, bytes)


        @settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
        @given(st.text())
        async def test_with_tmp(tmp_path, text):
            assert tmp_path.exists()
      `
    })
    expect(only(r.keys)).toEqual([])
  })

  it('flags a conftest fixture two folders up, and anyio’s anyio_backend_name, extending an existing @settings', async () => {
    const files = {
      'requirements-dev.txt': 'pytest==8.4.2\nanyio==4.14.2\nhypothesis==6.155.2\n',
      'pytest.ini': '[pytest]\n',
      'tests/conftest.py': py`
        import pytest


        @pytest.fixture
        def limits():
            return (1, 10)
      `,
      'tests/net/retry/test_backoff.py': py`
        import hypothesis
        import pytest
        from hypothesis import strategies as st


        @pytest.mark.anyio
        @hypothesis.settings(max_examples=20)
        @hypothesis.given(st.integers(min_value=1, max_value=10))
        async def test_backoff_in_limits(limits, anyio_backend_name, attempt):
            low, high = limits
            assert low <= attempt <= high
      `
    }
    const r = await check(files)
    expect(only(r.keys)).toEqual(['HY101 tests/net/retry/test_backoff.py:6-9'])
    expect(r.findings.find((x) => x.code === 'HY101')!.related.map((x) => `${x.path}:${x.line}`)).toEqual(['tests/conftest.py:4'])
    expect(r.fixed(['tests/net/retry/test_backoff.py'])['tests/net/retry/test_backoff.py']).toContain(
      '@hypothesis.settings(max_examples=20, suppress_health_check=[hypothesis.HealthCheck.function_scoped_fixture])\n'
    )
  })

  it('reports tmp_path without a fix (sharing it between examples is not safe)', async () => {
    const r = await check({
      'pyproject.toml': PYPROJECT,
      'tests/test_files.py': py`
        import pytest
        from hypothesis import given, strategies as st


        @pytest.mark.asyncio
        @given(st.text())
        async def test_write(tmp_path, text):
            (tmp_path / "f").write_text(text)
      `
    })
    expect(only(r.keys)).toEqual(['HY101 tests/test_files.py:5-7'])
    expect(r.findings.find((x) => x.code === 'HY101')!.fix).toBeUndefined()
  })
})
