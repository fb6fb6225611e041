/** PA211: an asyncio mark on a fixture. */
import { check, checkFixed, INI_FUNCTION_DEFAULT } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const WEBHOOKS_TEST = py`
  import pytest
  import pytest_asyncio

  from webhooks.broker import start_broker


  @pytest.mark.asyncio
  @pytest_asyncio.fixture
  async def hooks():
      broker = await start_broker()
      yield broker
      await broker.stop()


  @pytest.mark.asyncio
  async def test_delivery(hooks):
      sink = hooks.subscribe("repo.push")
      await hooks.publish("repo.push", {"ref": "main"})
      assert sink.get_nowait()["ref"] == "main"
`

const pa211 = (keys: string[]): string[] => keys.filter((k) => k.startsWith('PA211'))

describe('PA211 asyncio-mark-on-fixture', () => {
  it('is an error on pytest 9 and removes the mark', async () => {
    const files = {
      'requirements-dev.txt': 'pytest==9.1.1\npytest-asyncio==1.4.0\n',
      'pytest.ini': INI_FUNCTION_DEFAULT,
      'tests/test_webhooks.py': WEBHOOKS_TEST
    }
    const { first, second } = await checkFixed(files)
    expect(pa211(first.keys)).toEqual(['PA211 tests/test_webhooks.py:7-9'])
    const f = first.findings.find((x) => x.code === 'PA211')!
    expect(f.severity).toBe('error')
    expect(f.message).toContain(
      'pytest 9.1.1 refuses the module at collection with `Failed: Marks cannot be applied to fixtures.`'
    )
    expect(first.fixed(['tests/test_webhooks.py'])['tests/test_webhooks.py']).toEqual(
      WEBHOOKS_TEST.replace(
        '@pytest.mark.asyncio\n@pytest_asyncio.fixture',
        '@pytest_asyncio.fixture'
      )
    )
    expect(second.keys).toEqual([])
  })

  it('is a warning on pytest 8, for a mark below the fixture decorator in a conftest two folders up', async () => {
    const conftest = py`
      import pytest
      import pytest_asyncio


      @pytest_asyncio.fixture(scope="module")
      @pytest.mark.asyncio(loop_scope="module")
      async def hooks():
          return object()
    `
    const files = {
      'pyproject.toml': py`
        [project]
        name = "webhooks"
        version = "1.0.0"
        dependencies = ["pytest==8.3.5", "pytest-asyncio==0.24.0"]

        [tool.pytest.ini_options]
        asyncio_default_fixture_loop_scope = "module"
      `,
      'conftest.py': conftest,
      'tests/hooks/test_delivery.py': py`
        import pytest


        @pytest.mark.asyncio(loop_scope="module")
        async def test_delivery(hooks):
            assert hooks is not None
      `
    }
    const { first, second } = await checkFixed(files)
    expect(pa211(first.keys)).toEqual(['PA211 conftest.py:5-7'])
    const f = first.findings.find((x) => x.code === 'PA211')!
    expect(f.severity).toBe('warning')
    expect(f.message).toContain(
      'pytest 8.3.5 warns `PytestRemovedIn9Warning: Marks applied to fixtures have no effect`'
    )
    expect(f.message).toContain('`@pytest_asyncio.fixture(loop_scope="module")`')
    expect(first.fixed(['conftest.py'])['conftest.py']).toEqual(
      conftest.replace('@pytest.mark.asyncio(loop_scope="module")\n', '')
    )
    expect(pa211(second.keys)).toEqual([])
  })

  it('ignores marks on tests and other marks on fixtures', async () => {
    const { keys } = await check({
      'requirements-dev.txt': 'pytest==9.1.1\npytest-asyncio==1.4.0\n',
      'pytest.ini': INI_FUNCTION_DEFAULT,
      'tests/test_webhooks.py': WEBHOOKS_TEST.replace(
        '@pytest.mark.asyncio\n@pytest_asyncio.fixture',
        '@pytest_asyncio.fixture'
      )
    })
    expect(pa211(keys)).toEqual([])
  })
})
