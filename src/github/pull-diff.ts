/**
 * The pull request's diff, from the API when it is complete and from local git when it is not.
 *
 * `GET /pulls/{n}/files` lists at most 3,000 files and omits the patch of very large files. When
 * the list is cut short, or the API call fails, the whole diff comes from `git diff` between the
 * merge base and the head; files without a patch get theirs from git alone. Either way the result
 * uses GitHub's shape: three lines of context, renames detected, RIGHT-side head line numbers.
 */
import type { GitHubClient } from './client.js'
import {
  DiffIndex,
  filesFromGitDiff,
  hunksFromPatch,
  type FileDiff,
  type FileStatus
} from './diff.js'
import { classifyError, describeFailure } from './errors.js'
import type { PullRef } from './existing.js'
import { findMergeBase, type Git } from './git.js'
import type { Logger } from './publish.js'

/** GitHub's cap on `pulls.listFiles`. */
export const LIST_FILES_CAP = 3000

export interface PullInfo extends PullRef {
  baseSha: string
  headSha: string
  /** Commits on the PR (from the event), used to size shallow fetches. */
  commits: number
  /** Files the PR changes according to the event, when it says. */
  changedFiles?: number
}

export interface PullDiff {
  index: DiffIndex
  source: 'api' | 'git' | 'api+git'
  /**
   * Set when GitHub no longer finds the pull request (its files answered 404: a head branch
   * deleted while the job ran, say): why no review can be posted. The diff then comes from git.
   */
  unavailable?: string
}

export async function listPullFiles(
  client: GitHubClient,
  pr: PullInfo
): Promise<{ files: FileDiff[]; truncated: boolean }> {
  const raw = await client.octokit.paginate(client.octokit.rest.pulls.listFiles, {
    owner: pr.owner,
    repo: pr.repo,
    pull_number: pr.number,
    per_page: 100
  })
  const files = raw.map((f): FileDiff => {
    const entry: FileDiff = {
      path: f.filename,
      status: f.status as FileStatus,
      hunks: f.patch ? hunksFromPatch(f.patch) : [],
      // No patch and no changed lines (binary, pure rename) is complete; no patch with changes
      // means the file was too large for the API.
      patchKnown: f.patch !== undefined || f.changes === 0 || f.status === 'removed'
    }
    if (f.previous_filename) entry.previousPath = f.previous_filename
    return entry
  })
  const truncated =
    raw.length >= LIST_FILES_CAP || (pr.changedFiles !== undefined && raw.length < pr.changedFiles)
  return { files, truncated }
}

async function gitFiles(
  git: Git,
  remote: string,
  pr: PullInfo,
  paths: readonly string[] = []
): Promise<FileDiff[]> {
  const base = await findMergeBase(git, remote, pr.baseSha, pr.headSha, pr.commits)
  return filesFromGitDiff(await git.diff(base, pr.headSha, paths))
}

export async function loadPullDiff(
  client: GitHubClient,
  git: Git,
  remote: string,
  pr: PullInfo,
  log: Logger
): Promise<PullDiff> {
  let listed: { files: FileDiff[]; truncated: boolean }
  try {
    listed = await listPullFiles(client, pr)
  } catch (error) {
    const failure = classifyError(error)
    if (failure.kind === 'not-found') {
      log.warning(
        `GitHub does not find pull request #${pr.number}'s files (${describeFailure(failure)}): the pull request or its head branch is gone (deleted or force-pushed while this job ran?), or the token cannot see it. Reading the diff with git; the findings go to annotations and the job summary, not to a review.`
      )
      return {
        index: new DiffIndex(await gitFiles(git, remote, pr)),
        source: 'git',
        unavailable: `GitHub no longer finds pull request #${pr.number} (${describeFailure(failure)})`
      }
    }
    log.warning(
      `Could not list the pull request's files (${describeFailure(failure)}); using git diff instead.`
    )
    return { index: new DiffIndex(await gitFiles(git, remote, pr)), source: 'git' }
  }
  if (listed.truncated) {
    log.info(
      `The API lists ${listed.files.length} files, not all the pull request changes (it stops at ${LIST_FILES_CAP}); using git diff instead.`
    )
    return { index: new DiffIndex(await gitFiles(git, remote, pr)), source: 'git' }
  }
  const missing = listed.files.filter((f) => !f.patchKnown)
  if (missing.length === 0) return { index: new DiffIndex(listed.files), source: 'api' }
  log.info(
    `The API gives no patch for ${missing.length} large file(s); reading their diff with git.`
  )
  const paths = missing.flatMap((f) => (f.previousPath ? [f.previousPath, f.path] : [f.path]))
  let fromGit: Map<string, FileDiff>
  try {
    fromGit = new Map((await gitFiles(git, remote, pr, paths)).map((f) => [f.path, f]))
  } catch (error) {
    log.warning(`git diff failed (${(error as Error).message}); no comments on those files.`)
    return { index: new DiffIndex(listed.files), source: 'api' }
  }
  const files = listed.files.map((f) => (f.patchKnown ? f : (fromGit.get(f.path) ?? f)))
  return { index: new DiffIndex(files), source: 'api+git' }
}
