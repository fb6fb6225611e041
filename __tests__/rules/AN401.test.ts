/** AN401: an async fixture yields inside a timeout scope, which then also bounds the tests. */
import { check, checkFixed } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const an401 = (keys: string[]) => keys.filter((k) => k.startsWith('AN401'))

const LINK_TEST = py`
  import pytest


  @pytest.mark.anyio
  async def test_catch_up(link):
      assert await link.ship(list(range(60))) == 60
`

describe('AN401 fixture-deadline-straddles-yield', () => {
  it('flags fail_after around the yield in a conftest two folders up and ends the scope before yield', async () => {
    const files = {
      'requirements-dev.txt': 'pytest==8.4.2\nanyio==4.14.2\n',
      'tests/conftest.py': py`
        import anyio
        import pytest

        from replica import ReplicationLink


        @pytest.fixture
        def anyio_backend():
            return "asyncio"


        @pytest.fixture
        async def link():
            with anyio.fail_after(0.2):
                link = await ReplicationLink("replica-2").connect()

                yield link
                await link.close()
            assert not link.connected
      `,
      'tests/replication/followers/test_link.py': LINK_TEST
    }
    const { first, second } = await checkFixed(files)
    expect(an401(first.keys)).toEqual(['AN401 tests/conftest.py:12-17'])
    const f = first.findings.find((x) => x.code === 'AN401')!
    expect(f.message).toContain('asyncio.exceptions.CancelledError: Cancelled via cancel scope')
    expect(f.message).toContain('anyio.ClosedResourceError')
    expect(f.message).not.toContain('trio.Cancelled')
    expect(first.fixed(['tests/conftest.py'])['tests/conftest.py']).toEqual(py`
      import anyio
      import pytest

      from replica import ReplicationLink


      @pytest.fixture
      def anyio_backend():
          return "asyncio"


      @pytest.fixture
      async def link():
          with anyio.fail_after(0.2):
              link = await ReplicationLink("replica-2").connect()

          yield link
          await link.close()
          assert not link.connected
    `)
    expect(an401(second.keys)).toEqual([])
  })

  it('flags a CancelScope with a deadline and names the trio hang', async () => {
    const { keys, findings } = await check({
      'requirements-dev.txt': 'pytest==8.4.2\nanyio[trio]==4.14.2\n',
      'tests/conftest.py': py`
        import anyio
        import pytest


        @pytest.fixture
        async def link():
            with anyio.CancelScope(deadline=anyio.current_time() + 5):
                yield object()
      `,
      'tests/test_link.py': LINK_TEST
    })
    expect(an401(keys)).toEqual(['AN401 tests/conftest.py:5-8'])
    const f = findings.find((x) => x.code === 'AN401')!
    expect(f.message).toContain('trio.Cancelled: cancelled due to deadline')
    // The yield is the only statement in the scope: moving it out would leave an empty block.
    expect(f.fix).toBeUndefined()
  })

  it('does not fire when the timeout only bounds the setup, or without a deadline', async () => {
    const { keys } = await check({
      'requirements-dev.txt': 'pytest==8.4.2\nanyio[trio]==4.14.2\n',
      'tests/conftest.py': py`
        import anyio
        import pytest


        @pytest.fixture
        async def link():
            with anyio.fail_after(1):
                link = await connect()
            yield link
            await link.close()


        @pytest.fixture
        async def shielded():
            with anyio.CancelScope(shield=True) as scope:
                yield scope
      `,
      'tests/test_link.py': py`
        import pytest


        @pytest.mark.anyio
        async def test_link(link, shielded):
            assert link
      `
    })
    expect(an401(keys)).toEqual([])
  })

  it('is left to AN406 when every allowed anyio is older than 3.6', async () => {
    const files = {
      'requirements.txt': 'pytest==7.4.4\nanyio==3.5.0\n',
      'tests/conftest.py': py`
        import anyio
        import pytest


        @pytest.fixture
        async def link():
            with anyio.fail_after(1):
                link = await connect()
                yield link
      `,
      'tests/test_link.py': LINK_TEST
    }
    const { keys } = await check(files)
    expect(an401(keys)).toEqual([])
    const newer = await check({ ...files, 'requirements.txt': 'pytest==7.4.4\nanyio==3.7.1\n' })
    expect(an401(newer.keys)).toEqual(['AN401 tests/conftest.py:5-9'])
    expect(newer.findings.find((x) => x.code === 'AN401')!.message).toContain('On anyio 3.7.1 the fixture\'s own task is cancelled at the deadline: on asyncio the test passes and its teardown errors with `CancelledError`')
  })
})
