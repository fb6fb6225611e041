/** PA502: a sync test calls `asyncio.get_event_loop()` beside pytest-asyncio tests. */
import { check, checkFixed, INI_FUNCTION_DEFAULT, PIN_1_4 } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const only = (keys: string[], code = 'PA502') => keys.filter((k) => k.startsWith(code))

const PARSER = py`
  import asyncio
  import json

  import pytest

  from streams import parse_stream


  @pytest.mark.asyncio
  async def test_parse_split_lines():
      assert await parse_stream(['{"a":', ' 1}\\n']) == [{"a": 1}]


  def test_parse_empty_stream():
      result = asyncio.get_event_loop().run_until_complete(parse_stream([]))
      assert result == []
`

describe('PA502 sync-test-uses-get-event-loop', () => {
  it('on 1.4 flags the call and uses asyncio.run', async () => {
    const { first, second } = await checkFixed({ 'pytest.ini': INI_FUNCTION_DEFAULT, 'requirements-dev.txt': PIN_1_4, 'tests/test_parser.py': PARSER })
    expect(only(first.keys)).toEqual(['PA502 tests/test_parser.py:15-15'])
    const f = first.findings.find((x) => x.code === 'PA502')!
    expect(f.message).toContain("RuntimeError: There is no current event loop in thread 'MainThread'.")
    expect(f.message).toContain('after `test_parse_split_lines`')
    expect(first.fixed(['tests/test_parser.py'])['tests/test_parser.py']).toEqual(PARSER.replace('asyncio.get_event_loop().run_until_complete(parse_stream([]))', 'asyncio.run(parse_stream([]))'))
    expect(only(second.keys)).toEqual([])
  })

  it('needs pytest-asyncio 1.4 and an asyncio test in the suite', async () => {
    expect(only((await check({ 'pytest.ini': INI_FUNCTION_DEFAULT, 'requirements-dev.txt': 'pytest==9.0.3\npytest-asyncio==1.3.0\n', 'tests/test_parser.py': PARSER })).keys)).toEqual([])
    const noAsyncTests = PARSER.replace(/@pytest.mark.asyncio\nasync def test_parse_split_lines\(\):\n.*\n\n\n/, '')
    expect(only((await check({ 'pytest.ini': INI_FUNCTION_DEFAULT, 'requirements-dev.txt': PIN_1_4, 'tests/test_parser.py': noAsyncTests })).keys)).toEqual([])
  })

  it('rewrites a bound loop used once, with the async tests in another folder (pyproject config)', async () => {
    const files = {
      'pyproject.toml': '[project]\nname = "p"\nversion = "1"\ndependencies = ["pytest-asyncio==1.4.0", "pytest==9.0.3"]\n\n[tool.pytest.ini_options]\nasyncio_default_fixture_loop_scope = "function"\n',
      'tests/async_api/test_api.py': py`
        import pytest


        @pytest.mark.asyncio
        async def test_ping():
            assert True
      `,
      'tests/cli/test_cli.py': py`
        import asyncio

        from cli import fetch_config


        def test_cli_reads_config():
            loop = asyncio.get_event_loop()
            config = loop.run_until_complete(fetch_config("prod"))
            assert config["env"] == "prod"
      `
    }
    const { first, second } = await checkFixed(files)
    expect(only(first.keys)).toEqual(['PA502 tests/cli/test_cli.py:7-7'])
    expect(first.fixed(['tests/cli/test_cli.py'])['tests/cli/test_cli.py']).toEqual(py`
      import asyncio

      from cli import fetch_config


      def test_cli_reads_config():
          config = asyncio.run(fetch_config("prod"))
          assert config["env"] == "prod"
    `)
    expect(only(second.keys)).toEqual([])
  })

  it('reports without a fix when the loop is used for several runs', async () => {
    const r = await check({
      'pytest.ini': INI_FUNCTION_DEFAULT,
      'requirements-dev.txt': PIN_1_4,
      'tests/test_a.py': 'import pytest\n\n\n@pytest.mark.asyncio\nasync def test_heartbeat():\n    assert True\n',
      'tests/test_b.py': 'import asyncio\n\n\ndef test_two_runs():\n    loop = asyncio.get_event_loop()\n    loop.run_until_complete(asyncio.sleep(0))\n    loop.run_until_complete(asyncio.sleep(0))\n'
    })
    expect(only(r.keys)).toEqual(['PA502 tests/test_b.py:5-5'])
    expect(r.findings.find((x) => x.code === 'PA502')!.fix).toBeUndefined()
  })
})
