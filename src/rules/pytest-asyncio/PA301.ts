import type { Rule, RuleContext } from '../engine.js'
import { testSymbol } from '../engine.js'
import type { TextEdit } from '../types.js'
import type { PyFunction, Scope, TestFunc } from '../../model/types.js'
import { isScope, scopeRank } from '../../model/types.js'
import { cmpVersion } from '../../model/versions.js'
import { eraAtLeast, isKnown, PA_ERAS, type PaEra } from '../../resolve/asyncio.js'
import { insertDecorator, markPrefix, preferredQuote, pyString } from '../../fix/edits.js'
import { unhandledAsyncTest } from '../messages.js'

/** The newest pytest-asyncio release line the pins allow. */
export function newestEra(ctx: RuleContext): PaEra {
  return ctx.paEras[ctx.paEras.length - 1]?.era ?? (PA_ERAS[PA_ERAS.length - 1] as PaEra)
}

/** Versions of the pinned release lines that satisfy `pred`. */
export function erasWhere(ctx: RuleContext, pred: (era: PaEra) => boolean): { eras: PaEra[]; versions: string[] } {
  const hit = ctx.paEras.filter((b) => pred(b.era))
  return { eras: hit.map((b) => b.era), versions: hit.flatMap((b) => b.versions) }
}

/** Can the project run a pytest at least this version? */
export function pytestAtLeast(ctx: RuleContext, min: string): boolean {
  const c = ctx.project.versions.pytest.candidates
  return !c.length || c.some((v) => cmpVersion(v, min) >= 0)
}

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

/**
 * The loop scope a test must ask for once it gets an asyncio mark: the widest loop of the async
 * fixtures pytest-asyncio runs for it, when wider than the default test loop.
 */
export function neededTestLoop(ctx: RuleContext, test: TestFunc, era: PaEra): Scope | null {
  const raw = ctx.project.asyncio.testDefault
  const dflt: Scope = eraAtLeast(era, '0.26') && raw && isScope(raw) ? raw : 'function'
  let widest: Scope = dflt
  for (const e of ctx.suite.closure(test)) {
    if (!e.def.func.isAsync || !ctx.asyncio.handlesFixture(e.def, era)) continue
    const fl = ctx.asyncio.fixtureLoop(e.def, era)
    if (!isKnown(fl)) continue
    if (fl.scope === 'class' && !test.cls) continue
    if (scopeRank(fl.scope) > scopeRank(widest)) widest = fl.scope
  }
  return widest === dflt ? null : widest
}

/** The `@pytest.mark.asyncio` decorator (with the loop scope its fixtures need) as edits. */
export function addAsyncioMarkEdits(ctx: RuleContext, test: TestFunc): { edits: TextEdit[]; mark: string } {
  const file = test.file
  const era = newestEra(ctx)
  const { prefix, importEdit } = markPrefix(file)
  const loop = eraAtLeast(era, '0.23') ? neededTestLoop(ctx, test, era) : null
  const kw = era === '0.23' ? 'scope' : 'loop_scope'
  const mark = loop ? `${prefix}.asyncio(${kw}=${pyString(loop, preferredQuote(file))})` : `${prefix}.asyncio`
  const edits = [insertDecorator(file, test.func, mark)]
  if (importEdit) edits.push(importEdit)
  return { edits, mark }
}

/** Where the strict mode comes from, for messages. */
export function modeOrigin(ctx: RuleContext): string {
  const o = ctx.project.settings.asyncioMode.origin
  if (o.kind === 'ini' && ctx.project.configPath) return `\`asyncio_mode = strict\` (${ctx.project.configPath}:${o.option.span.line})`
  if (o.kind === 'addopts' || o.kind === 'cli') return '`--asyncio-mode=strict`'
  return 'strict mode (pytest-asyncio’s default)'
}

