/** PA403: a sync test or fixture requests `event_loop`, removed in 1.0. */
import { check, checkFixed, PIN_1_4 } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const only = (keys: string[], code = 'PA403') => keys.filter((k) => k.startsWith(code))

const SETUP_CFG = '[tool:pytest]\nasyncio_default_fixture_loop_scope = function\npythonpath = src\n'

const RESOLVER = py`
  import pytest

  from dns.resolver import resolve


  def test_resolve_known(event_loop):
      assert event_loop.run_until_complete(resolve("example.test")) == "192.0.2.10"


  @pytest.mark.asyncio
  async def test_resolve_unknown():
      with pytest.raises(LookupError):
          await resolve("nope.test")
`

describe('PA403 event-loop-requested-by-sync-code', () => {
  it('on 1.4 makes the sync test an asyncio test that awaits', async () => {
    const { first, second } = await checkFixed({ 'setup.cfg': SETUP_CFG, 'requirements-dev.txt': PIN_1_4, 'tests/test_resolver.py': RESOLVER })
    expect(only(first.keys)).toEqual(['PA403 tests/test_resolver.py:6-6'])
    expect(first.findings.find((x) => x.code === 'PA403')!.message).toContain("fixture 'event_loop' not found")
    expect(first.fixed(['tests/test_resolver.py'])['tests/test_resolver.py']).toEqual(py`
      import pytest

      from dns.resolver import resolve


      @pytest.mark.asyncio
      async def test_resolve_known():
          assert await resolve("example.test") == "192.0.2.10"


      @pytest.mark.asyncio
      async def test_resolve_unknown():
          with pytest.raises(LookupError):
              await resolve("nope.test")
    `)
    expect(only(second.keys)).toEqual([])
  })

  it('is fine while pytest-asyncio still provides the fixture (0.26) or the project defines one', async () => {
    expect(only((await check({ 'setup.cfg': SETUP_CFG, 'requirements-dev.txt': 'pytest==8.3.5\npytest-asyncio==0.26.0\n', 'tests/test_resolver.py': RESOLVER })).keys)).toEqual([])
    const own = await check({
      'setup.cfg': SETUP_CFG,
      'requirements-dev.txt': PIN_1_4,
      'tests/conftest.py': 'import asyncio\n\nimport pytest\n\n\n@pytest.fixture\ndef event_loop():\n    loop = asyncio.new_event_loop()\n    yield loop\n    loop.close()\n',
      'tests/test_resolver.py': RESOLVER
    })
    expect(only(own.keys)).toEqual([])
  })

  it('turns a sync conftest fixture into an async pytest_asyncio fixture for tests two folders down', async () => {
    const files = {
      'pytest.ini': '[pytest]\nasyncio_mode = auto\nasyncio_default_fixture_loop_scope = function\n',
      'requirements-dev.txt': 'pytest==8.4.2\npytest-asyncio>=1.0,<1.5\n',
      'tests/conftest.py': py`
        import pytest

        from mail.outbox import Outbox


        @pytest.fixture
        def outbox(event_loop):
            box = event_loop.run_until_complete(Outbox.open("memory://"))
            yield box
            event_loop.run_until_complete(box.close())
      `,
      'tests/mail/send/test_send.py': py`
        async def test_send_queues_message(outbox):
            await outbox.send("ada@example.test", "hi")
            assert outbox.pending == 1
      `
    }
    const { first, second } = await checkFixed(files)
    expect(only(first.keys)).toEqual(['PA403 tests/conftest.py:6-7'])
    expect(first.findings.find((x) => x.code === 'PA403')!.message).toContain('pytest-asyncio 1.0.0–1.4.0')
    expect(first.fixed(['tests/conftest.py'])['tests/conftest.py']).toEqual(py`
      import pytest
      import pytest_asyncio

      from mail.outbox import Outbox


      @pytest_asyncio.fixture
      async def outbox():
          box = await Outbox.open("memory://")
          yield box
          await box.close()
    `)
    expect(second.keys.filter((k) => /PA40|PA30/.test(k))).toEqual([])
  })

  it('reports without a fix when the loop is used for more than run_until_complete', async () => {
    const r = await check({
      'setup.cfg': SETUP_CFG,
      'requirements-dev.txt': PIN_1_4,
      'tests/test_timer.py': 'def test_loop_time(event_loop):\n    assert event_loop.time() > 0\n'
    })
    expect(only(r.keys)).toEqual(['PA403 tests/test_timer.py:1-1'])
    expect(r.findings.find((x) => x.code === 'PA403')!.fix).toBeUndefined()
  })
})
