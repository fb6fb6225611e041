/** The emulator itself: it must refuse what GitHub refuses, or the e2e tests prove nothing. */
import { Emulator, LINE_NOT_IN_DIFF, type Identity } from './server.js'
import { commitAll, git, removeTempDirs, tempDir, writeTree } from './git-fixture.js'

const bot: Identity = { login: 'github-actions[bot]', type: 'Bot', id: 41898282, canWrite: true }
const reader: Identity = {
  login: 'github-actions[bot]',
  type: 'Bot',
  id: 41898282,
  canWrite: false
}
const human: Identity = { login: 'octocat', type: 'User', id: 583231, canWrite: true }

const lines = (n: number, f = (i: number) => `x${i} = ${i}`) =>
  Array.from({ length: n }, (_, i) => f(i + 1)).join('\n') + '\n'

let emu: Emulator
let repo: string
let base: string
let head: string

interface RestError {
  message: string
  errors: string[]
}
interface GraphqlResult {
  data: {
    viewer: { login: string }
    repository: {
      pullRequest: {
        reviewThreads: {
          nodes: Array<{ comments: { nodes: Array<{ author: { login: string } }> } }>
        }
      }
    }
    resolveReviewThread: { thread: { isResolved: boolean } }
  }
  errors: Array<{ message: string; type?: string }>
}

async function call<T = RestError>(method: string, path: string, token: string, body?: unknown) {
  const res = await fetch(`${emu.url}${path}`, {
    method,
    headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) })
  })
  return { status: res.status, headers: res.headers, body: (await res.json()) as T }
}

beforeAll(async () => {
  repo = tempDir()
  git(repo, 'init', '--quiet')
  writeTree(repo, { 'tests/test_a.py': lines(40), 'tests/test_b.py': lines(5) })
  base = commitAll(repo, 'base')
  writeTree(repo, {
    'tests/test_a.py': lines(40, (i) =>
      i === 10 || i === 30 ? `x${i} = ${i * 100}` : `x${i} = ${i}`
    ),
    'tests/test_c.py': 'c = 1\n'
  })
  head = commitAll(repo, 'head')
  emu = await new Emulator({
    owner: 'o',
    repo: 'r',
    tokens: { w: bot, ro: reader, h: human }
  }).start()
  emu.addPull(1, repo, base, head)
})

afterAll(async () => {
  await emu.close()
  removeTempDirs()
})

const review = (comments: unknown[]) => ({ commit_id: head, event: 'COMMENT', body: 'b', comments })