/** PA301: strict mode, and a coroutine test no plugin runs. */
export const PA301: Rule = {
  meta: {
    code: 'PA301',
    name: 'strict-mode-unmarked-async-test',
    severity: 'error',
    plugin: 'pytest-asyncio',
    summary: 'In strict mode an `async def` test without an `asyncio` mark is not run by pytest-asyncio.',
    fixable: true,
    docs: {
      what: 'Flags an `async def` test in strict mode (the default `asyncio_mode`) that has no `asyncio` mark on the function, its class or its module, and is not run by anyio (`anyio` mark, `anyio_mode = auto`, or `anyio_backend` requested) or pytest-trio. Hypothesis `@given` tests are reported by HY102 instead.',
      why: 'In strict mode pytest-asyncio only runs coroutine tests that carry its mark. pytest then gets the coroutine function itself: since pytest 8.4 the test FAILS with `async def functions are not natively supported.`; older pytest SKIPS it with `PytestUnhandledCoroutineWarning`. Either way the body never runs, so its assertions are never checked.',
      versions: 'All pytest-asyncio versions in strict mode (the default since 0.19). pytest ≥ 8.4 fails the test; older pytest skips it.',
      bad: `import pytest

@pytest.mark.asyncio
async def test_first_try():
    assert await with_backoff(ok) == 1

async def test_gives_up():          # no mark: never runs
    with pytest.raises(TimeoutError):
        await with_backoff(never)`,
      good: `import pytest

@pytest.mark.asyncio
async def test_first_try():
    assert await with_backoff(ok) == 1

@pytest.mark.asyncio
async def test_gives_up():
    with pytest.raises(TimeoutError):
        await with_backoff(never)`,
      references: ['https://pytest-asyncio.readthedocs.io/en/stable/concepts.html#test-discovery-modes']
    }
  },
  check(ctx) {
    // Only a valid strict mode (an invalid one stops pytest at start-up: PA303).
    if (ctx.project.asyncio.mode !== 'strict' || ctx.project.asyncio.disabled) return
    if (!ctx.project.usesPytestAsyncio(ctx.suite)) return
    const pytest84 = pytestAtLeast(ctx, '8.4')
    const pytestOld = ctx.project.versions.pytest.candidates.some((v) => cmpVersion(v, '8.4') < 0)
    const siblingCounts = new Map<unknown, { anyio: Set<unknown>; asyncio: Set<unknown> }>()
    for (const test of ctx.targetTests()) {
      if (!test.func.isAsync || isGiven(test.func)) continue
      if (pluginRuns(ctx, test)) continue
      // A module of anyio tests missing one mark is anyio's finding (AN305).
      // Counted once per module (not per test: a generated module has thousands of tests).
      let c = siblingCounts.get(test.file)
      if (!c) {
        const asyncTests = test.file.tests.filter((t) => t.func.isAsync)
        c = { anyio: new Set(asyncTests.filter((t) => anyioRuns(ctx, t))), asyncio: new Set(asyncTests.filter((t) => ctx.asyncio.isAsyncioTest(t))) }
        siblingCounts.set(test.file, c)
      }
      const others = (set: Set<unknown>): number => set.size - (set.has(test) ? 1 : 0)
      if (others(c.anyio) && !others(c.asyncio)) continue
      const { edits, mark } = addAsyncioMarkEdits(ctx, test)
      const outcome = pytest84
        ? `pytest ${pytestOld ? '8.4 and newer fails' : 'fails'} it: \`${unhandledAsyncTest(true)}\`${pytestOld ? ` (older pytest skips it: \`${unhandledAsyncTest(false)}\`)` : ''}`
        : `pytest skips it: \`${unhandledAsyncTest(false)}\``
      ctx.report({
        path: test.file.path,
        span: test.func.anchor,
        symbol: testSymbol(test),
        message:
          `\`${test.name}\` is an \`async def\` test with no \`asyncio\` mark on it, its class or its module, and pytest-asyncio runs in ${modeOrigin(ctx)}, so no plugin runs it. ` +
          `${outcome}; its body never runs. Mark it \`@${mark}\` (or set \`asyncio_mode = auto\`).`,
        ...(test.file.exactText ? { fix: { title: `Mark \`${test.name}\` with \`@${mark}\``, edits, applicability: 'safe' as const } } : {})
      })
    }
  }
}
