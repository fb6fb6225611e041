/**
 * Event loops around the code pytest-asyncio runs: asyncio loop calls recognised however the file
 * imports asyncio, whether an `event_loop` fixture really builds a loop, which `event_loop` a test
 * gets from the project, and the coroutine tests and fixtures that run inside pytest-asyncio's
 * loop.
 */
import type { RuleContext } from '../engine.js'
import { fixtureSymbol, testSymbol } from '../engine.js'
import type { CallFact, FixtureDef, PyFile, PyFunction, TestFunc } from '../../model/types.js'
import { newestEra } from './versions.js'

/** `asyncio.get_event_loop_policy()` / `asyncio.get_running_loop()` etc. written with the file's asyncio alias. */
export function isAsyncioCallText(file: PyFile, text: string, fns: string[]): boolean {
  const m = /^([A-Za-z_]\w*)\.([A-Za-z_]\w*)\(\s*\)$/.exec(text.trim())
  if (m) return file.imports.names.get(m[1] as string) === 'asyncio' && fns.includes(m[2] as string)
  const b = /^([A-Za-z_]\w*)\(\s*\)$/.exec(text.trim())
  if (b) {
    const q = file.imports.names.get(b[1] as string)
    return !!q && fns.some((f) => q === `asyncio.${f}`)
  }
  return false
}

/** Calls that create or fetch an asyncio event loop. */
export function loopCalls(fx: FixtureDef): CallFact[] {
  return fx.func.facts.calls.filter(
    (c) =>
      /^(asyncio\.(new_event_loop|get_event_loop|get_running_loop|Runner|EventLoop|SelectorEventLoop|ProactorEventLoop)|uvloop\.(new_event_loop|Loop|EventLoopPolicy))$/.test(c.qual ?? '') ||
      c.method === 'new_event_loop'
  )
}

/** Does an `event_loop` fixture build an asyncio loop (rather than being a domain object that happens to use the name)? */
export function buildsLoop(fx: FixtureDef): boolean {
  return loopCalls(fx).length > 0
}

/**
 * The `event_loop` definition a test gets from the project (a user fixture), or null when only
 * pytest-asyncio's own (< 1.0) could provide it.
 */
export function userEventLoop(ctx: RuleContext, test: TestFunc): FixtureDef | null {
  const def = ctx.suite.resolve('event_loop', test)
  return def && !def.builtin ? def : null
}

/** A coroutine test or fixture that pytest-asyncio runs. */
export interface AsyncUnit {
  fn: PyFunction
  file: PyFile
  /** `test_x` / `fixture \`pool\`` for messages. */
  label: string
  symbol: string
  /** The test, or a test using the fixture (for fixture lookups). */
  test?: TestFunc
}

/** Coroutine tests and fixtures that pytest-asyncio runs (the code running inside its loop). */
export function asyncioCode(ctx: RuleContext): AsyncUnit[] {
  const out: AsyncUnit[] = []
  if (ctx.project.asyncio.disabled) return out
  for (const t of ctx.targetTests()) {
    if (t.func.isAsync && ctx.asyncio.isAsyncioTest(t)) out.push({ fn: t.func, file: t.file, label: `test \`${t.name}\``, symbol: testSymbol(t), test: t })
  }
  const era = newestEra(ctx)
  for (const fx of ctx.fixturesInScope()) {
    if (fx.builtin || !fx.func.isAsync || !ctx.asyncio.handlesFixture(fx, era)) continue
    const user = ctx.usersOf(fx)[0]
    out.push({ fn: fx.func, file: fx.file, label: `fixture \`${fx.name}\``, symbol: fixtureSymbol(fx), ...(user ? { test: user } : {}) })
  }
  return out
}
