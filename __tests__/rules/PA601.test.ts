/** PA601: a pytest-asyncio option newer than the pinned version. */
import { check, checkFixed, PIN_1_4 } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const CHUNKS_TEST = py`
  import asyncio

  import pytest
  import pytest_asyncio


  @pytest_asyncio.fixture
  async def payload():
      await asyncio.sleep(0)
      return bytes(range(10))


  @pytest.mark.asyncio
  async def test_chunk_sizes(payload):
      assert len(payload) == 10
`

const pa601 = (keys: string[]) => keys.filter((k) => k.startsWith('PA601'))

describe('PA601 unknown-option-for-installed-version', () => {
  it('flags asyncio_default_fixture_loop_scope on 0.23.8 and removes the line', async () => {
    const ini = '[pytest]\nasyncio_mode = strict\nasyncio_default_fixture_loop_scope = function\ntestpaths = tests\n'
    const files = { 'requirements-dev.txt': 'pytest\npytest-asyncio==0.23.8\n', 'pytest.ini': ini, 'tests/test_chunks.py': CHUNKS_TEST }
    const { first, second } = await checkFixed(files)
    expect(pa601(first.keys)).toEqual(['PA601 pytest.ini:3-3'])
    const f = first.findings.find((x) => x.code === 'PA601')!
    expect(f.severity).toBe('warning')
    expect(f.message).toContain('PytestConfigWarning: Unknown config option: asyncio_default_fixture_loop_scope')
    expect(f.message).toContain('pytest-asyncio 0.23.8 (pinned in requirements-dev.txt:2)')
    expect(first.fixed(['pytest.ini'])['pytest.ini']).toEqual('[pytest]\nasyncio_mode = strict\ntestpaths = tests\n')
    expect(pa601(second.keys)).toEqual([])
  })

  it('flags the test default before 0.26 and asyncio_debug before 1.2 in pyproject.toml, as errors under --strict-config', async () => {
    const pyproject = py`
      [project]
      name = "chunks"
      version = "0.1.0"
      dependencies = []

      [project.optional-dependencies]
      test = ["pytest-asyncio==0.25.3"]

      [tool.pytest.ini_options]
      addopts = "--strict-config"
      asyncio_default_fixture_loop_scope = "function"
      asyncio_default_test_loop_scope = "module"
      asyncio_debug = true
    `
    const files = { 'pyproject.toml': pyproject, 'tests/test_chunks.py': CHUNKS_TEST }
    const { first, second } = await checkFixed(files)
    expect(pa601(first.keys)).toEqual(['PA601 pyproject.toml:12-12', 'PA601 pyproject.toml:13-13'])
    expect(first.findings.filter((x) => x.code === 'PA601').map((x) => x.severity)).toEqual(['error', 'error'])
    expect(first.fixed(['pyproject.toml'])['pyproject.toml']).toEqual(
      pyproject.replace('asyncio_default_test_loop_scope = "module"\n', '').replace('asyncio_debug = true\n', '')
    )
    expect(pa601(second.keys)).toEqual([])
  })

  it('flags --asyncio-debug in addopts before 1.2 as a start-up error', async () => {
    const ini = '[pytest]\nasyncio_default_fixture_loop_scope = function\naddopts = -ra --asyncio-debug\n'
    const files = { 'requirements-dev.txt': 'pytest-asyncio==1.1.1\n', 'pytest.ini': ini, 'tests/test_chunks.py': CHUNKS_TEST }
    const { first } = await checkFixed(files)
    const f = first.findings.find((x) => x.code === 'PA601')!
    expect(`${f.severity} ${f.path}:${f.line}`).toEqual('error pytest.ini:3')
    expect(f.message).toContain('unrecognized arguments: --asyncio-debug')
    expect(first.fixed(['pytest.ini'])['pytest.ini']).toEqual('[pytest]\nasyncio_default_fixture_loop_scope = function\naddopts = -ra\n')
  })

  it('does not fire when the pinned version knows every option', async () => {
    const { keys } = await check({
      'requirements-dev.txt': PIN_1_4,
      'pytest.ini': '[pytest]\nasyncio_default_fixture_loop_scope = function\nasyncio_default_test_loop_scope = function\nasyncio_debug = true\n',
      'tests/test_chunks.py': CHUNKS_TEST
    })
    expect(pa601(keys)).toEqual([])
  })

  it('on a range that only partly knows the option asks for a higher minimum instead of removing it', async () => {
    const { findings } = await check({
      'requirements-dev.txt': 'pytest-asyncio>=0.23\n',
      'pytest.ini': '[pytest]\nasyncio_default_fixture_loop_scope = function\n',
      'tests/test_chunks.py': CHUNKS_TEST
    })
    const f = findings.find((x) => x.code === 'PA601')!
    expect(f.message).toContain('pytest-asyncio 0.23.0–0.23.8 (allowed by `>=0.23` in requirements-dev.txt:1)')
    expect(f.message).toContain('Require pytest-asyncio>=0.24')
    expect(f.fix).toBeUndefined()
  })
})
