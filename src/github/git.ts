/**
 * The few git operations the action needs on the runner's checkout: find the repository, make
 * the PR's base and head commits available in a shallow clone, diff them the way GitHub does
 * (three-dot: merge base to head), and materialise the head tree without running anything from
 * it (no hooks, no LFS smudge, no submodules).
 */
import { execFile } from 'node:child_process'

export class GitError extends Error {
  constructor(
    message: string,
    readonly args: readonly string[],
    readonly stderr: string
  ) {
    super(message)
  }
}

/** Options that keep git from running anything the repository or the PR could influence. */
const SAFE = ['-c', 'core.hooksPath=/dev/null', '-c', 'core.fsmonitor=false']

export class Git {
  constructor(readonly cwd: string) {}

  run(args: readonly string[], opts: { maxBuffer?: number } = {}): Promise<string> {
    return new Promise((resolve, reject) => {
      execFile(
        'git',
        [...SAFE, ...args],
        {
          cwd: this.cwd,
          maxBuffer: opts.maxBuffer ?? 1024 * 1024 * 1024,
          encoding: 'utf8',
          env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_LFS_SKIP_SMUDGE: '1', LC_ALL: 'C' }
        },
        (error, stdout, stderr) => {
          if (error) {
            const cmd = args.slice(0, 2).join(' ')
            reject(
              new GitError(`git ${cmd} failed: ${stderr.trim() || error.message}`, args, stderr)
            )
          } else {
            resolve(stdout)
          }
        }
      )
    })
  }

  async tryRun(args: readonly string[]): Promise<string | undefined> {
    try {
      return await this.run(args)
    } catch {
      return undefined
    }
  }

  async toplevel(): Promise<string | undefined> {
    return (await this.tryRun(['rev-parse', '--show-toplevel']))?.trim() || undefined
  }

  async head(): Promise<string | undefined> {
    return (
      (await this.tryRun(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']))?.trim() ||
      undefined
    )
  }

  async hasCommit(sha: string): Promise<boolean> {
    return (await this.tryRun(['cat-file', '-e', `${sha}^{commit}`])) !== undefined
  }

  async isShallow(): Promise<boolean> {
    return (await this.tryRun(['rev-parse', '--is-shallow-repository']))?.trim() === 'true'
  }

  async fetch(
    remote: string,
    shas: readonly string[],
    depth?: number,
    deepen?: number
  ): Promise<void> {
    const args = ['fetch', '--no-tags', '--no-recurse-submodules', '--quiet']
    if (depth !== undefined) args.push(`--depth=${depth}`)
    if (deepen !== undefined) args.push(`--deepen=${deepen}`)
    await this.run([...args, remote, ...shas])
  }

  async mergeBase(a: string, b: string): Promise<string | undefined> {
    return (await this.tryRun(['merge-base', a, b]))?.trim() || undefined
  }

  /** `git diff` between two commits, as GitHub shows a PR (3 lines of context, renames found). */
  diff(from: string, to: string, paths: readonly string[] = []): Promise<string> {
    return this.run([
      '-c',
      'core.quotePath=false',
      'diff',
      '--no-color',
      '--no-ext-diff',
      '--no-textconv',
      '--find-renames',
      '-U3',
      '--src-prefix=a/',
      '--dst-prefix=b/',
      from,
      to,
      ...(paths.length > 0 ? ['--', ...paths] : [])
    ])
  }

  async addWorktree(dir: string, sha: string): Promise<void> {
    await this.run([
      '-c',
      'submodule.recurse=false',
      'worktree',
      'add',
      '--detach',
      '--force',
      dir,
      sha
    ])
  }

  async removeWorktree(dir: string): Promise<void> {
    await this.tryRun(['worktree', 'remove', '--force', dir])
    await this.tryRun(['worktree', 'prune'])
  }
}

/**
 * Make `shas` available locally. In a shallow clone (actions/checkout's default, depth 1) fetch
 * them with `depth` commits of history; in a full clone fetch them whole.
 */
export async function ensureCommits(
  git: Git,
  remote: string,
  shas: readonly string[],
  depth: number
): Promise<void> {
  const missing: string[] = []
  for (const sha of shas) if (!(await git.hasCommit(sha))) missing.push(sha)
  if (missing.length === 0) return
  await git.fetch(remote, missing, (await git.isShallow()) ? depth : undefined)
}

/**
 * The merge base of the PR's base and head, deepening a shallow clone until it is found (GitHub
 * diffs a PR from the merge base, not from the base branch's tip).
 */
export async function findMergeBase(
  git: Git,
  remote: string,
  base: string,
  head: string,
  commits: number
): Promise<string> {
  await ensureCommits(git, remote, [base, head], commits + 1)
  let found = await git.mergeBase(base, head)
  for (
    let deepen = Math.max(commits, 50);
    !found && (await git.isShallow()) && deepen <= 6400;
    deepen *= 4
  ) {
    await git.fetch(remote, [base, head], undefined, deepen)
    found = await git.mergeBase(base, head)
  }
  if (!found && (await git.isShallow())) {
    await git.run([
      'fetch',
      '--no-tags',
      '--no-recurse-submodules',
      '--quiet',
      '--unshallow',
      remote
    ])
    found = await git.mergeBase(base, head)
  }
  if (!found) throw new Error(`no merge base between ${base} and ${head}`)
  return found
}
