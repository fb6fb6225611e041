/**
 * Running the bundled action the way the Actions runner does: `node dist/index.js` with the
 * inputs as INPUT_* variables (hyphens kept), a webhook payload at GITHUB_EVENT_PATH, the API
 * and GraphQL URLs pointing at the emulator, and GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files; plus
 * the git side of a pull request (an origin with base, head, refs/pull/N/merge, and a shallow
 * checkout of the merge commit, as actions/checkout leaves it).
 */
import { spawn } from 'node:child_process'
import { cpSync, existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Emulator } from './server.js'
import {
  commitAll,
  commitFilesFast,
  git,
  makeOrigin,
  mergeCommit,
  pushRef,
  replaceTree,
  shallowCheckout,
  tempDir,
  type Origin
} from './git-fixture.js'

const require = createRequire(import.meta.url)
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

/**
 * Bundle the action from the current sources with the project's own bundle script, into a
 * temporary directory (never touching the repository's dist/, which other tests read).
 */
export function bundleAction(): Promise<string> {
  const dir = tempDir('loopscope-bundle-')
  symlinkSync(join(repoRoot, 'src'), join(dir, 'src'))
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, 'scripts', 'bundle.mjs')], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let err = ''
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    child.on('close', (code) => {
      const index = join(dir, 'dist', 'index.js')
      if (code === 0 && existsSync(index)) resolvePromise(index)
      else reject(new Error(`bundling failed (${code}): ${err}`))
    })
  })
}

export interface PullScenario {
  origin: Origin
  number: number
  base: string
  head: string
  merge: string
  /** The runner's workspace: a shallow checkout of refs/pull/N/merge. */
  workspace: string
}

/**
 * A pull request from two directory trees: base on main, head on a branch, the merge commit
 * GitHub keeps at refs/pull/N/merge, and a depth-1 checkout of that merge commit.
 * `mutateHead` edits the head tree before it is committed.
 */
export function makePull(
  baseDir: string,
  headDir: string,
  opts: {
    number?: number
    subdir?: string
    mutateHead?: (dir: string) => void
    /** Files added in a second PR commit (written without a working tree: fast for thousands). */
    extraCommit?: Record<string, string>
  } = {}
): PullScenario {
  const root = tempDir('loopscope-pr-')
  const origin = makeOrigin(root)
  // Lay a tree out in the work repository, at its root or in a subdirectory of a monorepo.
  const layout = (tree: string): string => {
    if (!opts.subdir) {
      replaceTree(origin.work, tree)
      return origin.work
    }
    replaceTree(origin.work, emptyWithReadme())
    cpSync(tree, join(origin.work, opts.subdir), { recursive: true })
    return join(origin.work, opts.subdir)
  }
  layout(baseDir)
  const base = commitAll(origin.work, 'Base: the suite as it is on main')
  pushRef(origin, base, 'refs/heads/main')
  const headRoot = layout(headDir)
  opts.mutateHead?.(headRoot)
  let head = commitAll(origin.work, 'Share the database pool across the session')
  if (opts.extraCommit) {
    head = commitFilesFast(origin.work, head, opts.extraCommit, 'Add sample data')
  }
  const number = opts.number ?? 17
  pushRef(origin, head, 'refs/heads/feature')
  pushRef(origin, head, `refs/pull/${number}/head`)
  const merge = mergeCommit(origin, base, head)
  pushRef(origin, merge, `refs/pull/${number}/merge`)
  const workspace = join(root, 'workspace')
  shallowCheckout(origin, merge, workspace)
  return { origin, number, base, head, merge, workspace }
}

function emptyWithReadme(): string {
  const dir = tempDir('loopscope-readme-')
  writeFileSync(join(dir, 'README.md'), '# monorepo\n')
  return dir
}

/** Commit a new head on the PR branch (a push) and refresh refs/pull/N/*. */
export function pushToPull(
  pr: PullScenario,
  edit: (work: string) => void,
  message: string
): string {
  git(pr.origin.work, 'checkout', '--quiet', '--detach', pr.head)
  edit(pr.origin.work)
  const head = commitAll(pr.origin.work, message)
  pushRef(pr.origin, head, 'refs/heads/feature')
  pushRef(pr.origin, head, `refs/pull/${pr.number}/head`)
  const merge = mergeCommit(pr.origin, pr.base, head)
  pushRef(pr.origin, merge, `refs/pull/${pr.number}/merge`)
  pr.head = head
  pr.merge = merge
  return head
}

/** A fresh runner checkout of the current merge commit (each workflow run gets a new one). */
export function freshCheckout(pr: PullScenario): string {
  const dir = join(tempDir('loopscope-ws-'), 'workspace')
  shallowCheckout(pr.origin, pr.merge, dir)
  pr.workspace = dir
  return dir
}

interface RepoRef {
  full_name: string
  name: string
  owner: { login: string }
  fork?: boolean
}

/** The parts of a webhook payload the tests rewrite (the rest is kept as the example has it). */
export interface Payload {
  [key: string]: unknown
  number?: number
  repository: RepoRef
  pull_request?: {
    [key: string]: unknown
    number: number
    changed_files: number
    commits: number
    head: { sha: string; ref: string; repo: RepoRef }
    base: { sha: string; ref: string; repo: RepoRef }
  }
}

