/**
 * Real git repositories for the tests: commits made from real trees, an "origin" bare repository
 * that serves fetches by SHA over file://, and a checkout made the way actions/checkout makes it
 * (a shallow fetch of one commit, detached).
 */
import { execFileSync } from 'node:child_process'
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Test Author',
  GIT_AUTHOR_EMAIL: 'author@example.com',
  GIT_COMMITTER_NAME: 'Test Author',
  GIT_COMMITTER_EMAIL: 'author@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_TERMINAL_PROMPT: '0'
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync(
    'git',
    ['-c', 'init.defaultBranch=main', '-c', 'advice.detachedHead=false', ...args],
    {
      cwd,
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
      env: { ...process.env, ...GIT_ENV, HOME: cwd }
    }
  )
}

const made: string[] = []

export function tempDir(prefix = 'loopscope-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  made.push(dir)
  return dir
}

/** Delete every directory tempDir() made in this test file (call from afterAll). */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
}

/** Write files (null deletes) relative to `dir`. */
export function writeTree(dir: string, files: Record<string, string | null>): void {
  for (const [rel, text] of Object.entries(files)) {
    const abs = join(dir, rel)
    if (text === null) {
      rmSync(abs, { force: true })
    } else {
      mkdirSync(dirname(abs), { recursive: true })
      writeFileSync(abs, text)
    }
  }
}

/** Replace everything but .git in `dir` with a copy of `src`. */
export function replaceTree(dir: string, src: string): void {
  for (const entry of readdirSync(dir))
    if (entry !== '.git') rmSync(join(dir, entry), { recursive: true, force: true })
  cpSync(src, dir, { recursive: true })
}

export function commitAll(dir: string, message: string): string {
  git(dir, 'add', '-A')
  git(dir, 'commit', '--quiet', '--allow-empty', '-m', message)
  return git(dir, 'rev-parse', 'HEAD').trim()
}

export interface Origin {
  /** The working repository where commits are made. */
  work: string
  /** The bare repository serving fetches (the "GitHub" side). */
  bare: string
  url: string
}

export function makeOrigin(root: string): Origin {
  const work = join(root, 'work')
  const bare = join(root, 'origin.git')
  mkdirSync(work, { recursive: true })
  git(work, 'init', '--quiet')
  git(root, 'init', '--quiet', '--bare', bare)
  git(bare, 'config', 'uploadpack.allowAnySHA1InWant', 'true')
  git(work, 'remote', 'add', 'origin', bare)
  return { work, bare, url: `file://${bare}` }
}

/** Push a commit to a ref of the origin. */
export function pushRef(origin: Origin, sha: string, ref: string): void {
  git(origin.work, 'push', '--quiet', '--force', 'origin', `${sha}:${ref}`)
}

/** A merge commit of base and head (what refs/pull/N/merge points at), made without a checkout. */
export function mergeCommit(origin: Origin, base: string, head: string): string {
  const tree =
    git(origin.work, 'merge-tree', '--write-tree', base, head).trim().split('\n')[0] ?? ''
  return git(
    origin.work,
    'commit-tree',
    tree,
    '-p',
    base,
    '-p',
    head,
    '-m',
    'Merge head into base'
  ).trim()
}

/** A checkout like actions/checkout's: init, add origin, fetch one commit with depth 1, detach. */
export function shallowCheckout(origin: Origin, sha: string, dir: string): void {
  mkdirSync(dir, { recursive: true })
  git(dir, 'init', '--quiet')
  git(dir, 'remote', 'add', 'origin', origin.url)
  git(dir, 'fetch', '--quiet', '--no-tags', '--depth=1', 'origin', sha)
  git(dir, 'checkout', '--quiet', '--detach', sha)
}

export function isDir(p: string): boolean {
  return statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false
}

/**
 * A commit on top of `parent` adding `files`, written with `git fast-import` (no working tree,
 * one process): how the tests make pull requests with thousands of files quickly.
 */
export function commitFilesFast(
  repo: string,
  parent: string,
  files: Record<string, string>,
  message: string
): string {
  const when = `${Math.floor(Date.now() / 1000)} +0000`
  const parts: string[] = [
    'commit refs/loopscope/fast-import',
    `author Test Author <author@example.com> ${when}`,
    `committer Test Author <author@example.com> ${when}`,
    `data ${Buffer.byteLength(message)}`,
    message,
    `from ${parent}`
  ]
  for (const [path, text] of Object.entries(files))
    parts.push(`M 100644 inline ${path}`, `data ${Buffer.byteLength(text)}`, text)
  execFileSync('git', ['fast-import', '--quiet'], {
    cwd: repo,
    input: `${parts.join('\n')}\n`,
    env: { ...process.env, ...GIT_ENV, HOME: repo }
  })
  return git(repo, 'rev-parse', 'refs/loopscope/fast-import').trim()
}
