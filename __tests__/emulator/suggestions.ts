/**
 * What a reviewer gets by pressing "Commit suggestion" on every open suggestion: each ```suggestion
 * block replaces lines start_line..line of its file at the PR head, bottom-up per file (GitHub's
 * batch rule: no two suggestions may touch the same line).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CommentState, Emulator } from './server.js'

/** The content of the first ```suggestion block of a comment body (fence of any length). */
export function suggestionOf(body: string): string[] | undefined {
  const m = /^(`{3,})suggestion\n([\s\S]*?)^\1$/m.exec(body)
  if (!m) return undefined
  const content = m[2] ?? ''
  return content === '' ? [] : content.replace(/\n$/, '').split('\n')
}

export function openSuggestions(emu: Emulator, pull: number, author: string): CommentState[] {
  return emu
    .threadsOf(pull)
    .filter((t) => !t.isResolved && !t.isOutdated)
    .map((t) => emu.comment(t.commentIds[0] as number))
    .filter((c) => c.author.login === author && suggestionOf(c.body) !== undefined)
}

/** Apply the suggestions to the files under `dir` (the head tree); returns the files changed. */
export function applySuggestions(dir: string, comments: CommentState[]): string[] {
  const byPath = new Map<string, CommentState[]>()
  for (const c of comments) byPath.set(c.path, [...(byPath.get(c.path) ?? []), c])
  for (const [path, list] of byPath) {
    const file = join(dir, path)
    const text = readFileSync(file, 'utf8')
    const eol = text.includes('\r\n') ? '\r\n' : '\n'
    const finalNewline = text.endsWith('\n')
    const lines = text.replace(/\r?\n$/, '').split(/\r?\n/)
    const taken = new Set<number>()
    for (const c of [...list].sort((a, b) => (b.line ?? 0) - (a.line ?? 0))) {
      const end = c.line as number
      const start = c.start_line ?? end
      for (let l = start; l <= end; l++) {
        if (taken.has(l))
          throw new Error(`Only one suggestion per line can be applied in a batch (${path}:${l})`)
        taken.add(l)
      }
      lines.splice(start - 1, end - start + 1, ...(suggestionOf(c.body) ?? []))
    }
    writeFileSync(file, lines.join(eol) + (finalNewline ? eol : ''))
  }
  return [...byPath.keys()]
}
