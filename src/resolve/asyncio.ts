/**
 * pytest-asyncio's loop-scope resolution, version by version (research/pytest-asyncio.md §3.1,
 * §3.2): which tests and fixtures the plugin runs, and in which loop.
 */
import type { FixtureDef, Scope, TestFunc, Value } from '../model/types.js'
import { isScope, scopeRank } from '../model/types.js'
import type { MarkHit, Suite } from './suite.js'

/** Release lines that behave differently for loop scoping. 0.22 was yanked and counts as 0.21. */
export const PA_ERAS = ['0.21', '0.23', '0.24', '0.25', '0.26', '1.0', '1.1', '1.2', '1.3', '1.4'] as const
export type PaEra = (typeof PA_ERAS)[number]

function majorMinor(v: string): [number, number] {
  const m = /^(\d+)\.(\d+)/.exec(v)
  return m ? [Number(m[1]), Number(m[2])] : [0, 0]
}

export function paEra(version: string): PaEra {
  const [maj, min] = majorMinor(version)
  if (maj >= 1) {
    if (min >= 4) return '1.4'
    return `1.${min}` as PaEra
  }
  if (min <= 22) return '0.21'
  if (min >= 26) return '0.26'
  return `0.${min}` as PaEra
}

export function eraAtLeast(era: PaEra, min: PaEra): boolean {
  return PA_ERAS.indexOf(era) >= PA_ERAS.indexOf(min)
}

/** The pytest-asyncio settings that decide loops, already merged from ini and addopts. */
export interface AsyncioSettings {
  mode: string
  /** Raw `asyncio_default_fixture_loop_scope`, or null when unset. */
  fixtureDefault: string | null
  /** Raw `asyncio_default_test_loop_scope`, or null when unset. */
  testDefault: string | null
  disabled: boolean
}

export type LoopSource = 'loop_scope' | 'scope-kwarg' | 'ini' | 'default' | 'fixture-scope' | 'event_loop'

export interface LoopChoice {
  /** A valid scope, or the raw invalid string, or 'dynamic' when it cannot be known statically. */
  scope: Scope | 'dynamic' | 'invalid'
  raw?: string
  source: LoopSource
  value?: Value
  mark?: MarkHit
}

export class AsyncioModel {
  constructor(
    readonly suite: Suite,
    readonly settings: AsyncioSettings,
    /** pytest < 7.4.3 gathers class marks subclass-first. */
    readonly baseClassMarksFirst = true
  ) {}

  get auto(): boolean {
    return this.settings.mode === 'auto'
  }

  /**
   * The closest asyncio mark, including marks added by collection hooks: `add_marker(m,
   * append=False)` goes first; an appended mark joins the function's own marks after its
   * decorators, and in auto mode after the bare mark the plugin adds to unmarked coroutines.
   */
  asyncioMark(test: TestFunc): MarkHit | undefined {
    const base = this.suite.closestMark(test, 'asyncio', this.baseClassMarksFirst)
    const hooks = test.func.isAsync ? this.suite.hookMarks().filter((h) => h.mark.name === 'asyncio') : []
    const front = hooks.find((h) => !h.append)
    if (front) return { mark: front.mark, level: 'function' }
    if (base?.level === 'function') return base
    const appended = hooks.find((h) => h.append)
    if (appended && !(this.auto && !base)) return { mark: appended.mark, level: 'function' }
    return base
  }

  /** Is the test run by pytest-asyncio (coroutine + closest asyncio mark, or auto mode)? */
  isAsyncioTest(test: TestFunc): boolean {
    if (this.settings.disabled || !test.func.isAsync) return false
    return this.auto || this.asyncioMark(test) !== undefined
  }

  /** Does pytest-asyncio run this fixture (on this release line)? */
  handlesFixture(fx: FixtureDef, era: PaEra): boolean {
    if (this.settings.disabled || fx.builtin) return false
    if (fx.decoratorKind === 'pytest_asyncio') return fx.func.isAsync || eraAtLeast(era, '1.1')
    return this.auto && fx.decoratorKind === 'pytest' && fx.func.isAsync
  }

  /** The loop scope of an asyncio test. */
  testLoop(test: TestFunc, era: PaEra): LoopChoice {
    const hit = this.asyncioMark(test)
    if (era === '0.21') {
      const ev = this.suite.resolve('event_loop', test)
      return { scope: ev && !ev.builtin ? ev.scope : 'function', source: 'event_loop' }
    }
    if (hit) {
      const ls = hit.mark.kwargs.get('loop_scope')
      const sc = hit.mark.kwargs.get('scope')
      // 0.23 ignores loop_scope; from 0.24 a falsy loop_scope falls through to scope (`or`).
      if (eraAtLeast(era, '0.24') && ls && !isFalsy(ls)) return { ...literalScope(ls), source: 'loop_scope', value: ls, mark: hit }
      if (sc && !isFalsy(sc)) return { ...literalScope(sc), source: 'scope-kwarg', value: sc, mark: hit }
    }
    if (eraAtLeast(era, '0.26') && this.settings.testDefault) {
      const raw = this.settings.testDefault
      return { scope: isScope(raw) ? raw : 'invalid', raw, source: 'ini', ...(hit ? { mark: hit } : {}) }
    }
    return { scope: 'function', source: 'default', ...(hit ? { mark: hit } : {}) }
  }

  /** The loop scope of a fixture pytest-asyncio runs (0.24+: loop_scope → ini default → caching scope). */
  fixtureLoop(fx: FixtureDef, era: PaEra): LoopChoice {
    if (eraAtLeast(era, '0.24')) {
      const ls = fx.loopScopeValue
      if (ls && !isFalsy(ls)) return { ...literalScope(ls), source: 'loop_scope', value: ls }
      const raw = this.settings.fixtureDefault
      if (raw) return { scope: isScope(raw) ? raw : 'invalid', raw, source: 'ini' }
    }
    return { scope: fx.scope, source: 'fixture-scope', ...(fx.scopeValue ? { value: fx.scopeValue } : {}) }
  }
}

function isFalsy(v: Value): boolean {
  return v.kind === 'none' || (v.kind === 'str' && v.str === '') || (v.kind === 'bool' && v.text === 'False')
}

function literalScope(v: Value): { scope: Scope | 'dynamic' | 'invalid'; raw?: string } {
  if (v.kind === 'str' && v.str !== undefined) return isScope(v.str) ? { scope: v.str, raw: v.str } : { scope: 'invalid', raw: v.str }
  return { scope: 'dynamic' }
}

/**
 * Loop scopes compared as pytest caches them for a given test: a class loop outside a class is
 * a per-test loop (pytest-asyncio ≥ 1.0; before that it is an error, PA110).
 */
export function effectiveRank(scope: Scope, test: TestFunc): number {
  if (scope === 'class' && !test.cls) return scopeRank('function')
  return scopeRank(scope)
}

export function isKnown(c: LoopChoice): c is LoopChoice & { scope: Scope } {
  return c.scope !== 'dynamic' && c.scope !== 'invalid'
}
