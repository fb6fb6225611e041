/**
 * What Loopscope already said on this pull request: its review threads (GraphQL, which is the only
 * API that knows threads and can resolve them) and the findings listed in its earlier review
 * bodies (REST). Only content carrying our fingerprint marker AND written by the token's own
 * identity counts; everything else is somebody else's and is never touched.
 */
import type { GitHubClient } from './client.js'
import { readMarkers, readReviewRun } from '../report/fingerprint.js'

export interface PullRef {
  owner: string
  repo: string
  number: number
}

export interface OurThread {
  id: string
  fingerprints: string[]
  isResolved: boolean
  /** Resolved by a person (not by the token's identity): their decision stands. */
  resolvedByOther: boolean
  isOutdated: boolean
  viewerCanResolve: boolean
  /** Comments in the thread beyond ours. */
  replies: number
}

export interface ExistingState {
  viewerLogin: string
  threads: OurThread[]
  /** Fingerprints listed in the bodies of our earlier reviews. */
  bodyFingerprints: Set<string>
}

/** Logins compare without the `[bot]` suffix: REST says `github-actions[bot]`, GraphQL may not. */
export function sameActor(a: string | null | undefined, b: string | null | undefined): boolean {
  const norm = (s: string): string => s.toLowerCase().replace(/\[bot\]$/, '')
  return !!a && !!b && norm(a) === norm(b)
}

const THREADS_QUERY = `
query LoopscopeThreads($owner: String!, $repo: String!, $number: Int!, $after: String) {
  viewer { login }
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      reviewThreads(first: 100, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes {
          id
          isResolved
          isOutdated
          viewerCanResolve
          resolvedBy { login }
          comments(first: 1) {
            totalCount
            nodes { author { login } body }
          }
        }
      }
    }
  }
}`

interface ThreadsResponse {
  viewer: { login: string }
  repository: {
    pullRequest: {
      reviewThreads: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null }
        nodes: Array<{
          id: string
          isResolved: boolean
          isOutdated: boolean
          viewerCanResolve: boolean
          resolvedBy: { login: string } | null
          comments: {
            totalCount: number
            nodes: Array<{ author: { login: string } | null; body: string }>
          }
        } | null>
      }
    } | null
  } | null
}

export async function loadExisting(client: GitHubClient, pr: PullRef): Promise<ExistingState> {
  let viewerLogin = ''
  const threads: OurThread[] = []
  let after: string | null = null
  for (let page = 0; page < 100; page++) {
    const data: ThreadsResponse = await client.graphql<ThreadsResponse>(THREADS_QUERY, {
      owner: pr.owner,
      repo: pr.repo,
      number: pr.number,
      after
    })
    viewerLogin = data.viewer.login
    const conn = data.repository?.pullRequest?.reviewThreads
    if (!conn) throw new Error(`pull request #${pr.number} not found in ${pr.owner}/${pr.repo}`)
    for (const node of conn.nodes) {
      const root = node?.comments.nodes[0]
      if (!node || !root || !sameActor(root.author?.login, viewerLogin)) continue
      const fingerprints = readMarkers(root.body).map((m) => m.fingerprint)
      if (fingerprints.length === 0) continue
      threads.push({
        id: node.id,
        fingerprints,
        isResolved: node.isResolved,
        resolvedByOther:
          node.isResolved && !!node.resolvedBy && !sameActor(node.resolvedBy.login, viewerLogin),
        isOutdated: node.isOutdated,
        viewerCanResolve: node.viewerCanResolve,
        replies: node.comments.totalCount - 1
      })
    }
    if (!conn.pageInfo.hasNextPage) break
    after = conn.pageInfo.endCursor
  }

  const bodyFingerprints = new Set<string>()
  const reviews = await client.octokit.paginate(client.octokit.rest.pulls.listReviews, {
    owner: pr.owner,
    repo: pr.repo,
    pull_number: pr.number,
    per_page: 100
  })
  for (const r of reviews) {
    if (!sameActor(r.user?.login, viewerLogin)) continue
    if (!readReviewRun(r.body)) continue
    for (const m of readMarkers(r.body)) bodyFingerprints.add(m.fingerprint)
  }
  return { viewerLogin, threads, bodyFingerprints }
}

const RESOLVE_CHUNK = 25

/**
 * Resolve threads in as few requests as possible (aliased mutations in one document). Returns the
 * ids that GitHub confirmed resolved; failures are reported through `onError` and skipped.
 */
export async function resolveThreads(
  client: GitHubClient,
  threadIds: readonly string[],
  onError: (error: unknown) => void
): Promise<string[]> {
  const resolved: string[] = []
  for (let i = 0; i < threadIds.length; i += RESOLVE_CHUNK) {
    const chunk = threadIds.slice(i, i + RESOLVE_CHUNK)
    const vars: Record<string, string> = {}
    const decls = chunk.map((_, j) => `$t${j}: ID!`).join(', ')
    const fields = chunk
      .map((id, j) => {
        vars[`t${j}`] = id
        return `r${j}: resolveReviewThread(input: {threadId: $t${j}}) { thread { id isResolved } }`
      })
      .join('\n  ')
    try {
      const data = await client.graphql<
        Record<string, { thread: { id: string; isResolved: boolean } | null }>
      >(`mutation LoopscopeResolve(${decls}) {\n  ${fields}\n}`, vars)
      for (const v of Object.values(data)) if (v?.thread?.isResolved) resolved.push(v.thread.id)
    } catch (error) {
      // A partial GraphQL failure still carries the data of the mutations that worked.
      const data = (
        error as { data?: Record<string, { thread?: { id: string; isResolved: boolean } | null }> }
      ).data
      for (const v of Object.values(data ?? {}))
        if (v?.thread?.isResolved) resolved.push(v.thread.id)
      onError(error)
    }
  }
  return resolved
}
