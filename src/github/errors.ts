/**
 * What a failed GitHub call means for the run. None of these fail the action: every kind makes
 * Loopscope fall back to workflow annotations plus the job summary, and the log says why and,
 * for permissions, how to get review comments.
 */

export type FailureKind =
  'permission' | 'not-found' | 'rate-limit' | 'validation' | 'server' | 'network' | 'other'

/**
 * A request that got no complete answer within the client's deadline (see client.ts). Octokit
 * wraps it in a RequestError (status 500, no response) as its `cause`, so it is retried like a
 * server error; classifyError reports it as a network failure with this message.
 */
export class RequestTimeoutError extends Error {
  override readonly name = 'RequestTimeoutError'
  constructor(readonly timeoutMs: number) {
    super(`GitHub did not answer within ${formatSeconds(timeoutMs)}`)
  }
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(ms < 10_000 ? 1 : 0))}s`
}

export interface ApiFailure {
  kind: FailureKind
  status?: number
  /** GitHub's message (and `errors[]`), never request headers: safe to log. */
  message: string
}

interface ErrorLike {
  name?: unknown
  code?: unknown
  status?: unknown
  message?: unknown
  cause?: unknown
  response?: { data?: unknown; headers?: Record<string, unknown> }
  errors?: Array<{ type?: string; message?: string }>
}

/** The error and its causes, outermost first. */
function causes(error: unknown): ErrorLike[] {
  const chain: ErrorLike[] = []
  for (let x = error; x && typeof x === 'object' && chain.length < 8; x = (x as ErrorLike).cause)
    chain.push(x as ErrorLike)
  return chain
}

const NETWORK_CODE_RE =
  /^(?:ECONN|EPIPE|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|UND_ERR)/
const TRANSPORT_RE =
  /fetch failed|other side closed|socket|ECONN|EPIPE|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|UND_ERR/i

/**
 * What went wrong when no HTTP answer arrived at all (a timeout, a reset or refused connection),
 * or undefined for an answer GitHub gave. Octokit reports those as status 500 without a response.
 */
function transportProblem(e: ErrorLike, status: number | undefined): string | undefined {
  if (e.response !== undefined || (status !== undefined && status !== 500)) return undefined
  const chain = causes(e)
  const timeout = chain.find((x) => x.name === 'RequestTimeoutError')
  if (timeout) return String(timeout.message)
  if (chain.some((x) => x.name === 'TimeoutError')) return 'GitHub did not answer in time'
  if (chain.some((x) => x.name === 'AbortError')) return 'the request to GitHub was aborted'
  const code = chain
    .map((x) => x.code)
    .find((c): c is string => typeof c === 'string' && NETWORK_CODE_RE.test(c))
  const messages = chain.map((x) => (typeof x.message === 'string' ? x.message : ''))
  if (!code && !messages.some((m) => TRANSPORT_RE.test(m))) return undefined
  const deepest = [...messages].reverse().find((m) => m && m !== 'fetch failed') ?? 'fetch failed'
  return `the connection to GitHub failed: ${deepest}${code && !deepest.includes(code) ? ` (${code})` : ''}`
}

function responseMessage(data: unknown): string | undefined {
  if (!data || typeof data !== 'object') return undefined
  const d = data as { message?: unknown; errors?: unknown }
  const parts: string[] = []
  if (typeof d.message === 'string') parts.push(d.message)
  if (Array.isArray(d.errors)) {
    for (const e of d.errors) {
      if (typeof e === 'string') parts.push(e)
      else if (
        e &&
        typeof e === 'object' &&
        typeof (e as { message?: unknown }).message === 'string'
      )
        parts.push((e as { message: string }).message)
    }
  }
  return parts.length > 0 ? parts.join(': ') : undefined
}

export function classifyError(error: unknown): ApiFailure {
  const e = (error ?? {}) as ErrorLike
  const status = typeof e.status === 'number' ? e.status : undefined
  const message =
    responseMessage(e.response?.data) ??
    (Array.isArray(e.errors)
      ? e.errors.map((x) => x.message ?? x.type ?? '').join('; ')
      : undefined) ??
    (typeof e.message === 'string' ? e.message : String(error))
  const graphqlTypes = Array.isArray(e.errors) ? e.errors.map((x) => x.type) : []
  const transport = transportProblem(e, status)
  if (transport !== undefined) return { kind: 'network', message: transport }
  const base = { message: message.replace(/\s+/g, ' ').trim(), ...(status ? { status } : {}) }
  if (
    /rate limit/i.test(message) ||
    status === 429 ||
    e.response?.headers?.['x-ratelimit-remaining'] === '0' ||
    graphqlTypes.includes('RATE_LIMITED')
  ) {
    return { kind: 'rate-limit', ...base }
  }
  if (status === 401 || status === 403 || graphqlTypes.includes('FORBIDDEN')) {
    return { kind: 'permission', ...base }
  }
  if (status === 404 || graphqlTypes.includes('NOT_FOUND')) return { kind: 'not-found', ...base }
  if (status === 422) return { kind: 'validation', ...base }
  if (status !== undefined && status >= 500) return { kind: 'server', ...base }
  return { kind: 'other', ...base }
}

/**
 * GitHub refused an inline comment's anchor. It rejects the whole review for one bad anchor and
 * does not say which one, e.g. "Pull request review thread line must be part of the diff".
 */
export function isAnchorRejection(f: ApiFailure): boolean {
  return (
    f.kind === 'validation' &&
    /review thread|could not be resolved|part of the diff|diff hunk/i.test(f.message)
  )
}

export function describeFailure(f: ApiFailure): string {
  return f.status ? `HTTP ${f.status}: ${f.message}` : f.message
}

/** What to tell the user when review comments could not be posted, per cause. */
export function howToEnableComments(kind: FailureKind, isFork: boolean): string {
  if (kind === 'permission') {
    const fork = isFork
      ? 'This pull request comes from a fork: on `pull_request` GitHub gives fork runs a read-only token. '
      : ''
    return (
      `${fork}To get review comments, grant \`pull-requests: write\` to the job. For pull requests from ` +
      'forks, run Loopscope on `pull_request_target` instead of `pull_request`: that event runs the ' +
      'workflow from the base branch with a write token. This is safe with Loopscope because it ' +
      'only reads the pull request files as text and never runs, imports or installs anything from them; ' +
      'do not add steps that execute the pull request code to that job. See the README, "Pull requests from forks".'
    )
  }
  if (kind === 'rate-limit') {
    return 'GitHub rate-limited the token; the next run will post the comments. Lower `max-comments` if this repeats.'
  }
  if (kind === 'not-found') {
    return (
      'GitHub no longer finds the pull request or its head commit (for example, the head branch was ' +
      'deleted or force-pushed while the job ran), or the token cannot see the repository.'
    )
  }
  if (kind === 'validation') {
    return 'GitHub rejected the review; the findings are reported as annotations and in the job summary instead.'
  }
  if (kind === 'server' || kind === 'network') {
    return (
      'GitHub kept failing (server errors, timeouts or dropped connections) after retries; a ' +
      're-run posts the review once GitHub answers again, without duplicating anything.'
    )
  }
  return 'GitHub did not accept the review; the findings are reported as annotations and in the job summary instead.'
}
