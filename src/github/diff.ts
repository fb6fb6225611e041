/**
 * The diff filter: which RIGHT-side lines of the pull request's diff can carry a review comment.
 *
 * GitHub accepts a comment on `line` (and `start_line`) only when the line appears in a hunk of
 * the PR diff on the RIGHT side (an added or an unchanged context line), and a multi-line comment
 * only when both ends are in the same hunk. Inside one hunk the RIGHT-side lines are contiguous,
 * so a hunk is a closed line interval of the head file plus the set of its added lines.
 */
import { parsePatch } from 'diff'

export interface Hunk {
  /** First RIGHT-side line of the hunk (1-based). */
  start: number
  /** Last RIGHT-side line (inclusive); `start - 1` for a hunk with no RIGHT-side line. */
  end: number
  /** The added (`+`) lines. */
  added: ReadonlySet<number>
}

export type FileStatus =
  'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged'

export interface FileDiff {
  /** Repository-relative path in the head commit (the new name of a renamed file). */
  path: string
  previousPath?: string
  status: FileStatus
  hunks: Hunk[]
  /** False when GitHub returned no patch for a file that has one (too large); hunks are unknown. */
  patchKnown: boolean
}

/** Hunks of one file's patch as `git diff` or the GitHub API's `patch` field writes them. */
export function hunksFromPatch(patch: string): Hunk[] {
  const parsed = parsePatch(patch.endsWith('\n') ? patch : `${patch}\n`)
  const hunks: Hunk[] = []
  for (const file of parsed) {
    for (const h of file.hunks) hunks.push(toHunk(h.newStart, h.newLines, h.lines))
  }
  return hunks
}

function toHunk(newStart: number, newLines: number, lines: string[]): Hunk {
  const added = new Set<number>()
  let line = newLines === 0 ? newStart + 1 : newStart
  const start = line
  for (const l of lines) {
    const tag = l[0]
    if (tag === '+') {
      added.add(line)
      line += 1
    } else if (tag === ' ') {
      line += 1
    }
  }
  return { start, end: line - 1, added }
}

/** Strip git's `a/` / `b/` prefixes; `/dev/null` becomes undefined. */
function gitPath(name: string | undefined, prefix: string): string | undefined {
  if (!name || name === '/dev/null') return undefined
  const unquoted = name.startsWith('"') ? unquoteC(name) : name
  return unquoted.startsWith(prefix) ? unquoted.slice(prefix.length) : unquoted
}

/** Undo git's C-style quoting of unusual path names ("a/t\303\251st.py"). */
function unquoteC(quoted: string): string {
  const inner = quoted.slice(1, -1)
  const bytes: number[] = []
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i] as string
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'))
      continue
    }
    const next = inner[i + 1] ?? ''
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(inner.slice(i + 1, i + 4), 8))
      i += 3
    } else {
      const map: Record<string, number> = {
        n: 10,
        t: 9,
        '"': 34,
        '\\': 92,
        a: 7,
        b: 8,
        f: 12,
        r: 13,
        v: 11
      }
      bytes.push(map[next] ?? next.charCodeAt(0))
      i += 1
    }
  }
  return Buffer.from(bytes).toString('utf8')
}

/** Every file of a multi-file `git diff` (run with `--src-prefix=a/ --dst-prefix=b/`). */
export function filesFromGitDiff(text: string): FileDiff[] {
  const out: FileDiff[] = []
  for (const f of parsePatch(text)) {
    const oldPath = gitPath(f.oldFileName, 'a/')
    const newPath = gitPath(f.newFileName, 'b/')
    const path = newPath ?? oldPath
    if (!path) continue
    const status: FileStatus = f.isCreate
      ? 'added'
      : f.isDelete
        ? 'removed'
        : f.isRename
          ? 'renamed'
          : f.isCopy
            ? 'copied'
            : 'modified'
    const entry: FileDiff = {
      path,
      status,
      hunks: f.hunks.map((h) => toHunk(h.newStart, h.newLines, h.lines)),
      patchKnown: true
    }
    if (oldPath && newPath && oldPath !== newPath) entry.previousPath = oldPath
    out.push(entry)
  }
  return out
}

/** Lookup of commentable lines for the whole pull request. */
export class DiffIndex {
  private readonly byPath = new Map<string, FileDiff>()

  constructor(files: Iterable<FileDiff>) {
    for (const f of files) this.byPath.set(f.path, f)
  }

  get files(): FileDiff[] {
    return [...this.byPath.values()]
  }

  /** Every path the PR touches, including the old names of renamed files and removed files. */
  touchedPaths(): string[] {
    const out = new Set<string>()
    for (const f of this.byPath.values()) {
      out.add(f.path)
      if (f.previousPath) out.add(f.previousPath)
    }
    return [...out].sort()
  }

  hunkAt(path: string, line: number): Hunk | undefined {
    return this.byPath.get(path)?.hunks.find((h) => line >= h.start && line <= h.end)
  }

  /** True when GitHub accepts a comment on `start..end` of `path` (RIGHT side). */
  canComment(path: string, start: number, end: number): boolean {
    if (start > end) return false
    const h = this.hunkAt(path, end)
    return h !== undefined && start >= h.start
  }

  isAdded(path: string, line: number): boolean {
    return this.hunkAt(path, line)?.added.has(line) ?? false
  }
}
