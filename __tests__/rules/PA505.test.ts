/** PA505: async code closes the loop pytest-asyncio owns. */
import { check, checkFixed, INI_FUNCTION_DEFAULT, PIN_1_4 } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const only = (keys: string[], code = 'PA505') => keys.filter((k) => k.startsWith(code))

const SERVER = py`
  import asyncio

  import pytest

  from echo import handle


  @pytest.mark.asyncio
  async def test_echo_upper():
      server = await asyncio.start_server(handle, "127.0.0.1", 0)
      port = server.sockets[0].getsockname()[1]
      reader, writer = await asyncio.open_connection("127.0.0.1", port)
      writer.write(b"hi\\n")
      assert await reader.readline() == b"HI\\n"
      writer.close()
      server.close()
      await server.wait_closed()
      asyncio.get_running_loop().close()
`

describe('PA505 closes-pytest-asyncio-loop', () => {
  it('flags closing the running loop and deletes the line', async () => {
    const { first, second } = await checkFixed({ 'pytest.ini': INI_FUNCTION_DEFAULT, 'requirements-dev.txt': PIN_1_4, 'tests/test_server.py': SERVER })
    expect(only(first.keys)).toEqual(['PA505 tests/test_server.py:18-18'])
    expect(first.findings.find((x) => x.code === 'PA505')!.message).toContain('RuntimeError: Cannot close a running event loop')
    expect(first.fixed(['tests/test_server.py'])['tests/test_server.py']).toEqual(SERVER.replace('    asyncio.get_running_loop().close()\n', ''))
    expect(only(second.keys)).toEqual([])
  })

  it('leaves closing a loop the code created itself, and server/writer close() calls', async () => {
    const r = await check({
      'pytest.ini': INI_FUNCTION_DEFAULT,
      'requirements-dev.txt': PIN_1_4,
      'tests/test_own_loop.py': py`
        import asyncio

        import pytest


        def test_private_loop():
            loop = asyncio.new_event_loop()
            try:
                assert loop.run_until_complete(asyncio.sleep(0, result=1)) == 1
            finally:
                loop.close()


        @pytest.mark.asyncio
        async def test_server_close():
            server = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 0)
            server.close()
            await server.wait_closed()
      `
    })
    expect(only(r.keys)).toEqual([])
  })

  it('flags a bound loop closed in the teardown of an async conftest fixture two folders up', async () => {
    const files = {
      'pyproject.toml': '[project]\nname = "p"\nversion = "1"\ndependencies = ["pytest-asyncio==1.4.0", "pytest==9.0.3"]\n\n[tool.pytest.ini_options]\nasyncio_default_fixture_loop_scope = "function"\n',
      'tests/conftest.py': py`
        import asyncio

        import pytest_asyncio


        @pytest_asyncio.fixture
        async def ticker():
            loop = asyncio.get_running_loop()
            handle = loop.call_later(60, print)
            yield handle
            handle.cancel()
            loop.close()  # tidy up
      `,
      'tests/clock/unit/test_tick.py': py`
        import pytest


        @pytest.mark.asyncio
        async def test_pending(ticker):
            assert not ticker.cancelled()
      `
    }
    const { first, second } = await checkFixed(files)
    expect(only(first.keys)).toEqual(['PA505 tests/conftest.py:12-12'])
    expect(first.fixed(['tests/conftest.py'])['tests/conftest.py']).not.toContain('loop.close()')
    expect(only(second.keys)).toEqual([])
  })

  it('on 0.26 flags closing the plugin’s event_loop fixture, but not a domain fixture of that name', async () => {
    const test = py`
      import pytest


      @pytest.mark.asyncio
      async def test_shutdown(event_loop):
          event_loop.close()
    `
    const plugin = await check({ 'pytest.ini': INI_FUNCTION_DEFAULT, 'requirements-dev.txt': 'pytest==8.3.5\npytest-asyncio==0.26.0\n', 'tests/test_shutdown.py': test })
    expect(only(plugin.keys)).toEqual(['PA505 tests/test_shutdown.py:6-6'])
    // The close() was the whole body: it becomes `pass`.
    expect(plugin.fixed(['tests/test_shutdown.py'], plugin.findings.filter((f) => f.code === 'PA505'))['tests/test_shutdown.py']).toContain('async def test_shutdown(event_loop):\n    pass\n')
    const domain = await check({
      'pytest.ini': INI_FUNCTION_DEFAULT,
      'requirements-dev.txt': PIN_1_4,
      'tests/conftest.py': 'import pytest\n\nfrom sim import EventLoop\n\n\n@pytest.fixture\ndef event_loop():\n    return EventLoop()\n',
      'tests/test_shutdown.py': test
    })
    expect(only(domain.keys)).toEqual([])
  })
})
