/**
 * Filesystem safety (issue #6): what the pull request controls (symlinks, file names and sizes,
 * the file list from the API or `--changed`) never makes Loopscope read outside the analysed
 * directory, crash, or lose a file silently.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { analyze } from '../../src/analyze.js'
import { MAX_FILE_BYTES, Workspace, normalizeRelPath } from '../../src/read/workspace.js'
import { main } from '../../src/cli.js'
import { removeTempDirs, tempDir } from '../emulator/git-fixture.js'
import { Emulator, type Identity } from '../emulator/server.js'
import {
  bundleAction,
  makePull,
  pullRequestPayload,
  runAction
} from '../emulator/action-harness.js'
import { writeFiles } from './hostile.js'

afterAll(removeTempDirs)

/** An async fixture PA102 reports: a file holding it, when read, always yields a finding. */
const SECRET_FIXTURE = (name: string) =>
  `import pytest_asyncio\n\n# SECRET-${name}\n@pytest_asyncio.fixture(scope="session")\nasync def ${name}():\n    yield 1\n`

const PYPROJECT =
  '[project]\nname = "p"\ndependencies = ["pytest-asyncio==1.4.0"]\n\n[tool.pytest.ini_options]\nasyncio_default_fixture_loop_scope = "function"\n'

/** An analysed project `root/project` and, beside it, a directory `root/outside` it must not read. */
function layout(): { project: string; outside: string } {
  const root = tempDir('loopscope-fs-')
  const project = join(root, 'project')
  const outside = join(root, 'outside')
  writeFiles(outside, {
    'test_secret.py': SECRET_FIXTURE('outside_file'),
    'conftest.py': SECRET_FIXTURE('outside_conftest'),
    'pyproject.toml': '[tool.pytest.ini_options]\nasyncio_default_fixture_loop_scope = "session"\n',
    'pkg/test_deep.py': SECRET_FIXTURE('outside_dir')
  })
  writeFiles(project, {
    'pyproject.toml': PYPROJECT,
    'tests/test_inside.py': SECRET_FIXTURE('inside')
  })
  return { project, outside }
}

async function findingsIn(root: string, opts: { changed?: string[]; paths?: string[] } = {}) {
  const r = await analyze({ root, ...opts })
  const text = [...r.sources.values()].join('\n')
  return {
    result: r,
    symbols: r.findings.map((f) => f.symbol),
    paths: r.findings.map((f) => f.path),
    text
  }
}

describe('symlinks out of the workspace', () => {
  it('a symlinked file, directory, conftest.py and config pointing outside are never read or followed', async () => {
    const { project, outside } = layout()
    symlinkSync(join(outside, 'test_secret.py'), join(project, 'tests', 'test_link_file.py'))
    symlinkSync(join(outside, 'pkg'), join(project, 'tests', 'linked_dir'))
    symlinkSync(join(outside, 'conftest.py'), join(project, 'tests', 'conftest.py'))
    symlinkSync('../../outside/test_secret.py', join(project, 'tests', 'test_relative_link.py'))
    mkdirSync(join(project, 'sub'))
    symlinkSync(join(outside, 'pyproject.toml'), join(project, 'sub', 'pytest.ini'))

    const ws = new Workspace(project)
    for (const rel of [
      'tests/test_link_file.py',
      'tests/linked_dir/test_deep.py',
      'tests/conftest.py',
      'tests/test_relative_link.py',
      'sub/pytest.ini'
    ]) {
      expect(ws.read(rel)).toBeNull()
      expect(ws.exists(rel)).toBe(false)
    }
    expect(ws.isDir('tests/linked_dir')).toBe(false)
    const walked = ws.walk(
      '',
      (_r, base) => base.endsWith('.py'),
      () => false
    )
    expect(walked).toEqual(['tests/test_inside.py'])

    // The whole pipeline, full and PR mode: only the inside fixture is found; no outside text is kept.
    for (const opts of [
      {},
      {
        changed: [
          'tests/test_link_file.py',
          'tests/linked_dir/test_deep.py',
          'tests/conftest.py',
          'tests/test_inside.py'
        ]
      },
      { paths: ['tests/linked_dir', 'tests/test_link_file.py', 'tests'] }
    ]) {
      const { symbols, text } = await findingsIn(project, opts)
      expect(symbols).toEqual(['fixture:tests/test_inside.py::inside'])
      expect(text).not.toContain('SECRET-outside')
    }
  })

  it('a symlink inside the workspace pointing inside it is still followed (the check is about escaping, not links)', async () => {
    const { project } = layout()
    writeFiles(project, { 'real/test_real.py': SECRET_FIXTURE('real') })
    symlinkSync(join(project, 'real'), join(project, 'tests', 'alias'))
    const ws = new Workspace(project)
    expect(ws.read('tests/alias/test_real.py')).toContain('SECRET-real')
  })

  it('a workspace root that is itself a symlink works, and links relative to its real path are judged correctly', async () => {
    const { project, outside } = layout()
    const alias = join(tempDir('loopscope-alias-'), 'ws')
    symlinkSync(project, alias)
    symlinkSync(join(outside, 'test_secret.py'), join(project, 'tests', 'test_link_file.py'))
    const { symbols, text } = await findingsIn(alias)
    expect(symbols).toEqual(['fixture:tests/test_inside.py::inside'])
    expect(text).not.toContain('SECRET-outside')
  })
})