describe('emulator', () => {
  it('lists the PR files with real patches, paginated with Link headers', async () => {
    type Files = Array<{ filename: string; status: string; patch?: string }>
    const first = await call<Files>('GET', '/repos/o/r/pulls/1/files?per_page=1', 'w')
    expect(first.status).toBe(200)
    expect(first.body).toHaveLength(1)
    expect(first.headers.get('link')).toContain('rel="next"')
    const all = await call<Files>('GET', '/repos/o/r/pulls/1/files?per_page=100', 'w')
    expect(all.body.map((f) => [f.filename, f.status])).toEqual([
      ['tests/test_a.py', 'modified'],
      ['tests/test_c.py', 'added']
    ])
    expect(all.body[0]?.patch).toMatch(/^@@ -7,7 \+7,7 @@/)
    expect(emu.responseProblems).toEqual([])
  })

  it('rejects unknown tokens, bad query parameters and bodies that break the OpenAPI schema', async () => {
    expect((await call('GET', '/repos/o/r/pulls/1/files', 'nope')).status).toBe(401)
    expect((await call('GET', '/repos/o/r/pulls/1/files?per_page=500', 'w')).status).toBe(422)
    const bad = await call('POST', '/repos/o/r/pulls/1/reviews', 'w', {
      event: 'SHOUT',
      comments: [{ line: 'ten' }]
    })
    expect(bad.status).toBe(422)
    expect(bad.body.message).toContain('Invalid request')
    expect(emu.requestProblems.length).toBeGreaterThan(0)
    emu.requestProblems.length = 0
  })

  it('rejects a whole review when one anchor is outside the diff, with GitHub’s 422 body', async () => {
    const res = await call(
      'POST',
      '/repos/o/r/pulls/1/reviews',
      'w',
      review([
        { path: 'tests/test_a.py', line: 10, side: 'RIGHT', body: 'ok' },
        { path: 'tests/test_a.py', line: 20, side: 'RIGHT', body: 'outside' }
      ])
    )
    expect(res.status).toBe(422)
    expect(res.body).toEqual({
      message: 'Unprocessable Entity',
      errors: [
        "Pull request review thread line must be part of the diff and Pull request review thread diff hunk can't be blank"
      ],
      documentation_url:
        'https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request',
      status: '422'
    })
    expect(emu.reviews).toHaveLength(0)
  })

  it('rejects ranges across hunks, start_line equal to line, and files not in the PR', async () => {
    const across = await call(
      'POST',
      '/repos/o/r/pulls/1/reviews',
      'w',
      review([{ path: 'tests/test_a.py', start_line: 10, line: 30, side: 'RIGHT', body: 'x' }])
    )
    expect(across.body.errors[0]).toContain('start line must be part of the same hunk')
    const same = await call(
      'POST',
      '/repos/o/r/pulls/1/reviews',
      'w',
      review([{ path: 'tests/test_a.py', start_line: 10, line: 10, side: 'RIGHT', body: 'x' }])
    )
    expect(same.body.errors[0]).toContain('start line must precede the end line')
    const notInPr = await call(
      'POST',
      '/repos/o/r/pulls/1/reviews',
      'w',
      review([{ path: 'tests/test_b.py', line: 1, side: 'RIGHT', body: 'x' }])
    )
    expect(notInPr.body.errors[0]).toContain('path is invalid')
  })

  it('refuses writes from a read-only token', async () => {
    const res = await call('POST', '/repos/o/r/pulls/1/reviews', 'ro', review([]))
    expect(res).toMatchObject({
      status: 403,
      body: { message: 'Resource not accessible by integration' }
    })
  })

  it('creates reviews with threads, answers GraphQL against GitHub’s schema, and re-anchors on push', async () => {
    const res = await call<{ state: string }>(
      'POST',
      '/repos/o/r/pulls/1/reviews',
      'w',
      review([
        {
          path: 'tests/test_a.py',
          start_line: 8,
          line: 10,
          side: 'RIGHT',
          start_side: 'RIGHT',
          body: 'range'
        },
        { path: 'tests/test_a.py', line: 30, side: 'RIGHT', body: 'single' }
      ])
    )
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      state: 'COMMENTED',
      commit_id: head,
      user: { login: 'github-actions[bot]' }
    })
    expect(emu.threadsOf(1)).toHaveLength(2)

    const q = await call<GraphqlResult>('POST', '/graphql', 'w', {
      query:
        'query($n:Int!){ viewer{login} repository(owner:"o",name:"r"){ pullRequest(number:$n){ reviewThreads(first:10){ nodes{ id isResolved isOutdated comments(first:1){ totalCount nodes{ author{login} body } } } } } } }',
      variables: { n: 1 }
    })
    expect(q.body).toEqual({ data: expect.anything() })
    expect(q.body.data.viewer.login).toBe('github-actions[bot]')
    expect(
      q.body.data.repository.pullRequest.reviewThreads.nodes[0]?.comments.nodes[0]?.author.login
    ).toBe('github-actions')

    const invalid = await call<GraphqlResult>('POST', '/graphql', 'w', {
      query: '{ viewer { loginName } }'
    })
    expect(invalid.status).toBe(200)
    expect(invalid.body.errors[0]?.message).toContain('Cannot query field "loginName"')
    emu.requestProblems.length = 0

    // A push that inserts two lines above line 30 and changes line 9.
    const text = lines(40, (i) =>
      i === 10 || i === 30 ? `x${i} = ${i * 100}` : i === 9 ? 'x9 = 9000' : `x${i} = ${i}`
    )
    writeTree(repo, {
      'tests/test_a.py': text.replace('x20 = 20\n', 'x20 = 20\nnew1 = 1\nnew2 = 2\n')
    })
    const next = commitAll(repo, 'push')
    emu.pushHead(1, next)
    const [range, single] = emu.threadsOf(1)
    expect(range).toMatchObject({ isOutdated: true, line: null })
    expect(single).toMatchObject({ isOutdated: false, line: 32 })

    const denied = await call<GraphqlResult>('POST', '/graphql', 'ro', {
      query: 'mutation($t:ID!){ resolveReviewThread(input:{threadId:$t}){ thread{ id } } }',
      variables: { t: single?.id }
    })
    expect(denied.body.errors[0]).toMatchObject({ type: 'FORBIDDEN' })
    const ok = await call<GraphqlResult>('POST', '/graphql', 'w', {
      query:
        'mutation($t:ID!){ resolveReviewThread(input:{threadId:$t}){ thread{ id isResolved } } }',
      variables: { t: single?.id }
    })
    expect(ok.body.data.resolveReviewThread.thread.isResolved).toBe(true)

    const listed = await call<Array<{ line?: number; original_line: number }>>(
      'GET',
      '/repos/o/r/pulls/1/comments?per_page=100',
      'h'
    )
    expect(listed.body.map((c) => [c.line, c.original_line])).toEqual([
      [undefined, 10],
      [32, 30]
    ])
    expect(emu.responseProblems).toEqual([])
  })

  it('injects faults with headers', async () => {
    emu.fault({
      method: 'GET',
      path: /\/files$/,
      status: 403,
      times: 1,
      body: { message: 'API rate limit exceeded' },
      headers: { 'x-ratelimit-remaining': '0' }
    })
    const limited = await call('GET', '/repos/o/r/pulls/1/files', 'w')
    expect(limited.status).toBe(403)
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0')
    expect((await call('GET', '/repos/o/r/pulls/1/files', 'w')).status).toBe(200)
  })
})

