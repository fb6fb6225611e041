/**
 * Analyse the PR head commit, whatever the runner checked out.
 *
 * On `pull_request`, actions/checkout checks out the merge commit by default; on
 * `pull_request_target`, the base branch. Review comments are anchored on head lines, so the files
 * analysed must be the head's. When HEAD already is the head commit the checkout is used as it is;
 * otherwise the head commit is fetched (shallowly) and checked out into a temporary git worktree,
 * with hooks, LFS smudging and submodules off: the PR's files are only ever read.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { ensureCommits, type Git } from './git.js'

export interface HeadTree {
  /** Directory holding the head commit's tree (the repository root). */
  root: string
  how: 'checkout' | 'worktree' | 'unverified'
  /** Why the checkout is used without being the head commit (only for `unverified`). */
  warning?: string
  cleanup: () => Promise<void>
}

export async function prepareHeadTree(
  git: Git,
  repoRoot: string,
  remote: string,
  headSha: string,
  tempDir: string
): Promise<HeadTree> {
  const noop = async (): Promise<void> => {}
  const current = await git.head()
  if (current === headSha) return { root: repoRoot, how: 'checkout', cleanup: noop }
  let dir: string | undefined
  try {
    await ensureCommits(git, remote, [headSha], 1)
    dir = await mkdtemp(join(tempDir, 'loopscope-head-'))
    await git.addWorktree(dir, headSha)
    const wt = dir
    return {
      root: wt,
      how: 'worktree',
      cleanup: async () => {
        await git.removeWorktree(wt)
        await rm(wt, { recursive: true, force: true })
      }
    }
  } catch (error) {
    if (dir) await rm(dir, { recursive: true, force: true })
    return {
      root: repoRoot,
      how: 'unverified',
      warning:
        `The checkout is ${current ?? 'not a git commit'}, not the pull request head ${headSha}, and the head ` +
        `could not be checked out (${(error as Error).message}). Analysing the checkout as it is: line numbers ` +
        `may not match the pull request. Check out the head with actions/checkout ` +
        '`ref: ${{ github.event.pull_request.head.sha }}` to avoid this.',
      cleanup: noop
    }
  }
}
