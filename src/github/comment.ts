/**
 * The Markdown of one review comment and of one review-body entry. Every comment says which rule
 * fired and why (the finding's message: what breaks, on which versions), links the rule's docs,
 * shows the fix, and ends with the hidden fingerprint marker.
 */
import type { Finding } from '../rules/types.js'
import {
  codeBlock,
  escapeMarkdown,
  inlineCode,
  renderMessage,
  truncate
} from '../report/markdown.js'
import { findingMarker } from '../report/fingerprint.js'
import type { FixDiff, InlinePlacement, Placement } from './placement.js'

/** GitHub rejects bodies over 65,536 characters; stay well below. */
export const MAX_BODY = 60_000

export function heading(f: Finding): string {
  const name = f.docsUrl ? `[${inlineCode(f.name)}](${encodeURI(f.docsUrl)})` : inlineCode(f.name)
  return `**${escapeMarkdown(f.code)}** ${name} · ${f.severity}`
}

export function location(path: string, line: number, endLine: number): string {
  return endLine > line ? `${path}:${line}-${endLine}` : `${path}:${line}`
}

function related(f: Finding): string[] {
  if (f.related.length === 0) return []
  return [
    '**Related:**',
    ...f.related.map(
      (r) => `- ${inlineCode(location(r.path, r.line, r.endLine))}: ${renderMessage(r.message)}`
    )
  ]
}

function fixTitle(f: Finding): string {
  if (!f.fix) return ''
  const unsafe =
    f.fix.applicability === 'unsafe' ? ' _(changes behaviour: review it before committing)_' : ''
  return `**Fix:** ${renderMessage(f.fix.title)}${unsafe}`
}

function diffBlocks(diffs: FixDiff[], labelled: boolean): string[] {
  return diffs.flatMap((d) => [
    ...(labelled ? [`In ${inlineCode(d.path)}:`] : []),
    codeBlock(d.diff, 'diff')
  ])
}

/** The body of an inline review comment. */
export function inlineCommentBody(p: InlinePlacement): string {
  const f = p.finding
  const marker = findingMarker({ code: f.code, path: f.path, symbol: f.symbol })
  const render = (withDiffs: boolean): string => {
    const lines: string[] = [heading(f), '', renderMessage(f.message)]
    if (p.path !== f.path || p.startLine > f.endLine || p.endLine < f.line) {
      const where = inlineCode(location(f.path, f.line, f.endLine))
      lines.push('', `Reported at ${where}, outside the lines this pull request changes.`)
    }
    const rel = related(f)
    if (rel.length > 0) lines.push('', ...rel)
    if (f.fix) {
      lines.push('', fixTitle(f))
      if (p.suggestion) lines.push(codeBlock(p.suggestion.newLines.join('\n'), 'suggestion'))
      if (p.diffs.length > 0 && !withDiffs) {
        lines.push('', '_The rest of the fix is too large to show here: see the job summary._')
      } else if (p.diffs.length > 0) {
        if (p.suggestion) lines.push('', 'The fix also changes:')
        const label =
          p.suggestion !== undefined || p.diffs.length > 1 || p.diffs[0]?.path !== p.path
        lines.push(...diffBlocks(p.diffs, label))
      }
    }
    return `${lines.join('\n')}\n\n${marker}`
  }
  const full = render(true)
  if (full.length <= MAX_BODY) return full
  const short = render(false)
  return short.length <= MAX_BODY
    ? short
    : `${truncate(short.slice(0, -marker.length), MAX_BODY - marker.length - 2)}\n\n${marker}`
}

/** One entry of the review body (a finding with no inline comment). */
export function bodyEntry(p: Placement, withDiffs = true): string {
  const f = p.finding
  const where = location(f.path, f.line, f.endLine)
  const lines = [`- ${heading(f)} at ${inlineCode(where)}`, '', indent(renderMessage(f.message))]
  if (f.fix) {
    lines.push('', indent(fixTitle(f)))
    if (withDiffs) lines.push(...diffBlocks(p.diffs, true).map(indent))
  }
  lines.push(indent(findingMarker({ code: f.code, path: f.path, symbol: f.symbol })))
  return lines.join('\n')
}

function indent(block: string): string {
  return block
    .split('\n')
    .map((l) => (l === '' ? l : `  ${l}`))
    .join('\n')
}
