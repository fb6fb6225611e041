/** PA303: asyncio_mode (ini or --asyncio-mode in addopts) is neither auto nor strict. */
import { check, checkFixed, PIN_1_4 } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const CLOCK_TEST = py`
  import asyncio


  async def test_sleep_advances_time():
      loop = asyncio.get_running_loop()
      start = loop.time()
      await asyncio.sleep(0.01)
      assert loop.time() > start
`

const MARKED_TEST = py`
  import asyncio

  import pytest


  @pytest.mark.asyncio
  async def test_sleep_advances_time():
      await asyncio.sleep(0)
`

const pa303 = (keys: string[]) => keys.filter((k) => k.startsWith('PA303'))

describe('PA303 invalid-asyncio-mode', () => {
  it('flags asyncio_mode = legacy and switches to auto, which runs unmarked tests as legacy did', async () => {
    const ini = '[pytest]\nasyncio_mode = legacy\nasyncio_default_fixture_loop_scope = function\n'
    const files = { 'requirements-dev.txt': PIN_1_4, 'pytest.ini': ini, 'tests/test_clock.py': CLOCK_TEST }
    const { first, second } = await checkFixed(files)
    expect(pa303(first.keys)).toEqual(['PA303 pytest.ini:2-2'])
    const f = first.findings.find((x) => x.code === 'PA303')!
    expect(f.message).toContain("'legacy' is not a valid asyncio_mode. Valid modes: auto, strict.")
    expect(f.message).toContain('removed in pytest-asyncio 0.20')
    expect(first.fixed(['pytest.ini'])['pytest.ini']).toEqual(ini.replace('legacy', 'auto'))
    expect(pa303(second.keys)).toEqual([])
  })

  it('corrects a typo in pyproject.toml keeping the TOML quotes', async () => {
    const pyproject = py`
      [tool.pytest.ini_options]
      asyncio_mode = 'stict'
      asyncio_default_fixture_loop_scope = 'function'
    `
    const files = { 'requirements-dev.txt': PIN_1_4, 'pyproject.toml': pyproject, 'tests/test_clock.py': MARKED_TEST }
    const { first, second } = await checkFixed(files)
    expect(pa303(first.keys)).toEqual(['PA303 pyproject.toml:2-2'])
    expect(first.fixed(['pyproject.toml'])['pyproject.toml']).toEqual(pyproject.replace("'stict'", "'strict'"))
    expect(pa303(second.keys)).toEqual([])
  })

  it('flags --asyncio-mode in addopts (tox.ini) on the addopts line and fixes only the value', async () => {
    const tox = py`
      [tox]
      envlist = py312

      [pytest]
      asyncio_default_fixture_loop_scope = function
      addopts = -ra
          --asyncio-mode=Auto
    `
    const files = { 'requirements-dev.txt': PIN_1_4, 'tox.ini': tox, 'tests/test_clock.py': CLOCK_TEST }
    const { first, second } = await checkFixed(files)
    expect(pa303(first.keys)).toEqual(['PA303 tox.ini:7-7'])
    expect(first.fixed(['tox.ini'])['tox.ini']).toEqual(tox.replace('--asyncio-mode=Auto', '--asyncio-mode=auto'))
    expect(pa303(second.keys)).toEqual([])
  })

  it('does not fire for valid modes, an ignored config file, or a disabled plugin', async () => {
    const valid = await check({ 'requirements-dev.txt': PIN_1_4, 'pytest.ini': '[pytest]\nasyncio_mode = strict\n', 'tests/test_clock.py': MARKED_TEST })
    expect(pa303(valid.keys)).toEqual([])
    // pytest.ini wins over pyproject.toml, so the legacy mode there is never read.
    const ignored = await check({
      'requirements-dev.txt': PIN_1_4,
      'pytest.ini': '[pytest]\nasyncio_mode = auto\n',
      'pyproject.toml': '[tool.pytest.ini_options]\nasyncio_mode = "legacy"\n',
      'tests/test_clock.py': CLOCK_TEST
    })
    expect(pa303(ignored.keys)).toEqual([])
    const disabled = await check({ 'requirements-dev.txt': PIN_1_4, 'pytest.ini': '[pytest]\nasyncio_mode = legacy\naddopts = -p no:asyncio\n', 'tests/test_clock.py': CLOCK_TEST })
    expect(pa303(disabled.keys)).toEqual([])
  })

  it('picks strict for an unguessable mode when every async test is marked, on any pinned version', async () => {
    const { findings } = await check({ 'requirements-dev.txt': 'pytest-asyncio==0.21.2\n', 'pytest.ini': '[pytest]\nasyncio_mode = loose\n', 'tests/test_clock.py': MARKED_TEST })
    const f = findings.find((x) => x.code === 'PA303')!
    expect(f.message).toContain('pytest-asyncio 0.21.2')
    expect(f.fix?.title).toBe('Set the asyncio mode to `strict`')
  })

  it('offers no edit to a config file pytest cannot parse (a stray line before the section)', async () => {
    // iniconfig rejects the first line, so pytest stops with a usage error: the notice says so,
    // and no fix rewrites a file whose meaning is a guess.
    const ini = 'asyncio_mode: legacy\n[pytest]\nasyncio_mode = legacy\nasyncio_default_fixture_loop_scope = function\n'
    const { findings, result } = await check({ 'requirements-dev.txt': PIN_1_4, 'pytest.ini': ini, 'tests/test_clock.py': MARKED_TEST })
    expect(result.notices.some((n) => n.path === 'pytest.ini' && /no section header defined/.test(n.message))).toBe(true)
    const f = findings.find((x) => x.code === 'PA303')
    expect(f).toBeDefined()
    expect(f!.line).toBe(3)
    expect(f!.fix).toBeUndefined()
    expect(findings.filter((x) => x.fix?.edits.some((e) => e.path === 'pytest.ini'))).toEqual([])
  })
})
