/** AN402: an async fixture starts background tasks in a task group and yields inside it. */
import { check, checkFixed } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const PINS = 'pytest==8.4.2\nanyio[trio]==4.14.2\n'
const an402 = (keys: string[]) => keys.filter((k) => k.startsWith('AN402'))

describe('AN402 fixture-taskgroup-background-crash', () => {
  it('warns for a function-scoped worker fixture and opens the task group in each test', async () => {
    const files = {
      'requirements-dev.txt': PINS,
      'tests/conftest.py': py`
        import anyio
        import pytest

        from mailer import Outbox


        @pytest.fixture
        async def outbox():
            box = Outbox()
            async with anyio.create_task_group() as tg:
                tg.start_soon(box.deliver_forever)
                yield box
                tg.cancel_scope.cancel()
      `,
      'tests/delivery/smtp/test_outbox.py': py`
        import anyio
        import pytest


        @pytest.mark.anyio
        async def test_message_is_delivered(outbox):
            await outbox.put("welcome")
            with anyio.fail_after(1):
                sent = await outbox.sent.receive()
            assert sent == "welcome"


        @pytest.mark.anyio
        async def test_bad_address_crashes_the_worker(outbox):
            await outbox.put("no-at-sign")
            with pytest.raises(ValueError):
                await outbox.sent.receive()
      `
    }
    const { first, second } = await checkFixed(files)
    expect(an402(first.keys)).toEqual(['AN402 tests/conftest.py:7-8'])
    const f = first.findings.find((x) => x.code === 'AN402')!
    expect(f.severity).toBe('warning')
    expect(f.message).toContain('`tg.start_soon(…)`, line 11')
    expect(f.message).toContain('trio.Cancelled: cancelled due to nursery')
    const fixed = first.fixed(['tests/conftest.py', 'tests/delivery/smtp/test_outbox.py'])
    expect(fixed['tests/conftest.py']).toEqual(py`
      import pytest

      from mailer import Outbox


      @pytest.fixture
      def outbox():
          return Outbox()
    `)
    expect(fixed['tests/delivery/smtp/test_outbox.py']).toEqual(py`
      import anyio
      import pytest


      @pytest.mark.anyio
      async def test_message_is_delivered(outbox):
          async with anyio.create_task_group() as tg:
              tg.start_soon(outbox.deliver_forever)
              await outbox.put("welcome")
              with anyio.fail_after(1):
                  sent = await outbox.sent.receive()
              tg.cancel_scope.cancel()
          assert sent == "welcome"


      @pytest.mark.anyio
      async def test_bad_address_crashes_the_worker(outbox):
          with pytest.RaisesGroup(ValueError):
              async with anyio.create_task_group() as tg:
                  tg.start_soon(outbox.deliver_forever)
                  await outbox.put("no-at-sign")
                  await outbox.sent.receive()
    `)
    expect(an402(second.keys)).toEqual([])
  })

  it('is an error for a module-scoped fixture (a crash cancels whichever test runs)', async () => {
    const { findings } = await check({
      'requirements-dev.txt': PINS,
      'tests/test_feed.py': py`
        import anyio
        import pytest


        @pytest.fixture(scope="module")
        async def feed(anyio_backend):
            async with anyio.create_task_group() as tg:
                await tg.start(run_feed_server, 8765)
                yield "ws://127.0.0.1:8765"
                tg.cancel_scope.cancel()


        @pytest.mark.anyio
        async def test_subscribe(feed):
            assert feed.startswith("ws://")
      `
    })
    const f = findings.filter((x) => x.code === 'AN402')
    expect(f.map((x) => `${x.line}-${x.endLine} ${x.severity}`)).toEqual(['5-6 error'])
    expect(f[0]!.message).toContain('module-scoped the crash cancels whichever test happens to run')
  })

  it('does not flag a fixture that only yields its task group, or opens one around setup only', async () => {
    const { keys } = await check({
      'requirements-dev.txt': PINS,
      'tests/conftest.py': py`
        import anyio
        import pytest


        @pytest.fixture(scope="module")
        async def task_group(anyio_backend):
            async with anyio.create_task_group() as tg:
                yield tg
                tg.cancel_scope.cancel()


        @pytest.fixture
        async def warmed_cache():
            cache = {}
            async with anyio.create_task_group() as tg:
                tg.start_soon(cache.setdefault, "a", 1)
            yield cache
      `,
      'tests/test_groups.py': py`
        import pytest


        @pytest.mark.anyio
        async def test_runs_in_group(task_group, warmed_cache):
            task_group.start_soon(print, "hello")
            assert warmed_cache == {"a": 1}
      `
    })
    expect(an402(keys)).toEqual([])
  })

  it('does not rewrite raises into RaisesGroup when pytest < 8.4 is allowed (no fix)', async () => {
    const { findings } = await check({
      'requirements-dev.txt': 'pytest>=8.2\nanyio==4.14.2\n',
      'tests/test_jobs.py': py`
        import anyio
        import pytest


        @pytest.fixture
        async def runner():
            jobs = []
            async with anyio.create_task_group() as tg:
                tg.start_soon(anyio.sleep_forever)
                yield jobs
                tg.cancel_scope.cancel()


        @pytest.mark.anyio
        async def test_unknown_job(runner):
            with pytest.raises(KeyError):
                runner.pop()
      `
    })
    const f = findings.find((x) => x.code === 'AN402')!
    expect(`${f.line}-${f.endLine}`).toEqual('5-6')
    expect(f.fix).toBeUndefined()
  })
})
