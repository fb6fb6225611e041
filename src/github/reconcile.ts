/**
 * Re-run reconciliation: compare this run's findings with what earlier runs posted.
 *
 * - A finding already reported (an open thread of ours, a thread a person resolved, or an entry in
 *   one of our review bodies) is left alone: no duplicate.
 * - A finding not reported yet is new and goes into this run's review.
 * - An open thread of ours whose findings are all gone is resolved (never deleted, replies or not).
 * - A thread we resolved earlier whose finding came back does not count: the finding is new again.
 */
import type { Finding } from '../rules/types.js'
import type { ExistingState } from './existing.js'
import { fingerprint } from '../report/fingerprint.js'
import { byPriority } from '../report/annotations.js'

export interface Reconciled {
  fresh: Finding[]
  /** Findings already reported on the pull request. */
  alreadyReported: Finding[]
  /** Ids of our open threads whose finding is gone. */
  toResolve: string[]
}

export function findingFingerprint(f: Finding): string {
  return fingerprint({ code: f.code, path: f.path, symbol: f.symbol })
}

export function reconcile(findings: readonly Finding[], existing: ExistingState): Reconciled {
  const current = new Map<string, Finding>()
  for (const f of [...findings].sort(byPriority)) {
    const fp = findingFingerprint(f)
    if (!current.has(fp)) current.set(fp, f)
  }
  const reported = new Set(existing.bodyFingerprints)
  for (const t of existing.threads) {
    if (!t.isResolved || t.resolvedByOther) for (const fp of t.fingerprints) reported.add(fp)
  }
  const fresh: Finding[] = []
  const alreadyReported: Finding[] = []
  for (const [fp, f] of current) (reported.has(fp) ? alreadyReported : fresh).push(f)
  const toResolve = existing.threads
    .filter(
      (t) => !t.isResolved && t.viewerCanResolve && t.fingerprints.every((fp) => !current.has(fp))
    )
    .map((t) => t.id)
  return { fresh, alreadyReported, toResolve }
}
