/**
 * Building the one `COMMENT` review a run posts: inline comments (RIGHT side, `start_line` only
 * for ranges, bottom-up per file so "Add suggestion to batch" applies cleanly) and a body that
 * lists the findings which got no inline comment, each with its fingerprint.
 */
import type { Finding, Severity } from '../rules/types.js'
import { escapeHtml } from '../report/markdown.js'
import { bodyEntry, inlineCommentBody, MAX_BODY } from './comment.js'
import { reviewMarker } from '../report/fingerprint.js'
import type { BodyPlacement, InlinePlacement, Placement } from './placement.js'

export interface ReviewComment {
  path: string
  line: number
  side: 'RIGHT'
  start_line?: number
  start_side?: 'RIGHT'
  body: string
}

export interface ReviewDraft {
  body: string
  comments: ReviewComment[]
  /** Findings listed in the body. */
  listed: BodyPlacement[]
  /** Findings that did not fit in the body (they are in the job summary). */
  omitted: BodyPlacement[]
}

export interface ReviewContext {
  /** Identifies this run's review (see reviewMarker). */
  runKey: string
  maxComments: number
  /** Findings of this run already reported by earlier runs. */
  alreadyReported: number
}

export function toReviewComment(p: InlinePlacement): ReviewComment {
  const c: ReviewComment = {
    path: p.path,
    line: p.endLine,
    side: 'RIGHT',
    body: inlineCommentBody(p)
  }
  if (p.startLine < p.endLine) {
    c.start_line = p.startLine
    c.start_side = 'RIGHT'
  }
  return c
}

/** Bottom-up within each file: path ascending, then last line descending. */
export function bottomUp(a: ReviewComment, b: ReviewComment): number {
  return (
    a.path.localeCompare(b.path) ||
    b.line - a.line ||
    (b.start_line ?? b.line) - (a.start_line ?? a.line)
  )
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

function severityCounts(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 }
  for (const f of findings) counts[f.severity] += 1
  return counts
}

function section(title: string, entries: string[]): string {
  return `<details><summary>${escapeHtml(title)}</summary>\n\n${entries.join('\n\n')}\n\n</details>`
}

/** The review for `placements` (this run's new findings), or undefined when there is nothing new. */
export function buildReview(
  placements: readonly Placement[],
  ctx: ReviewContext
): ReviewDraft | undefined {
  if (placements.length === 0) return undefined
  const inline = placements.filter((p): p is InlinePlacement => p.kind === 'inline')
  const refused = placements.filter(
    (p): p is BodyPlacement => p.kind === 'body' && p.reason === 'refused'
  )
  const outside = placements.filter(
    (p): p is BodyPlacement => p.kind === 'body' && p.reason === 'outside-diff'
  )
  const over = placements.filter(
    (p): p is BodyPlacement => p.kind === 'body' && p.reason === 'over-limit'
  )
  const comments = inline.map(toReviewComment).sort(bottomUp)

  const c = severityCounts(placements.map((p) => p.finding))
  const parts = [
    c.error && plural(c.error, 'error'),
    c.warning && plural(c.warning, 'warning'),
    c.info && plural(c.info, 'info', 'infos')
  ]
    .filter(Boolean)
    .join(', ')
  const head = [
    '### Loopscope',
    '',
    `Loopscope found ${plural(placements.length, 'new finding')} in this pull request (${parts}).` +
      (ctx.alreadyReported > 0
        ? ` ${plural(ctx.alreadyReported, 'finding')} reported earlier ${ctx.alreadyReported === 1 ? 'is' : 'are'} still open.`
        : ''),
    comments.length > 0
      ? `${plural(comments.length, 'comment')} below point at the lines to change.`
      : ''
  ]
    .filter((l, i) => i < 2 || l !== '')
    .join('\n')
  const tail = reviewMarker(ctx.runKey)

  const render = (
    withDiffs: boolean,
    limit: number
  ): { body: string; listed: BodyPlacement[]; omitted: BodyPlacement[] } => {
    const listed: BodyPlacement[] = []
    const omitted: BodyPlacement[] = []
    const groups: Array<[string, BodyPlacement[]]> = [
      [`${plural(refused.length, 'finding')} GitHub did not accept as line comments`, refused],
      [`${plural(outside.length, 'finding')} outside the lines this pull request changes`, outside],
      [
        `${plural(over.length, 'more finding')} (over the limit of ${ctx.maxComments} inline comments)`,
        over
      ]
    ]
    let used = head.length + tail.length + 200
    const sections: string[] = []
    for (const [title, group] of groups) {
      const entries: string[] = []
      for (const p of group) {
        const entry = bodyEntry(p, withDiffs)
        if (used + entry.length + 2 > limit) {
          omitted.push(p)
          continue
        }
        used += entry.length + 2
        entries.push(entry)
        listed.push(p)
      }
      if (entries.length > 0) sections.push(section(title, entries))
    }
    const note =
      omitted.length > 0
        ? [
            `${plural(omitted.length, 'more finding')} did not fit here: see the job summary of this run.`
          ]
        : !withDiffs && listed.length > 0
          ? ['The fixes of the findings above are in the job summary of this run.']
          : []
    return { body: [head, ...sections, ...note, tail].join('\n\n'), listed, omitted }
  }

  let out = render(true, MAX_BODY)
  if (out.omitted.length > 0) out = render(false, MAX_BODY)
  return { body: out.body, comments, listed: out.listed, omitted: out.omitted }
}
