/**
 * End to end, when GitHub misbehaves: the bundled action with the real analyzer against the
 * emulator, on the demo pull request, with 502 bursts, rate limits, a read-only token, 404s for a
 * head that is gone, a 422 for one anchor GitHub does not take, answers that come late or never,
 * and reset connections. In every scenario:
 *
 * - every finding of the head tree (the real checker's) reaches at least one channel: the review,
 *   workflow annotations, the job summary or the SARIF file;
 * - the exit status follows `fail-on`;
 * - a re-run (same head, the fault gone) duplicates nothing: when the first run posted the review
 *   the re-run writes nothing, when it fell back to annotations the re-run posts exactly one
 *   review and a third run writes nothing.
 *
 * The action runs with a 1.5 s request deadline and a 20 ms retry backoff unit
 * (LOOPSCOPE_HTTP_TIMEOUT_MS, LOOPSCOPE_RETRY_BASE_MS) so that retries stay quick.
 */
import { cpSync } from 'node:fs'
import { join } from 'node:path'
import {
  bundleAction,
  makePull,
  pullRequestPayload,
  runAction,
  type ActionRun,
  type PullScenario
} from '../emulator/action-harness.js'
import { git, removeTempDirs, shallowCheckout, tempDir } from '../emulator/git-fixture.js'
import { graphqlProblems } from '../emulator/graphql.js'
import {
  check,
  DEMO_BASE,
  DEMO_HEAD,
  expectEveryFindingReported,
  ourReviews,
  READ,
  reportedFingerprints,
  TOKENS,
  touchReceiveGoods,
  WRITE,
  type Channel,
  type CheckedFinding
} from '../emulator/review-run.js'
import { Emulator, LINE_NOT_IN_DIFF, secondaryRateLimit } from '../emulator/server.js'

afterAll(removeTempDirs)

const TUNING = { LOOPSCOPE_HTTP_TIMEOUT_MS: '1500', LOOPSCOPE_RETRY_BASE_MS: '20' }
const REVIEW_DOCS = 'https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request'
const SERVER_ERROR = { message: 'Server Error' }
const NOT_FOUND = { message: 'Not Found', documentation_url: REVIEW_DOCS, status: '404' }

interface Shared {
  action: string
  /** The demo pull request (each scenario gets its own emulator and checkouts). */
  pr: PullScenario
  /** What the real checker finds on the head tree. */
  findings: CheckedFinding[]
  /** A runner checkout of the merge commit, copied for each run (a fresh checkout, quickly). */
  checkout: string
  /** Commits on the pull request (for the payload). */
  commits: number
}

let sharedSetup: Promise<Shared> | undefined

/** Bundle the action, make the pull request and check its head, once for the file. */
function shared(): Promise<Shared> {
  sharedSetup ??= (async () => {
    // Build GitHub's GraphQL schema now, not during a request with a 1.5 s deadline.
    expect(graphqlProblems('{ viewer { login } }')).toEqual([])
    const action = await bundleAction()
    const pr = makePull(DEMO_BASE, DEMO_HEAD, { mutateHead: touchReceiveGoods })
    const tree = tempDir()
    git(pr.origin.work, 'worktree', 'add', '--quiet', '--detach', tree, pr.head)
    const checked = check(action, tree)
    expect(checked.status).toBe(1)
    expect(checked.findings.map((f) => `${f.code} ${f.path}:${f.line}`)).toEqual([
      'PA102 tests/conftest.py:15',
      'PA101 tests/conftest.py:22',
      'PA104 tests/db/test_stock.py:4',
      'PA104 tests/db/test_stock.py:11'
    ])
    const checkout = join(tempDir('loopscope-ws-'), 'workspace')
    shallowCheckout(pr.origin, pr.merge, checkout)
    const commits = Number(git(pr.origin.work, 'rev-list', '--count', `${pr.base}..${pr.head}`))
    return { action, pr, findings: checked.findings, checkout, commits }
  })()
  return sharedSetup
}

interface RunOpts {
  token?: string
  fork?: boolean
  inputs?: Record<string, string>
}

type Run = ActionRun & { sarifFile: string }

/** Degraded reporting: every finding annotated, in the summary and in SARIF; no review. */
const DEGRADED: Channel[] = ['annotations', 'summary', 'sarif']
const REVIEWED: Channel[] = ['review', 'summary', 'sarif']

/** One scenario: its own emulator, and the attempts of one workflow run. */
class Scenario {
  private attempt = 0
  private readonly runId = `${Date.now()}${Math.floor(Math.random() * 1000)}`

  constructor(
    readonly emu: Emulator,
    private readonly s: Shared
  ) {}

  get findings(): CheckedFinding[] {
    return this.s.findings
  }

