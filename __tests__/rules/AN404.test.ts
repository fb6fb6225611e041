/** AN404: a test parametrized to another backend while a wider async fixture holds a runner. */
import { check, checkFixed } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const PINS = 'pytest==8.4.2\nanyio[trio]==4.14.2\n'
const an404 = (keys: string[]) => keys.filter((k) => k.startsWith('AN404'))

const MODULE = py`
  import pytest
  import trio

  from ratelimit import Bucket, drain

  pytestmark = pytest.mark.anyio


  @pytest.fixture(scope="module")
  def anyio_backend():
      return "asyncio"


  @pytest.fixture(scope="module")
  async def bucket():
      b = Bucket(rate=5)
      yield b
      await b.close()


  async def test_bucket_limits(bucket):
      assert await bucket.take(5)


  # Draining is easiest to observe with trio's clock.
  @pytest.mark.parametrize("anyio_backend", ["trio"])
  async def test_drain_takes_a_second(anyio_backend):
      start = trio.current_time()
      await drain(Bucket(rate=1))
      assert trio.current_time() - start >= 1


  async def test_bucket_refills(bucket):
      await bucket.refill()
`

describe('AN404 mixed-backend-with-live-runner', () => {
  it('flags the trio test behind a module fixture on asyncio and moves it to its own module', async () => {
    const files = { 'requirements-dev.txt': PINS, 'tests/test_bucket.py': MODULE }
    const { first, second } = await checkFixed(files)
    expect(an404(first.keys)).toEqual(['AN404 tests/test_bucket.py:26-27'])
    const f = first.findings.find((x) => x.code === 'AN404')!
    expect(f.severity).toBe('warning')
    expect(f.message).toContain('set up on asyncio by `test_bucket_limits`')
    expect(f.message).toContain('RuntimeError: must be called from async context')
    const fixed = first.fixed(['tests/test_bucket.py'])
    expect(fixed['tests/test_bucket.py']).toEqual(py`
      import pytest

      from ratelimit import Bucket

      pytestmark = pytest.mark.anyio


      @pytest.fixture(scope="module")
      def anyio_backend():
          return "asyncio"


      @pytest.fixture(scope="module")
      async def bucket():
          b = Bucket(rate=5)
          yield b
          await b.close()


      async def test_bucket_limits(bucket):
          assert await bucket.take(5)


      async def test_bucket_refills(bucket):
          await bucket.refill()
    `)
    const created = first.findings.find((x) => x.code === 'AN404')!.fix!.edits.find((e) => e.path !== 'tests/test_bucket.py')!
    expect(created.path).toEqual('tests/test_bucket_second.py')
    expect(created.text).toEqual(py`
      import pytest
      import trio

      from ratelimit import Bucket, drain

      pytestmark = pytest.mark.anyio


      # Draining is easiest to observe with trio's clock.
      @pytest.mark.parametrize("anyio_backend", ["trio"])
      async def test_drain_takes_a_second(anyio_backend):
          start = trio.current_time()
          await drain(Bucket(rate=1))
          assert trio.current_time() - start >= 1
    `)
    expect(an404(second.keys)).toEqual([])
  })

  it('does not fire when the trio test runs before the fixture is set up, or uses the same backend', async () => {
    const before = MODULE.replace(
      /async def test_bucket_limits\(bucket\):\n {4}assert await bucket.take\(5\)\n\n\n/,
      ''
    ).replace('async def test_bucket_refills(bucket):', 'async def test_bucket_limits(bucket):\n    assert await bucket.take(5)\n\n\nasync def test_bucket_refills(bucket):')
    const { keys } = await check({ 'requirements-dev.txt': PINS, 'tests/test_bucket.py': before })
    expect(an404(keys)).toEqual([])
    const same = await check({ 'requirements-dev.txt': PINS, 'tests/test_bucket.py': MODULE.replace('["trio"]', '["asyncio"]') })
    expect(an404(same.keys)).toEqual([])
  })

  it('flags a session fixture from a conftest two folders up, without a move fix', async () => {
    const { findings } = await check({
      'requirements-dev.txt': PINS,
      'tests/conftest.py': py`
        import pytest


        @pytest.fixture(scope="session")
        def anyio_backend():
            return "asyncio"


        @pytest.fixture(scope="session")
        async def registry():
            yield {}
      `,
      'tests/a/b/test_registry.py': py`
        import pytest


        @pytest.mark.anyio
        async def test_register(registry):
            registry["x"] = 1


        @pytest.mark.anyio
        @pytest.mark.parametrize("anyio_backend", ["trio"])
        async def test_trio_lookup(anyio_backend):
            assert anyio_backend == "trio"
      `
    })
    const f = findings.filter((x) => x.code === 'AN404')
    expect(f.map((x) => `${x.path}:${x.line}-${x.endLine}`)).toEqual(['tests/a/b/test_registry.py:9-11'])
    expect(f[0]!.fix).toBeUndefined()
    expect(f[0]!.related[0]!.path).toEqual('tests/conftest.py')
  })
})
