/** AN407: a context variable set in a sync fixture and read by an async anyio test. */
import { check, checkFixed } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const an407 = (keys: string[]) => keys.filter((k) => k.startsWith('AN407'))

const CONTEXT = py`
  from contextvars import ContextVar

  request_id: ContextVar[str] = ContextVar("request_id", default="-")
`

const CONFTEST = py`
  import pytest

  from tracing.context import request_id


  @pytest.fixture
  def traced():
      token = request_id.set("req-42")
      yield "req-42"
      request_id.reset(token)


  @pytest.fixture
  async def http_client():
      return object()
`

const TEST = (params: string) => py`
  import pytest

  from tracing.context import request_id


  @pytest.mark.anyio
  async def test_logs_carry_the_request_id(${params}):
      assert request_id.get() == "req-42"
`

const BASE = {
  'requirements-dev.txt': 'pytest==8.4.2\nanyio[trio]==4.14.2\n',
  'pytest.ini': '[pytest]\npythonpath = src\n',
  'src/tracing/context.py': CONTEXT,
  'tests/conftest.py': CONFTEST
}

describe('AN407 contextvar-from-sync-fixture', () => {
  it('warns when an async fixture creates the runner before the sync fixture sets the variable, and makes it async', async () => {
    const files = { ...BASE, 'tests/web/handlers/test_logging.py': TEST('http_client, traced') }
    const { first, second } = await checkFixed(files)
    expect(an407(first.keys)).toEqual(['AN407 tests/conftest.py:6-7'])
    const f = first.findings.find((x) => x.code === 'AN407')!
    expect(f.severity).toBe('warning')
    expect(f.message).toContain('the async fixture `http_client` is set up before `traced`')
    expect(f.related[0]).toMatchObject({ path: 'tests/web/handlers/test_logging.py', line: 8 })
    expect(first.fixed(['tests/conftest.py'])['tests/conftest.py']).toEqual(CONFTEST.replace('def traced():', 'async def traced():'))
    expect(an407(second.keys)).toEqual([])
  })

  it('warns when a module-scoped async fixture from an earlier test keeps the runner alive', async () => {
    const { findings } = await check({
      ...BASE,
      'tests/test_logging.py': py`
        import pytest

        from tracing.context import request_id


        @pytest.fixture(scope="module")
        async def server(anyio_backend):
            yield "http://127.0.0.1:8000"


        @pytest.mark.anyio
        async def test_server_is_up(server):
            assert server


        @pytest.mark.anyio
        async def test_logs_carry_the_request_id(traced):
            assert request_id.get() == traced
      `
    })
    const f = findings.filter((x) => x.code === 'AN407')
    expect(f.map((x) => `${x.path}:${x.line}`)).toEqual(['tests/conftest.py:6'])
    expect(f[0]!.message).toContain('set up by `test_server_is_up`, still holds the runner')
  })

  it('does not fire when no runner exists before the sync fixture runs, or on anyio 3.x', async () => {
    const alone = await check({ ...BASE, 'tests/test_logging.py': TEST('traced') })
    expect(an407(alone.keys)).toEqual([])
    const syncFirst = await check({ ...BASE, 'tests/test_logging.py': TEST('traced, http_client') })
    expect(an407(syncFirst.keys)).toEqual([])
    const old = await check({ ...BASE, 'requirements-dev.txt': 'pytest==7.4.4\nanyio[trio]==3.7.1\n', 'tests/test_logging.py': TEST('http_client, traced') })
    expect(an407(old.keys)).toEqual([])
  })
})