  /** One attempt of the workflow run (a re-run is the next attempt), on a fresh checkout. */
  async run(opts: RunOpts = {}): Promise<Run> {
    this.attempt += 1
    const token = opts.token ?? WRITE
    const { pr } = this.s
    const workspace = join(tempDir('loopscope-ws-'), 'workspace')
    cpSync(this.s.checkout, workspace, { recursive: true })
    const r = await runAction({
      action: this.s.action,
      emu: this.emu,
      workspace,
      eventName: 'pull_request',
      payload: pullRequestPayload(pr, this.emu, {
        action: 'opened',
        fork: !!opts.fork,
        commits: this.s.commits
      }),
      token,
      inputs: { 'sarif-file': 'loopscope.sarif', ...opts.inputs },
      runId: this.runId,
      env: { ...TUNING, GITHUB_RUN_ATTEMPT: String(this.attempt) }
    })
    // Nothing crashed, and the token never reached the log.
    expect(r.stderr).toBe('')
    expect(r.stdout.split('\n').filter((l) => l.includes(token))).toEqual([`::add-mask::${token}`])
    expect(r.outputs).toMatchObject({ errors: '4', findings: '4' })
    return { ...r, sarifFile: join(workspace, 'loopscope.sarif') }
  }

  /** Every finding reported somewhere (and in each of `via`); the exit status follows fail-on. */
  expectReported(r: Run, via: Channel[], failOn: 'error' | 'never' = 'error') {
    expect(r.exitCode).toBe(failOn === 'never' ? 0 : 1)
    if (failOn !== 'never')
      expect(r.stdout).toContain('::error::Loopscope found 4 errors (fail-on: error).')
    return expectEveryFindingReported(this.findings, r, this.emu, {
      sarifFile: r.sarifFile,
      via
    })
  }

  /** Reviews posted and threads resolved since request `from`. */
  writesSince(from: number) {
    return this.emu.requests
      .slice(from)
      .filter(
        (r) => r.method === 'POST' && r.graphql !== 'query' && r.status >= 200 && r.status < 300
      )
  }

  /** What each request to `path` got: its status, or how its answer was lost. */
  statuses(path: RegExp): Array<number | string> {
    return this.emu.requests.filter((r) => path.test(r.path)).map((r) => r.dropped ?? r.status)
  }

  /**
   * Re-runs with the fault gone duplicate nothing. If the first run posted the review, the
   * re-run writes nothing; if it fell back to annotations, the re-run posts exactly one review
   * carrying every finding and a third run writes nothing.
   */
  async expectRerunsDoNotDuplicate(opts: RunOpts = {}, failOn: 'error' | 'never' = 'error') {
    const { emu } = this
    const postedFirst = ourReviews(emu).length
    expect(postedFirst).toBeLessThanOrEqual(1)
    let from = emu.requests.length
    const second = await this.run(opts)
    this.expectReported(second, REVIEWED, failOn)
    if (postedFirst === 1) {
      expect(this.writesSince(from)).toEqual([])
      expect(second.outputs['review-id']).toBe('')
      expect(second.summary).toContain('4 finding(s) were already reported by an earlier run.')
    } else {
      expect(this.writesSince(from).map((r) => r.path)).toEqual([
        `/repos/acme/inventory/pulls/${this.s.pr.number}/reviews`
      ])
      expect(second.outputs['review-id']).toBe(String(ourReviews(emu)[0]?.id))
      from = emu.requests.length
      const third = await this.run(opts)
      this.expectReported(third, REVIEWED, failOn)
      expect(this.writesSince(from)).toEqual([])
      expect(third.outputs['review-id']).toBe('')
    }
    expect(ourReviews(emu)).toHaveLength(1)
    // Each finding is on the pull request exactly once.
    expect([...reportedFingerprints(emu).values()]).toEqual(this.findings.map(() => 1))
  }
}

/**
 * The scenarios run four at a time: a run spends much of its time waiting (on the throttling
 * plugin's pacing between writes, on deadlines, on git), and each has its own emulator.
 */
const PARALLEL = 4
let running = 0
const queue: Array<() => void> = []

async function slot<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= PARALLEL) await new Promise<void>((r) => queue.push(r))
  running += 1
  try {
    return await fn()
  } finally {
    running -= 1
    queue.shift()?.()
  }
}

function scenario(name: string, body: (s: Scenario) => Promise<void>): void {
  it.concurrent(
    name,
    () =>
      slot(async () => {
        const s = await shared()
        const emu = await new Emulator({ owner: 'acme', repo: 'inventory', tokens: TOKENS }).start()
        try {
          emu.addPull(s.pr.number, s.pr.origin.bare, s.pr.base, s.pr.head)
          await body(new Scenario(emu, s))
          expect(emu.requestProblems).toEqual([])
          expect(emu.responseProblems).toEqual([])
        } finally {
          await emu.close()
        }
      }),
    300_000
  )
}

