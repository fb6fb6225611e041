/**
 * Fix verification: a fix is kept only if re-analysing the fixed text removes its own finding
 * and adds no new one. All fixes are first tried together (one re-analysis); when that fails,
 * each is tried alone and the failing ones are withheld with a notice.
 */
import type { EngineFinding } from '../rules/engine.js'
import type { Notice, TextEdit } from '../rules/types.js'
import type { FileSource } from '../read/workspace.js'
import { applyEdits, OverlappingEditsError } from './apply.js'

const key = (f: { code: string; symbol: string }): string => `${f.code}\0${f.symbol}`

export function fixedTexts(src: FileSource, edits: TextEdit[]): Map<string, string> {
  const byPath = new Map<string, TextEdit[]>()
  const seen = new Set<string>()
  for (const e of edits) {
    const k = `${e.path}\0${e.start}\0${e.end}\0${e.text}`
    if (seen.has(k)) continue
    seen.add(k)
    byPath.set(e.path, [...(byPath.get(e.path) ?? []), e])
  }
  const out = new Map<string, string>()
  for (const [p, es] of byPath) out.set(p, applyEdits(src.read(p) ?? '', es))
  return out
}

export function verifyFixes(
  findings: EngineFinding[],
  src: FileSource,
  reanalyse: (overrides: Map<string, string>) => EngineFinding[],
  notices: Notice[]
): EngineFinding[] {
  const withFix = findings.filter((f) => f.fix)
  if (!withFix.length) return findings
  const before = new Set(findings.map(key))
  const check = (subset: EngineFinding[]): boolean => {
    let texts: Map<string, string>
    try {
      texts = fixedTexts(src, subset.flatMap((f) => f.fix?.edits ?? []))
    } catch (e) {
      if (e instanceof OverlappingEditsError) return false
      throw e
    }
    const after = reanalyse(texts)
    const afterKeys = new Set(after.map(key))
    if (subset.some((f) => afterKeys.has(key(f)))) return false
    return after.every((f) => before.has(key(f)))
  }
  if (check(withFix)) return findings
  return findings.map((f) => {
    if (!f.fix || check([f])) return f
    notices.push({
      level: 'warning',
      path: f.path,
      line: f.line,
      message: `internal: the fix for ${f.code} ("${f.fix.title}") did not verify (it left its finding or introduced a new one) and was withheld; the finding is still reported.`
    })
    const { fix: _fix, ...rest } = f
    return rest
  })
}
