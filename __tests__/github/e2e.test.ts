/**
 * End to end: the bundled action (`node dist/index.js`, built from the current sources) with the
 * real analyzer, run as the Actions runner runs it, against the GitHub emulator and real git
 * repositories. The pull request is examples/demo: a passing suite (base) and a change that
 * shares the database fixture across the session and breaks it (head).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import AjvDraft04 from 'ajv-draft-04'
import ajvFormats from 'ajv-formats'
import { Emulator, secondaryRateLimit } from '../emulator/server.js'
import {
  bundleAction,
  freshCheckout,
  makePull,
  pullRequestPayload,
  pushToPull,
  repoRoot,
  runAction,
  type PullScenario
} from '../emulator/action-harness.js'
import { git, removeTempDirs, shallowCheckout, tempDir } from '../emulator/git-fixture.js'
import { applySuggestions, openSuggestions, suggestionOf } from '../emulator/suggestions.js'
import { runDemo } from '../emulator/demo.js'
import {
  bot,
  check as checkWith,
  DEMO_BASE as BASE,
  DEMO_HEAD as HEAD,
  READ,
  TOKENS,
  touchReceiveGoods,
  WRITE
} from '../emulator/review-run.js'

afterAll(removeTempDirs)

const require = createRequire(import.meta.url)
let action: string
let emu: Emulator

beforeAll(async () => {
  action = await bundleAction()
})

beforeEach(async () => {
  emu = await new Emulator({ owner: 'acme', repo: 'inventory', tokens: TOKENS }).start()
})

afterEach(async () => {
  expect(emu.requestProblems).toEqual([])
  expect(emu.responseProblems).toEqual([])
  await emu.close()
})

const writes = () =>
  emu.requests.filter((r) => r.method === 'POST' && r.graphql !== 'query' && r.status < 300)

async function review(
  pr: PullScenario,
  opts: {
    action?: string
    token?: string
    fork?: boolean
    inputs?: Record<string, string>
    changedFiles?: number
  } = {}
) {
  return runAction({
    action,
    emu,
    workspace: pr.workspace,
    eventName: 'pull_request',
    payload: pullRequestPayload(pr, emu, {
      action: opts.action ?? 'opened',
      fork: !!opts.fork,
      ...(opts.changedFiles ? { changedFiles: opts.changedFiles } : {})
    }),
    token: opts.token ?? WRITE,
    inputs: opts.inputs ?? {}
  })
}

/** The real checker (the bundled CLI) on a tree. */
const check = (dir: string) => checkWith(action, dir)

