/** PA102: the ini fixture default is narrower than a wider fixture with no `loop_scope`. */
import { check, checkFixed, PIN_1_4 } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const CONFTEST = py`
  import pytest_asyncio

  from mailer.broker import start_broker


  @pytest_asyncio.fixture(
      scope="session",
  )
  async def outbox():
      broker = await start_broker()
      yield broker
      await broker.stop()
`

const TESTS = py`
  import pytest

  pytestmark = pytest.mark.asyncio(loop_scope="session")


  async def test_queue_mail(outbox):
      await outbox.publish("mail", {"to": "ada@example.com"})
`

const SETUP_CFG = '[metadata]\nname = mailer\n\n[tool:pytest]\nasyncio_default_fixture_loop_scope = function\n'

describe('PA102 fixture-default-loop-scope-narrower-than-scope', () => {
  it('flags a session fixture under a setup.cfg default of function, following its one-argument-per-line layout', async () => {
    const { first, second } = await checkFixed({ 'requirements-dev.txt': PIN_1_4, 'setup.cfg': SETUP_CFG, 'tests/conftest.py': CONFTEST, 'tests/mail/test_outbox.py': TESTS })
    expect(first.keys).toEqual(['PA102 tests/conftest.py:6-9'])
    const f = first.findings[0]!
    expect(f.related).toEqual([{ path: 'setup.cfg', line: 5, endLine: 5, message: 'the default loop scope for fixtures is `function`' }])
    expect(first.fixed(['tests/conftest.py'])['tests/conftest.py']).toBe(CONFTEST.replace('    scope="session",\n', '    scope="session",\n    loop_scope="session",\n'))
    expect(second.keys).toEqual([])
  })

  it('turns a sync @pytest_asyncio.fixture into @pytest.fixture on 1.1+, swapping the now-unused import', async () => {
    const conftest = py`
      import json

      import pytest_asyncio


      @pytest_asyncio.fixture(scope="session")
      def settings(tmp_path_factory):
          path = tmp_path_factory.mktemp("cfg") / "settings.json"
          path.write_text(json.dumps({"region": "eu-west-1"}))
          return json.loads(path.read_text())
    `
    const tests = 'import pytest\n\n\ndef test_region(settings):\n    assert settings["region"]\n'
    const { first, second } = await checkFixed({ 'requirements-dev.txt': PIN_1_4, 'pytest.ini': '[pytest]\nasyncio_default_fixture_loop_scope = function\n', 'tests/conftest.py': conftest, 'tests/test_settings.py': tests })
    expect(first.keys).toEqual(['PA102 tests/conftest.py:6-7'])
    expect(first.fixed(['tests/conftest.py'])['tests/conftest.py']).toBe(conftest.replace('import pytest_asyncio', 'import pytest').replace('@pytest_asyncio.fixture', '@pytest.fixture'))
    expect(second.keys).toEqual([])
    // 1.0 does not run sync fixtures in a loop: nothing to report.
    const old = await check({ 'requirements-dev.txt': 'pytest==8.3.5\npytest-asyncio==1.0.0\n', 'pytest.ini': '[pytest]\nasyncio_default_fixture_loop_scope = function\n', 'tests/conftest.py': conftest, 'tests/test_settings.py': tests })
    expect(old.keys).toEqual([])
  })

  it('is silent when the fixture sets its own loop_scope or the default is wide enough', async () => {
    const own = await check({ 'requirements-dev.txt': PIN_1_4, 'setup.cfg': SETUP_CFG, 'tests/conftest.py': CONFTEST.replace('    scope="session",\n', '    scope="session",\n    loop_scope="session",\n'), 'tests/test_outbox.py': TESTS })
    expect(own.keys).toEqual([])
    const wide = await check({ 'requirements-dev.txt': PIN_1_4, 'setup.cfg': SETUP_CFG.replace('= function', '= session') + 'asyncio_default_test_loop_scope = session\n', 'tests/conftest.py': CONFTEST, 'tests/test_outbox.py': TESTS })
    expect(wide.keys).toEqual([])
  })
})
