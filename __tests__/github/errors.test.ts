import { RequestError } from '@octokit/request-error'
import { classifyError, describeFailure, howToEnableComments } from '../../src/github/errors.js'

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
