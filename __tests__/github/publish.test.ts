/**
 * The review reporter against the emulator, in process: real Octokit (throttling and retry
 * plugins included), real HTTP, hand-built findings with real offsets.
 */
import { createClient, type ClientOptions } from '../../src/github/client.js'
import { DiffIndex, hunksFromPatch, type FileDiff } from '../../src/github/diff.js'
import { listPullFiles } from '../../src/github/pull-diff.js'
import { publishReview, type Logger, type PublishOptions } from '../../src/github/publish.js'
import { findingMarker } from '../../src/report/fingerprint.js'
import type { Finding } from '../../src/rules/types.js'
import { Emulator, LINE_NOT_IN_DIFF, secondaryRateLimit, type Identity } from '../emulator/server.js'
import { commitAll, git, removeTempDirs, tempDir, writeTree } from '../emulator/git-fixture.js'
import { applySuggestions, openSuggestions } from '../emulator/suggestions.js'
import { finding, insertAtLine, replaceIn } from './helpers.js'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

afterAll(removeTempDirs)

const bot: Identity = { login: 'github-actions[bot]', type: 'Bot', id: 41898282, canWrite: true }
const readOnly: Identity = { ...bot, canWrite: false }
const human: Identity = { login: 'octocat', type: 'User', id: 583231, canWrite: true }

const conftestBase =
  'import pytest_asyncio\n\n\n@pytest_asyncio.fixture(scope="session", loop_scope="session")\nasync def pool():\n    yield 1\n'
const conftestHead = conftestBase.replace('loop_scope="session")', 'loop_scope="function")')
const testHead =
  'import pytest\n\n\n@pytest.mark.asyncio\nasync def test_a(pool):\n    assert pool\n\n\n@pytest.mark.asyncio\nasync def test_b(pool):\n    assert pool\n'

function pa101(text = conftestHead): Finding {
  return finding({
    path: 'conftest.py',
    line: 4,
    endLine: 5,
    symbol: 'fixture:conftest.py::pool',
    fix: {
      title: 'Set `loop_scope="session"`',
      edits: [replaceIn('conftest.py', text, 'loop_scope="function"', 'loop_scope="session"')],
      applicability: 'safe'
    }
  })
}

function pa104(test: string, nth: number): Finding {
  return finding({
    code: 'PA104',
    name: 'test-runs-in-narrower-loop-than-fixture',
    path: 'tests/test_a.py',
    line: nth === 0 ? 4 : 9,
    endLine: nth === 0 ? 5 : 10,
    symbol: `tests/test_a.py::${nth === 0 ? 'test_a' : 'test_b'}`,
    fix: {
      title: 'Run it in the session loop',
      edits: [
        replaceIn(
          'tests/test_a.py',
          testHead,
          '@pytest.mark.asyncio\n',
          '@pytest.mark.asyncio(loop_scope="session")\n',
          nth
        )
      ],
      applicability: 'safe'
    }
  })
}

interface Setup {
  emu: Emulator
  repo: string
  head: string
  opts: (token: string, client?: Partial<ClientOptions>) => PublishOptions
  diff: () => Promise<DiffIndex>
  logs: string[]
}

async function setup(): Promise<Setup> {
  const repo = tempDir()
  git(repo, 'init', '--quiet')
  writeTree(repo, { 'conftest.py': conftestBase, 'pytest.ini': '[pytest]\n' })
  const base = commitAll(repo, 'base')
  writeTree(repo, { 'conftest.py': conftestHead, 'tests/test_a.py': testHead })
  const head = commitAll(repo, 'head')
  const emu = await new Emulator({
    owner: 'o',
    repo: 'r',
    tokens: { w: bot, ro: readOnly, h: human }
  }).start()
  emu.addPull(7, repo, base, head)
  const logs: string[] = []
  const log: Logger = {
    info: (m) => logs.push(m),
    warning: (m) => logs.push(`warning: ${m}`),
    debug: () => {}
  }
  const pr = { owner: 'o', repo: 'r', number: 7, baseSha: base, headSha: head, commits: 1 }
  const opts = (token: string, client: Partial<ClientOptions> = {}): PublishOptions => ({
    client: createClient({
      token,
      apiUrl: emu.url,
      graphqlUrl: emu.graphqlUrl,
      log: (m) => logs.push(m),
      maxRateLimitWait: 5,
      ...client
    }),
    pr,
    headSha: emu.pull(7).headSha,
    runKey: `run.${logs.length}.${emu.pull(7).headSha.slice(0, 12)}`,
    maxComments: 30,
    suggestions: true,
    log,
    sleep: async () => {}
  })
  const diff = async () =>
    new DiffIndex(
      (
        await listPullFiles(
          createClient({ token: 'w', apiUrl: emu.url, graphqlUrl: emu.graphqlUrl, log: () => {} }),
          pr
        )
      ).files
    )
  return { emu, repo, head, opts, diff, logs }
}

