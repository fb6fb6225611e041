import type { Rule, RuleContext } from '../engine.js'
import { fixtureSymbol, versionsText } from '../engine.js'
import type { TextEdit } from '../types.js'
import type { CallFact, FixtureDef, PyFile, PyFunction, Value } from '../../model/types.js'
import { eraAtLeast } from '../../resolve/asyncio.js'
import { aloneOnLines, deleteLinesEdit, pruneImportEdits } from '../../fix/edits.js'
import { erasWhere } from './PA301.js'
import { toPytestAsyncioFixtureEdits } from './PA302.js'
import { isAsyncioCallText } from './PA401.js'

/** `await X` for the argument value `arg` replacing the call `call` (parenthesised where Python needs it). */
export function awaitText(file: PyFile, call: CallFact, arg: Value): string {
  const inner = file.text.slice(arg.span.start, arg.span.end)
  const primary = ['call', 'name', 'attr', 'str', 'num', 'list', 'tuple', 'dict', 'bool', 'none'].includes(arg.kind) || /^[\w.]+(\[[^\n]*\]|\([^\n]*\))?$/.test(inner)
  const expr = `await ${primary ? inner : `(${inner})`}`
  const nextChar = file.text.charAt(call.span.end)
  return nextChar === '.' || nextChar === '[' || nextChar === '(' ? `(${expr})` : expr
}

/** The single positional argument of a call (no keywords), if so. */
export function onlyArg(call: CallFact): Value | null {
  const v = call.value
  if (v.items?.length !== 1 || (v.kwargs && v.kwargs.size)) return null
  const a = v.items[0] as Value
  return /^\*/.test(a.text) ? null : a
}

/** Is the statement `name = <call>` alone on its line(s)? */
export function isBindingStatement(file: PyFile, call: CallFact, name: string): boolean {
  const ls = file.lineStarts[call.span.line - 1] as number
  const head = file.text.slice(ls, call.span.start)
  const m = new RegExp(`^[ \\t]*${name}[ \\t]*=[ \\t]*$`).exec(head)
  return !!m && aloneOnLines(file, { start: ls + (/^[ \t]*/.exec(head)?.[0].length ?? 0), end: call.span.end })
}

export interface LoopDriving {
  /** Names bound to the loop in the function (`loop = asyncio.new_event_loop()`). */
  names: string[]
  /** Receivers that are the loop themselves (`asyncio.get_event_loop()`). */
  isLoopExpr?: (receiverText: string) => boolean
  /** The statements binding the names, deleted by the rewrite. */
  bindings: CallFact[]
}

/**
 * Rewrite a sync function that drives coroutines on an event loop into a coroutine function:
 * `loop.run_until_complete(X)` → `await X`; the loop's binding, `loop.close()` and
 * `asyncio.set_event_loop(loop)` statements deleted; `def` → `async def`. Null when the loop is
 * used in any other way (the rewrite would not be faithful).
 */
export function asyncifyEdits(file: PyFile, fn: PyFunction, loop: LoopDriving): TextEdit[] | null {
  if (fn.isAsync || !file.exactText) return null
  const edits: TextEdit[] = []
  const covered: { start: number; end: number }[] = []
  const isLoop = (r: string | undefined): boolean => r !== undefined && (loop.names.includes(r) || !!loop.isLoopExpr?.(r))
  for (const b of loop.bindings) {
    if (!b.boundTo || !isBindingStatement(file, b, b.boundTo)) return null
    const e = deleteLinesEdit(file, b.span)
    edits.push(e)
    covered.push(e)
  }
  let drove = false
  for (const c of fn.facts.calls) {
    if (c.method === 'run_until_complete' && isLoop(c.receiver)) {
      const arg = onlyArg(c)
      if (!arg) return null
      edits.push({ path: file.path, start: c.span.start, end: c.span.end, text: awaitText(file, c, arg) })
      covered.push(c.span)
      drove = true
    } else if (c.method === 'close' && c.receiver !== undefined && loop.names.includes(c.receiver)) {
      if (!aloneOnLines(file, c.span)) return null
      const e = deleteLinesEdit(file, c.span)
      edits.push(e)
      covered.push(e)
    } else if (c.qual === 'asyncio.set_event_loop') {
      const a = onlyArg(c)
      if (!a || !(loop.names.includes(a.text) || a.kind === 'none') || !aloneOnLines(file, c.span)) return null
      const e = deleteLinesEdit(file, c.span)
      edits.push(e)
      covered.push(e)
    }
  }
  if (!drove) return null
  // Any other use of the loop's names blocks the rewrite.
  const body = { start: fn.defSpan.end, end: fn.whole.end }
  for (const n of loop.names) {
    const re = new RegExp(`(?<![\\w.])${n}(?!\\w)`, 'g')
    const text = file.text.slice(body.start, body.end)
    let m: RegExpExecArray | null
    while ((m = re.exec(text))) {
      const at = body.start + m.index
      if (!covered.some((r) => at >= r.start && at < r.end)) return null
    }
  }
  edits.push({ path: file.path, start: fn.defSpan.start, end: fn.defSpan.start, text: 'async ' })
  return edits
}