async function until(done: () => boolean, ms = 5000): Promise<void> {
  for (const end = Date.now() + ms; !done() && Date.now() < end;)
    await new Promise((r) => setTimeout(r, 50))
}

scenario('502 burst within the retry budget: retried, one review', async (s) => {
  s.emu.fault({ method: 'GET', path: /\/files$/, status: 502, times: 3, body: SERVER_ERROR })
  s.emu.fault({ method: 'POST', path: /^\/graphql$/, status: 502, times: 2, body: SERVER_ERROR })
  s.emu.fault({ method: 'POST', path: /\/reviews$/, status: 502, times: 2, body: SERVER_ERROR })
  const first = await s.run()
  s.expectReported(first, REVIEWED)
  expect(s.statuses(/\/files/)).toEqual([502, 502, 502, 200])
  expect(s.statuses(/^\/graphql/)).toEqual([502, 502, 200])
  expect(s.statuses(/\/reviews$/)).toEqual([502, 502, 200])
  expect(first.stdout).toContain('(diff from api)')
  expect(first.stdout).toContain(
    'Posting the review failed (HTTP 502: Server Error); checking whether it was created.'
  )
  expect(s.emu.comments).toHaveLength(4)
  await s.expectRerunsDoNotDuplicate()
})

scenario(
  '502 burst past the retry budget: annotations, summary and SARIF; the re-run posts once',
  async (s) => {
    s.emu.fault({ method: 'POST', path: /\/reviews$/, status: 502, times: 3, body: SERVER_ERROR })
    const first = await s.run()
    s.expectReported(first, DEGRADED)
    expect(ourReviews(s.emu)).toHaveLength(0)
    expect(first.stdout).toContain(
      'Could not post the review (HTTP 502: Server Error). Reporting through annotations and the job summary instead.'
    )
    expect(first.summary).toContain(
      '**Review comments could not be posted:** GitHub answered HTTP 502'
    )
    await s.expectRerunsDoNotDuplicate()
  }
)

scenario(
  'secondary rate limit whose retry-after is too long: no wait, annotations; the re-run posts once',
  async (s) => {
    s.emu.fault(secondaryRateLimit('POST', /\/reviews$/, 3600))
    const first = await s.run()
    s.expectReported(first, DEGRADED)
    expect(first.stdout).toContain('secondary rate limit')
    expect(first.stdout).toContain('not retrying (wait 3600s)')
    await s.expectRerunsDoNotDuplicate()
  }
)

scenario(
  '403 read-only token: annotations and the summary, and its re-run writes nothing either',
  async (s) => {
    const first = await s.run({ token: READ, fork: true })
    s.expectReported(first, DEGRADED)
    expect(first.stdout).toContain('Resource not accessible by integration')
    const from = s.emu.requests.length
    const second = await s.run({ token: READ, fork: true })
    s.expectReported(second, DEGRADED)
    expect(s.writesSince(from)).toEqual([])
    expect(s.emu.reviews).toHaveLength(0)
  }
)

scenario(
  '404 on the files of a deleted head: annotations, and the log says why; the re-run posts once',
  async (s) => {
    s.emu.fault({ method: 'GET', path: /\/files$/, status: 404, times: 1, body: NOT_FOUND })
    const first = await s.run()
    s.expectReported(first, DEGRADED)
    expect(first.stdout).toContain(
      "GitHub does not find pull request #17's files (HTTP 404: Not Found): the pull request or its head branch is gone"
    )
    expect(first.summary).toContain(
      'Reported through annotations: GitHub no longer finds pull request \\#\u200b17 \\(HTTP 404: Not Found\\).'
    )
    // No review was attempted.
    expect(s.emu.requests.filter((r) => r.method === 'POST')).toEqual([])
    await s.expectRerunsDoNotDuplicate()
  }
)

scenario(
  '404 on posting the review: annotations, exit 0 with fail-on: never; the re-run posts once',
  async (s) => {
    s.emu.fault({ method: 'POST', path: /\/reviews$/, status: 404, times: 1, body: NOT_FOUND })
    const never = { inputs: { 'fail-on': 'never' } }
    const first = await s.run(never)
    s.expectReported(first, DEGRADED, 'never')
    expect(first.stdout).toContain('Could not post the review (HTTP 404: Not Found).')
    expect(first.stdout).toContain('GitHub no longer finds the pull request or its head commit')
    await s.expectRerunsDoNotDuplicate(never, 'never')
  }
)

