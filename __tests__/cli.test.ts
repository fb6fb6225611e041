/** The `loopscope check` command line: formats, exit codes, --fix convergence, configuration, suppression. */
import { readFileSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { main } from '../src/cli.js'
import { py, removeProject, writeProject } from './helpers/tmp-project.js'

const SUITE = {
  'pytest.ini': '[pytest]\nasyncio_default_fixture_loop_scope = function\n',
  'requirements-dev.txt': 'pytest==9.1.1\npytest-asyncio==1.4.0\n',
  'tests/conftest.py': py`
    import pytest_asyncio

    @pytest_asyncio.fixture(scope="session", loop_scope="session")
    async def broker():
        yield object()
  `,
  'tests/test_publish.py': py`
    import pytest


    @pytest.mark.asyncio
    async def test_publish(broker):
        assert broker


    @pytest.mark.asyncio
    async def test_no_broker():
        assert True
  `
}

async function run(root: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await main(argv, { cwd: root, out: (s) => (out += s), err: (s) => (err += s) })
  return { code, out, err }
}

describe('loopscope check', () => {
  let root: string
  beforeEach(() => {
    root = writeProject(SUITE)
  })
  afterEach(() => removeProject(root))

  it('prints ruff-style lines with the fix as a diff and exits 1 on an error', async () => {
    const r = await run(root, 'check', '--no-color')
    expect(r.code).toBe(1)
    expect(r.out).toContain('tests/test_publish.py:4:1: PA104 `test_publish` runs in a function-scoped event loop')
    expect(r.out).toContain('-@pytest.mark.asyncio\n    +@pytest.mark.asyncio(loop_scope="session")')
    expect(r.out).toContain('Found 1 finding (1 error, 0 warning, 0 info). 1 fixable with `loopscope check --fix`.')
  })

  it('emits the documented JSON', async () => {
    const r = await run(root, 'check', '--format', 'json')
    const j = JSON.parse(r.out)
    expect(j).toHaveLength(1)
    expect(j[0]).toMatchObject({ code: 'PA104', severity: 'error', path: 'tests/test_publish.py', line: 4, endLine: 5, column: 1, related: [{ path: 'tests/conftest.py', line: 3 }] })
    expect(j[0].fix.edits).toEqual([{ path: 'tests/test_publish.py', start: { line: 4, column: 21 }, end: { line: 4, column: 21 }, content: '(loop_scope="session")' }])
  })

  it('emits workflow commands with --format github', async () => {
    const r = await run(root, 'check', '--format', 'github')
    expect(r.out).toMatch(/^::error file=tests\/test_publish.py,line=4,endLine=5,col=1,title=PA104 test-runs-in-narrower-loop-than-fixture::`test_publish` runs/)
  })

  it('--fix applies the fixes, and a second run finds nothing to fix', async () => {
    const first = await run(root, 'check', '--fix', '--no-color')
    expect(first.code).toBe(0)
    expect(first.out).toContain('Fixed 1 finding.')
    expect(readFileSync(path.join(root, 'tests/test_publish.py'), 'utf8')).toContain('@pytest.mark.asyncio(loop_scope="session")\nasync def test_publish(broker):')
    const second = await run(root, 'check', '--fix', '--no-color')
    expect(second.out).toContain('All checks passed.')
    expect(second.out).toContain('Fixed 0 findings.')
  })

  it('honours --select, --ignore and --fail-on', async () => {
    expect((await run(root, 'check', '--select', 'PA1', '--format', 'json')).out).toContain('PA104')
    const ignored = await run(root, 'check', '--ignore', 'PA104', '--format', 'json')
    expect(JSON.parse(ignored.out)).toEqual([])
    expect(ignored.code).toBe(0)
    expect((await run(root, 'check', '--fail-on', 'never')).code).toBe(0)
  })

  it('exits 2 on bad usage', async () => {
    expect((await run(root, 'check', '--fail-on', 'sometimes')).code).toBe(2)
    expect((await run(root, 'lint')).code).toBe(2)
    expect((await run(root, 'check', '../elsewhere')).code).toBe(2)
  })
})

describe('configuration and suppression', () => {
  it('reads [tool.loopscope] select/ignore/per-file-ignores/fail-on', async () => {
    const root = writeProject({
      ...SUITE,
      'pyproject.toml': '[tool.loopscope]\nper-file-ignores = { "tests/test_publish.py" = ["PA104"] }\nfail-on = "warning"\n'
    })
    try {
      const r = await run(root, 'check', '--format', 'json')
      expect(JSON.parse(r.out)).toEqual([])
      expect(r.code).toBe(0)
    } finally {
      removeProject(root)
    }
  })

  it('suppresses with # noqa: CODE on the anchor and reports unused suppressions (LS002) with a fix', async () => {
    const root = writeProject({
      ...SUITE,
      'tests/test_publish.py': SUITE['tests/test_publish.py']
        .replace('async def test_publish(broker):', 'async def test_publish(broker):  # noqa: PA104')
        .replace('async def test_no_broker():', 'async def test_no_broker():  # noqa: PA105, E501')
    })
    try {
      const r = await run(root, 'check', '--format', 'json')
      const j = JSON.parse(r.out)
      expect(j.map((f: { code: string; line: number }) => `${f.code}:${f.line}`)).toEqual(['LS002:10'])
      expect(j[0].fix.edits[0].content).toBe('# noqa: E501')
      expect(r.code).toBe(0)
    } finally {
      removeProject(root)
    }
  })

  it('reports a syntax error as info and still analyses the rest of the file', async () => {
    const root = writeProject({
      ...SUITE,
      'tests/test_publish.py': SUITE['tests/test_publish.py'] + '\n\ndef broken(:\n    pass\n'
    })
    try {
      const r = await run(root, 'check', '--format', 'json')
      const codes = JSON.parse(r.out).map((f: { code: string; severity: string }) => `${f.code}/${f.severity}`)
      expect(codes).toEqual(['PA104/error', 'LS001/info'])
    } finally {
      removeProject(root)
    }
  })

  it('analyses a non-UTF-8 file, says so, and offers no fix for it', async () => {
    const root = writeProject(SUITE)
    try {
      const file = path.join(root, 'tests/test_publish.py')
      const latin1 = Buffer.from(readFileSync(file, 'utf8').replace('assert True', 'assert "caf\u00e9"'), 'latin1')
      writeFileSync(file, latin1)
      const r = await run(root, 'check', '--format', 'json')
      const j = JSON.parse(r.out)
      expect(j.map((f: { code: string }) => f.code)).toEqual(['PA104'])
      expect(j[0].fix).toBeNull()
      expect(r.err).toContain('is not valid UTF-8')
    } finally {
      removeProject(root)
    }
  })
})
