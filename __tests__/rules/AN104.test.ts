/** AN104: a scoped fixture requests the function-scoped `anyio_backend_name` / `anyio_backend_options`. */
import { check, checkFixed } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const PINS = 'pytest==8.4.2\nanyio[trio]==4.14.2\n'

const an = (keys: string[]) => keys.filter((k) => k.startsWith('AN104'))

describe('AN104 scoped-fixture-uses-backend-name', () => {
  it('derives the name from anyio_backend after the docstring and renames its uses', async () => {
    const files = {
      'requirements-dev.txt': PINS,
      'tests/test_queue.py': py`
        import pytest

        from jobs.queue import JobQueue

        pytestmark = pytest.mark.anyio


        @pytest.fixture(scope="module")
        async def queue(anyio_backend_name):
            """One queue per backend; the name shows up in worker labels."""
            q = JobQueue(f"thumbs-{anyio_backend_name}", workers=3)
            yield q
            await q.close()


        async def test_job_ids_increase(queue):
            first = await queue.submit({"size": (10, 10)})
            assert await queue.submit({"size": (20, 20)}) == first + 1
      `
    }
    const { first, second } = await checkFixed(files)
    expect(an(first.keys)).toEqual(['AN104 tests/test_queue.py:8-9'])
    expect(first.findings.find((f) => f.code === 'AN104')!.message).toContain(
      'ScopeMismatch: You tried to access the function scoped fixture anyio_backend_name with a module scoped request object'
    )
    expect(first.fixed(['tests/test_queue.py'])['tests/test_queue.py']).toContain(py`
      @pytest.fixture(scope="module")
      async def queue(anyio_backend):
          """One queue per backend; the name shows up in worker labels."""
          name = anyio_backend if isinstance(anyio_backend, str) else anyio_backend[0]
          q = JobQueue(f"thumbs-{name}", workers=3)
          yield q
    `)
    expect(second.keys).toEqual([])
  })

  it('handles both helpers, a sync module fixture in a conftest two folders up, and a `name` already in use', async () => {
    const files = {
      'requirements-dev.txt': PINS,
      'tests/conftest.py': py`
        import pytest


        @pytest.fixture(scope="module")
        def runner_label(anyio_backend_name, anyio_backend_options):
            name = "ci"
            return f"{name}-{anyio_backend_name}-{sorted(anyio_backend_options)}"
      `,
      'tests/reports/daily/test_labels.py': py`
        import pytest


        @pytest.mark.anyio
        async def test_label_mentions_backend(runner_label):
            assert runner_label.startswith("ci-")
      `
    }
    const { first, second } = await checkFixed(files)
    expect(an(first.keys)).toEqual(['AN104 tests/conftest.py:4-5'])
    expect(first.fixed(['tests/conftest.py'])['tests/conftest.py']).toEqual(py`
      import pytest


      @pytest.fixture(scope="module")
      def runner_label(anyio_backend):
          backend_name = anyio_backend if isinstance(anyio_backend, str) else anyio_backend[0]
          options = {} if isinstance(anyio_backend, str) else anyio_backend[1]
          name = "ci"
          return f"{name}-{backend_name}-{sorted(options)}"
    `)
    expect(second.keys).toEqual([])
  })

  it('offers no fix for a session fixture while anyio_backend is module-scoped, and says why', async () => {
    const first = await check({
      'requirements-dev.txt': PINS,
      'tests/conftest.py': py`
        import pytest


        @pytest.fixture(scope="session")
        async def metrics_sink(anyio_backend_name):
            return {"backend": anyio_backend_name}
      `,
      'tests/test_metrics.py': py`
        import pytest


        @pytest.mark.anyio
        async def test_sink_knows_backend(metrics_sink):
            assert metrics_sink["backend"] in ("asyncio", "trio")
      `
    })
    expect(an(first.keys)).toEqual(['AN104 tests/conftest.py:4-5'])
    const f = first.findings.find((x) => x.code === 'AN104')!
    expect(f.fix).toBeUndefined()
    expect(f.message).toContain('`anyio_backend` is only module-scoped here, so it also needs an override with `scope="session"`')
  })

  it('does not flag a function-scoped fixture or a helper overridden with a wide scope', async () => {
    const { keys } = await check({
      'requirements-dev.txt': PINS,
      'tests/conftest.py': py`
        import pytest


        @pytest.fixture(scope="module")
        def anyio_backend_name(anyio_backend):
            return anyio_backend if isinstance(anyio_backend, str) else anyio_backend[0]
      `,
      'tests/test_labels.py': py`
        import pytest


        @pytest.fixture(scope="module")
        async def label(anyio_backend_name):
            return f"worker-{anyio_backend_name}"


        @pytest.fixture
        async def per_test_label(anyio_backend_name):
            return anyio_backend_name.upper()


        @pytest.mark.anyio
        async def test_labels(label, per_test_label):
            assert label.startswith("worker-")
      `
    })
    expect(an(keys)).toEqual([])
  })
})
