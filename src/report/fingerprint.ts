/**
 * Fingerprints tie a posted comment to the finding it reports, across pushes: the rule code, the
 * repository path and the finding's line-independent `symbol`. Line numbers are deliberately
 * left out, so an edit above a finding that moves it does not make it look new.
 *
 * The fingerprint travels in a hidden HTML comment at the end of each comment (and of each entry
 * in a review body). The readable part (rule, path, symbol) is base64url-encoded JSON, so no
 * repository text can close the HTML comment.
 */
import { createHash } from 'node:crypto'

export interface FingerprintSubject {
  code: string
  /** Repository-relative path (what the review comment is filed under). */
  path: string
  symbol: string
}

const MARKER_RE = /<!-- loopscope:v1 fp=([0-9a-f]{24}) data=([A-Za-z0-9_-]*) -->/g
const REVIEW_RE = /<!-- loopscope:review run=([A-Za-z0-9_.:-]+) -->/

export function fingerprint(s: FingerprintSubject): string {
  return createHash('sha256')
    .update(`${s.code}\u0000${s.path}\u0000${s.symbol}`)
    .digest('hex')
    .slice(0, 24)
}

/** The hidden marker for one finding. */
export function findingMarker(s: FingerprintSubject): string {
  const data = Buffer.from(
    JSON.stringify({ rule: s.code, path: s.path, symbol: s.symbol }),
    'utf8'
  ).toString('base64url')
  return `<!-- loopscope:v1 fp=${fingerprint(s)} data=${data} -->`
}

export interface ParsedMarker {
  fingerprint: string
  rule?: string
  path?: string
  symbol?: string
}

/** Every finding marker in a comment or review body. */
export function readMarkers(body: string | null | undefined): ParsedMarker[] {
  if (!body) return []
  const out: ParsedMarker[] = []
  for (const m of body.matchAll(MARKER_RE)) {
    const parsed: ParsedMarker = { fingerprint: m[1] ?? '' }
    try {
      const data = JSON.parse(Buffer.from(m[2] ?? '', 'base64url').toString('utf8')) as Record<
        string,
        unknown
      >
      if (typeof data.rule === 'string') parsed.rule = data.rule
      if (typeof data.path === 'string') parsed.path = data.path
      if (typeof data.symbol === 'string') parsed.symbol = data.symbol
    } catch {
      // The fingerprint alone is enough to match; the readable part is informative.
    }
    out.push(parsed)
  }
  return out
}

/** A key naming one run of the action on one head commit (safe inside the review marker). */
export function runKey(runId: string, attempt: string, headSha: string): string {
  return `${runId}.${attempt}.${headSha.slice(0, 12)}`.replace(/[^A-Za-z0-9_.:-]/g, '_')
}

/** The marker that identifies a review written by one run (used to detect a lost response). */
export function reviewMarker(key: string): string {
  return `<!-- loopscope:review run=${key} -->`
}

export function readReviewRun(body: string | null | undefined): string | undefined {
  return body ? REVIEW_RE.exec(body)?.[1] : undefined
}