/** A real `pull_request` webhook payload from @octokit/webhooks-examples, rewritten to this PR. */
export function pullRequestPayload(
  pr: PullScenario,
  emu: Emulator,
  opts: { action?: string; fork?: boolean; changedFiles?: number; commits?: number } = {}
): Payload {
  const action = opts.action ?? 'opened'
  const examples = require('@octokit/webhooks-examples/api.github.com/index.json') as Array<{
    name: string
    examples: Payload[]
  }>
  const example = examples
    .find((e) => e.name === 'pull_request')
    ?.examples.find((e) => e.action === action)
  if (!example?.pull_request) throw new Error(`no pull_request.${action} example`)
  const p = JSON.parse(JSON.stringify(example)) as Payload & {
    pull_request: NonNullable<Payload['pull_request']>
  }
  const full = `${emu.owner}/${emu.repo}`
  p.number = pr.number
  p.repository.full_name = full
  p.repository.name = emu.repo
  p.repository.owner.login = emu.owner
  const pull = p.pull_request
  pull.number = pr.number
  pull.head.sha = pr.head
  pull.head.ref = 'feature'
  pull.base.sha = pr.base
  pull.base.ref = 'main'
  pull.base.repo.full_name = full
  pull.head.repo.full_name = opts.fork ? `contributor/${emu.repo}` : full
  pull.head.repo.fork = !!opts.fork
  pull.changed_files = opts.changedFiles ?? emu.files(pr.number).length
  pull.commits =
    opts.commits ??
    Number(git(pr.origin.work, 'rev-list', '--count', `${pr.base}..${pr.head}`).trim())
  return p
}

export interface Annotation {
  level: string
  properties: Record<string, string>
  message: string
}

export interface ActionRun {
  exitCode: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  annotations: Annotation[]
}

function unescapeCommand(s: string): string {
  return s
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%')
}

/** Workflow commands (`::error file=…::message`) printed by the action. */
export function parseAnnotations(stdout: string): Annotation[] {
  const out: Annotation[] = []
  for (const line of stdout.split('\n')) {
    const m = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line)
    if (!m) continue
    const properties: Record<string, string> = {}
    for (const kv of (m[2] ?? '').split(',').filter(Boolean)) {
      const i = kv.indexOf('=')
      properties[kv.slice(0, i)] = unescapeCommand(kv.slice(i + 1))
    }
    out.push({ level: m[1] as string, properties, message: unescapeCommand(m[3] ?? '') })
  }
  return out
}

/** GITHUB_OUTPUT's `name<<delimiter` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i] ?? '')
    if (!m) continue
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i] ?? '')
    out[m[1] as string] = value.join('\n')
  }
  return out
}

export interface RunOptions {
  action: string
  emu: Emulator
  workspace: string
  eventName: string
  payload: Payload | Record<string, unknown>
  token: string
  inputs?: Record<string, string>
  runId?: string
  /** More environment variables (e.g. LOOPSCOPE_HTTP_TIMEOUT_MS). */
  env?: Record<string, string>
}

/** `node dist/index.js` as the runner starts a node24 action. */
export function runAction(o: RunOptions): Promise<ActionRun> {
  const dir = tempDir('loopscope-runner-')
  const eventPath = join(dir, 'event.json')
  const outputPath = join(dir, 'output')
  const summaryPath = join(dir, 'summary.md')
  writeFileSync(eventPath, JSON.stringify(o.payload))
  writeFileSync(outputPath, '')
  writeFileSync(summaryPath, '')
  const inputs: Record<string, string> = {
    // action.yml defaults, as the runner fills them in.
    'github-token': o.token,
    'working-directory': '.',
    paths: '',
    exclude: '',
    'fail-on': 'error',
    'max-comments': '30',
    suggestions: 'true',
    reporter: 'review',
    'sarif-file': '',
    'pytest-asyncio-version': '',
    'anyio-version': '',
    ...o.inputs
  }
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dir,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: o.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_WORKSPACE: o.workspace,
    GITHUB_REPOSITORY: `${o.emu.owner}/${o.emu.repo}`,
    GITHUB_SHA: git(o.workspace, 'rev-parse', 'HEAD').trim(),
    GITHUB_REF:
      'pull_request' in o.payload && o.payload.pull_request
        ? `refs/pull/${(o.payload as Payload).pull_request?.number}/merge`
        : 'refs/heads/main',
    GITHUB_API_URL: o.emu.url,
    GITHUB_GRAPHQL_URL: o.emu.graphqlUrl,
    GITHUB_SERVER_URL: o.emu.serverUrl,
    GITHUB_RUN_ID: o.runId ?? String(Date.now()),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    RUNNER_TEMP: dir,
    GIT_CONFIG_NOSYSTEM: '1',
    ...o.env
  }
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [o.action], {
      cwd: o.workspace,
      env,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', (exitCode) =>
      resolvePromise({
        exitCode,
        stdout,
        stderr,
        outputs: parseOutputs(readFileSync(outputPath, 'utf8')),
        summary: readFileSync(summaryPath, 'utf8'),
        annotations: parseAnnotations(stdout)
      })
    )
  })
}
