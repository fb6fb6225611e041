/**
 * Workflow annotations (`::error file=…,line=…::`). GitHub shows at most 10 errors, 10 warnings
 * and 10 notices per step and drops the rest silently, so this module picks which ones to show
 * (most severe and first in path order) and hands back the overflow for the job summary.
 */
import { SEVERITY_RANK, type Finding, type Notice } from '../rules/types.js'

export type AnnotationLevel = 'error' | 'warning' | 'notice'

export interface Annotation {
  level: AnnotationLevel
  message: string
  title?: string
  file?: string
  startLine?: number
  endLine?: number
  startColumn?: number
}

/** GitHub's cap per level and per step. */
export const ANNOTATIONS_PER_LEVEL = 10

const LEVEL: Record<Finding['severity'], AnnotationLevel> = {
  error: 'error',
  warning: 'warning',
  info: 'notice'
}

/** Most severe first, then by location: the order in which findings get limited slots. */
export function byPriority(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    a.path.localeCompare(b.path) ||
    a.line - b.line ||
    a.code.localeCompare(b.code)
  )
}

export function findingAnnotation(f: Finding): Annotation {
  const lines = [f.message]
  if (f.fix) lines.push(`Fix: ${f.fix.title}`)
  for (const r of f.related) lines.push(`Related: ${r.path}:${r.line}: ${r.message}`)
  if (f.docsUrl) lines.push(f.docsUrl)
  const a: Annotation = {
    level: LEVEL[f.severity],
    title: `${f.code} ${f.name}`,
    message: lines.join('\n'),
    file: f.path,
    startLine: f.line,
    endLine: Math.max(f.line, f.endLine)
  }
  // GitHub accepts a column only on single-line annotations.
  if (a.endLine === a.startLine && f.column > 0) a.startColumn = f.column
  return a
}

function noticeAnnotation(n: Notice): Annotation {
  const a: Annotation = {
    level: n.level === 'info' ? 'notice' : n.level,
    title: 'Loopscope',
    message: n.message
  }
  if (n.path) a.file = n.path
  if (n.path && n.line) a.startLine = n.line
  return a
}

export interface CappedAnnotations {
  shown: Annotation[]
  /** Findings that got no annotation because their level was full. */
  overflow: Finding[]
  /** Notices that got no annotation. */
  noticeOverflow: Notice[]
}

/**
 * Choose at most 10 annotations per level: notices first (they explain why results may be
 * incomplete), then findings by priority. `alreadyUsed` counts annotations the step has emitted
 * already (a warning in the log is one).
 */
export function capAnnotations(
  findings: readonly Finding[],
  notices: readonly Notice[],
  alreadyUsed: Partial<Record<AnnotationLevel, number>> = {}
): CappedAnnotations {
  const used: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0, ...alreadyUsed }
  const shown: Annotation[] = []
  const overflow: Finding[] = []
  const noticeOverflow: Notice[] = []
  const take = (a: Annotation): boolean => {
    if (used[a.level] >= ANNOTATIONS_PER_LEVEL) return false
    used[a.level] += 1
    shown.push(a)
    return true
  }
  for (const n of notices) if (!take(noticeAnnotation(n))) noticeOverflow.push(n)
  for (const f of [...findings].sort(byPriority)) if (!take(findingAnnotation(f))) overflow.push(f)
  return { shown, overflow, noticeOverflow }
}