describe('paths from the API and --changed', () => {
  const hostile = (outside: string) => [
    '../outside/test_secret.py',
    'tests/../../outside/test_secret.py',
    join(outside, 'test_secret.py'),
    '/etc/passwd',
    '..\\outside\\test_secret.py',
    'C:/Windows/win.ini',
    'tests/test_inside.py\0../outside/test_secret.py'
  ]

  it('normalizeRelPath refuses every path that leaves the root', () => {
    for (const p of hostile('/tmp/x')) expect(normalizeRelPath(p)).toBeNull()
    expect(normalizeRelPath('tests/../tests/test_inside.py')).toBe('tests/test_inside.py')
    expect(normalizeRelPath('./tests/')).toBe('tests')
  })

  it('analyze ignores changed paths that escape the root (as the action passes the API file list)', async () => {
    const { project, outside } = layout()
    const { symbols, paths, text, result } = await findingsIn(project, {
      changed: [...hostile(outside), 'tests/test_inside.py']
    })
    expect(symbols).toEqual(['fixture:tests/test_inside.py::inside'])
    expect(paths.every((p) => normalizeRelPath(p) === p)).toBe(true)
    expect(text).not.toContain('SECRET-outside')
    expect(result.notices.filter((n) => n.path?.includes('..'))).toEqual([])
    // Only escaping paths changed: nothing is reported, nothing outside is read.
    const none = await findingsIn(project, { changed: hostile(outside) })
    expect(none.symbols).toEqual([])
    expect(none.text).toBe('')
  })

  it('the CLI refuses --changed and positional paths outside the current directory (exit 2, nothing read)', async () => {
    const { project, outside } = layout()
    for (const args of [
      ['check', '--changed', '../outside/test_secret.py'],
      ['check', '--changed', join(outside, 'test_secret.py')],
      ['check', '../outside'],
      ['check', join(outside, 'test_secret.py')]
    ]) {
      let out = ''
      let err = ''
      const code = await main(args, {
        cwd: project,
        out: (s) => (out += s),
        err: (s) => (err += s)
      })
      expect(code).toBe(2)
      expect(err).toContain('is outside the current directory')
      expect(out + err).not.toContain('SECRET-outside')
    }
  })
})

