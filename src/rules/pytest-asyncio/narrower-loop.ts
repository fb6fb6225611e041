/**
 * Shared by PA105 and PA106: async fixtures whose loop is narrower than the loop of a test that
 * uses them, per fixture, with the widest loop each test runs in and the eras where it happens.
 */
import type { RuleContext } from '../engine.js'
import type { FixtureDef, Scope, TestFunc } from '../../model/types.js'
import { isScope, scopeRank } from '../../model/types.js'
import { effectiveRank, eraAtLeast, isKnown, type PaEra } from '../../resolve/asyncio.js'

export interface NarrowerLoop {
  fx: FixtureDef
  /** The fixture's loop scope. */
  fixtureScope: Scope
  /** Where that loop scope comes from (for messages). */
  source: string
  /** Each affected test with the (widest) loop scope it runs in. */
  tests: Map<TestFunc, Scope>
  eras: Set<PaEra>
}

/** Fixtures in a narrower loop than their tests' (autouse ones, or the requested ones). */
export function narrowerLoopFixtures(ctx: RuleContext, autouse: boolean): Map<FixtureDef, NarrowerLoop> {
  const byFixture = new Map<FixtureDef, NarrowerLoop>()
  for (const test of ctx.targetTests()) {
    if (!ctx.asyncio.isAsyncioTest(test)) continue
    for (const { era } of ctx.paEras) {
      if (!eraAtLeast(era, '0.23')) continue
      const tl = ctx.asyncio.testLoop(test, era)
      if (!isKnown(tl)) continue
      for (const { def: fx } of ctx.suite.closure(test)) {
        if (fx.autouse !== autouse || !fx.func.isAsync || !ctx.asyncio.handlesFixture(fx, era)) continue
        const fl = ctx.asyncio.fixtureLoop(fx, era)
        if (!isKnown(fl)) continue
        // A loop narrower than the fixture's own cache is a setup error first (PA101/PA102).
        if (isScope(fx.scope) && scopeRank(fl.scope) < scopeRank(fx.scope)) continue
        if (effectiveRank(fl.scope, test) >= effectiveRank(tl.scope, test)) continue
        let agg = byFixture.get(fx)
        if (!agg) {
          agg = { fx, fixtureScope: fl.scope, source: fl.source, tests: new Map(), eras: new Set() }
          byFixture.set(fx, agg)
        }
        const prev = agg.tests.get(test)
        if (!prev || scopeRank(tl.scope) > scopeRank(prev)) agg.tests.set(test, tl.scope)
        agg.eras.add(era)
      }
    }
  }
  return byFixture
}
