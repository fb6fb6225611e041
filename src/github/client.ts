/**
 * The Octokit client: @actions/github's REST client plus the throttling plugin (waits out
 * primary and secondary rate limits, honouring `retry-after` and `x-ratelimit-reset`) and the
 * retry plugin (retries 5xx, timeouts and dropped connections with backoff). Review creation is
 * not idempotent, so callers turn automatic retries off for it (`request: { retries: 0 }`) and
 * check for a lost response first.
 *
 * Every request has a deadline (default 60 s, for the headers and the body): a GitHub that never
 * answers must not stall the job until the runner kills it. A request past its deadline fails
 * with a RequestTimeoutError (retried like a server error).
 */
import { getOctokit } from '@actions/github'
import { defaults as actionsDefaults } from '@actions/github/lib/utils'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import { RequestTimeoutError } from './errors.js'

export type Octokit = ReturnType<typeof getOctokit>

/** The deadline of one request, unless LOOPSCOPE_HTTP_TIMEOUT_MS says otherwise. */
export const DEFAULT_TIMEOUT_MS = 60_000
/** The retry backoff unit: the n-th retry waits n² × this (LOOPSCOPE_RETRY_BASE_MS). */
export const DEFAULT_RETRY_BASE_MS = 1000

export interface ClientOptions {
  token: string
  /** REST base URL (GITHUB_API_URL). */
  apiUrl: string
  /** GraphQL endpoint (GITHUB_GRAPHQL_URL). */
  graphqlUrl: string
  log: (message: string) => void
  /** Longest wait for a rate limit before giving up, in seconds. */
  maxRateLimitWait?: number
  /** Retries for rate-limited requests. */
  rateLimitRetries?: number
  /** Deadline of one request (answer headers and body), in ms. */
  timeoutMs?: number
  /** Backoff unit between retries after a server error, timeout or dropped connection, in ms. */
  retryBaseMs?: number
}

export interface GitHubClient {
  octokit: Octokit
  /** A GraphQL call against `graphqlUrl`. */
  graphql: <T>(query: string, variables?: Record<string, unknown>) => Promise<T>
  /** Backoff unit between retries, in ms (for callers that retry by hand). */
  retryBaseMs?: number
}

export interface ClientTuning {
  timeoutMs?: number
  retryBaseMs?: number
}

/**
 * Tuning read from the environment: LOOPSCOPE_HTTP_TIMEOUT_MS (per-request deadline) and
 * LOOPSCOPE_RETRY_BASE_MS (retry backoff unit). Values that are not positive numbers are
 * reported through `warn` and ignored.
 */
export function tuningFromEnv(
  env: NodeJS.ProcessEnv,
  warn: (message: string) => void
): ClientTuning {
  const read = (name: string): number | undefined => {
    const raw = env[name]?.trim()
    if (!raw) return undefined
    const n = Number(raw)
    if (Number.isFinite(n) && n > 0) return n
    warn(`Ignoring ${name}=${JSON.stringify(raw)}: expected a positive number of milliseconds.`)
    return undefined
  }
  const out: ClientTuning = {}
  const timeoutMs = read('LOOPSCOPE_HTTP_TIMEOUT_MS')
  const retryBaseMs = read('LOOPSCOPE_RETRY_BASE_MS')
  if (timeoutMs !== undefined) out.timeoutMs = timeoutMs
  if (retryBaseMs !== undefined) out.retryBaseMs = retryBaseMs
  return out
}

type Fetch = typeof globalThis.fetch

/** Statuses whose response has no body (the Response constructor refuses one). */
const NULL_BODY = new Set([101, 103, 204, 205, 304])

/**
 * `fetchImpl` with a deadline of `ms` for the whole exchange: headers and body (the body is read
 * here, GitHub's answers being small JSON documents). A caller's own signal still aborts it.
 */
export function withTimeout(fetchImpl: Fetch, ms: number): Fetch {
  return async (input, init = {}) => {
    const deadline = AbortSignal.timeout(ms)
    const callerSignal = init.signal ?? undefined
    const signal = callerSignal ? AbortSignal.any([callerSignal, deadline]) : deadline
    try {
      const res = await fetchImpl(input, { ...init, signal })
      const body = NULL_BODY.has(res.status) ? null : await res.arrayBuffer()
      const out = new Response(body, {
        status: res.status,
        statusText: res.statusText,
        headers: res.headers
      })
      Object.defineProperty(out, 'url', { value: res.url })
      return out
    } catch (error) {
      if (deadline.aborted && !callerSignal?.aborted) throw new RequestTimeoutError(ms)
      throw error
    }
  }
}

export function createClient(opts: ClientOptions): GitHubClient {
  const maxWait = opts.maxRateLimitWait ?? 300
  const maxRetries = opts.rateLimitRetries ?? 3
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const retryBaseMs = opts.retryBaseMs ?? DEFAULT_RETRY_BASE_MS
  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      options: { method?: string; url?: string },
      _o: unknown,
      retryCount: number
    ) => {
      const what = `${options.method ?? 'GET'} ${options.url ?? ''}`
      if (retryCount < maxRetries && retryAfter <= maxWait) {
        opts.log(`GitHub ${kind} rate limit on ${what}; retrying in ${retryAfter}s.`)
        return true
      }
      opts.log(`GitHub ${kind} rate limit on ${what}; not retrying (wait ${retryAfter}s).`)
      return false
    }
  // @actions/github's default fetch honours the runner's proxy settings: keep it, with a deadline.
  const baseFetch = (actionsDefaults.request?.fetch as Fetch | undefined) ?? globalThis.fetch
  const octokit = getOctokit(
    opts.token,
    {
      baseUrl: opts.apiUrl.replace(/\/+$/, ''),
      userAgent: 'loopscope-action',
      log: { debug: () => {}, info: () => {}, warn: opts.log, error: opts.log },
      // Octokit merges options shallowly: restate the default agent next to the fetch.
      request: { ...actionsDefaults.request, fetch: withTimeout(baseFetch, timeoutMs) },
      throttle: { onRateLimit: onLimit('primary'), onSecondaryRateLimit: onLimit('secondary') },
      // 429 is the throttling plugin's to handle.
      retry: {
        doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
        retryAfterBaseValue: retryBaseMs
      }
    },
    throttling,
    retry
  )
  // `url` cannot be a per-call option (it would be a variable name): bind it as a default.
  const gql = octokit.graphql.defaults({ url: opts.graphqlUrl })
  const graphql = <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> =>
    gql<T>(query, variables)
  return { octokit, graphql, retryBaseMs }
}
