/**
 * The review reporter: read what earlier runs posted, post one review with this run's new
 * findings, resolve our threads whose finding is gone. One write request per run for the review
 * (plus one per 25 resolved threads); nothing is written when nothing is new.
 *
 * When GitHub refuses the review because of an inline comment's anchor (it rejects the whole
 * review and does not say which comment), the review is posted once more with every finding in
 * its body, fingerprints included, so re-runs still recognise them.
 */
import type { Finding } from '../rules/types.js'
import type { GitHubClient } from './client.js'
import type { DiffIndex } from './diff.js'
import { classifyError, describeFailure, isAnchorRejection, type ApiFailure } from './errors.js'
import {
  loadExisting,
  resolveThreads,
  sameActor,
  type ExistingState,
  type PullRef
} from './existing.js'
import { readReviewRun } from '../report/fingerprint.js'
import { placeFindings, toBodyPlacement, type BodyPlacement } from './placement.js'
import { reconcile } from './reconcile.js'
import { buildReview, type ReviewContext, type ReviewDraft } from './review.js'

export interface Logger {
  info(message: string): void
  warning(message: string): void
  debug(message: string): void
}

export interface PublishOptions {
  client: GitHubClient
  pr: PullRef
  headSha: string
  runKey: string
  maxComments: number
  suggestions: boolean
  log: Logger
  /** Waits between attempts to post after a server error (injectable for tests). */
  sleep?: (ms: number) => Promise<void>
}

/** Why the inline comments of this run went into the review body instead. */
export interface Demotion {
  /** Inline comments that were moved. */
  comments: number
  /** What GitHub answered to the review with inline comments. */
  failure: ApiFailure
}

export type PublishOutcome =
  | {
      kind: 'published'
      /** Undefined when there was nothing new to post. */
      reviewId?: number
      inline: number
      listedInBody: number
      /** New findings that fit neither inline nor in the body (they are in the job summary). */
      omitted: BodyPlacement[]
      alreadyReported: number
      resolved: number
      /** Set when GitHub refused the inline comments and they went into the body. */
      demoted?: Demotion
    }
  | { kind: 'failed'; stage: 'read' | 'post'; failure: ApiFailure }

const defaultSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

export async function publishReview(
  findings: readonly Finding[],
  sources: ReadonlyMap<string, string>,
  diff: DiffIndex,
  opts: PublishOptions
): Promise<PublishOutcome> {
  let existing: ExistingState
  try {
    existing = await loadExisting(opts.client, opts.pr)
  } catch (error) {
    return { kind: 'failed', stage: 'read', failure: classifyError(error) }
  }
  opts.log.debug(
    `Earlier Loopscope threads: ${existing.threads.length}; identity: ${existing.viewerLogin}`
  )
  const plan = reconcile(findings, existing)
  const placements = placeFindings(plan.fresh, sources, diff, {
    suggestions: opts.suggestions,
    maxComments: opts.maxComments
  })
  const ctx: ReviewContext = {
    runKey: opts.runKey,
    maxComments: opts.maxComments,
    alreadyReported: plan.alreadyReported.length
  }
  let draft = buildReview(placements, ctx)

  let reviewId: number | undefined
  let demoted: Demotion | undefined
  if (draft) {
    try {
      reviewId = await postReview(opts, draft, existing)
    } catch (error) {
      const failure = classifyError(error)
      if (draft.comments.length === 0 || !isAnchorRejection(failure))
        return { kind: 'failed', stage: 'post', failure }
      // GitHub names no comment: the one place every finding is sure to fit is the body.
      opts.log.warning(
        `GitHub refused the review's inline comments (${describeFailure(failure)}) without saying which one is wrong; posting the review again with all ${draft.comments.length} of them listed in its body.`
      )
      const flat = buildReview(
        placements.map((p) => toBodyPlacement(p, sources)),
        ctx
      ) as ReviewDraft
      try {
        reviewId = await postReview(opts, flat, existing)
      } catch (again) {
        return { kind: 'failed', stage: 'post', failure: classifyError(again) }
      }
      demoted = { comments: draft.comments.length, failure }
      draft = flat
    }
    opts.log.info(
      `Posted review ${reviewId}: ${draft.comments.length} inline comment(s), ${draft.listed.length} finding(s) in its body.`
    )
  } else {
    opts.log.info(
      `No new findings to post (${plan.alreadyReported.length} already reported); no review written.`
    )
  }

  let resolved = 0
  if (plan.toResolve.length > 0) {
    const done = await resolveThreads(opts.client, plan.toResolve, (error) =>
      opts.log.warning(
        `Could not resolve a fixed finding's thread: ${describeFailure(classifyError(error))}`
      )
    )
    resolved = done.length
    opts.log.info(`Resolved ${resolved} thread(s) whose finding is fixed.`)
  }
  return {
    kind: 'published',
    ...(reviewId !== undefined ? { reviewId } : {}),
    inline: draft?.comments.length ?? 0,
    listedInBody: draft?.listed.length ?? 0,
    omitted: draft?.omitted ?? [],
    alreadyReported: plan.alreadyReported.length,
    resolved,
    ...(demoted ? { demoted } : {})
  }
}

const POST_ATTEMPTS = 3

/**
 * Create the review. Creating a review is not idempotent: after a 5xx or a dropped connection the
 * review may exist although the response was lost, so before trying again look for our review
 * carrying this run's marker.
 */
async function postReview(
  opts: PublishOptions,
  draft: ReviewDraft,
  existing: ExistingState
): Promise<number> {
  const { octokit } = opts.client
  const sleep = opts.sleep ?? defaultSleep
  const base = opts.client.retryBaseMs ?? 1000
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await octokit.rest.pulls.createReview({
        owner: opts.pr.owner,
        repo: opts.pr.repo,
        pull_number: opts.pr.number,
        commit_id: opts.headSha,
        event: 'COMMENT',
        body: draft.body,
        comments: draft.comments,
        request: { retries: 0 }
      })
      return res.data.id
    } catch (error) {
      const failure = classifyError(error)
      if ((failure.kind !== 'server' && failure.kind !== 'network') || attempt >= POST_ATTEMPTS)
        throw error
      opts.log.warning(
        `Posting the review failed (${describeFailure(failure)}); checking whether it was created.`
      )
      await sleep(base * attempt * attempt)
      const landed = await findOurReview(opts, existing.viewerLogin)
      if (landed !== undefined) return landed
    }
  }
}

async function findOurReview(
  opts: PublishOptions,
  viewerLogin: string
): Promise<number | undefined> {
  const { octokit } = opts.client
  const reviews = await octokit.paginate(octokit.rest.pulls.listReviews, {
    owner: opts.pr.owner,
    repo: opts.pr.repo,
    pull_number: opts.pr.number,
    per_page: 100
  })
  return reviews.find(
    (r) => sameActor(r.user?.login, viewerLogin) && readReviewRun(r.body) === opts.runKey
  )?.id
}
