/** PA402: an async test or fixture requests `event_loop`. */
import { check, checkFixed, PIN_1_4 } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const only = (keys: string[], code = 'PA402') => keys.filter((k) => k.startsWith(code))

const EXECUTOR = py`
  import hashlib

  import pytest


  def digest(data: bytes) -> str:
      return hashlib.sha256(data).hexdigest()


  @pytest.mark.asyncio
  async def test_digest_in_executor(event_loop):
      result = await event_loop.run_in_executor(None, digest, b"abc")
      assert result.startswith("ba7816bf")
`

const INI = '[pytest]\nasyncio_default_fixture_loop_scope = function\n'

describe('PA402 event-loop-requested-by-async-code', () => {
  it('on 1.4 is a setup error; the fix uses asyncio.get_running_loop() and imports asyncio where isort would', async () => {
    const { first, second } = await checkFixed({ 'pytest.ini': INI, 'requirements-dev.txt': PIN_1_4, 'tests/test_executor.py': EXECUTOR })
    expect(only(first.keys)).toEqual(['PA402 tests/test_executor.py:10-11'])
    const f = first.findings.find((x) => x.code === 'PA402')!
    expect(f.severity).toBe('error')
    expect(f.message).toContain("fixture 'event_loop' not found")
    expect(first.fixed(['tests/test_executor.py'])['tests/test_executor.py']).toEqual(py`
      import asyncio
      import hashlib

      import pytest


      def digest(data: bytes) -> str:
          return hashlib.sha256(data).hexdigest()


      @pytest.mark.asyncio
      async def test_digest_in_executor():
          result = await asyncio.get_running_loop().run_in_executor(None, digest, b"abc")
          assert result.startswith("ba7816bf")
    `)
    expect(only(second.keys)).toEqual([])
  })

  it('is fine on 0.21, and an anyio test taking a domain `event_loop` fixture is not flagged', async () => {
    expect(only((await check({ 'pytest.ini': INI, 'requirements-dev.txt': 'pytest==7.4.4\npytest-asyncio==0.21.2\n', 'tests/test_executor.py': EXECUTOR })).keys)).toEqual([])
    const domain = await check({
      'pytest.ini': INI,
      'requirements-dev.txt': PIN_1_4 + 'anyio==4.14.2\n',
      'tests/conftest.py': 'import pytest\n\nfrom sim import EventLoop\n\n\n@pytest.fixture\ndef event_loop():\n    return EventLoop()\n',
      'tests/test_sim.py': py`
        import pytest


        @pytest.mark.anyio
        async def test_sim(event_loop, anyio_backend):
            assert event_loop.run() == []
      `
    })
    expect(only(domain.keys)).toEqual([])
  })

  it('warns on 0.24 with the deprecation text, for an async fixture in a conftest two folders up', async () => {
    const files = {
      'pytest.ini': INI,
      'requirements-dev.txt': 'pytest==8.3.5\npytest-asyncio==0.24.0\n',
      'tests/conftest.py': py`
        import asyncio

        import pytest_asyncio


        @pytest_asyncio.fixture
        async def ticker(event_loop):
            handle = event_loop.call_later(60, print, "tick")
            yield handle
            handle.cancel()
      `,
      'tests/clock/unit/test_ticker.py': py`
        import pytest


        @pytest.mark.asyncio
        async def test_ticker_is_pending(ticker):
            assert not ticker.cancelled()
      `
    }
    const r = await check(files)
    expect(only(r.keys)).toEqual(['PA402 tests/conftest.py:6-7'])
    const f = r.findings.find((x) => x.code === 'PA402')!
    expect(f.severity).toBe('warning')
    expect(f.message).toContain('ticker is asynchronous and explicitly requests the "event_loop" fixture.')
    expect(r.fixed(['tests/conftest.py'])['tests/conftest.py']).toEqual(py`
      import asyncio

      import pytest_asyncio


      @pytest_asyncio.fixture
      async def ticker():
          handle = asyncio.get_running_loop().call_later(60, print, "tick")
          yield handle
          handle.cancel()
    `)
  })
})
