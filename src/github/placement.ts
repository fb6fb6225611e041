/**
 * Where each finding goes in the review, decided against the PR's diff (reviewdog's "diff
 * filter"). In order of preference:
 *
 * 1. an inline comment whose ```suggestion replaces exactly the commented lines, when the fix's
 *    lines in one file lie inside one hunk (the finding's own file first);
 * 2. an inline comment on the finding's lines, or on the nearest diff line it concerns (its
 *    related locations, the lines its fix touches), with the fix as ```diff blocks;
 * 3. the review body.
 *
 * Suggestions never overlap (GitHub refuses to batch two suggestions on one line), never are
 * no-ops, and at most `maxComments` inline comments are placed; the rest go to the body.
 */
import { editsByPath } from '../fix/apply.js'
import { byPriority } from '../report/annotations.js'
import type { Finding } from '../rules/types.js'
import type { DiffIndex } from './diff.js'
import { blockDiff, isNoOp, lineBlock, type LineBlock } from '../fix/blocks.js'

export interface FixDiff {
  path: string
  diff: string
}

export interface InlinePlacement {
  kind: 'inline'
  finding: Finding
  path: string
  startLine: number
  endLine: number
  /** Present when the comment carries a ```suggestion for lines startLine..endLine of `path`. */
  suggestion?: LineBlock
  /** The fix (or the parts of it not in the suggestion) as unified diffs. */
  diffs: FixDiff[]
}

export interface BodyPlacement {
  kind: 'body'
  finding: Finding
  /**
   * No diff line concerns it, or over `max-comments`, or (`refused`) it was an inline comment
   * moved to the body after GitHub refused the review's anchors.
   */
  reason: 'outside-diff' | 'over-limit' | 'refused'
  diffs: FixDiff[]
}

export type Placement = InlinePlacement | BodyPlacement

/**
 * An inline placement as a review-body entry, for when GitHub refuses the review's anchors: the
 * whole fix goes along as diffs (a body cannot carry a committable suggestion).
 */
export function toBodyPlacement(p: Placement, sources: ReadonlyMap<string, string>): BodyPlacement {
  if (p.kind === 'body') return p
  return {
    kind: 'body',
    finding: p.finding,
    reason: 'refused',
    diffs: fixDiffs(p.finding, sources)
  }
}

export interface PlacementOptions {
  /** Offer ```suggestion blocks (the `suggestions` input). */
  suggestions: boolean
  /** At most this many inline comments. */
  maxComments: number
}

interface FixPart {
  path: string
  block?: LineBlock
  diff?: string
}

function fixParts(finding: Finding, sources: ReadonlyMap<string, string>): FixPart[] {
  if (!finding.fix) return []
  const parts: FixPart[] = []
  for (const [path, edits] of editsByPath([finding])) {
    const text = sources.get(path)
    let part: FixPart = { path }
    if (text !== undefined) {
      try {
        const block = lineBlock(path, text, edits)
        if (isNoOp(block)) continue
        part = { path, block, diff: blockDiff(path, text, block) }
      } catch {
        // Edits that do not fit the text (overlapping, out of range) cannot be shown.
      }
    }
    parts.push(part)
  }
  // The finding's own file first: its suggestion is the one a reviewer expects.
  return parts.sort((a, b) => Number(b.path === finding.path) - Number(a.path === finding.path))
}

/** A finding's whole fix as one unified diff per file (for the summary and the review body). */
export function fixDiffs(finding: Finding, sources: ReadonlyMap<string, string>): FixDiff[] {
  return diffsOf(fixParts(finding, sources))
}

function diffsOf(parts: FixPart[], except?: FixPart): FixDiff[] {
  return parts
    .filter((p) => p !== except && p.diff !== undefined)
    .map((p) => ({ path: p.path, diff: p.diff as string }))
}

class SuggestionClaims {
  private readonly claimed = new Map<string, Array<[number, number]>>()

  free(path: string, start: number, end: number): boolean {
    return !(this.claimed.get(path) ?? []).some(([s, e]) => start <= e && s <= end)
  }

  claim(path: string, start: number, end: number): void {
    const list = this.claimed.get(path) ?? []
    list.push([start, end])
    this.claimed.set(path, list)
  }
}

/**
 * The single diff line a finding without a usable range is best shown on: among the lines it
 * concerns that the diff shows, an added line before a context line, then the finding's own file,
 * then the closest to the finding.
 */
function nearestLine(
  finding: Finding,
  parts: FixPart[],
  diff: DiffIndex
): { path: string; line: number } | undefined {
  const ranges: Array<{ path: string; start: number; end: number }> = [
    { path: finding.path, start: finding.line, end: Math.max(finding.line, finding.endLine) },
    ...finding.related.map((r) => ({
      path: r.path,
      start: r.line,
      end: Math.max(r.line, r.endLine)
    })),
    ...parts.flatMap((p) =>
      p.block ? [{ path: p.path, start: p.block.startLine, end: p.block.endLine }] : []
    )
  ]
  let best: { path: string; line: number; score: number[] } | undefined
  for (const r of ranges) {
    for (let line = r.start; line <= r.end; line++) {
      if (!diff.canComment(r.path, line, line)) continue
      const score = [
        diff.isAdded(r.path, line) ? 0 : 1,
        r.path === finding.path ? 0 : 1,
        r.path === finding.path ? Math.abs(line - finding.line) : 0,
        line
      ]
      if (!best || compareScores(score, best.score) < 0) best = { path: r.path, line, score }
    }
  }
  return best && { path: best.path, line: best.line }
}

function compareScores(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

export function placeFindings(
  findings: readonly Finding[],
  sources: ReadonlyMap<string, string>,
  diff: DiffIndex,
  options: PlacementOptions
): Placement[] {
  const claims = new SuggestionClaims()
  const placements: Placement[] = []
  let inline = 0
  for (const finding of [...findings].sort(byPriority)) {
    const parts = fixParts(finding, sources)
    if (inline >= options.maxComments) {
      placements.push({ kind: 'body', finding, reason: 'over-limit', diffs: diffsOf(parts) })
      continue
    }
    const suggested = options.suggestions
      ? parts.find(
          (p) =>
            p.block !== undefined &&
            diff.canComment(p.path, p.block.startLine, p.block.endLine) &&
            claims.free(p.path, p.block.startLine, p.block.endLine)
        )
      : undefined
    if (suggested?.block) {
      const { startLine, endLine } = suggested.block
      claims.claim(suggested.path, startLine, endLine)
      placements.push({
        kind: 'inline',
        finding,
        path: suggested.path,
        startLine,
        endLine,
        suggestion: suggested.block,
        diffs: diffsOf(parts, suggested)
      })
      inline += 1
      continue
    }
    const endLine = Math.max(finding.line, finding.endLine)
    const anchor = diff.canComment(finding.path, finding.line, endLine)
      ? { path: finding.path, startLine: finding.line, endLine }
      : (() => {
          const near = nearestLine(finding, parts, diff)
          return near && { path: near.path, startLine: near.line, endLine: near.line }
        })()
    if (anchor) {
      placements.push({ kind: 'inline', finding, ...anchor, diffs: diffsOf(parts) })
      inline += 1
    } else {
      placements.push({ kind: 'body', finding, reason: 'outside-diff', diffs: diffsOf(parts) })
    }
  }
  return placements
}