const sources = (conftest = conftestHead) =>
  new Map([
    ['conftest.py', conftest],
    ['tests/test_a.py', testHead],
    ['pytest.ini', '[pytest]\n']
  ])

describe('publishReview against the emulator', () => {
  let s: Setup
  beforeEach(async () => {
    s = await setup()
  })
  afterEach(() => s.emu.close())

  it('posts one review whose suggestions, applied, give the fixed files', async () => {
    const findings = [pa101(), pa104(testHead, 0), pa104(testHead, 1)]
    const out = await publishReview(findings, sources(), await s.diff(), s.opts('w'))
    expect(out).toMatchObject({ kind: 'published', inline: 3, listedInBody: 0, resolved: 0 })
    expect(s.emu.reviews).toHaveLength(1)
    expect(s.emu.reviews[0]).toMatchObject({ state: 'COMMENTED', commit_id: s.head })
    expect(s.emu.requests.filter((r) => r.method === 'POST' && r.graphql !== 'query')).toHaveLength(
      1
    )
    expect(s.emu.requestProblems).toEqual([])
    expect(s.emu.responseProblems).toEqual([])
    // Bottom-up within each file.
    expect(s.emu.comments.map((c) => [c.path, c.line])).toEqual([
      ['conftest.py', 4],
      ['tests/test_a.py', 9],
      ['tests/test_a.py', 4]
    ])
    const dir = tempDir()
    git(s.repo, 'worktree', 'add', '--quiet', '--detach', dir, s.head)
    applySuggestions(dir, openSuggestions(s.emu, 7, bot.login))
    expect(readFileSync(join(dir, 'conftest.py'), 'utf8')).toBe(conftestBase)
    expect(readFileSync(join(dir, 'tests/test_a.py'), 'utf8')).toBe(
      testHead.replace(/@pytest\.mark\.asyncio\n/g, '@pytest.mark.asyncio(loop_scope="session")\n')
    )
  })

  it('on a re-run posts only new findings, leaves open ones alone and resolves fixed ones', async () => {
    await publishReview([pa101(), pa104(testHead, 0)], sources(), await s.diff(), s.opts('w'))
    const [t1, t2] = s.emu.threadsOf(7)
    s.emu.reply(s.emu.comment(t2?.commentIds[0] as number).id, human, 'Thanks, will fix.')

    // Same findings again: nothing is written.
    const before = s.emu.requests.length
    const again = await publishReview(
      [pa101(), pa104(testHead, 0)],
      sources(),
      await s.diff(),
      s.opts('w')
    )
    expect(again).toMatchObject({ kind: 'published', alreadyReported: 2, resolved: 0 })
    expect((again as { reviewId?: number }).reviewId).toBeUndefined()
    expect(
      s.emu.requests.slice(before).filter((r) => r.method === 'POST' && r.graphql !== 'query')
    ).toEqual([])

    // PA101 fixed (its thread resolved), test_a's finding still there, test_b's new.
    const third = await publishReview(
      [pa104(testHead, 0), pa104(testHead, 1)],
      sources(),
      await s.diff(),
      s.opts('w')
    )
    expect(third).toMatchObject({ kind: 'published', inline: 1, alreadyReported: 1, resolved: 1 })
    expect(s.emu.thread(t1?.id as string)?.isResolved).toBe(true)
    expect(s.emu.thread(t2?.id as string)).toMatchObject({
      isResolved: false,
      commentIds: [expect.any(Number), expect.any(Number)]
    })
    expect(s.emu.reviews).toHaveLength(2)
    // Resolving never deletes: every comment is still there.
    expect(s.emu.comments).toHaveLength(4)
  })

  it('never touches threads it did not write, even with a copied fingerprint', async () => {
    const f = pa101()
    // A person pastes our marker into their own comment.
    await fetch(`${s.emu.url}/repos/o/r/pulls/7/reviews`, {
      method: 'POST',
      headers: { authorization: 'token h', 'content-type': 'application/json' },
      body: JSON.stringify({
        commit_id: s.head,
        event: 'COMMENT',
        body: '',
        comments: [
          {
            path: 'conftest.py',
            line: 4,
            side: 'RIGHT',
            body: `copy ${findingMarker({ code: f.code, path: f.path, symbol: f.symbol })}`
          }
        ]
      })
    })
    const out = await publishReview([f], sources(), await s.diff(), s.opts('w'))
    // Their comment does not count as ours: the finding is posted by us...
    expect(out).toMatchObject({ kind: 'published', inline: 1 })
    // ...and when it is fixed, only our thread is resolved.
    const r = await publishReview([], sources(), await s.diff(), s.opts('w'))
    expect(r).toMatchObject({ resolved: 1 })
    const theirs = s.emu
      .threadsOf(7)
      .find((t) => s.emu.comment(t.commentIds[0] as number).author === human)
    expect(theirs?.isResolved).toBe(false)
  })

  it('reports a read-only token as a permission failure, posting nothing', async () => {
    const out = await publishReview([pa101()], sources(), await s.diff(), s.opts('ro'))
    expect(out).toMatchObject({
      kind: 'failed',
      stage: 'post',
      failure: { kind: 'permission', status: 403 }
    })
    expect(s.emu.reviews).toHaveLength(0)
  })

  it('waits out a secondary rate limit and posts', async () => {
    s.emu.fault(secondaryRateLimit('POST', /\/reviews$/, 1))
    const out = await publishReview([pa101()], sources(), await s.diff(), s.opts('w'))
    expect(out).toMatchObject({ kind: 'published', inline: 1 })
    expect(s.emu.reviews).toHaveLength(1)
    expect(s.logs.join('\n')).toContain('secondary rate limit')
  })

  it('does not post twice when the response to a created review is lost', async () => {
    s.emu.fault({
      method: 'POST',
      path: /\/reviews$/,
      status: 502,
      times: 1,
      afterHandling: true,
      body: { message: 'Server Error' }
    })
    const out = await publishReview([pa101()], sources(), await s.diff(), s.opts('w'))
    expect(out).toMatchObject({ kind: 'published', reviewId: s.emu.reviews[0]?.id })
    expect(s.emu.reviews).toHaveLength(1)
  })

  it('retries when a server error happened before the review was created', async () => {
    s.emu.fault({
      method: 'POST',
      path: /\/reviews$/,
      status: 502,
      times: 1,
      body: { message: 'Server Error' }
    })
    const out = await publishReview([pa101()], sources(), await s.diff(), s.opts('w'))
    expect(out).toMatchObject({ kind: 'published', inline: 1 })
    expect(s.emu.reviews).toHaveLength(1)
  })

  it('lists every finding in the body when GitHub refuses one anchor, and a re-run counts them as reported', async () => {
    // GitHub's view of the diff disagrees with ours for test_b's lines.
    s.emu.rejectAnchor('tests/test_a.py', 9)
    const findings = [pa101(), pa104(testHead, 0), pa104(testHead, 1)]
    const out = await publishReview(findings, sources(), await s.diff(), s.opts('w'))
    expect(out).toMatchObject({
      kind: 'published',
      inline: 0,
      listedInBody: 3,
      demoted: { comments: 3, failure: { kind: 'validation', status: 422 } }
    })
    const posts = s.emu.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/reviews'))
    expect(posts.map((r) => r.status)).toEqual([422, 200])
    expect(s.emu.reviews).toHaveLength(1)
    expect(s.emu.comments).toHaveLength(0)
    const body = s.emu.reviews[0]?.body ?? ''
    expect(body).toContain('3 findings GitHub did not accept as line comments')
    for (const f of findings)
      expect(body).toContain(findingMarker({ code: f.code, path: f.path, symbol: f.symbol }))
    // The fixes go along as diffs: the suggestion of each becomes its whole fix.
    expect(body.match(/```diff\n/g)).toHaveLength(3)
    expect(body).toContain('+@pytest.mark.asyncio(loop_scope="session")')
    expect(s.logs.join('\n')).toContain(
      `warning: GitHub refused the review's inline comments (HTTP 422: Unprocessable Entity: ${LINE_NOT_IN_DIFF})`
    )

    const before = s.emu.requests.length
    const again = await publishReview(findings, sources(), await s.diff(), s.opts('w'))
    expect(again).toMatchObject({ kind: 'published', alreadyReported: 3, inline: 0 })
    expect((again as { reviewId?: number }).reviewId).toBeUndefined()
    expect(
      s.emu.requests.slice(before).filter((r) => r.method === 'POST' && r.graphql !== 'query')
    ).toEqual([])
  })

  it('moves comments on an anchor that slipped through our diff into the body', async () => {
    // A diff index that wrongly claims line 1 of pytest.ini is in the diff.
    const wrong: FileDiff = {
      path: 'pytest.ini',
      status: 'modified',
      hunks: hunksFromPatch('@@ -1 +1 @@\n-[x]\n+[pytest]'),
      patchKnown: true
    }
    const diff = new DiffIndex([...(await s.diff()).files, wrong])
    const f = finding({
      code: 'PA108',
      path: 'pytest.ini',
      line: 1,
      symbol: 'config',
      fix: {
        title: 'add',
        edits: [insertAtLine('pytest.ini', '[pytest]\n', 2, 'x = 1\n')],
        applicability: 'safe'
      }
    })
    const out = await publishReview([f, pa101()], sources(), diff, s.opts('w'))
    expect(out).toMatchObject({ kind: 'published', inline: 0, listedInBody: 2 })
    expect(
      (out as { demoted?: { failure: { message: string } } }).demoted?.failure.message
    ).toContain('path is invalid')
    expect(s.emu.reviews).toHaveLength(1)
  })

  it('falls back when the review with every finding in its body is refused too', async () => {
    s.emu.fault({
      method: 'POST',
      path: /\/reviews$/,
      status: 422,
      times: 2,
      body: {
        message: 'Unprocessable Entity',
        errors: [LINE_NOT_IN_DIFF],
        documentation_url:
          'https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request',
        status: '422'
      }
    })
    const out = await publishReview([pa101()], sources(), await s.diff(), s.opts('w'))
    expect(out).toMatchObject({
      kind: 'failed',
      stage: 'post',
      failure: { kind: 'validation', status: 422 }
    })
    expect(
      s.emu.requests.filter((r) => r.path.endsWith('/reviews') && r.method === 'POST')
    ).toHaveLength(2)
    expect(s.emu.reviews).toHaveLength(0)
  })

  it('does not post again after a 422 that is not about anchors', async () => {
    s.emu.fault({
      method: 'POST',
      path: /\/reviews$/,
      status: 422,
      times: 1,
      body: {
        message: 'Unprocessable Entity',
        errors: ['Body is too long (maximum is 65536 characters)'],
        documentation_url:
          'https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request',
        status: '422'
      }
    })
    const out = await publishReview([pa101()], sources(), await s.diff(), s.opts('w'))
    expect(out).toMatchObject({ kind: 'failed', failure: { kind: 'validation' } })
    expect(
      s.emu.requests.filter((r) => r.path.endsWith('/reviews') && r.method === 'POST')
    ).toHaveLength(1)
  })

  it('does not post twice when GitHub creates the review but answers after the timeout', async () => {
    s.emu.fault({ method: 'POST', path: /\/reviews$/, delayMs: 1500, times: 1 })
    const out = await publishReview(
      [pa101()],
      sources(),
      await s.diff(),
      s.opts('w', { timeoutMs: 300 })
    )
    expect(out).toMatchObject({ kind: 'published', reviewId: s.emu.reviews[0]?.id })
    expect(s.emu.reviews).toHaveLength(1)
    expect(s.logs.join('\n')).toContain(
      'Posting the review failed (GitHub did not answer within 0.3s); checking whether it was created.'
    )
  })

  it('does not post twice when the connection is reset after the review was created', async () => {
    s.emu.fault({
      method: 'POST',
      path: /\/reviews$/,
      drop: 'reset',
      afterHandling: true,
      times: 1
    })
    const out = await publishReview([pa101()], sources(), await s.diff(), s.opts('w'))
    expect(out).toMatchObject({ kind: 'published', reviewId: s.emu.reviews[0]?.id })
    expect(s.emu.reviews).toHaveLength(1)
    expect(s.logs.join('\n')).toMatch(
      /Posting the review failed \(the connection to GitHub failed: /
    )
  })

  it('resolves a thread whose finding is gone even when someone replied, without deleting it', async () => {
    await publishReview([pa101()], sources(), await s.diff(), s.opts('w'))
    const t = s.emu.threadsOf(7)[0]
    s.emu.reply(t?.commentIds[0] as number, human, 'Why?')
    const out = await publishReview([], sources(), await s.diff(), s.opts('w'))
    expect(out).toMatchObject({ resolved: 1 })
    expect(s.emu.comments).toHaveLength(2)
  })
})
