/** Applying text edits: sorted, checked for overlap, applied back to front. */
import type { Finding, TextEdit } from '../rules/types.js'

export class OverlappingEditsError extends Error {}

/** Sort edits by position and reject overlaps (two inserts at one point keep their given order). */
export function normalizeEdits(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i)
  const out: TextEdit[] = []
  let prevEnd = -1
  for (const { e } of sorted) {
    if (e.start < prevEnd) throw new OverlappingEditsError(`edits overlap at offset ${e.start} of ${e.path}`)
    out.push(e)
    prevEnd = Math.max(prevEnd, e.end)
  }
  return out
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = normalizeEdits(edits)
  let out = ''
  let pos = 0
  for (const e of sorted) {
    if (e.start > text.length || e.end > text.length || e.start < pos) throw new OverlappingEditsError(`edit out of range in ${e.path}`)
    out += text.slice(pos, e.start) + e.text
    pos = e.end
  }
  return out + text.slice(pos)
}

/** Edits of several findings grouped per file, deduplicated (identical edits from two findings apply once). */
export function editsByPath(findings: readonly Finding[]): Map<string, TextEdit[]> {
  const out = new Map<string, TextEdit[]>()
  const seen = new Set<string>()
  for (const f of findings) {
    for (const e of f.fix?.edits ?? []) {
      const key = `${e.path}\0${e.start}\0${e.end}\0${e.text}`
      if (seen.has(key)) continue
      seen.add(key)
      const list = out.get(e.path) ?? []
      list.push(e)
      out.set(e.path, list)
    }
  }
  return out
}