describe('emulator faults without an answer, and anchors GitHub refuses', () => {
  let faulty: Emulator
  beforeEach(async () => {
    faulty = await new Emulator({ owner: 'o', repo: 'r', tokens: { w: bot } }).start()
    faulty.addPull(1, repo, base, head)
  })
  afterEach(async () => {
    expect(faulty.requestProblems).toEqual([])
    expect(faulty.responseProblems).toEqual([])
    await faulty.close()
  })

  const post = (body: unknown, signal?: AbortSignal) =>
    fetch(`${faulty.url}/repos/o/r/pulls/1/reviews`, {
      method: 'POST',
      headers: { authorization: 'token w', 'content-type': 'application/json' },
      body: JSON.stringify(body),
      ...(signal ? { signal } : {})
    })
  const causeCode = (e: unknown) =>
    (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message

  it('resets the connection before handling: nothing is written', async () => {
    faulty.fault({ method: 'POST', path: /\/reviews$/, drop: 'reset', times: 1 })
    const error = await post(review([])).then(
      () => undefined,
      (e: unknown) => e
    )
    expect((error as Error).message).toBe('fetch failed')
    expect(causeCode(error)).toMatch(/ECONNRESET|UND_ERR_SOCKET/)
    expect(faulty.reviews).toHaveLength(0)
    expect(faulty.requests).toEqual([
      expect.objectContaining({ method: 'POST', status: 0, dropped: 'reset' })
    ])
    expect((await post(review([]))).status).toBe(200)
  })

  it('resets the connection after handling: the review exists, the answer is lost', async () => {
    faulty.fault({
      method: 'POST',
      path: /\/reviews$/,
      drop: 'reset',
      afterHandling: true,
      times: 1
    })
    await expect(post(review([]))).rejects.toThrow()
    expect(faulty.reviews).toHaveLength(1)
    expect(faulty.requests[0]).toMatchObject({ status: 200, dropped: 'reset' })
  })

  it('hangs without an answer until the client gives up', async () => {
    faulty.fault({ method: 'GET', path: /\/files$/, drop: 'hang', times: 1 })
    const started = Date.now()
    const error = await fetch(`${faulty.url}/repos/o/r/pulls/1/files`, {
      headers: { authorization: 'token w' },
      signal: AbortSignal.timeout(300)
    }).then(
      () => undefined,
      (e: unknown) => e as Error
    )
    expect(error?.name).toBe('TimeoutError')
    expect(Date.now() - started).toBeLessThan(5000)
    expect(faulty.requests).toEqual([expect.objectContaining({ status: 0, dropped: 'hang' })])
  })

  it('answers late: handled at once, answered after the delay (or never, if the client left)', async () => {
    faulty.fault({ method: 'POST', path: /\/reviews$/, delayMs: 400, times: 2 })
    const started = Date.now()
    expect((await post(review([]))).status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(350)
    await expect(post(review([]), AbortSignal.timeout(100))).rejects.toThrow()
    expect(faulty.reviews).toHaveLength(2)
    await new Promise((r) => setTimeout(r, 500))
    expect(faulty.requests.map((r) => r.dropped)).toEqual([undefined, 'late'])
  })

  it('checks a request against the OpenAPI description even when a fault answers it', async () => {
    faulty.fault({ method: 'POST', path: /\/reviews$/, drop: 'reset', times: 1 })
    expect((await post({ event: 'SHOUT' })).status).toBe(422)
    expect(faulty.requestProblems.length).toBeGreaterThan(0)
    faulty.requestProblems.length = 0
  })

  it('refuses a whole review for one anchor GitHub does not take, with its 422 body', async () => {
    faulty.rejectAnchor('tests/test_a.py', 10)
    const refused = await post(
      review([
        { path: 'tests/test_a.py', line: 30, side: 'RIGHT', body: 'fine' },
        { path: 'tests/test_a.py', start_line: 9, line: 11, side: 'RIGHT', body: 'refused' }
      ])
    )
    expect(refused.status).toBe(422)
    expect(await refused.json()).toEqual({
      message: 'Unprocessable Entity',
      errors: [LINE_NOT_IN_DIFF],
      documentation_url:
        'https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request',
      status: '422'
    })
    expect(faulty.reviews).toHaveLength(0)
    // The same review without that comment goes through.
    const ok = await post(
      review([{ path: 'tests/test_a.py', line: 30, side: 'RIGHT', body: 'fine' }])
    )
    expect(ok.status).toBe(200)
  })
})
