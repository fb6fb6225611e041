/**
 * Rewriting code that drives coroutines on an event loop by hand: a sync function that runs
 * coroutines with `loop.run_until_complete(X)` becomes a coroutine function that awaits them
 * (the loop's binding, `close()` and `set_event_loop` statements deleted), plus the call and
 * statement queries such rewrites rest on (the single argument of a call, `await X` in place of a
 * call, a `name = <call>` statement alone on its lines).
 */
import type { TextEdit } from '../types.js'
import type { CallFact, PyFile, PyFunction, Value } from '../../model/types.js'
import { aloneOnLines, deleteLinesEdit } from '../../fix/edits.js'

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

/** How a function drives its event loop, for {@link asyncifyEdits}. */
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
