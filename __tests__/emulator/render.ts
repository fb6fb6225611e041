/**
 * A pull request's review as a reader sees it on GitHub, in plain text: the review body, then
 * each comment under the lines it is attached to, with its suggestion shown as the change it
 * makes. Markdown is reduced to what a terminal can show (links as "text <url>", escapes removed,
 * hidden markers dropped, <details> opened).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Emulator } from './server.js'
import { suggestionOf } from './suggestions.js'

export function markdownToText(md: string): string {
  return md
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\/?details>/g, '')
    .replace(/<summary>([\s\S]*?)<\/summary>/g, '▸ $1')
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 <$2>')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/\\([\\`*_{}[\]<>()#+\-.!|~&])/g, '$1')
    .replace(/\u200b/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

const indent = (text: string, prefix: string) =>
  text
    .split('\n')
    .map((l) => (l ? `${prefix}${l}` : prefix.trimEnd()))
    .join('\n')

/** Every review and comment by `author` on pull request `number`, reading files from `headDir`. */
export function renderReview(
  emu: Emulator,
  number: number,
  headDir: string,
  author: string
): string {
  const out: string[] = []
  for (const review of emu.reviews.filter((r) => r.pull === number && r.author.login === author)) {
    out.push(
      `━━ Review by ${author} on commit ${review.commit_id.slice(0, 7)} ━━`,
      '',
      indent(markdownToText(review.body), '  '),
      ''
    )
    const roots = emu.comments.filter(
      (x) => x.reviewId === review.id && x.in_reply_to_id === undefined
    )
    // The page shows them in file order, top to bottom.
    roots.sort((a, b) => a.path.localeCompare(b.path) || a.original_line - b.original_line)
    for (const c of roots) {
      const thread = emu.thread(c.threadId)
      const state = thread?.isResolved ? ' (resolved)' : thread?.isOutdated ? ' (outdated)' : ''
      const end = c.line ?? c.original_line
      const start = c.start_line ?? end
      out.push(`┌─ ${c.path}, line${start === end ? ` ${end}` : `s ${start}-${end}`}${state}`)
      const file = readFileSync(join(headDir, c.path), 'utf8').split('\n')
      for (let l = start; l <= end; l++)
        out.push(`│ ${String(l).padStart(4)} │ ${file[l - 1] ?? ''}`)
      out.push('│')
      const suggestion = suggestionOf(c.body)
      const text = markdownToText(c.body.replace(/^(`{3,})suggestion\n[\s\S]*?^\1$/m, '\u0000'))
      for (const line of text.split('\n')) {
        if (line === '\u0000' && suggestion) {
          out.push('│   Suggested change:')
          for (let l = start; l <= end; l++) out.push(`│   - ${file[l - 1] ?? ''}`)
          for (const s of suggestion) out.push(`│   + ${s}`)
        } else {
          out.push(`│ ${line}`.trimEnd())
        }
      }
      out.push('└─', '')
    }
  }
  return out.join('\n')
}