describe('pull request review', () => {
  it('posts one review on the first run; applying its suggestions gives a suite the checker finds clean', async () => {
    const pr = makePull(BASE, HEAD, { mutateHead: touchReceiveGoods })
    emu.addPull(pr.number, pr.origin.bare, pr.base, pr.head)
    const run = await review(pr)

    expect(run.stderr).toBe('')
    expect(run.exitCode).toBe(1) // fail-on: error
    expect(emu.reviews).toHaveLength(1)
    const [r] = emu.reviews
    expect(r).toMatchObject({ state: 'COMMENTED', commit_id: pr.head })
    expect(run.outputs).toMatchObject({
      errors: '4',
      warnings: '0',
      infos: '0',
      findings: '4',
      'review-id': String(r?.id),
      'sarif-file': ''
    })
    // One write for up to max-comments findings.
    expect(writes()).toHaveLength(1)
    const comments = emu.comments
    expect(comments.map((c) => [c.path, c.line, c.start_line])).toEqual([
      ['tests/conftest.py', 22, null],
      ['tests/conftest.py', 15, null],
      ['tests/db/test_stock.py', 11, null],
      ['tests/db/test_stock.py', 4, null]
    ])
    for (const c of comments) {
      expect(c.body).toMatch(
        /^\*\*PA10\d\*\* \[`[a-z-]+`\]\(https:\/\/github\.com\/loopscope\/loopscope\/blob\/v1\/docs\/rules\/PA10\d\.md\) · error/
      )
      expect(c.body).toContain('pytest-asyncio 1.4.0')
      expect(c.body).toMatch(/<!-- loopscope:v1 fp=[0-9a-f]{24} data=[\w-]+ -->$/)
      expect(suggestionOf(c.body)).toBeDefined()
    }
    expect(run.summary).toContain('**4 findings** (4 errors)')
    expect(run.summary).toContain('Posted a review with 4 inline comment(s)')
    // The token never reaches the log: only the command that registers it as a secret names it.
    expect(run.stdout.split('\n').filter((l) => l.includes(WRITE))).toEqual([
      `::add-mask::${WRITE}`
    ])

    // A reviewer commits every suggestion: the checker finds the result clean.
    const tree = tempDir()
    git(pr.origin.work, 'worktree', 'add', '--quiet', '--detach', tree, pr.head)
    applySuggestions(tree, openSuggestions(emu, pr.number, bot.login))
    expect(check(tree)).toEqual({ status: 0, findings: [] })
  })

  it('on re-runs after pushes posts only what is new and resolves what was fixed', async () => {
    const pr = makePull(BASE, HEAD, { mutateHead: touchReceiveGoods })
    emu.addPull(pr.number, pr.origin.bare, pr.base, pr.head)
    await review(pr)
    expect(emu.comments).toHaveLength(4)
    const conftestThreads = emu.threadsOf(pr.number).filter((t) => t.path === 'tests/conftest.py')

    // Push 1: commit the two conftest suggestions, and add a test with a new problem.
    pushToPull(
      pr,
      (work) => {
        applySuggestions(
          work,
          openSuggestions(emu, pr.number, bot.login).filter((c) => c.path === 'tests/conftest.py')
        )
        const f = join(work, 'tests', 'db', 'test_stock.py')
        writeFileSync(
          f,
          readFileSync(f, 'utf8') +
            '\n\n@pytest.mark.asyncio\nasync def test_restock(db):\n    await db.execute("stock", "SKU-9", 3)\n'
        )
      },
      'Apply review suggestions; add test_restock'
    )
    emu.pushHead(pr.number, pr.head)
    freshCheckout(pr)
    const second = await review(pr, { action: 'synchronize' })
    expect(second.exitCode).toBe(1)
    expect(second.outputs.findings).toBe('3')
    expect(emu.reviews).toHaveLength(2)
    const fresh = emu.comments.filter((c) => c.reviewId === emu.reviews[1]?.id)
    expect(fresh.map((c) => [c.path, c.line])).toEqual([['tests/db/test_stock.py', 23]])
    expect(fresh[0]?.body).toContain('test_restock')
    for (const t of conftestThreads) expect(emu.thread(t.id)?.isResolved).toBe(true)
    expect(emu.threadsOf(pr.number).filter((t) => !t.isResolved)).toHaveLength(3)
    expect(second.summary).toContain('2 finding(s) were already reported')
    expect(second.summary).toContain('Resolved 2 thread(s)')

    // Push 2: commit every remaining suggestion. Nothing is left: no review, all resolved, exit 0.
    pushToPull(
      pr,
      (work) => applySuggestions(work, openSuggestions(emu, pr.number, bot.login)),
      'Apply the remaining suggestions'
    )
    emu.pushHead(pr.number, pr.head)
    freshCheckout(pr)
    const before = writes().length
    const third = await review(pr, { action: 'synchronize' })
    expect(third.exitCode).toBe(0)
    expect(third.outputs).toMatchObject({ findings: '0', 'review-id': '' })
    expect(emu.reviews).toHaveLength(2)
    expect(emu.threadsOf(pr.number).every((t) => t.isResolved)).toBe(true)
    // One batched mutation resolved the three threads; nothing else was written.
    expect(writes().length - before).toBe(1)
    expect(emu.comments).toHaveLength(5)
  })

  it('on a fork with a read-only token reports through annotations and the summary, and says how to get comments', async () => {
    const pr = makePull(BASE, HEAD, { subdir: 'services/inventory' })
    emu.addPull(pr.number, pr.origin.bare, pr.base, pr.head)
    const run = await review(pr, {
      token: READ,
      fork: true,
      inputs: { 'working-directory': 'services/inventory' }
    })
    expect(run.exitCode).toBe(1)
    expect(emu.reviews).toHaveLength(0)
    expect(run.outputs).toMatchObject({ errors: '4', findings: '4', 'review-id': '' })
    const errors = run.annotations.filter((a) => a.level === 'error' && a.properties.file)
    expect(errors.map((a) => `${a.properties.file}:${a.properties.line}`)).toEqual([
      'services/inventory/tests/conftest.py:15',
      'services/inventory/tests/conftest.py:22',
      'services/inventory/tests/db/test_stock.py:4',
      'services/inventory/tests/db/test_stock.py:11'
    ])
    expect(errors[0]?.properties.title).toMatch(/^PA10\d /)
    expect(run.stdout).toContain('Resource not accessible by integration')
    expect(run.stdout).toContain('pull_request_target')
    expect(run.summary).toContain('Review comments could not be posted')
    expect(run.summary).toContain('```diff\n--- a/services/inventory/tests/conftest.py')
    expect(run.summary.match(/<details><summary>PA10\d at /g)).toHaveLength(4)
    expect(run.stdout.split('\n').filter((l) => l.includes(READ))).toEqual([`::add-mask::${READ}`])
  })

  it('on pull_request_target reviews a fork from a checkout of the base branch, running no hook', async () => {
    const pr = makePull(BASE, HEAD, { mutateHead: touchReceiveGoods })
    emu.addPull(pr.number, pr.origin.bare, pr.base, pr.head)
    // pull_request_target's default checkout: the base branch, not the pull request.
    pr.workspace = join(tempDir(), 'workspace')
    shallowCheckout(pr.origin, pr.base, pr.workspace)
    // A hook that would run on any checkout: Loopscope's worktree must not trigger it.
    const marker = join(tempDir(), 'hook-ran')
    writeFileSync(
      join(pr.workspace, '.git', 'hooks', 'post-checkout'),
      `#!/bin/sh\ntouch '${marker}'\n`,
      { mode: 0o755 }
    )
    const run = await runAction({
      action,
      emu,
      workspace: pr.workspace,
      eventName: 'pull_request_target',
      payload: pullRequestPayload(pr, emu, { fork: true }),
      token: WRITE
    })
    expect(run.stdout).toContain('Checked out the head commit in a temporary worktree')
    expect(emu.reviews).toHaveLength(1)
    expect(emu.reviews[0]?.commit_id).toBe(pr.head)
    expect(emu.comments).toHaveLength(4)
    expect(git(pr.workspace, 'rev-parse', 'HEAD').trim()).toBe(pr.base)
    expect(existsSync(marker)).toBe(false)
  })

  it('waits out rate limits and server errors, then posts exactly one review', async () => {
    const pr = makePull(BASE, HEAD, { mutateHead: touchReceiveGoods })
    emu.addPull(pr.number, pr.origin.bare, pr.base, pr.head)
    const reset = String(Math.floor(Date.now() / 1000) + 1)
    emu.fault({
      method: 'GET',
      path: /\/files$/,
      status: 403,
      times: 1,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
      body: {
        message: 'API rate limit exceeded for installation ID 1.',
        documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
        status: '403'
      }
    })
    emu.fault({
      method: 'POST',
      path: /^\/graphql$/,
      status: 502,
      times: 1,
      body: { message: 'Server Error' }
    })
    emu.fault(secondaryRateLimit('POST', /\/reviews$/, 1))
    const run = await review(pr)
    expect(run.exitCode).toBe(1)
    expect(emu.reviews).toHaveLength(1)
    expect(emu.comments).toHaveLength(4)
    expect(run.stdout).toContain('primary rate limit')
    expect(run.stdout).toContain('secondary rate limit')
    expect(emu.requests.filter((r) => r.status >= 400).map((r) => r.status)).toEqual([
      403, 502, 403
    ])
  })

  it('falls back to git diff for a pull request over 3,000 files, fetching base and head into the shallow checkout', async () => {
    const data: Record<string, string> = {}
    for (let i = 0; i < 3001; i++)
      data[`tests/data/sample_${String(i).padStart(4, '0')}.json`] = `{"sku": "SKU-${i}"}\n`
    const pr = makePull(BASE, HEAD, { mutateHead: touchReceiveGoods, extraCommit: data })
    emu.addPull(pr.number, pr.origin.bare, pr.base, pr.head)
    expect(emu.files(pr.number).length).toBe(3004)
    const run = await review(pr, { changedFiles: 3004 })
    expect(run.stdout).toContain('using git diff instead')
    expect(emu.reviews).toHaveLength(1)
    expect(emu.comments).toHaveLength(4)
    // The listing stopped at GitHub's cap: 30 pages of 100.
    expect(emu.requests.filter((r) => r.path.includes('/files')).length).toBe(30)
    // The depth-1 checkout of the merge commit had neither parent; the action fetched them,
    // left the checkout where it was, and removed its temporary worktree.
    git(pr.workspace, 'cat-file', '-e', `${pr.base}^{commit}`)
    git(pr.workspace, 'cat-file', '-e', `${pr.head}^{commit}`)
    expect(git(pr.workspace, 'rev-parse', 'HEAD').trim()).toBe(pr.merge)
    expect(git(pr.workspace, 'worktree', 'list').trim().split('\n')).toHaveLength(1)
  }, 240_000)

  it('reads the diff of a file whose patch the API leaves out from git', async () => {
    const pr = makePull(BASE, HEAD, { mutateHead: touchReceiveGoods })
    emu.addPull(pr.number, pr.origin.bare, pr.base, pr.head, (path) => path === 'tests/conftest.py')
    expect(
      emu.files(pr.number).find((f) => f.filename === 'tests/conftest.py')?.patch
    ).toBeUndefined()
    const run = await review(pr)
    expect(run.stdout).toContain('no patch for 1 large file')
    expect(emu.comments.filter((c) => c.path === 'tests/conftest.py')).toHaveLength(2)
  })

  it('comments on the nearest changed line with a diff when a fix lies outside the diff', async () => {
    const pr = makePull(BASE, HEAD)
    emu.addPull(pr.number, pr.origin.bare, pr.base, pr.head)
    const run = await review(pr, { inputs: { 'max-comments': '3' } })
    expect(run.exitCode).toBe(1)
    // test_receive_goods (tests/db/test_stock.py:4-5) and its fix are outside the hunk. The comment goes
    // on the changed line that caused it: the `db` fixture's new session loop (tests/conftest.py:7).
    const outside = emu.comments.find((c) => c.body.includes('test_receive_goods'))
    expect(outside).toMatchObject({ path: 'tests/conftest.py', line: 7, start_line: null })
    expect(outside?.body).toContain('Reported at `tests/db/test_stock.py:4-5`')
    expect(suggestionOf(outside?.body ?? '')).toBeUndefined()
    // Its fix is a diff that applies to the head.
    const diff = /```diff\n([\s\S]*?)\n```/.exec(outside?.body ?? '')?.[1] ?? ''
    expect(diff).toContain('+++ b/tests/db/test_stock.py')
    const tree = tempDir()
    git(pr.origin.work, 'worktree', 'add', '--quiet', '--detach', tree, pr.head)
    writeFileSync(join(tree, 'fix.diff'), `${diff}\n`)
    git(tree, 'apply', '--check', 'fix.diff')
    const r = emu.reviews[0]
    expect(emu.comments).toHaveLength(3)
    expect(r?.body).toContain('1 more finding (over the limit of 3 inline comments)')
    expect(r?.body).toContain('`test_stock_is_audited`')
    expect(run.summary).toContain('**4 findings**')
  })
})

