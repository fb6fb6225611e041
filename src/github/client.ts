/**
 * The Octokit client: @actions/github's REST client plus the throttling plugin (waits out
 * primary and secondary rate limits, honouring `retry-after` and `x-ratelimit-reset`) and the
 * retry plugin (retries 5xx with backoff). Review creation is not idempotent, so callers turn
 * automatic retries off for it (`request: { retries: 0 }`) and check for a lost response first.
 */
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'

export type Octokit = ReturnType<typeof getOctokit>

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
}

export interface GitHubClient {
  octokit: Octokit
  /** A GraphQL call against `graphqlUrl`. */
  graphql: <T>(query: string, variables?: Record<string, unknown>) => Promise<T>
}

export function createClient(opts: ClientOptions): GitHubClient {
  const maxWait = opts.maxRateLimitWait ?? 300
  const maxRetries = opts.rateLimitRetries ?? 3
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
  const octokit = getOctokit(
    opts.token,
    {
      baseUrl: opts.apiUrl.replace(/\/+$/, ''),
      userAgent: 'loopscope-action',
      log: { debug: () => {}, info: () => {}, warn: opts.log, error: opts.log },
      throttle: { onRateLimit: onLimit('primary'), onSecondaryRateLimit: onLimit('secondary') },
      // 429 is the throttling plugin's to handle.
      retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] }
    },
    throttling,
    retry
  )
  // `url` cannot be a per-call option (it would be a variable name): bind it as a default.
  const gql = octokit.graphql.defaults({ url: opts.graphqlUrl })
  const graphql = <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> =>
    gql<T>(query, variables)
  return { octokit, graphql }
}
