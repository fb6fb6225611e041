/**
 * Fix verification and combination.
 *
 * - Findings whose fixes touch overlapping text (several findings on one construct) get one
 *   combined fix: the candidate fix that, applied alone, resolves every finding of the group.
 * - A fix is kept only if re-analysing the fixed text removes its own finding and adds no new
 *   one. All fixes are first tried together (one re-analysis); when that fails, each is tried
 *   alone and the failing ones are withheld with a notice.
 */
import type { EngineFinding } from '../rules/engine.js'
import type { Notice, TextEdit } from '../rules/types.js'
import type { FileSource } from '../read/workspace.js'
import { applyEdits, OverlappingEditsError } from './apply.js'
import { pushTo } from '../util/multimap.js'

/** Above this many fixes, a failed combined verification is not retried fix by fix. */
const MAX_FIXES_ONE_BY_ONE = 40

const key = (f: { code: string; symbol: string }): string => `${f.code}\0${f.symbol}`

export function fixedTexts(src: FileSource, edits: TextEdit[]): Map<string, string> {
  const byPath = new Map<string, TextEdit[]>()
  const seen = new Set<string>()
  for (const e of edits) {
    const k = `${e.path}\0${e.start}\0${e.end}\0${e.text}`
    if (seen.has(k)) continue
    seen.add(k)
    pushTo(byPath, e.path, e)
  }
  const out = new Map<string, string>()
  for (const [p, es] of byPath) out.set(p, applyEdits(src.read(p) ?? '', es))
  return out
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.path !== b.path) return false
  if (a.start === b.start && a.end === b.end && a.text === b.text) return false
  if (a.start === a.end && b.start === b.end) return a.start === b.start
  return a.start < b.end && b.start < a.end || (a.start === a.end && a.start > b.start && a.start < b.end) || (b.start === b.end && b.start > a.start && b.start < a.end)
}

/** Groups of findings whose fixes overlap (connected components). */
function overlapGroups(findings: EngineFinding[]): EngineFinding[][] {
  const withFix = findings.filter((f) => f.fix)
  const parent = withFix.map((_, i) => i)
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i] as number)))
  const union = (i: number, j: number): void => {
    parent[find(i)] = find(j)
  }
  // Identical edits (one import shared by many fixes) do not overlap: compare each distinct edit
  // once, sweeping by position, so hundreds of findings do not cost a quadratic number of checks.
  const distinct = new Map<string, { e: TextEdit; owners: number[] }>()
  withFix.forEach((f, i) => {
    for (const e of f.fix!.edits) {
      const k = `${e.path}\0${e.start}\0${e.end}\0${e.text}`
      const d = distinct.get(k)
      if (d) d.owners.push(i)
      else distinct.set(k, { e, owners: [i] })
    }
  })
  const sorted = [...distinct.values()].sort((a, b) => (a.e.path < b.e.path ? -1 : a.e.path > b.e.path ? 1 : a.e.start - b.e.start))
  let active: { e: TextEdit; owners: number[] }[] = []
  for (const cur of sorted) {
    active = active.filter((x) => x.e.path === cur.e.path && x.e.end >= cur.e.start)
    for (const x of active) {
      if (overlaps(x.e, cur.e)) for (const o of [...x.owners, ...cur.owners]) union(o, cur.owners[0] as number)
    }
    active.push(cur)
  }
  const groups = new Map<number, EngineFinding[]>()
  withFix.forEach((f, i) => pushTo(groups, find(i), f))
  return [...groups.values()].filter((g) => g.length > 1)
}

export function verifyFixes(
  findings: EngineFinding[],
  src: FileSource,
  reanalyse: (overrides: Map<string, string>) => EngineFinding[],
  notices: Notice[]
): EngineFinding[] {
  if (!findings.some((f) => f.fix)) return findings
  const before = new Set(findings.map(key))
  const resolves = (edits: TextEdit[], targets: EngineFinding[]): boolean => {
    let texts: Map<string, string>
    try {
      texts = fixedTexts(src, edits)
    } catch (e) {
      if (e instanceof OverlappingEditsError) return false
      throw e
    }
    const after = reanalyse(texts)
    const afterKeys = new Set(after.map(key))
    if (targets.some((f) => afterKeys.has(key(f)))) return false
    return after.every((f) => before.has(key(f)))
  }
  /** How many findings a fix resolves when applied alone; -1 when it fails verification. */
  const curedBy = (target: EngineFinding): number => {
    const edits = target.fix!.edits
    let texts: Map<string, string>
    try {
      texts = fixedTexts(src, edits)
    } catch (e) {
      if (e instanceof OverlappingEditsError) return -1
      throw e
    }
    const after = reanalyse(texts)
    if (!after.every((f) => before.has(key(f)))) return -1
    if (after.some((f) => key(f) === key(target))) return -1
    return before.size - new Set(after.map(key)).size
  }
  const withhold = (f: EngineFinding, why: string): EngineFinding => {
    notices.push({ level: 'info', internal: true, path: f.path, line: f.line, message: `the fix for ${f.code} ("${f.fix?.title}") ${why} and was withheld; the finding is still reported.` })
    const rest: EngineFinding = { ...f }
    delete rest.fix
    return rest
  }

  // 1. One combined fix per construct.
  let current = findings
  for (const group of overlapGroups(findings)) {
    const winner = group.find((cand) => resolves(cand.fix!.edits, group))
    current = current.map((f) => {
      if (!group.includes(f)) return f
      if (winner) return { ...f, fix: { ...winner.fix!, title: f === winner ? winner.fix!.title : `${winner.fix!.title} (also fixes ${f.code})` } }
      return withhold(f, 'conflicts with the fix of another finding on the same code')
    })
  }

  // 2. Every fix together (the usual case: one re-analysis). Otherwise build the largest set
  //    that still verifies together, errors first: a fix that only works alone would leave a
  //    broken tree when applied with the others (`--fix`, or committing every suggestion).
  const withFix = current.filter((f) => f.fix)
  if (!withFix.length) return current
  if (resolves(withFix.flatMap((f) => f.fix!.edits), withFix)) return current
  // Trying fixes one by one costs two re-analyses each: past a bound (a generated or broken
  // file with hundreds of findings) that is quadratic in practice, so all are withheld instead.
  if (withFix.length > MAX_FIXES_ONE_BY_ONE) {
    return current.map((f) => (f.fix ? withhold(f, `did not verify together with the other ${withFix.length - 1} fixes (too many to try one by one)`) : f))
  }
  // Fixes that cure the cause resolve more findings than those that treat a symptom: try them first.
  const rank = { error: 0, warning: 1, info: 2 } as const
  const cured = new Map<EngineFinding, number>()
  for (const f of withFix) cured.set(f, curedBy(f))
  const ordered = [...withFix].sort((a, b) => (cured.get(b) as number) - (cured.get(a) as number) || rank[a.severity] - rank[b.severity])
  const accepted: EngineFinding[] = []
  const rejected = new Map<EngineFinding, string>()
  for (const f of ordered) {
    const trial = [...accepted, f]
    if (cured.get(f) === -1) rejected.set(f, 'did not verify (it left its finding or introduced a new one)')
    else if (resolves(trial.flatMap((x) => x.fix!.edits), trial)) accepted.push(f)
    else rejected.set(f, 'works alone but not together with the fixes of other findings')
  }
  return current.map((f) => (rejected.has(f) ? withhold(f, rejected.get(f) as string) : f))
}