describe('oversized and binary files', () => {
  it('a test file over the size cap gets a clear notice, no crash, and the rest is analysed', async () => {
    const { project } = layout()
    const big = `${SECRET_FIXTURE('big')}${'#'.repeat(78)}\n`.repeat(
      1 + Math.ceil(MAX_FILE_BYTES / 100)
    )
    writeFileSync(join(project, 'tests', 'test_big.py'), big)
    expect(Buffer.byteLength(big)).toBeGreaterThan(MAX_FILE_BYTES)
    const { result, symbols } = await findingsIn(project)
    expect(symbols).toEqual(['fixture:tests/test_inside.py::inside'])
    expect(result.notices).toContainEqual({
      level: 'warning',
      path: 'tests/test_big.py',
      message: expect.stringMatching(
        new RegExp(`^skipped: \\d+ bytes is over the ${MAX_FILE_BYTES}-byte limit for one file$`)
      )
    })
    // And through the CLI: the notice is printed, the exit status is about findings only.
    let out = ''
    const code = await main(['check', '--no-color'], {
      cwd: project,
      out: (s) => (out += s),
      err: () => {}
    })
    expect(code).toBe(1)
    expect(out).toContain('tests/test_big.py')
    expect(out).toContain('byte limit for one file')
  })

  it('an oversized conftest.py or pyproject.toml is skipped with a notice, not a crash', async () => {
    const { project } = layout()
    writeFileSync(join(project, 'tests', 'conftest.py'), '#'.repeat(MAX_FILE_BYTES + 1))
    writeFileSync(join(project, 'pyproject.toml'), `${PYPROJECT}#${'x'.repeat(MAX_FILE_BYTES)}\n`)
    const { result } = await findingsIn(project)
    const skipped = result.notices.filter((n) => /byte limit/.test(n.message)).map((n) => n.path)
    expect(skipped).toEqual(expect.arrayContaining(['tests/conftest.py', 'pyproject.toml']))
  })

  it('a binary file named like a test is skipped with a notice; invalid UTF-8 is analysed without fixes', async () => {
    const { project } = layout()
    writeFileSync(
      join(project, 'tests', 'test_binary.py'),
      Buffer.concat([Buffer.from('async def x(): pass\n'), Buffer.from([0, 1, 2, 0xff, 0])])
    )
    writeFileSync(
      join(project, 'tests', 'test_latin1.py'),
      Buffer.concat([Buffer.from(SECRET_FIXTURE('latin')), Buffer.from('# caf\xe9\n', 'latin1')])
    )
    const { result, symbols } = await findingsIn(project)
    expect(result.notices).toContainEqual({
      level: 'warning',
      path: 'tests/test_binary.py',
      message: 'skipped: looks binary (contains NUL bytes)'
    })
    expect(result.notices).toContainEqual({
      level: 'warning',
      path: 'tests/test_latin1.py',
      message: expect.stringContaining('is not valid UTF-8')
    })
    expect(symbols).toEqual(
      expect.arrayContaining([
        'fixture:tests/test_inside.py::inside',
        'fixture:tests/test_latin1.py::latin'
      ])
    )
    expect(result.findings.find((f) => f.path === 'tests/test_latin1.py')?.fix ?? null).toBeNull()
  })
})

describe('the action, with a hostile pull request file list and committed symlinks', () => {
  const bot: Identity = { login: 'github-actions[bot]', type: 'Bot', id: 41898282, canWrite: true }
  const TOKEN = 'ghs_fs_token_0123456789abcdef'
  let emu: Emulator

  beforeEach(async () => {
    emu = await new Emulator({ owner: 'acme', repo: 'inventory', tokens: { [TOKEN]: bot } }).start()
  })

  afterEach(async () => {
    expect(emu.requestProblems).toEqual([])
    expect(emu.responseProblems).toEqual([])
    await emu.close()
  })

  it('ignores API file names with .. or absolute paths and never follows a committed symlink out of the tree', async () => {
    const action = await bundleAction()
    const { project, outside } = layout()
    const base = tempDir('loopscope-base-')
    writeFiles(base, { 'pyproject.toml': PYPROJECT })
    // The head: the inside test, plus committed symlinks (absolute targets) to the runner's disk.
    symlinkSync(join(outside, 'test_secret.py'), join(project, 'tests', 'test_link_file.py'))
    symlinkSync(join(outside, 'pkg'), join(project, 'tests', 'linked_dir'))
    symlinkSync(join(outside, 'conftest.py'), join(project, 'tests', 'conftest.py'))
    const pr = makePull(base, project)
    const pull = emu.addPull(pr.number, pr.origin.bare, pr.base, pr.head)
    // GitHub would never list these, but the action must not trust that it does not.
    const files = pull.filesBySha.get(pr.head) ?? []
    const template = files.find((f) => f.filename === 'tests/test_inside.py')
    if (!template) throw new Error('no tests/test_inside.py in the PR')
    for (const filename of [
      '../outside/test_secret.py',
      join(outside, 'test_secret.py'),
      'tests/../../outside/conftest.py'
    ])
      files.push({ ...template, filename })

    const run = await runAction({
      action,
      emu,
      workspace: pr.workspace,
      eventName: 'pull_request',
      payload: pullRequestPayload(pr, emu, { changedFiles: files.length }),
      token: TOKEN
    })
    expect(run.stderr).toBe('')
    expect(run.outputs.findings).toBe('1')
    expect(emu.comments.map((c) => c.path)).toEqual(['tests/test_inside.py'])
    expect(`${run.stdout}${run.summary}${emu.reviews.map((r) => r.body).join('')}`).not.toContain(
      'SECRET-outside'
    )
  }, 120_000)
})
