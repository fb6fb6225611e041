import type { ExistingState, OurThread } from '../../src/github/existing.js'
import { sameActor } from '../../src/github/existing.js'
import { findingFingerprint, reconcile } from '../../src/github/reconcile.js'
import { finding } from './helpers.js'

const a = finding({ path: 'tests/a.py', line: 3, symbol: 'tests/a.py::test_a' })
const b = finding({ path: 'tests/b.py', line: 8, symbol: 'tests/b.py::test_b' })
const c = finding({
  path: 'tests/c.py',
  line: 1,
  symbol: 'tests/c.py::test_c',
  severity: 'warning'
})

function thread(id: string, fps: string[], over: Partial<OurThread> = {}): OurThread {
  return {
    id,
    fingerprints: fps,
    isResolved: false,
    resolvedByOther: false,
    isOutdated: false,
    viewerCanResolve: true,
    replies: 0,
    ...over
  }
}

function state(threads: OurThread[], body: string[] = []): ExistingState {
  return { viewerLogin: 'github-actions[bot]', threads, bodyFingerprints: new Set(body) }
}

describe('reconcile', () => {
  it('posts only findings not reported before and resolves threads whose finding is gone', () => {
    const gone = 'f'.repeat(24)
    const r = reconcile(
      [a, b, c],
      state([thread('T1', [findingFingerprint(a)]), thread('T2', [gone])], [findingFingerprint(c)])
    )
    expect(r.fresh).toEqual([b])
    expect(r.alreadyReported.map((f) => f.path).sort()).toEqual(['tests/a.py', 'tests/c.py'])
    expect(r.toResolve).toEqual(['T2'])
  })

  it('ignores line moves: the same rule, path and symbol on another line is not new', () => {
    const moved = { ...a, line: 40, endLine: 41 }
    expect(reconcile([moved], state([thread('T1', [findingFingerprint(a)])])).fresh).toEqual([])
  })

  it('respects a thread a person resolved, and re-posts a finding that came back after we resolved it', () => {
    const byPerson = thread('T1', [findingFingerprint(a)], {
      isResolved: true,
      resolvedByOther: true
    })
    const byUs = thread('T2', [findingFingerprint(b)], { isResolved: true })
    const r = reconcile([a, b], state([byPerson, byUs]))
    expect(r.fresh).toEqual([b])
    expect(r.toResolve).toEqual([])
  })

  it('does not resolve a thread it may not resolve, or one already resolved', () => {
    const gone = 'e'.repeat(24)
    const r = reconcile(
      [],
      state([
        thread('T1', [gone], { viewerCanResolve: false }),
        thread('T2', [gone], { isResolved: true })
      ])
    )
    expect(r.toResolve).toEqual([])
  })

  it('reports one finding per fingerprint, keeping the most severe', () => {
    const dupe = { ...a, severity: 'info' as const, line: 99 }
    const r = reconcile([dupe, a], state([]))
    expect(r.fresh).toEqual([a])
  })
})

describe('sameActor', () => {
  it('matches REST and GraphQL spellings of a bot login', () => {
    expect(sameActor('github-actions[bot]', 'github-actions')).toBe(true)
    expect(sameActor('GitHub-Actions', 'github-actions[bot]')).toBe(true)
    expect(sameActor('octocat', 'github-actions')).toBe(false)
    expect(sameActor(undefined, 'x')).toBe(false)
  })
})
