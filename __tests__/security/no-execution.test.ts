/**
 * Loopscope never runs the code it reviews (issue #6). The project under review is booby-trapped:
 * conftest.py, its `pytest_plugins` module, setup.py, an in-tree PEP 517 build backend and
 * sitecustomize.py all write a marker file and exit when imported, and the git checkout has hooks
 * that would do the same. Interpreters, package managers and shells are shimmed first on PATH and
 * log every call. The bundled CLI and the bundled action (built from the current sources, run as
 * the runner runs it) analyse it: the marker never appears and no forbidden program is started.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { Emulator, type Identity } from '../emulator/server.js'
import {
  bundleAction,
  makePull,
  pullRequestPayload,
  runAction,
  type ActionRun,
  type RunOptions
} from '../emulator/action-harness.js'
import { git, removeTempDirs, tempDir } from '../emulator/git-fixture.js'
import { FORBIDDEN, hostileFiles, makeShims, writeFiles, type Shims } from './hostile.js'

afterAll(removeTempDirs)

const require = createRequire(import.meta.url)
const bot: Identity = { login: 'github-actions[bot]', type: 'Bot', id: 41898282, canWrite: true }
const TOKEN = 'ghs_security_token_0123456789abcdef'

let action: string
let emu: Emulator
let shims: Shims
let marker: string

beforeAll(async () => {
  action = await bundleAction()
}, 120_000)

beforeEach(async () => {
  emu = await new Emulator({ owner: 'acme', repo: 'inventory', tokens: { [TOKEN]: bot } }).start()
  shims = makeShims()
  marker = join(tempDir('loopscope-marker-'), 'executed')
})

afterEach(async () => {
  expect(emu.requestProblems).toEqual([])
  expect(emu.responseProblems).toEqual([])
  await emu.close()
})

/** A hook in every slot git might run one from, each leaving the marker. */
function armHooks(repo: string): void {
  for (const hook of [
    'post-checkout',
    'pre-commit',
    'post-merge',
    'reference-transaction',
    'pre-auto-gc',
    'post-index-change'
  ]) {
    writeFileSync(
      join(repo, '.git', 'hooks', hook),
      `#!/bin/sh\necho hook:${hook} >> '${marker}'\n`,
      { mode: 0o755 }
    )
  }
}

/** runAction with the shims first on PATH (runAction copies PATH synchronously). */
function runWithShims(o: RunOptions): Promise<ActionRun> {
  const saved = process.env.PATH
  process.env.PATH = shims.path
  try {
    return runAction(o)
  } finally {
    process.env.PATH = saved
  }
}

function expectNothingRan(): void {
  expect(existsSync(marker)).toBe(false)
  const forbidden = shims.calls().filter((c) => FORBIDDEN.includes(c.split(' ')[0] as string))
  expect(forbidden).toEqual([])
  // Shells are allowed only if git itself needed one; Loopscope never starts them.
  expect(shims.calls().filter((c) => /^(sh|bash) /.test(c))).toEqual([])
}

function expectTokenMasked(run: ActionRun): void {
  const lines = `${run.stdout}\n${run.stderr}`.split('\n').filter((l) => l.includes(TOKEN))
  expect(lines).toEqual([`::add-mask::${TOKEN}`])
  expect(run.summary).not.toContain(TOKEN)
  for (const v of Object.values(run.outputs)) expect(v).not.toContain(TOKEN)
}

function hostileRepo(): string {
  const dir = join(tempDir(), 'repo')
  writeFiles(dir, hostileFiles(marker))
  git(dir, 'init', '--quiet')
  git(dir, 'add', '-A')
  git(dir, 'commit', '--quiet', '-m', 'hostile')
  armHooks(dir)
  return dir
}

