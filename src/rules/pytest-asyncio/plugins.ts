/**
 * Which plugin runs a coroutine test: pytest-asyncio, anyio (its mark, its auto mode, or a
 * requested `anyio_backend`), pytest-trio, or none; whether Hypothesis's `@given` wraps it; and
 * where pytest-asyncio's strict mode comes from, for the messages of the strict-mode rules.
 */
import type { RuleContext } from '../engine.js'
import type { PyFunction, TestFunc } from '../../model/types.js'

/** Is the function decorated with Hypothesis's `@given`? */
export function isGiven(fn: PyFunction): boolean {
  return fn.decorators.some((d) => d.qual === 'hypothesis.given')
}

/** Does anyio's plugin run this coroutine test (anyio mark, anyio auto mode, or `anyio_backend` requested)? */
export function anyioRuns(ctx: RuleContext, test: TestFunc): boolean {
  const s = ctx.project.settings
  if (s.anyioDisabled.value) return false
  if (ctx.suite.closestMark(test, 'anyio')) return true
  if (s.anyioMode.value === 'auto') return true
  return ctx.suite.closure(test).some((e) => e.name === 'anyio_backend')
}

/** Does pytest-trio run it (trio mark or `trio_mode`)? */
export function trioRuns(ctx: RuleContext, test: TestFunc): boolean {
  const s = ctx.project.settings
  if (s.trioDisabled.value) return false
  return !!ctx.suite.closestMark(test, 'trio') || s.trioMode.value
}

/** Is the coroutine test run by any async plugin? */
export function pluginRuns(ctx: RuleContext, test: TestFunc): boolean {
  return ctx.asyncio.isAsyncioTest(test) || anyioRuns(ctx, test) || trioRuns(ctx, test)
}

/** Where the strict mode comes from, for messages. */
export function modeOrigin(ctx: RuleContext): string {
  const o = ctx.project.settings.asyncioMode.origin
  if (o.kind === 'ini' && ctx.project.configPath) return `\`asyncio_mode = strict\` (${ctx.project.configPath}:${o.option.span.line})`
  if (o.kind === 'addopts' || o.kind === 'cli') return '`--asyncio-mode=strict`'
  return 'strict mode (pytest-asyncio’s default)'
}
