/**
 * The JSON format (stable, documented in docs/json-format.md): an array of findings, each with
 * `code`, `name`, `severity`, `path` (relative to the working directory, `/`-separated), `line`,
 * `endLine`, `column`, `message`, `docsUrl`, `related` and `fix` (title, applicability and edits
 * with 1-based start/end line and column plus the replacement text).
 */
import type { Finding } from '../rules/types.js'
import { lineOf, lineStartsOf } from '../model/extract.js'

export interface JsonEdit {
  path: string
  start: { line: number; column: number }
  end: { line: number; column: number }
  content: string
}

export interface JsonFinding {
  code: string
  name: string
  severity: Finding['severity']
  path: string
  line: number
  endLine: number
  column: number
  message: string
  docsUrl: string
  symbol: string
  related: { path: string; line: number; endLine: number; message: string }[]
  fix: { title: string; applicability: 'safe' | 'unsafe'; edits: JsonEdit[] } | null
}

export function toJson(findings: readonly Finding[], sources: ReadonlyMap<string, string>, displayPath: (p: string) => string): JsonFinding[] {
  const starts = new Map<string, number[]>()
  const pos = (p: string, off: number): { line: number; column: number } => {
    let s = starts.get(p)
    if (!s) {
      s = lineStartsOf(sources.get(p) ?? '')
      starts.set(p, s)
    }
    const line = lineOf(s, off)
    return { line, column: off - (s[line - 1] as number) + 1 }
  }
  return findings.map((f) => ({
    code: f.code,
    name: f.name,
    severity: f.severity,
    path: displayPath(f.path),
    line: f.line,
    endLine: f.endLine,
    column: f.column,
    message: f.message,
    docsUrl: f.docsUrl,
    symbol: f.symbol,
    related: f.related.map((r) => ({ ...r, path: displayPath(r.path) })),
    fix: f.fix
      ? {
          title: f.fix.title,
          applicability: f.fix.applicability,
          edits: f.fix.edits.map((e) => ({ path: displayPath(e.path), start: pos(e.path, e.start), end: pos(e.path, e.end), content: e.text }))
        }
      : null
  }))
}
