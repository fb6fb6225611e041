/**
 * Pull-request data the way GitHub computes it, from two real git commits: the files of
 * `GET /pulls/{n}/files` with their `patch` (three-dot diff: merge base to head), the RIGHT-side
 * lines a review comment may use, and how a comment's line moves when the head changes.
 *
 * This parser is deliberately independent of the action's (src/github/diff.ts): the emulator
 * must catch the action's mistakes, not share them.
 */
import { git } from './git-fixture.js'

export interface DiffEntry {
  sha: string | null
  filename: string
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged'
  additions: number
  deletions: number
  changes: number
  blob_url: string
  raw_url: string
  contents_url: string
  patch?: string
  previous_filename?: string
}

interface RawFile {
  oldPath?: string
  newPath?: string
  status: DiffEntry['status']
  patch: string
  binary: boolean
}

/** Split `git diff` output into files, keeping each file's hunks as text. */
function splitGitDiff(text: string): RawFile[] {
  const files: RawFile[] = []
  const chunks = text.split(/^diff --git /m).slice(1)
  for (const chunk of chunks) {
    const lines = chunk.split('\n')
    const header: string[] = []
    let i = 1
    while (i < lines.length && !(lines[i] ?? '').startsWith('@@')) header.push(lines[i++] ?? '')
    const value = (prefix: string) => header.find((h) => h.startsWith(prefix))?.slice(prefix.length)
    const strip = (p: string | undefined, pre: string) =>
      p === undefined || p === '/dev/null' ? undefined : p.startsWith(pre) ? p.slice(pre.length) : p
    const [first = ''] = lines
    const m = /^a\/(.*) b\/(.*)$/.exec(first)
    let oldPath =
      strip(value('--- '), 'a/') ??
      value('rename from ') ??
      (value('new file mode') === undefined ? m?.[1] : undefined)
    let newPath =
      strip(value('+++ '), 'b/') ??
      value('rename to ') ??
      (value('deleted file mode') === undefined ? m?.[2] : undefined)
    if (value('new file mode') !== undefined) oldPath = undefined
    if (value('deleted file mode') !== undefined) newPath = undefined
    const status: DiffEntry['status'] =
      oldPath === undefined
        ? 'added'
        : newPath === undefined
          ? 'removed'
          : value('rename from ') !== undefined
            ? 'renamed'
            : 'modified'
    const patch = lines.slice(i).join('\n').replace(/\n$/, '')
    const entry: RawFile = {
      status,
      patch,
      binary: header.some((h) => h.startsWith('Binary files'))
    }
    if (oldPath !== undefined) entry.oldPath = oldPath
    if (newPath !== undefined) entry.newPath = newPath
    files.push(entry)
  }
  return files
}

export interface PullFromGitOptions {
  owner: string
  repo: string
  serverUrl: string
  apiUrl: string
}

/** What GET /pulls/{n}/files returns for base...head (all of it; the server applies the 3,000 cap). */
export function pullFiles(
  repoDir: string,
  base: string,
  head: string,
  opts: PullFromGitOptions
): DiffEntry[] {
  const mergeBase = git(repoDir, 'merge-base', base, head).trim()
  const text = git(
    repoDir,
    '-c',
    'core.quotePath=false',
    'diff',
    '--no-color',
    '--find-renames',
    '-U3',
    mergeBase,
    head
  )
  // Blob ids of the head tree, in one call.
  const blobs = new Map<string, string>()
  for (const entry of git(repoDir, '-c', 'core.quotePath=false', 'ls-tree', '-r', '-z', head).split(
    '\0'
  )) {
    const m = /^\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(entry)
    if (m) blobs.set(m[2] as string, m[1] as string)
  }
  return splitGitDiff(text).map((f) => {
    const filename = (f.newPath ?? f.oldPath) as string
    let additions = 0
    let deletions = 0
    for (const l of f.patch.split('\n')) {
      if (l.startsWith('+')) additions++
      else if (l.startsWith('-')) deletions++
    }
    const sha = f.newPath ? (blobs.get(f.newPath) ?? null) : null
    const enc = filename.split('/').map(encodeURIComponent).join('/')
    const entry: DiffEntry = {
      sha,
      filename,
      status: f.status,
      additions,
      deletions,
      changes: additions + deletions,
      blob_url: `${opts.serverUrl}/${opts.owner}/${opts.repo}/blob/${head}/${enc}`,
      raw_url: `${opts.serverUrl}/${opts.owner}/${opts.repo}/raw/${head}/${enc}`,
      contents_url: `${opts.apiUrl}/repos/${opts.owner}/${opts.repo}/contents/${enc}?ref=${head}`
    }
    if (f.patch && !f.binary) entry.patch = f.patch
    if (f.status === 'renamed' && f.oldPath) entry.previous_filename = f.oldPath
    return entry
  })
}

export interface RightHunk {
  start: number
  end: number
  /** The hunk's text, for the `diff_hunk` field of review comments. */
  text: string
}

/** RIGHT-side line intervals of a GitHub `patch`. */
export function rightHunks(patch: string | undefined): RightHunk[] {
  if (!patch) return []
  const out: RightHunk[] = []
  const parts = patch.split(/^(?=@@ )/m)
  for (const part of parts) {
    const m = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(part)
    if (!m) continue
    const start = Number(m[1])
    const count = m[2] === undefined ? 1 : Number(m[2])
    out.push({
      start: count === 0 ? start + 1 : start,
      end: count === 0 ? start : start + count - 1,
      text: part.replace(/\n$/, '')
    })
  }
  return out
}

/**
 * Where line `line` of `path` at `fromSha` is at `toSha`, or null when that line changed (GitHub
 * then marks the comment outdated).
 */
export function mapLine(
  repoDir: string,
  fromSha: string,
  toSha: string,
  path: string,
  line: number
): number | null {
  const text = git(repoDir, 'diff', '--no-color', '-U0', fromSha, toSha, '--', path)
  if (!text.trim()) return line
  if (/^deleted file mode/m.test(text)) return null
  let shift = 0
  for (const m of text.matchAll(/^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/gm)) {
    const oldStart = Number(m[1])
    const oldCount = m[2] === undefined ? 1 : Number(m[2])
    const newCount = m[4] === undefined ? 1 : Number(m[4])
    // A pure insertion (-n,0) goes after old line n.
    const firstTouched = oldCount === 0 ? oldStart + 1 : oldStart
    if (line < firstTouched) break
    if (oldCount > 0 && line < oldStart + oldCount) return null
    shift += newCount - oldCount
  }
  return line + shift
}
