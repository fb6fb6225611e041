/** AN306: a sync test using an async fixture without `anyio_backend` in its closure. */
import { check, checkFixed } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const SETTINGS_CONFTEST = py`
  import json

  import pytest

  from app.settings import load_settings


  @pytest.fixture
  async def settings(tmp_path):
      path = tmp_path / "settings.json"
      path.write_text(json.dumps({"database_url": "sqlite://", "flags": ["beta-search"]}))
      return await load_settings(path)
`

const SETTINGS_TESTS = py`
  import pytest


  @pytest.mark.anyio
  async def test_pool_size_is_parsed(settings):
      assert settings.pool_size == 5


  def test_beta_search_flag_is_on(settings):
      assert settings.flag("beta-search")


  @pytest.mark.anyio
  def test_database_url_default_scheme(
      settings,
  ):
      assert settings.database_url.startswith("sqlite")
`

const an = (keys: string[]) => keys.filter((k) => k.startsWith('AN306'))

describe('AN306 async-fixture-in-sync-test', () => {
  it('adds anyio_backend to sync tests that use the async fixture (a marked one too)', async () => {
    const files = { 'requirements-dev.txt': 'pytest==8.4.2\nanyio[trio]==4.14.2\n', 'tests/conftest.py': SETTINGS_CONFTEST, 'tests/unit/test_settings.py': SETTINGS_TESTS }
    const { first, second } = await checkFixed(files)
    expect(an(first.keys)).toEqual(['AN306 tests/unit/test_settings.py:13-14', 'AN306 tests/unit/test_settings.py:9-9'])
    const marked = first.findings.find((f) => f.code === 'AN306' && f.line === 13)!
    expect(marked.message).toContain('its `anyio` mark does nothing on a sync test')
    expect(marked.message).toContain("PytestRemovedIn9Warning: 'test_database_url_default_scheme' requested an async fixture 'settings', with no plugin or hook that handled it.")
    expect(first.fixed(['tests/unit/test_settings.py'])['tests/unit/test_settings.py']).toEqual(
      SETTINGS_TESTS.replace('def test_beta_search_flag_is_on(settings):', 'def test_beta_search_flag_is_on(settings, anyio_backend):').replace('    settings,\n):', '    settings,\n    anyio_backend,\n):')
    )
    expect(second.keys).toEqual([])
  })

  it('names the autouse fixture and the pytest versions that fail', async () => {
    const { keys, findings } = await check({
      'requirements-dev.txt': 'pytest>=8.3,<10\nanyio[trio]==4.14.2\n',
      'tests/conftest.py': py`
        import pytest


        @pytest.fixture(autouse=True)
        async def reset_cache():
            yield
      `,
      'tests/test_plain.py': 'import anyio\n\n\ndef test_version():\n    assert anyio.__name__ == "anyio"\n'
    })
    expect(an(keys)).toEqual(['AN306 tests/test_plain.py:4-4'])
    const f = findings.find((x) => x.code === 'AN306')!
    expect(f.message).toContain("'reset_cache' with autouse=True")
    expect(f.message).toContain('pytest 9 errors at setup')
    expect(f.message).toContain('older pytest silently passes the un-awaited coroutine object')
  })

  it('does not flag sync tests that request anyio_backend, or suites without anyio', async () => {
    const ok = await check({
      'requirements-dev.txt': 'pytest==8.4.2\nanyio[trio]==4.14.2\n',
      'tests/conftest.py': SETTINGS_CONFTEST,
      'tests/test_settings.py': 'def test_flag(settings, anyio_backend):\n    assert settings.flag("beta-search")\n'
    })
    expect(an(ok.keys)).toEqual([])
    const noAnyio = await check({
      'requirements-dev.txt': 'pytest==8.4.2\n',
      'tests/conftest.py': SETTINGS_CONFTEST,
      'tests/test_settings.py': 'def test_flag(settings):\n    assert settings.flag("beta-search")\n'
    })
    expect(an(noAnyio.keys)).toEqual([])
    // anyio pinned only as a dependency of a pytest-asyncio suite: not anyio's finding.
    const paSuite = await check({
      'requirements-dev.txt': 'pytest==8.4.2\npytest-asyncio==1.4.0\nanyio==4.14.2\n',
      'pytest.ini': '[pytest]\nasyncio_default_fixture_loop_scope = function\n',
      'tests/conftest.py': SETTINGS_CONFTEST,
      'tests/test_settings.py': 'import pytest\n\n\n@pytest.mark.asyncio\nasync def test_async(settings):\n    assert settings\n\n\ndef test_flag(settings):\n    assert settings.flag("beta-search")\n'
    })
    expect(an(paSuite.keys)).toEqual([])
  })
})