scenario(
  '422 on one bad anchor: one review with every finding in its body; the re-run counts them as reported',
  async (s) => {
    // GitHub's view of the diff disagrees with ours for one line.
    s.emu.rejectAnchor('tests/db/test_stock.py', 11)
    const first = await s.run()
    s.expectReported(first, REVIEWED)
    expect(s.statuses(/\/reviews$/)).toEqual([422, 200])
    expect(ourReviews(s.emu)).toHaveLength(1)
    expect(s.emu.comments).toHaveLength(0)
    expect(ourReviews(s.emu)[0]?.body).toContain(
      '4 findings GitHub did not accept as line comments'
    )
    expect(ourReviews(s.emu)[0]?.body.match(/```diff\n/g)).toHaveLength(4)
    expect(first.stdout).toContain(
      `::warning::GitHub refused the review's inline comments (HTTP 422: Unprocessable Entity: ${LINE_NOT_IN_DIFF})`
    )
    expect(first.summary).toContain('Posted a review with 0 inline comment(s) and 4 finding(s)')
    expect(first.summary).toContain('GitHub refused the inline comments')
    await s.expectRerunsDoNotDuplicate()
  }
)

scenario(
  'timeouts: a late answer is retried, and a created review never answered is not posted twice',
  async (s) => {
    // The files come after the deadline once; the review is created but its answer never comes.
    s.emu.fault({ method: 'GET', path: /\/files$/, delayMs: 3000, times: 1 })
    s.emu.fault({
      method: 'POST',
      path: /\/reviews$/,
      drop: 'hang',
      afterHandling: true,
      times: 1
    })
    const first = await s.run()
    s.expectReported(first, REVIEWED)
    // The late answer is recorded when it is ready (after the retry's).
    await until(() => s.statuses(/\/files/).length === 2)
    expect(s.statuses(/\/files/)).toEqual([200, 'late'])
    expect(s.statuses(/\/reviews$/)).toEqual(['hang'])
    expect(first.stdout).toContain(
      'Posting the review failed (GitHub did not answer within 1.5s); checking whether it was created.'
    )
    expect(s.emu.reviews).toHaveLength(1)
    expect(first.outputs['review-id']).toBe(String(s.emu.reviews[0]?.id))
    await s.expectRerunsDoNotDuplicate()
  }
)

scenario(
  'timeouts that persist: annotations after the retries; the re-run posts once',
  async (s) => {
    s.emu.fault({ method: 'POST', path: /^\/graphql$/, drop: 'hang', times: 4 })
    const first = await s.run()
    s.expectReported(first, DEGRADED)
    expect(s.statuses(/^\/graphql/)).toEqual(['hang', 'hang', 'hang', 'hang'])
    expect(first.stdout).toContain(
      'Could not read the earlier review comments (GitHub did not answer within 1.5s).'
    )
    expect(first.summary).toContain(
      '**Review comments could not be posted:** GitHub did not answer within 1.5s.'
    )
    await s.expectRerunsDoNotDuplicate()
  }
)

scenario(
  'connection resets: retried, and a reset after the review was created leaves one review',
  async (s) => {
    s.emu.fault({ method: 'GET', path: /\/files$/, drop: 'reset', times: 2 })
    s.emu.fault({ method: 'POST', path: /^\/graphql$/, drop: 'reset', times: 1 })
    s.emu.fault({
      method: 'POST',
      path: /\/reviews$/,
      drop: 'reset',
      afterHandling: true,
      times: 1
    })
    const first = await s.run()
    s.expectReported(first, REVIEWED)
    expect(s.statuses(/\/files/)).toEqual(['reset', 'reset', 200])
    expect(s.statuses(/^\/graphql/)).toEqual(['reset', 200])
    expect(s.statuses(/\/reviews$/)).toEqual(['reset'])
    expect(first.stdout).toMatch(/Posting the review failed \(the connection to GitHub failed: /)
    expect(s.emu.reviews).toHaveLength(1)
    await s.expectRerunsDoNotDuplicate()
  }
)

scenario('connection resets that persist: annotations; the re-run posts once', async (s) => {
  s.emu.fault({ method: 'POST', path: /\/reviews$/, drop: 'reset', times: 3 })
  const first = await s.run()
  s.expectReported(first, DEGRADED)
  expect(s.statuses(/\/reviews$/)).toEqual(['reset', 'reset', 'reset'])
  expect(first.stdout).toMatch(/Could not post the review \(the connection to GitHub failed: /)
  expect(first.stdout).toContain('GitHub kept failing')
  expect(first.summary).toContain(
    '**Review comments could not be posted:** the connection to GitHub failed: '
  )
  await s.expectRerunsDoNotDuplicate()
})
