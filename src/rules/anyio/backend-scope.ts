/**
 * `anyio_backend` cached for less long than the fixtures that receive it (AN101–AN103): per test,
 * the fixtures cached longer than its backend with the anyio versions where that happens; and the
 * edits that make class-or-wider anyio fixtures request `anyio_backend`, so that a fix introducing
 * several backends rebuilds them when the backend switches (AN105).
 */
import type { RuleContext } from '../engine.js'
import type { TextEdit } from '../types.js'
import type { FixtureDef, Scope, TestFunc } from '../../model/types.js'
import { isScope, scopeRank } from '../../model/types.js'
import type { BackendChoice } from '../../resolve/anyio.js'
import type { ClosureEntry } from '../../resolve/suite.js'
import { addParamEdit } from '../../fix/edits.js'

/** A test whose `anyio_backend` is cached for less long than fixtures that receive it. */
export interface BackendScopeHit {
  test: TestFunc
  choice: BackendChoice
  /** Fixtures in the test's closure that get `anyio_backend` and are cached longer than it. */
  wider: ClosureEntry[]
  /** The backend's scope they exceed. */
  backendScope: Scope
  /** anyio versions on which this happens (all candidates unless the default's scope differs by version). */
  versions: string[]
}

/**
 * Every test (in the files checked) whose `anyio_backend` is cached for less long than a fixture
 * that receives it: an async fixture anyio runs, or one that requests `anyio_backend` itself.
 */
export function backendScopeHits(ctx: RuleContext): BackendScopeHit[] {
  const out: BackendScopeHit[] = []
  for (const test of ctx.targetTests()) {
    const choice = ctx.anyio.backend(test)
    if (!choice) continue
    const consumers = ctx.anyio.backendConsumers(test)
    if (!consumers.length) continue
    const byScope = new Map<Scope, { wider: ClosureEntry[]; versions: string[] }>()
    for (const { scope, versions } of choice.scopes) {
      if (!isScope(scope)) continue
      const wider = consumers.filter((c) => isScope(c.def.scope) && scopeRank(c.def.scope) > scopeRank(scope))
      if (!wider.length) continue
      const prev = byScope.get(scope)
      byScope.set(scope, { wider, versions: [...(prev?.versions ?? []), ...versions] })
    }
    // The narrowest backend scope fails the most fixtures; report per fixture with all versions.
    const merged = new Map<FixtureDef, ClosureEntry>()
    const versions: string[] = []
    let backendScope: Scope | null = null
    for (const [scope, v] of [...byScope].sort((a, b) => scopeRank(b[0]) - scopeRank(a[0]))) {
      for (const c of v.wider) merged.set(c.def, c)
      versions.push(...v.versions)
      backendScope = scope
    }
    if (!backendScope) continue
    out.push({ test, choice, wider: [...merged.values()], backendScope, versions })
  }
  return out
}

/**
 * Class-or-wider async fixtures anyio runs for these tests that do not depend on
 * `anyio_backend`: with several backends they survive a backend switch (AN105), so the fixes
 * that introduce a multi-backend `anyio_backend` also make them request it.
 */
export function backendSwitchEdits(ctx: RuleContext, tests: TestFunc[], extra: FixtureDef[] = []): TextEdit[] {
  const fixtures = new Set<FixtureDef>(extra)
  for (const t of tests) {
    for (const e of ctx.anyio.anyioFixtures(t)) if (isScope(e.def.scope) && scopeRank(e.def.scope) >= scopeRank('class')) fixtures.add(e.def)
  }
  const edits: TextEdit[] = []
  for (const fx of fixtures) {
    if (!fx.file.exactText || fx.func.argnames.includes('anyio_backend')) continue
    const user = tests.find((t) => ctx.suite.closure(t).some((e) => e.def === fx)) ?? tests[0]
    if (user && ctx.anyio.dependsOnBackend(fx, user)) continue
    const e = addParamEdit(fx.file, fx.func, 'anyio_backend')
    if (e) edits.push(e)
  }
  return edits
}
