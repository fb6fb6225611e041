/** PA701: asyncio auto mode in a suite with anyio-marked tests. */
import { check, checkFixed } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const only = (keys: string[], code = 'PA701') => keys.filter((k) => k.startsWith(code))

const PINS = 'pytest==8.4.2\npytest-asyncio==1.4.0\nanyio[trio]==4.14.2\n'

const NEUTRAL = py`
  import pytest

  from neutral.backend import current_backend, fan_in


  @pytest.mark.anyio
  async def test_runs_on_requested_backend(anyio_backend):
      assert current_backend() == anyio_backend


  @pytest.mark.anyio
  async def test_fan_in(anyio_backend):
      assert await fan_in(3, 1, 2) == [1, 2, 3]
`

const ASYNCIO_ONLY = py`
  import asyncio


  async def test_wait_for_timeout():
      try:
          await asyncio.wait_for(asyncio.sleep(1), 0.01)
      except TimeoutError:
          return
      raise AssertionError("no timeout")
`

describe('PA701 auto-mode-with-anyio-tests', () => {
  it('switches to strict mode and marks the module of plain asyncio tests', async () => {
    const files = {
      'pytest.ini': '[pytest]\nasyncio_mode = auto\nasyncio_default_fixture_loop_scope = function\npythonpath = src\n',
      'requirements-dev.txt': PINS,
      'tests/test_backend_neutral.py': NEUTRAL,
      'tests/test_asyncio_only.py': ASYNCIO_ONLY
    }
    const { first, second } = await checkFixed(files)
    expect(only(first.keys)).toEqual(['PA701 pytest.ini:2-2'])
    const f = first.findings.find((x) => x.code === 'PA701')!
    expect(f.severity).toBe('warning')
    expect(f.related.map((r) => `${r.path}:${r.line}`)).toEqual(['tests/test_backend_neutral.py:6', 'tests/test_backend_neutral.py:11'])
    const fixed = first.fixed(['pytest.ini', 'tests/test_asyncio_only.py'])
    expect(fixed['pytest.ini']).toEqual('[pytest]\nasyncio_mode = strict\nasyncio_default_fixture_loop_scope = function\npythonpath = src\n')
    expect(fixed['tests/test_asyncio_only.py']).toEqual(py`
      import asyncio

      import pytest

      pytestmark = pytest.mark.asyncio


      async def test_wait_for_timeout():
          try:
              await asyncio.wait_for(asyncio.sleep(1), 0.01)
          except TimeoutError:
              return
          raise AssertionError("no timeout")
    `)
    expect(second.keys.filter((k) => /PA701|PA301|PA302/.test(k))).toEqual([])
  })

  it('stays quiet without anyio tests, in strict mode, and when anyio auto mode is on too (AN303)', async () => {
    const base = { 'requirements-dev.txt': PINS, 'tests/test_asyncio_only.py': ASYNCIO_ONLY }
    expect(only((await check({ ...base, 'pytest.ini': '[pytest]\nasyncio_mode = auto\n' })).keys)).toEqual([])
    expect(only((await check({ ...base, 'tests/test_n.py': NEUTRAL, 'pytest.ini': '[pytest]\nasyncio_mode = strict\n' })).keys)).toEqual([])
    expect(only((await check({ ...base, 'tests/test_n.py': NEUTRAL, 'pytest.ini': '[pytest]\nasyncio_mode = auto\nanyio_mode = auto\n' })).keys)).toEqual([])
  })

  it('anchors on --asyncio-mode=auto in tox.ini addopts and keeps an async fixture of the asyncio tests running', async () => {
    const files = {
      'tox.ini': '[tox]\nenvlist = py311\n\n[pytest]\naddopts = -ra --asyncio-mode=auto\nasyncio_default_fixture_loop_scope = function\n',
      'requirements-dev.txt': PINS,
      'tests/anyio_side/test_neutral.py': NEUTRAL,
      'tests/asyncio_side/deep/test_session.py': py`
        import pytest


        @pytest.fixture
        async def session():
            return {"token": "abc"}


        async def test_session_token(session):
            assert session["token"] == "abc"


        @pytest.mark.anyio
        async def test_neutral_too(anyio_backend):
            assert anyio_backend
      `
    }
    const { first, second } = await checkFixed(files)
    expect(only(first.keys)).toEqual(['PA701 tox.ini:5-5'])
    const fixed = first.fixed(['tox.ini', 'tests/asyncio_side/deep/test_session.py'])
    expect(fixed['tox.ini']).toEqual('[tox]\nenvlist = py311\n\n[pytest]\naddopts = -ra --asyncio-mode=strict\nasyncio_default_fixture_loop_scope = function\n')
    expect(fixed['tests/asyncio_side/deep/test_session.py']).toEqual(py`
      import pytest
      import pytest_asyncio


      @pytest_asyncio.fixture
      async def session():
          return {"token": "abc"}


      @pytest.mark.asyncio
      async def test_session_token(session):
          assert session["token"] == "abc"


      @pytest.mark.anyio
      async def test_neutral_too(anyio_backend):
          assert anyio_backend
    `)
    expect(second.keys.filter((k) => /PA701|PA301|PA302/.test(k))).toEqual([])
  })
})