describe('the CLI never runs the project', () => {
  it('dist/cli.js check (text, json, --fix, --changed) finds the problems without importing anything', () => {
    const dir = hostileRepo()
    const cli = join(action, '..', 'cli.js')
    const env = { ...process.env, PATH: shims.path }
    for (const args of [
      ['check'],
      ['check', '--format', 'json'],
      ['check', '--format', 'github'],
      [
        'check',
        '--changed',
        'tests/conftest.py',
        '--changed',
        'plugins/evil.py',
        '--changed',
        'setup.py'
      ],
      ['check', '--fix']
    ]) {
      const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, env, encoding: 'utf8' })
      expect(r.stderr).not.toContain('internal error')
      expect([0, 1]).toContain(r.status)
    }
    const json = spawnSync(
      process.execPath,
      [cli, 'check', '--format', 'json', '--fail-on', 'never'],
      {
        cwd: dir,
        env,
        encoding: 'utf8'
      }
    )
    // After --fix nothing fixable is left; the plugin's fixture had no fix offered.
    expect(JSON.parse(json.stdout)).toEqual(expect.any(Array))
    expectNothingRan()
  })

  it('the shims themselves work: running python through PATH would be recorded', () => {
    // A sanity check of the harness, so a silent shim cannot make the test above pass vacuously.
    const r = spawnSync('python3', ['-c', 'print(1)'], {
      env: { ...process.env, PATH: shims.path },
      encoding: 'utf8'
    })
    expect(r.status).toBe(97)
    expect(shims.calls()).toEqual(['python3 -c print(1)'])
  })
})

describe('the action never runs the project', () => {
  it('on workflow_dispatch and push it analyses the hostile checkout without running it, and never logs the token', async () => {
    const ws = hostileRepo()
    const examples = require('@octokit/webhooks-examples/api.github.com/index.json') as Array<{
      name: string
      examples: Array<Record<string, unknown>>
    }>
    const dispatch = examples.find((e) => e.name === 'workflow_dispatch')?.examples[0] as Record<
      string,
      unknown
    >
    const push = JSON.parse(
      JSON.stringify(examples.find((e) => e.name === 'push')?.examples[0])
    ) as Record<string, unknown>
    push.after = git(ws, 'rev-parse', 'HEAD').trim()
    for (const [eventName, payload] of [
      ['workflow_dispatch', dispatch],
      ['push', push]
    ] as const) {
      const run = await runWithShims({
        action,
        emu,
        workspace: ws,
        eventName,
        payload,
        token: TOKEN,
        inputs: { 'fail-on': 'never', 'sarif-file': 'out/loopscope.sarif' }
      })
      expect(run.stderr).toBe('')
      expect(run.exitCode).toBe(0)
      expect(Number(run.outputs.findings)).toBeGreaterThanOrEqual(3)
      expect(run.summary).toContain('plugin_pool') // the pytest_plugins module was read, as text
      expectTokenMasked(run)
    }
    // No event needed the API.
    expect(emu.requests).toEqual([])
    expectNothingRan()
  })

  it('on a pull request it checks the head out without hooks and reviews it without running it', async () => {
    const base = tempDir('loopscope-base-')
    writeFiles(base, { 'README.md': '# inventory\n' })
    const head = tempDir('loopscope-head-')
    writeFiles(head, hostileFiles(marker))
    const pr = makePull(base, head)
    emu.addPull(pr.number, pr.origin.bare, pr.base, pr.head)
    armHooks(pr.workspace)
    const run = await runWithShims({
      action,
      emu,
      workspace: pr.workspace,
      eventName: 'pull_request_target',
      payload: pullRequestPayload(pr, emu, { fork: true }),
      token: TOKEN
    })
    expect(run.stderr).toBe('')
    expect(run.stdout).toContain('Checked out the head commit in a temporary worktree')
    expect(emu.reviews).toHaveLength(1)
    expect(emu.comments.length).toBeGreaterThanOrEqual(3)
    expectTokenMasked(run)
    for (const c of emu.comments) expect(c.body).not.toContain(TOKEN)
    expectNothingRan()
    // The runner's checkout is untouched (checked after: git status itself runs post-index-change).
    expect(git(pr.workspace, 'rev-parse', 'HEAD').trim()).toBe(pr.merge)
    expect(git(pr.workspace, 'status', '--porcelain').trim()).toBe('')
    // And git really would have run a hook on a normal checkout (the trap is armed).
    execFileSync('git', ['checkout', '--quiet', '--detach', pr.merge], { cwd: pr.workspace })
    expect(existsSync(marker)).toBe(true)
  })
})
