/**
 * The job summary (GITHUB_STEP_SUMMARY): every finding with its location, message and fix, what
 * the run did with them (review posted, annotations, why comments were not possible), and the
 * notices. It is the place nothing is lost: findings that did not fit a review or the annotation
 * caps are all here. GitHub caps a step summary at 1 MiB; fixes are dropped from the end first.
 */
import type { Finding, Notice } from '../rules/types.js'
import { byPriority } from './annotations.js'
import {
  codeBlock,
  escapeHtml,
  escapeMarkdown,
  inlineCode,
  renderMessage,
  tableCell
} from './markdown.js'

export const SUMMARY_MAX_BYTES = 1_000_000

export interface SummaryFixDiff {
  path: string
  diff: string
}

export interface SummaryInput {
  /** What was analysed, e.g. "pull request #12" or "the repository at abc1234". */
  scope: string
  findings: readonly Finding[]
  notices: readonly Notice[]
  /** A finding's fix as unified diffs. */
  fixDiffs: (f: Finding) => SummaryFixDiff[]
  /** A link to a location in the analysed commit, when known. */
  link?: (path: string, line: number, endLine: number) => string | undefined
  /** What the run did with the findings (Markdown lines, already safe). */
  status: readonly string[]
  stats?: { filesRead: number; filesParsed: number; ms: number }
}

function counts(findings: readonly Finding[]): string {
  const n = { error: 0, warning: 0, info: 0 }
  for (const f of findings) n[f.severity] += 1
  const parts = [
    n.error && `${n.error} error${n.error === 1 ? '' : 's'}`,
    n.warning && `${n.warning} warning${n.warning === 1 ? '' : 's'}`,
    n.info && `${n.info} info${n.info === 1 ? '' : 's'}`
  ].filter(Boolean)
  return parts.join(', ')
}

/** `path:line` or `path:first-last`. */
function span(f: Finding): string {
  return f.endLine > f.line ? `${f.path}:${f.line}-${f.endLine}` : `${f.path}:${f.line}`
}

function where(f: Finding, link: SummaryInput['link']): string {
  const text = span(f)
  const url = link?.(f.path, f.line, f.endLine)
  // Parentheses may come from the path: encode them so an unbalanced one cannot end the link.
  return url
    ? `[${inlineCode(text)}](${url.replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'))})`
    : inlineCode(text)
}

function fixDetails(f: Finding, input: SummaryInput): string | undefined {
  if (!f.fix) return undefined
  const diffs = input.fixDiffs(f)
  const body = [
    `**Fix:** ${renderMessage(f.fix.title)}${f.fix.applicability === 'unsafe' ? ' _(review before applying)_' : ''}`,
    ...diffs.map((d) => codeBlock(d.diff, 'diff'))
  ]
  // GitHub links `@user` and `#123` in HTML text too: break them as escapeMarkdown does.
  const title = escapeHtml(`${f.code} at ${span(f)}`)
    .replace(/@(?=[A-Za-z0-9_-])/g, '@\u200b')
    .replace(/(?<!&)#(?=\d)/g, '#\u200b')
  return `<details><summary>${title}</summary>\n\n${body.join('\n\n')}\n\n</details>`
}

export function buildSummary(input: SummaryInput): string {
  const findings = [...input.findings].sort(byPriority)
  const head: string[] = ['## Loopscope', '']
  head.push(
    findings.length === 0
      ? `No findings in ${escapeMarkdown(input.scope)}.`
      : `**${findings.length} finding${findings.length === 1 ? '' : 's'}** (${counts(findings)}) in ${escapeMarkdown(input.scope)}.`
  )
  if (input.stats) {
    head.push(
      '',
      `Read ${input.stats.filesRead} file(s), parsed ${input.stats.filesParsed}, in ${(input.stats.ms / 1000).toFixed(1)} s.`
    )
  }
  if (input.status.length > 0) head.push('', ...input.status)

  const table: string[] = []
  if (findings.length > 0) {
    table.push('', '| Rule | Severity | Location | Problem |', '|---|---|---|---|')
    for (const f of findings) {
      const rule = f.docsUrl
        ? `[${escapeMarkdown(f.code)}](${encodeURI(f.docsUrl)}) ${inlineCode(f.name)}`
        : `${escapeMarkdown(f.code)} ${inlineCode(f.name)}`
      table.push(`| ${rule} | ${f.severity} | ${where(f, input.link)} | ${tableCell(f.message)} |`)
    }
  }

  const notices: string[] = []
  if (input.notices.length > 0) {
    notices.push('', '### Notices', '')
    for (const n of input.notices) {
      const at = n.path ? ` ${inlineCode(n.line ? `${n.path}:${n.line}` : n.path)}` : ''
      notices.push(`- **${n.level}**${at}: ${renderMessage(n.message)}`)
    }
  }

  const fixed = findings
    .map((f) => fixDetails(f, input))
    .filter((d): d is string => d !== undefined)
  const fixes: string[] = fixed.length > 0 ? ['', '### Fixes', ''] : []
  let size = Buffer.byteLength([...head, ...table, ...notices].join('\n'), 'utf8') + 200
  let dropped = 0
  for (const d of fixed) {
    const bytes = Buffer.byteLength(d, 'utf8') + 2
    if (size + bytes > SUMMARY_MAX_BYTES) {
      dropped += 1
      continue
    }
    size += bytes
    fixes.push(d, '')
  }
  if (dropped > 0)
    fixes.push(
      `${dropped} fix(es) did not fit in the job summary; run \`loopscope\` locally to see them.`
    )
  return [...head, ...table, ...fixes, ...notices].join('\n') + '\n'
}
