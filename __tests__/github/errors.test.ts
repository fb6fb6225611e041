import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { RequestError } from '@octokit/request-error'
import { createClient, tuningFromEnv, withTimeout } from '../../src/github/client.js'
import {
  classifyError,
  describeFailure,
  howToEnableComments,
  isAnchorRejection,
  RequestTimeoutError
} from '../../src/github/errors.js'

function requestError(status: number, data: unknown, headers: Record<string, string> = {}) {
  return new RequestError('request failed', status, {
    request: {
      method: 'POST',
      url: 'https://api.github.com/x',
      headers: { authorization: 'token ghs_secret' }
    },
    response: { status, url: 'https://api.github.com/x', headers, data, retryCount: 0 } as never
  })
}

describe('classifyError', () => {
  it('recognises permission, validation, rate limits and server errors', () => {
    expect(
      classifyError(requestError(403, { message: 'Resource not accessible by integration' }))
    ).toMatchObject({ kind: 'permission', status: 403 })
    const v = classifyError(
      requestError(422, {
        message: 'Unprocessable Entity',
        errors: ['Pull request review thread line must be part of the diff']
      })
    )
    expect(v).toEqual({
      kind: 'validation',
      status: 422,
      message: 'Unprocessable Entity: Pull request review thread line must be part of the diff'
    })
    expect(
      classifyError(requestError(403, { message: 'You have exceeded a secondary rate limit' })).kind
    ).toBe('rate-limit')
    expect(
      classifyError(
        requestError(403, { message: 'API rate limit exceeded' }, { 'x-ratelimit-remaining': '0' })
      ).kind
    ).toBe('rate-limit')
    expect(classifyError(requestError(502, { message: 'Bad gateway' })).kind).toBe('server')
    expect(
      classifyError({
        errors: [{ type: 'FORBIDDEN', message: 'Resource not accessible by integration' }]
      }).kind
    ).toBe('permission')
    expect(classifyError(new TypeError('fetch failed')).kind).toBe('network')
  })

  it('tells a missing pull request (404) from a permission problem', () => {
    expect(classifyError(requestError(404, { message: 'Not Found', status: '404' }))).toMatchObject(
      { kind: 'not-found', status: 404, message: 'Not Found' }
    )
    expect(
      classifyError({ errors: [{ type: 'NOT_FOUND', message: 'Could not resolve to a node' }] })
        .kind
    ).toBe('not-found')
    expect(howToEnableComments('not-found', false)).toContain('head branch was deleted')
  })

  it('recognises a refused review anchor, and only that, among 422s', () => {
    const v = (message: string, errors: string[]) =>
      classifyError(requestError(422, { message, errors }))
    expect(
      isAnchorRejection(
        v('Unprocessable Entity', [
          "Pull request review thread line must be part of the diff and Pull request review thread diff hunk can't be blank"
        ])
      )
    ).toBe(true)
    expect(isAnchorRejection(v('Unprocessable Entity', ['Line could not be resolved']))).toBe(true)
    expect(
      isAnchorRejection(
        v('Unprocessable Entity', ['Body is too long (maximum is 65536 characters)'])
      )
    ).toBe(false)
    expect(
      isAnchorRejection(v('Unprocessable Entity', ['Commit id is not part of the pull request']))
    ).toBe(false)
    expect(isAnchorRejection(classifyError(requestError(404, { message: 'Not Found' })))).toBe(
      false
    )
  })

  it('never includes the token in what it reports', () => {
    const f = classifyError(requestError(401, { message: 'Bad credentials' }))
    expect(describeFailure(f)).toBe('HTTP 401: Bad credentials')
    expect(JSON.stringify(f)).not.toContain('ghs_secret')
  })

  it('explains how to get comments on fork pull requests', () => {
    const text = howToEnableComments('permission', true)
    expect(text).toContain('pull-requests: write')
    expect(text).toContain('pull_request_target')
    expect(text).toContain('fork')
  })
})

describe('requests that get no answer', () => {
  let server: Server
  let url: string
  /** What the server does with each request. */
  let behave: 'hang' | 'reset' | 'ok'
  let seen = 0

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen += 1
      req.resume()
      if (behave === 'reset') req.socket.resetAndDestroy()
      else if (behave === 'ok')
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"login":"x"}')
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    server.closeAllConnections()
    await new Promise((r) => server.close(r))
  })
  beforeEach(() => {
    seen = 0
  })

  const client = () =>
    createClient({
      token: 'ghs_secret',
      apiUrl: url,
      graphqlUrl: `${url}/graphql`,
      log: () => {},
      timeoutMs: 200,
      retryBaseMs: 1
    })

  it('gives up on a request GitHub never answers, retries it, and says so clearly', async () => {
    behave = 'hang'
    const started = Date.now()
    const error = await client()
      .octokit.request('GET /user')
      .then(
        () => undefined,
        (e: unknown) => e
      )
    // One attempt and three retries, 200 ms each.
    expect(seen).toBe(4)
    expect(Date.now() - started).toBeLessThan(5000)
    const f = classifyError(error)
    expect(f).toEqual({ kind: 'network', message: 'GitHub did not answer within 0.2s' })
    expect(describeFailure(f)).toBe('GitHub did not answer within 0.2s')
    expect(JSON.stringify(f)).not.toContain('ghs_secret')
  })

  it('reports a reset connection as a network failure, after retrying it', async () => {
    behave = 'reset'
    const error = await client()
      .octokit.request('GET /user')
      .then(
        () => undefined,
        (e: unknown) => e
      )
    expect(seen).toBe(4)
    const f = classifyError(error)
    expect(f.kind).toBe('network')
    expect(f.status).toBeUndefined()
    expect(f.message).toMatch(/^the connection to GitHub failed: .*(ECONNRESET|UND_ERR_SOCKET)/)
  })

  it('leaves a prompt answer alone (status, headers, url and body)', async () => {
    behave = 'ok'
    const res = await client().octokit.request('GET /user')
    expect(res).toMatchObject({ status: 200, url: `${url}/user`, data: { login: 'x' } })
    expect(res.headers['content-type']).toBe('application/json')
  })

  it('still lets a caller abort, and turns only its own deadline into a timeout', async () => {
    behave = 'hang'
    const fetchWithDeadline = withTimeout(globalThis.fetch, 5000)
    const caller = new AbortController()
    const pending = fetchWithDeadline(`${url}/user`, { signal: caller.signal })
    caller.abort()
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
    await expect(withTimeout(globalThis.fetch, 100)(`${url}/user`)).rejects.toBeInstanceOf(
      RequestTimeoutError
    )
  })

  it('reads its tuning from the environment and ignores nonsense', () => {
    const warnings: string[] = []
    expect(
      tuningFromEnv({ LOOPSCOPE_HTTP_TIMEOUT_MS: '1500', LOOPSCOPE_RETRY_BASE_MS: '10' }, (m) =>
        warnings.push(m)
      )
    ).toEqual({ timeoutMs: 1500, retryBaseMs: 10 })
    expect(tuningFromEnv({ LOOPSCOPE_HTTP_TIMEOUT_MS: 'soon' }, (m) => warnings.push(m))).toEqual(
      {}
    )
    expect(warnings).toEqual([
      'Ignoring LOOPSCOPE_HTTP_TIMEOUT_MS="soon": expected a positive number of milliseconds.'
    ])
  })
})
