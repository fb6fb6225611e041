import type { Rule, RuleContext } from '../engine.js'
import { fixtureSymbol } from '../engine.js'
import type { Fix } from '../types.js'
import type { CallFact, FixtureDef, YieldFact } from '../../model/types.js'
import { describeRange, describeSet } from '../../model/versions.js'
import {
  anyioRunFunctions,
  blockEnd,
  bodyLines,
  indentOf,
  isDeadlineCm,
  lineText,
  moveLines,
  replaceLines,
  singleItemWith,
  statementsIn,
  withLineOf,
  type RunFunction
} from './portability.js'

/**
 * AN401: an async fixture yields inside a timeout scope (research R13). anyio ≥ 4 runs fixtures
 * and tests in one task, so the fixture's deadline keeps running over the test body.
 */
export const AN401: Rule = {
  meta: {
    code: 'AN401',
    name: 'fixture-deadline-straddles-yield',
    severity: 'error',
    plugin: 'anyio',
    summary: 'An async fixture run by anyio yields inside a timeout scope, so the deadline also applies to the tests that use it.',
    fixable: true,
    docs: {
      what:
        'Flags an async generator fixture that anyio runs whose `yield` sits inside `anyio.fail_after` / `move_on_after` / `fail_at` / `move_on_at`, a `CancelScope(deadline=…)`, the trio equivalents, or `asyncio.timeout` / `timeout_at`. The finding spans the fixture from its decorator to the `yield`.',
      why:
        'From anyio 4.0 every fixture step and the test run in one runner task, so a cancel scope entered before the `yield` is still on that task while the test body runs. A test that takes longer than the setup deadline is cancelled: on asyncio it fails with `asyncio.exceptions.CancelledError: Cancelled via cancel scope …; reason: deadline exceeded` (never `TimeoutError`) and its teardown then errors with `anyio.ClosedResourceError` because the runner task died; on trio it fails with `trio.Cancelled: cancelled due to deadline` and pytest hangs in teardown. On anyio 3.6–3.7 the test passes but teardown errors with `CancelledError` (asyncio).',
      versions:
        'anyio 3.6 → 4.16 (older releases break differently: AN406). The fix ends the timeout scope before the `yield` (the `yield` and the teardown after it move out of the `with` block), so the deadline bounds the setup only; put timeouts for the test inside the test.',
      bad: `@pytest.fixture
async def link():
    with anyio.fail_after(CONNECT_TIMEOUT):
        link = await ReplicationLink("replica-2").connect()
        yield link
        await link.close()`,
      good: `@pytest.fixture
async def link():
    with anyio.fail_after(CONNECT_TIMEOUT):
        link = await ReplicationLink("replica-2").connect()
    yield link
    await link.close()`,
      references: ['https://anyio.readthedocs.io/en/stable/testing.html', 'https://github.com/agronholm/anyio/issues/805']
    }
  },
  check(ctx) {
    const anyioVersions = ctx.anyio.versionsFrom('3.6')
    if (!anyioVersions.length) return
    const inScope = new Set(ctx.fixturesInScope())
    for (const rf of anyioRunFunctions(ctx)) {
      const fx = rf.fixture
      if (!fx || !inScope.has(fx)) continue
      for (const y of rf.func.facts.yields) {
        const cm = y.within.find(isDeadlineCm)
        if (!cm) continue
        report(ctx, rf, fx, y, cm, anyioVersions)
        break
      }
    }
  }
}

function report(ctx: RuleContext, rf: RunFunction, fx: FixtureDef, y: YieldFact, cm: CallFact, versions: string[]): void {
  const fix = dedentFix(fx, y, cm)
  const v4 = ctx.anyio.versionsFrom('4.0')
  const old = versions.filter((v) => !v4.includes(v))
  const user = rf.users[0]
  const backends = new Set(rf.users.flatMap((u) => ctx.anyio.backend(u)?.backends ?? []))
  const asyncio = backends.has('asyncio') || !backends.size
  const trio = backends.has('trio')
  const parts: string[] = []
  if (v4.length) {
    const effects: string[] = []
    if (asyncio) effects.push('on asyncio the test fails with `asyncio.exceptions.CancelledError: Cancelled via cancel scope …; reason: deadline exceeded` and its teardown errors with `anyio.ClosedResourceError` (the runner task died)')
    if (trio) effects.push('on trio it fails with `trio.Cancelled: cancelled due to deadline` and pytest then hangs in teardown')
    parts.push(
      `On anyio ${describeSet(v4, 'anyio')} fixture setup, the test and teardown run in one runner task and the fixture's cancel scope stays on it, so a test that outlives the setup deadline is cancelled: ${effects.join('; ')}. \`TimeoutError\` is never shown.`
    )
  }
  if (old.length) {
    const effects: string[] = []
    if (asyncio) effects.push('on asyncio the test passes and its teardown errors with `CancelledError`')
    if (trio) effects.push('on trio the test fails with `trio.Cancelled: Cancelled`')
    parts.push(`On anyio ${describeSet(old, 'anyio')} the fixture's own task is cancelled at the deadline: ${effects.join('; ')}.`)
  }
  ctx.report({
    path: fx.file.path,
    span: { line: fx.func.anchor.line, endLine: y.span.line, col: fx.func.anchor.col },
    symbol: fixtureSymbol(fx),
    message:
      `The fixture \`${fx.name}\` yields inside \`${cm.callee}(…)\` (line ${cm.span.line}), so the deadline keeps running while ${user ? `tests such as \`${user.name}\`` : 'the tests'} use it (${describeRange(ctx.project.versions.anyio)}). ` +
      parts.join(' ') +
      ` End the timeout scope before \`yield\` so it bounds the setup only, and put any timeout for the test inside the test.`,
    related: cm.span.line !== y.span.line ? [{ path: fx.file.path, line: cm.span.line, endLine: cm.span.line, message: `the timeout scope \`${cm.callee}(…)\` is entered here and exited only after teardown` }] : [],
    ...(fix ? { fix } : {})
  })
}

/**
 * Move the `yield` and the statements after it out of the timeout's `with` block: only when the
 * `yield` is a direct statement of that block, the `with` has that one item, and setup code stays
 * inside it.
 */
function dedentFix(fx: FixtureDef, y: YieldFact, cm: CallFact): Fix | null {
  const file = fx.file
  if (!file.exactText) return null
  // The timeout must be the innermost context manager around the yield.
  if (y.within[y.within.length - 1] !== cm) return null
  const wl = withLineOf(file, cm)
  if (!wl || !singleItemWith(file, wl)) return null
  const body = bodyLines(file, fx.func)
  if (!body || wl < body.first) return null
  const end = blockEnd(file, wl)
  const children = statementsIn(file, wl + 1, end)
  const yieldLine = y.span.line
  const k = children.findIndex((s) => s.first === yieldLine)
  if (k < 1) return null
  const child = children[k]
  if (!child || !/^\s*(\w+\s*=\s*)?yield\b/.test(lineText(file, yieldLine))) return null
  const withIndent = indentOf(lineText(file, wl))
  return {
    title: `End the \`${cm.callee}\` scope before \`yield\` in \`${fx.name}\``,
    edits: [replaceLines(file, yieldLine, end, moveLines(file, yieldLine, end, child.indent, withIndent))],
    applicability: 'safe'
  }
}