/** A sync fixture turned into a `@pytest_asyncio.fixture` coroutine with the same values. */
export function asyncifyFixture(ctx: RuleContext, fx: FixtureDef, loop: LoopDriving): TextEdit[] | null {
  const body = asyncifyEdits(fx.file, fx.func, loop)
  if (!body) return null
  const edits = toPytestAsyncioFixtureEdits(ctx, fx, [...body])
  return [...edits, ...pruneImportEdits(fx.file, edits)]
}

/** Is a fixture one pytest-asyncio sets up inside its loop (a sync `@pytest_asyncio.fixture` on ≥ 1.4)? */
export function syncFixtureSeesRunnerLoop(ctx: RuleContext, fx: FixtureDef): boolean {
  return fx.decoratorKind === 'pytest_asyncio' && ctx.paEras.every((b) => eraAtLeast(b.era, '1.4'))
}

/** Tests run by pytest-asyncio that use the fixture. */
export function asyncioUsers(ctx: RuleContext, fx: FixtureDef): string[] {
  return ctx.usersOf(fx).filter((t) => ctx.asyncio.isAsyncioTest(t)).map((t) => t.name)
}

/** PA501: a sync fixture builds loop-bound objects with `asyncio.get_event_loop()`. */
export const PA501: Rule = {
  meta: {
    code: 'PA501',
    name: 'sync-fixture-uses-get-event-loop',
    severity: 'error',
    plugin: 'pytest-asyncio',
    summary: 'A sync fixture used by asyncio tests calls `asyncio.get_event_loop()` to build or drive loop-bound objects.',
    fixable: true,
    docs: {
      what: 'Flags `asyncio.get_event_loop()` in a sync fixture that pytest-asyncio tests use, typically `loop.run_until_complete(make_client())`.',
      why: 'Since 0.23 a sync fixture is set up before, and outside, the loop the test runs in, so `get_event_loop()` returns some other (or stale) loop, or none at all: pytest-asyncio 1.4 leaves no current loop once a loop-scope runner has been torn down, so the fixture fails at setup with `RuntimeError: There is no current event loop in thread \'MainThread\'.` (Python 3.12–3.13 otherwise warn `DeprecationWarning: There is no current event loop`). Objects it builds are bound to the wrong loop and fail in the test. An async fixture runs in the test’s loop.',
      versions: 'pytest-asyncio 0.23–1.4 (0.21 handed it the test’s `event_loop`). The RuntimeError at setup is 1.4 behaviour.',
      bad: `@pytest.fixture
def broker():
    loop = asyncio.get_event_loop()
    broker = loop.run_until_complete(start_broker())
    yield broker
    loop.run_until_complete(broker.stop())`,
      good: `@pytest_asyncio.fixture
async def broker():
    broker = await start_broker()
    yield broker
    await broker.stop()`
    }
  },
  check(ctx) {
    if (ctx.project.asyncio.disabled) return
    const hit = erasWhere(ctx, (e) => eraAtLeast(e, '0.23'))
    if (!hit.eras.length) return
    const on14 = hit.eras.includes('1.4')
    for (const fx of ctx.fixturesInScope()) {
      if (fx.builtin || fx.func.isAsync || syncFixtureSeesRunnerLoop(ctx, fx)) continue
      const gets = fx.func.facts.calls.filter((c) => c.qual === 'asyncio.get_event_loop')
      if (!gets.length) continue
      const users = asyncioUsers(ctx, fx)
      if (!users.length) continue
      const call = gets[0] as CallFact
      const loop: LoopDriving = call.boundTo
        ? { names: [call.boundTo], bindings: [call] }
        : { names: [], bindings: [], isLoopExpr: (r) => isAsyncioCallText(fx.file, r, ['get_event_loop']) }
      const edits = gets.length === 1 ? asyncifyFixture(ctx, fx, loop) : null
      ctx.report({
        path: fx.file.path,
        span: call.span,
        symbol: `call:${fixtureSymbol(fx)}::asyncio.get_event_loop`,
        message:
          `Sync fixture \`${fx.name}\` calls \`asyncio.get_event_loop()\` and is used by asyncio tests (${users.map((n) => `\`${n}\``).slice(0, 3).join(', ')}${users.length > 3 ? ', …' : ''}). ` +
          `pytest-asyncio sets sync fixtures up outside the loop the test runs in, so this gets another or a stale loop${on14 ? ` — on 1.4, none at all once an earlier test’s loop was torn down: \`RuntimeError: There is no current event loop in thread 'MainThread'.\` at setup` : ''}; whatever it builds is bound to the wrong loop. ` +
          `Affects ${versionsText('pytest-asyncio', hit.versions)}. Make it an async \`@pytest_asyncio.fixture\` that awaits instead.`,
        related: [{ path: fx.file.path, line: fx.func.anchor.line, endLine: fx.func.anchor.endLine, message: `fixture \`${fx.name}\`` }],
        ...(edits ? { fix: { title: `Make \`${fx.name}\` an async \`@pytest_asyncio.fixture\``, edits, applicability: 'safe' as const } } : {})
      })
    }
  }
}
