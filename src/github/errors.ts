/**
 * What a failed GitHub call means for the run. None of these fail the action: every kind makes
 * Loopscope fall back to workflow annotations plus the job summary, and the log says why and,
 * for permissions, how to get review comments.
 */

export type FailureKind =
  'permission' | 'rate-limit' | 'validation' | 'server' | 'network' | 'other'

export interface ApiFailure {
  kind: FailureKind
  status?: number
  /** GitHub's message (and `errors[]`), never request headers: safe to log. */
  message: string
}

interface ErrorLike {
  status?: unknown
  message?: unknown
  response?: { data?: unknown; headers?: Record<string, unknown> }
  errors?: Array<{ type?: string; message?: string }>
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
  const base = { message: message.replace(/\s+/g, ' ').trim(), ...(status ? { status } : {}) }
  if (
    /rate limit/i.test(message) ||
    status === 429 ||
    e.response?.headers?.['x-ratelimit-remaining'] === '0' ||
    graphqlTypes.includes('RATE_LIMITED')
  ) {
    return { kind: 'rate-limit', ...base }
  }
  if (status === 401 || status === 403 || status === 404 || graphqlTypes.includes('FORBIDDEN')) {
    return { kind: 'permission', ...base }
  }
  if (status === 422) return { kind: 'validation', ...base }
  if (status !== undefined && status >= 500) return { kind: 'server', ...base }
  if (status === undefined && /fetch failed|ECONN|ETIMEDOUT|ENOTFOUND|socket/i.test(message)) {
    return { kind: 'network', ...base }
  }
  return { kind: 'other', ...base }
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
  if (kind === 'validation') {
    return 'GitHub rejected the review; the findings are reported as annotations and in the job summary instead.'
  }
  return 'GitHub did not accept the review; the findings are reported as annotations and in the job summary instead.'
}