describe('push and workflow_dispatch', () => {
  it('analyses the whole repository: annotations, job summary and a valid SARIF file', async () => {
    const pr = makePull(BASE, HEAD)
    // A push to main: a full checkout of the head commit.
    const ws = join(tempDir(), 'ws')
    git(tempDir(), 'clone', '--quiet', pr.origin.url, ws)
    git(ws, 'checkout', '--quiet', '--detach', pr.head)
    const examples = require('@octokit/webhooks-examples/api.github.com/index.json') as Array<{
      name: string
      examples: Array<Record<string, unknown>>
    }>
    const payload = JSON.parse(
      JSON.stringify(examples.find((e) => e.name === 'push')?.examples[0])
    ) as Record<string, unknown>
    payload.after = pr.head
    const run = await runAction({
      action,
      emu,
      workspace: ws,
      eventName: 'push',
      payload,
      token: WRITE,
      inputs: { 'sarif-file': 'results/loopscope.sarif', 'fail-on': 'never' }
    })
    expect(run.exitCode).toBe(0)
    expect(emu.requests).toEqual([])
    expect(run.outputs).toMatchObject({
      errors: '4',
      findings: '4',
      'sarif-file': join(ws, 'results', 'loopscope.sarif')
    })
    expect(run.annotations.filter((a) => a.level === 'error')).toHaveLength(4)
    expect(run.summary).toContain('in the repository at')
    const sarif = JSON.parse(readFileSync(join(ws, 'results', 'loopscope.sarif'), 'utf8')) as {
      runs: Array<{
        results: Array<{ ruleId: string; fixes?: unknown[] }>
        tool: { driver: { rules: Array<{ helpUri?: string }> } }
      }>
    }
    const schema = JSON.parse(
      readFileSync(
        require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'),
        'utf8'
      )
    ) as object
    const ajv = new AjvDraft04.default({ strict: false, allErrors: true, unicodeRegExp: false })
    ajvFormats.default(ajv)
    const validate = ajv.compile(schema)
    expect(validate(sarif) ? [] : validate.errors).toEqual([])
    expect(sarif.runs[0]?.results).toHaveLength(4)
    expect(sarif.runs[0]?.results.every((r) => (r.fixes?.length ?? 0) > 0)).toBe(true)
    expect(sarif.runs[0]?.tool.driver.rules.every((r) => r.helpUri?.startsWith('https://'))).toBe(
      true
    )

    const dispatch = examples.find((e) => e.name === 'workflow_dispatch')?.examples[0] as Record<
      string,
      unknown
    >
    const manual = await runAction({
      action,
      emu,
      workspace: ws,
      eventName: 'workflow_dispatch',
      payload: dispatch,
      token: WRITE,
      inputs: { reporter: 'summary' }
    })
    expect(manual.exitCode).toBe(1)
    expect(manual.annotations.filter((a) => a.properties.file)).toEqual([])
    expect(manual.summary).toContain('**4 findings**')
  })
})

describe('npm run demo', () => {
  it('reviews examples/demo, prints the review as a reader sees it, and the re-run after the fixes is clean', async () => {
    const printed: string[] = []
    const ok = await runDemo({
      action,
      example: join(repoRoot, 'examples', 'demo'),
      print: (t) => printed.push(t)
    })
    const text = printed.join('\n')
    expect(ok).toBe(true)
    expect(text).toContain('What the pull request page shows:')
    expect(text).toMatch(
      /┌─ tests\/conftest\.py, line 15\n│ +15 │ @pytest_asyncio\.fixture\(scope="session"\)/
    )
    expect(text).toContain('│   + @pytest_asyncio.fixture(scope="session", loop_scope="session")')
    expect(text).toContain('Re-run: 0 findings, 0 new review(s), 4 of 4 threads resolved.')
  }, 120_000)
})
