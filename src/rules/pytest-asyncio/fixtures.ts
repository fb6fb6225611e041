/**
 * Turning fixtures into fixtures pytest-asyncio runs: a `@pytest.fixture` becomes a
 * `@pytest_asyncio.fixture` (with the `loop_scope` its asyncio users need), a sync fixture that
 * drives coroutines on a loop of its own becomes such a coroutine fixture; and which asyncio tests
 * use a fixture.
 */
import type { RuleContext } from '../engine.js'
import type { TextEdit } from '../types.js'
import type { FixtureDef, Scope } from '../../model/types.js'
import { isScope, scopeRank } from '../../model/types.js'
import { eraAtLeast } from '../../resolve/asyncio.js'
import { importEdit, localName, preferredQuote, pruneImportEdits, pyString, replaceCallee, setKwarg } from '../../fix/edits.js'
import { fixtureTargetLoop } from '../fixes.js'
import { asyncifyEdits, type LoopDriving } from './loop-driving.js'
import { newestEra } from './versions.js'

/**
 * Edits turning a `@pytest.fixture` into a `@pytest_asyncio.fixture` that keeps its arguments,
 * with a `loop_scope` when the loop its asyncio users run in is wider than the one it would
 * get (ini default or caching scope), importing pytest_asyncio once.
 */
export function toPytestAsyncioFixtureEdits(ctx: RuleContext, fx: FixtureDef, edits: TextEdit[] = []): TextEdit[] {
  const file = fx.file
  const dv = fx.decorator.value
  let pa = localName(file, 'pytest_asyncio')
  if (!pa) {
    pa = 'pytest_asyncio'
    if (!edits.some((e) => e.path === file.path && /^\s*import pytest_asyncio\s*$/.test(e.text))) edits.push(importEdit(file, 'pytest_asyncio'))
  }
  if (fx.decoratorKind !== 'pytest_asyncio') edits.push(replaceCallee(file, dv, `${pa}.fixture`))
  const ls = loopScopeAfterConversion(ctx, fx)
  if (ls) edits.push(setKwarg(file, dv, 'loop_scope', pyString(ls, preferredQuote(file, dv))))
  return edits
}

/**
 * The `loop_scope` a fixture needs once pytest-asyncio runs it: the loop its asyncio users run
 * in, when that differs from what it would get (ini default, else its caching scope). Null when
 * nothing needs to be said (or `loop_scope` is not available on the pinned versions).
 */
export function loopScopeAfterConversion(ctx: RuleContext, fx: FixtureDef): Scope | null {
  const era = newestEra(ctx)
  if (!eraAtLeast(era, '0.24') || fx.loopScopeValue || !ctx.paEras.every((b) => eraAtLeast(b.era, '0.24'))) return null
  const target = fixtureTargetLoop(ctx, fx, era)
  const raw = ctx.project.asyncio.fixtureDefault
  const current = raw && isScope(raw) ? raw : isScope(fx.scope) ? fx.scope : null
  if (!target || !current || target === current) return null
  if (scopeRank(target) < scopeRank(isScope(fx.scope) ? fx.scope : 'function')) return null
  return target
}

/** A sync fixture turned into a `@pytest_asyncio.fixture` coroutine with the same values. */
export function asyncifyFixture(ctx: RuleContext, fx: FixtureDef, loop: LoopDriving): TextEdit[] | null {
  const body = asyncifyEdits(fx.file, fx.func, loop)
  if (!body) return null
  const edits = toPytestAsyncioFixtureEdits(ctx, fx, [...body])
  return [...edits, ...pruneImportEdits(fx.file, edits)]
}

/** Tests run by pytest-asyncio that use the fixture. */
export function asyncioUsers(ctx: RuleContext, fx: FixtureDef): string[] {
  return ctx.usersOf(fx).filter((t) => ctx.asyncio.isAsyncioTest(t)).map((t) => t.name)
}
