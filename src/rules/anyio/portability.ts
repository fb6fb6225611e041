/**
 * Backend portability for anyio-run code (research/anyio.md R5, R6): which asyncio-only and
 * trio-only APIs fail on the other backend, with the runtime error each one gives, and their
 * anyio equivalents; plus the text helpers the AN body rules use to rewrite Python source
 * (import statements, lines, indentation, statement blocks) without a syntax tree.
 */
import { lineOf } from '../../model/extract.js'
import type { Fix, TextEdit } from '../types.js'
import type { CallFact, FixtureDef, PyFile, PyFunction, Scope, TestFunc, Value } from '../../model/types.js'
import { isScope, scopeRank } from '../../model/types.js'
import { importEdit, insertDecorator, localName, markPrefix, preferredQuote, pyString, replaceCallee } from '../../fix/edits.js'
import { describeRange } from '../../model/versions.js'
import type { BackendChoice } from '../../resolve/anyio.js'
import { fixtureSymbol, testSymbol, type RuleContext } from '../engine.js'

export type Backend = 'asyncio' | 'trio'

/**
 * When a call of the API fails on the other backend:
 * - `call`: calling it already needs the backend (`asyncio.get_running_loop()`, `trio.current_time()`);
 * - `await`: awaiting the coroutine it returns (`await asyncio.sleep(1)`);
 * - `with`: entering it as a (async) context manager (`async with trio.open_nursery()`);
 * - `use`: a primitive whose construction is harmless but whose blocking use fails
 *   (`await ev.wait()`, `async with lock`), judged on the name it is bound to;
 * - `never`: only ever passes by accident or depends on contention (an uncontended
 *   `asyncio.Lock`); never reported, but ported along when a fix ports the file.
 */
export type Need = 'call' | 'await' | 'with' | 'use' | 'never'

/** How a fix rewrites a call to the anyio equivalent. */
export type Rewrite =
  /** Replace the callee with `anyio` + `to`, keeping the arguments. */
  | 'callee'
  /** `await asyncio.wait_for(aw, t)` → `with anyio.fail_after(t):` around the statement. */
  | 'wait_for'
  /** `async with asyncio.timeout(t):` → `with anyio.fail_after(t):`. */
  | 'timeout'

export interface PortableApi {
  /** Qualified name, e.g. `asyncio.sleep`, `trio.lowlevel.checkpoint`. */
  api: string
  need: Need
  /** The anyio spelling (qualified) a fix writes; absent when there is no drop-in equivalent. */
  anyio?: string
  rewrite?: Rewrite
  /** Which arguments the drop-in replacement accepts (else no fix). */
  args?: 'none' | 'positional' | 'any' | { positional: number; kwargs: string[] }
  /** Methods whose awaited call (or `async with` on the object) blocks, for `use` APIs. */
  blockingUse?: { methods: string[]; asyncWith?: boolean }
  /** The anyio equivalent in prose, for messages. */
  hint: string
  /** What the call gives on the other backend (exact text from research/anyio.md R5/R6). */
  error: string
}

const NO_RUNNING_LOOP = 'RuntimeError: no running event loop'
const NO_CURRENT_LOOP = "RuntimeError: There is no current event loop in thread 'MainThread'."
const CREATE_FUTURE = "AttributeError: 'NoneType' object has no attribute 'create_future'"
const TRIO_UNRECOGNIZED =
  "TypeError: trio.run received unrecognized yield message None. Are you trying to use a library written for some other framework like asyncio? That won't work without some kind of compatibility shim."
const NOT_ASYNC_CONTEXT = 'RuntimeError: must be called from async context'
const BAD_YIELD = "RuntimeError: Task got bad yield: <class 'trio._core._traps.CancelShieldedCheckpoint'>"
const NO_RUNNER = "AttributeError: 'RunContext' object has no attribute 'runner'"

/** asyncio-only APIs and what they give under trio (R5). */
export const ASYNCIO_APIS: readonly PortableApi[] = [
  { api: 'asyncio.sleep', need: 'await', anyio: 'anyio.sleep', rewrite: 'callee', args: 'positional', hint: '`anyio.sleep`', error: NO_RUNNING_LOOP },
  { api: 'asyncio.wait_for', need: 'await', anyio: 'anyio.fail_after', rewrite: 'wait_for', hint: '`with anyio.fail_after(timeout):` around the awaited call', error: NO_RUNNING_LOOP },
  { api: 'asyncio.timeout', need: 'with', anyio: 'anyio.fail_after', rewrite: 'timeout', args: 'positional', hint: '`with anyio.fail_after(...)` (or `anyio.move_on_after`)', error: NO_RUNNING_LOOP },
  { api: 'asyncio.timeout_at', need: 'with', hint: '`with anyio.fail_at(deadline)` with a deadline from `anyio.current_time()`', error: NO_RUNNING_LOOP },
  { api: 'asyncio.to_thread', need: 'await', anyio: 'anyio.to_thread.run_sync', rewrite: 'callee', args: 'positional', hint: '`anyio.to_thread.run_sync`', error: NO_RUNNING_LOOP },
  { api: 'asyncio.create_task', need: 'call', hint: 'a task group: `async with anyio.create_task_group() as tg: tg.start_soon(...)`', error: NO_RUNNING_LOOP },
  { api: 'asyncio.ensure_future', need: 'call', hint: 'a task group: `async with anyio.create_task_group() as tg: tg.start_soon(...)`', error: NO_CURRENT_LOOP },
  { api: 'asyncio.gather', need: 'call', hint: 'a task group that collects the results (`tg.start_soon` per coroutine)', error: NO_CURRENT_LOOP },
  { api: 'asyncio.wait', need: 'await', hint: 'a task group', error: NO_RUNNING_LOOP },
  { api: 'asyncio.as_completed', need: 'call', hint: 'a task group feeding a memory object stream', error: NO_CURRENT_LOOP },
  { api: 'asyncio.shield', need: 'call', hint: '`with anyio.CancelScope(shield=True):`', error: NO_CURRENT_LOOP },
  { api: 'asyncio.get_running_loop', need: 'call', hint: 'anyio has no loop object: `anyio.to_thread.run_sync` instead of `run_in_executor`, a task group instead of `call_soon`/`call_later`', error: NO_RUNNING_LOOP },
  { api: 'asyncio.get_event_loop', need: 'call', hint: 'anyio has no loop object: `anyio.to_thread.run_sync` instead of `run_in_executor`, a task group instead of `call_soon`/`call_later`', error: NO_CURRENT_LOOP },
  { api: 'asyncio.current_task', need: 'call', hint: '`anyio.get_current_task()`', error: NO_RUNNING_LOOP },
  { api: 'asyncio.all_tasks', need: 'call', hint: '`anyio.get_running_tasks()`', error: NO_RUNNING_LOOP },
  { api: 'asyncio.Future', need: 'call', hint: '`anyio.Event` or a memory object stream', error: NO_CURRENT_LOOP },
  { api: 'asyncio.TaskGroup', need: 'with', hint: '`anyio.create_task_group()` (`tg.start_soon` instead of `tg.create_task`)', error: NO_RUNNING_LOOP },
  { api: 'asyncio.open_connection', need: 'await', hint: '`anyio.connect_tcp`', error: NO_RUNNING_LOOP },
  { api: 'asyncio.start_server', need: 'await', hint: '`anyio.create_tcp_listener`', error: NO_RUNNING_LOOP },
  { api: 'asyncio.create_subprocess_exec', need: 'await', hint: '`anyio.open_process` / `anyio.run_process`', error: NO_RUNNING_LOOP },
  { api: 'asyncio.create_subprocess_shell', need: 'await', hint: '`anyio.open_process` / `anyio.run_process`', error: NO_RUNNING_LOOP },
  { api: 'asyncio.Event', need: 'use', anyio: 'anyio.Event', rewrite: 'callee', args: 'none', blockingUse: { methods: ['wait'] }, hint: '`anyio.Event`', error: CREATE_FUTURE },
  { api: 'asyncio.Condition', need: 'use', anyio: 'anyio.Condition', rewrite: 'callee', args: 'none', blockingUse: { methods: ['wait', 'wait_for'] }, hint: '`anyio.Condition`', error: CREATE_FUTURE },
  { api: 'asyncio.Queue', need: 'use', blockingUse: { methods: ['get', 'join'] }, hint: '`anyio.create_memory_object_stream[T](n)`', error: CREATE_FUTURE },
  { api: 'asyncio.LifoQueue', need: 'use', blockingUse: { methods: ['get', 'join'] }, hint: '`anyio.create_memory_object_stream[T](n)`', error: CREATE_FUTURE },
  { api: 'asyncio.PriorityQueue', need: 'use', blockingUse: { methods: ['get', 'join'] }, hint: '`anyio.create_memory_object_stream[T](n)`', error: CREATE_FUTURE },
  { api: 'asyncio.Lock', need: 'never', anyio: 'anyio.Lock', rewrite: 'callee', args: 'none', hint: '`anyio.Lock`', error: CREATE_FUTURE },
  { api: 'asyncio.Semaphore', need: 'never', anyio: 'anyio.Semaphore', rewrite: 'callee', args: { positional: 1, kwargs: [] }, hint: '`anyio.Semaphore`', error: CREATE_FUTURE }
]

/** trio-only APIs and what they give under asyncio (R6). */
export const TRIO_APIS: readonly PortableApi[] = [
  { api: 'trio.sleep', need: 'await', anyio: 'anyio.sleep', rewrite: 'callee', args: 'positional', hint: '`anyio.sleep`', error: NOT_ASYNC_CONTEXT },
  { api: 'trio.sleep_forever', need: 'await', anyio: 'anyio.sleep_forever', rewrite: 'callee', args: 'none', hint: '`anyio.sleep_forever`', error: NOT_ASYNC_CONTEXT },
  { api: 'trio.sleep_until', need: 'await', anyio: 'anyio.sleep_until', rewrite: 'callee', args: 'positional', hint: '`anyio.sleep_until`', error: NOT_ASYNC_CONTEXT },
  { api: 'trio.lowlevel.checkpoint', need: 'await', anyio: 'anyio.lowlevel.checkpoint', rewrite: 'callee', args: 'none', hint: '`anyio.lowlevel.checkpoint`', error: BAD_YIELD },
  { api: 'trio.lowlevel.checkpoint_if_cancelled', need: 'await', anyio: 'anyio.lowlevel.checkpoint_if_cancelled', rewrite: 'callee', args: 'none', hint: '`anyio.lowlevel.checkpoint_if_cancelled`', error: BAD_YIELD },
  { api: 'trio.lowlevel.cancel_shielded_checkpoint', need: 'await', anyio: 'anyio.lowlevel.cancel_shielded_checkpoint', rewrite: 'callee', args: 'none', hint: '`anyio.lowlevel.cancel_shielded_checkpoint`', error: BAD_YIELD },
  { api: 'trio.open_nursery', need: 'with', anyio: 'anyio.create_task_group', rewrite: 'callee', args: 'none', hint: '`anyio.create_task_group()` (`start_soon` and `start` are the same calls)', error: NO_RUNNER },
  { api: 'trio.move_on_after', need: 'call', anyio: 'anyio.move_on_after', rewrite: 'callee', args: { positional: 1, kwargs: ['shield'] }, hint: '`anyio.move_on_after`', error: NOT_ASYNC_CONTEXT },
  { api: 'trio.fail_after', need: 'call', anyio: 'anyio.fail_after', rewrite: 'callee', args: { positional: 1, kwargs: ['shield'] }, hint: '`anyio.fail_after`', error: NOT_ASYNC_CONTEXT },
  { api: 'trio.move_on_at', need: 'call', anyio: 'anyio.move_on_at', rewrite: 'callee', args: { positional: 1, kwargs: ['shield'] }, hint: '`anyio.move_on_at`', error: NOT_ASYNC_CONTEXT },
  { api: 'trio.fail_at', need: 'call', anyio: 'anyio.fail_at', rewrite: 'callee', args: { positional: 1, kwargs: ['shield'] }, hint: '`anyio.fail_at`', error: NOT_ASYNC_CONTEXT },
  { api: 'trio.CancelScope', need: 'with', anyio: 'anyio.CancelScope', rewrite: 'callee', args: { positional: 0, kwargs: ['deadline', 'shield'] }, hint: '`anyio.CancelScope`', error: NOT_ASYNC_CONTEXT },
  { api: 'trio.current_time', need: 'call', anyio: 'anyio.current_time', rewrite: 'callee', args: 'none', hint: '`anyio.current_time`', error: NOT_ASYNC_CONTEXT },
  { api: 'trio.current_effective_deadline', need: 'call', anyio: 'anyio.current_effective_deadline', rewrite: 'callee', args: 'none', hint: '`anyio.current_effective_deadline`', error: NOT_ASYNC_CONTEXT },
  { api: 'trio.to_thread.run_sync', need: 'await', anyio: 'anyio.to_thread.run_sync', rewrite: 'callee', args: 'positional', hint: '`anyio.to_thread.run_sync`', error: NOT_ASYNC_CONTEXT },
  { api: 'trio.open_memory_channel', need: 'call', anyio: 'anyio.create_memory_object_stream', rewrite: 'callee', args: { positional: 1, kwargs: [] }, hint: '`anyio.create_memory_object_stream`', error: NOT_ASYNC_CONTEXT },
  { api: 'trio.Event', need: 'use', anyio: 'anyio.Event', rewrite: 'callee', args: 'none', blockingUse: { methods: ['wait'] }, hint: '`anyio.Event`', error: BAD_YIELD },
  { api: 'trio.Lock', need: 'use', anyio: 'anyio.Lock', rewrite: 'callee', args: 'none', blockingUse: { methods: ['acquire'], asyncWith: true }, hint: '`anyio.Lock`', error: BAD_YIELD },
  { api: 'trio.StrictFIFOLock', need: 'use', anyio: 'anyio.Lock', rewrite: 'callee', args: 'none', blockingUse: { methods: ['acquire'], asyncWith: true }, hint: '`anyio.Lock`', error: BAD_YIELD },
  { api: 'trio.Semaphore', need: 'use', anyio: 'anyio.Semaphore', rewrite: 'callee', args: { positional: 1, kwargs: ['max_value'] }, blockingUse: { methods: ['acquire'], asyncWith: true }, hint: '`anyio.Semaphore`', error: BAD_YIELD },
  { api: 'trio.CapacityLimiter', need: 'use', anyio: 'anyio.CapacityLimiter', rewrite: 'callee', args: { positional: 1, kwargs: [] }, blockingUse: { methods: ['acquire', 'acquire_on_behalf_of'], asyncWith: true }, hint: '`anyio.CapacityLimiter`', error: BAD_YIELD },
  { api: 'trio.Condition', need: 'use', anyio: 'anyio.Condition', rewrite: 'callee', args: 'none', blockingUse: { methods: ['wait', 'acquire'], asyncWith: true }, hint: '`anyio.Condition`', error: BAD_YIELD },
  { api: 'trio.lowlevel.current_trio_token', need: 'call', hint: 'no anyio equivalent (`anyio.from_thread` portals cover most uses)', error: NOT_ASYNC_CONTEXT },
  { api: 'trio.lowlevel.current_task', need: 'call', hint: '`anyio.get_current_task()`', error: NOT_ASYNC_CONTEXT },
  { api: 'trio.lowlevel.spawn_system_task', need: 'call', hint: 'no anyio equivalent', error: NOT_ASYNC_CONTEXT },
  { api: 'trio.testing.wait_all_tasks_blocked', need: 'await', hint: '`anyio.wait_all_tasks_blocked`', error: NOT_ASYNC_CONTEXT },
  { api: 'trio.open_tcp_stream', need: 'await', hint: '`anyio.connect_tcp`', error: NOT_ASYNC_CONTEXT },
  { api: 'trio.serve_tcp', need: 'await', hint: '`anyio.create_tcp_listener`', error: NOT_ASYNC_CONTEXT },
  { api: 'trio.open_process', need: 'await', hint: '`anyio.open_process`', error: NOT_ASYNC_CONTEXT },
  { api: 'trio.run_process', need: 'await', hint: '`anyio.run_process`', error: NOT_ASYNC_CONTEXT }
]

const BY_API = new Map<string, PortableApi>([...ASYNCIO_APIS, ...TRIO_APIS].map((a) => [a.api, a]))

/** The library whose API this is, and the table entry. */
export function portableApi(qual: string | null): PortableApi | undefined {
  return qual ? BY_API.get(qual) : undefined
}

export function libraryOf(api: PortableApi): Backend {
  return api.api.startsWith('trio.') ? 'trio' : 'asyncio'
}

/** The exact failure for a call on the other backend (some depend on the arguments). */
export function errorFor(api: PortableApi, call: CallFact): string {
  const first = call.value.items?.[0]
  const zero = first && first.kind === 'num' && /^0+(\.0*)?$/.test(first.text)
  if (api.api === 'asyncio.sleep' && zero) return TRIO_UNRECOGNIZED
  if (api.api === 'trio.sleep' && zero) return BAD_YIELD
  return api.error
}

/** Does the call's argument list fit the drop-in replacement? */
export function argsFit(api: PortableApi, call: CallFact): boolean {
  const v = call.value
  const pos = v.items ?? []
  const kw = [...(v.kwargs?.keys() ?? [])]
  // `*args` / `**kwargs` spread: we cannot see what is passed.
  const argText = v.argList ? call.value.text.slice(v.argList.start - v.span.start) : ''
  if (/[(,]\s*\*/.test(argText)) return false
  const spec = api.args ?? 'any'
  if (spec === 'any') return true
  if (spec === 'none') return pos.length === 0 && kw.length === 0
  if (spec === 'positional') return kw.length === 0
  return pos.length <= spec.positional && kw.every((k) => spec.kwargs.includes(k))
}

/**
 * Is this call of a portable API a real failure on the other backend, judged from the body it
 * is in? Returns the blocking use (for `use` APIs) to quote in the message.
 */
export function failsOnOtherBackend(api: PortableApi, call: CallFact, fn: PyFunction, file: PyFile): { ok: true; use?: string; useLine?: number } | { ok: false } {
  switch (api.need) {
    case 'never':
      return { ok: false }
    case 'call':
      return { ok: true }
    case 'await':
      return call.awaited || call.withKind === 'async with' ? { ok: true } : { ok: false }
    case 'with':
      return call.withKind ? { ok: true } : { ok: false }
    case 'use': {
      const name = call.boundTo
      const bu = api.blockingUse
      if (!name || !bu || !/^[A-Za-z_]\w*$/.test(name)) return { ok: false }
      for (const m of fn.facts.methodCalls) {
        if (m.receiver !== name || !m.awaited || !bu.methods.includes(m.method)) continue
        if (m.span.start < call.span.start) continue
        // `ev.set()` called straight before the wait: an asyncio Event that is already set passes.
        if (api.api === 'asyncio.Event' && fn.facts.methodCalls.some((s) => s.receiver === name && s.method === 'set' && !s.awaited && s.span.start > call.span.start && s.span.start < m.span.start)) continue
        return { ok: true, use: `await ${name}.${m.method}()`, useLine: m.span.line }
      }
      if (bu.asyncWith) {
        const body = file.text.slice(call.span.end, fn.whole.end)
        const re = new RegExp(`\\basync\\s+with\\s+${name}\\b(?!\\s*\\()`)
        const m = re.exec(blankStringsAndComments(body))
        if (m) return { ok: true, use: `async with ${name}`, useLine: lineAt(file, call.span.end + m.index) }
      }
      return { ok: false }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Lines and indentation

export function lineAt(file: PyFile, offset: number): number {
  return lineOf(file.lineStarts, offset)
}

/** Start offset of a 1-based line. */
export function lineStart(file: PyFile, line: number): number {
  return file.lineStarts[line - 1] ?? file.text.length
}

/** Offset of the end of a line's content (before its line break). */
export function lineContentEnd(file: PyFile, line: number): number {
  const next = file.lineStarts[line]
  if (next === undefined) return file.text.length
  let e = next - 1
  if (file.text.charCodeAt(e) === 10 && file.text.charCodeAt(e - 1) === 13) e--
  return e
}

/** Offset just past a line's line break (the next line's start, or the end of the text). */
export function lineNext(file: PyFile, line: number): number {
  return file.lineStarts[line] ?? file.text.length
}

export function lineText(file: PyFile, line: number): string {
  return file.text.slice(lineStart(file, line), lineContentEnd(file, line))
}

export function indentOf(text: string): string {
  return /^[ \t]*/.exec(text)?.[0] ?? ''
}

export function isBlank(text: string): boolean {
  return /^\s*$/.test(text)
}

export function eolOf(file: PyFile): string {
  return file.text.includes('\r\n') ? '\r\n' : '\n'
}

/** The file's indentation step (the indentation of the first indented line), default 4 spaces. */
export function indentStep(file: PyFile): string {
  const m = /\n([ \t]+)\S/.exec(file.text)
  return m?.[1] ?? '    '
}

/**
 * Replace string literals and comments by spaces (same length), so textual searches for names
 * do not match inside them. Handles prefixes, triple quotes and escapes.
 */
export function blankStringsAndComments(text: string): string {
  let out = ''
  let i = 0
  while (i < text.length) {
    const c = text[i] as string
    if (c === '#') {
      const e = text.indexOf('\n', i)
      const end = e < 0 ? text.length : e
      out += ' '.repeat(end - i)
      i = end
      continue
    }
    if (c === '"' || c === "'") {
      const triple = text.startsWith(c.repeat(3), i)
      const q = triple ? c.repeat(3) : c
      let j = i + q.length
      while (j < text.length) {
        if (text[j] === '\\') {
          j += 2
          continue
        }
        if (text.startsWith(q, j)) {
          j += q.length
          break
        }
        if (!triple && text[j] === '\n') break
        j++
      }
      out += text.slice(i, Math.min(j, text.length)).replace(/[^\n]/g, ' ')
      i = j
      continue
    }
    out += c
    i++
  }
  return out
}

/** Is a name used as an identifier in the text (outside strings/comments and the given ranges)? */
export function nameUsed(text: string, name: string, except: readonly { start: number; end: number }[] = [], from = 0, to = text.length): boolean {
  const clean = blankStringsAndComments(text)
  const re = new RegExp(`(?<![A-Za-z0-9_.])${escapeRe(name)}(?![A-Za-z0-9_])`, 'g')
  re.lastIndex = from
  let m: RegExpExecArray | null
  while ((m = re.exec(clean))) {
    if (m.index >= to) break
    const at = m.index
    if (except.some((e) => at >= e.start && at < e.end)) continue
    return true
  }
  return false
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * The statement block that starts on a line with the given indentation: that line and every
 * following line that is blank, a comment, or indented deeper (continuation lines of a bracketed
 * expression included). Returns the last line of the block (trailing blank lines excluded).
 */
export function blockEnd(file: PyFile, headerLine: number): number {
  const headIndent = indentOf(lineText(file, headerLine)).length
  let last = headerLine
  const total = file.lineStarts.length
  for (let l = headerLine + 1; l <= total; l++) {
    const t = lineText(file, l)
    if (isBlank(t)) continue
    if (indentOf(t).length <= headIndent && !/^\s*#/.test(t)) break
    if (/^\s*#/.test(t) && indentOf(t).length <= headIndent) continue
    last = l
  }
  return last
}

/** Lines of the statements directly inside a block (children), as [firstLine, lastLine] ranges. */
export function childStatements(file: PyFile, headerLine: number): { first: number; last: number; indent: string }[] {
  const end = blockEnd(file, headerLine)
  const out: { first: number; last: number; indent: string }[] = []
  let childIndent: number | null = null
  for (let l = headerLine + 1; l <= end; l++) {
    const t = lineText(file, l)
    if (isBlank(t) || /^\s*#/.test(t)) continue
    const ind = indentOf(t).length
    if (childIndent === null) childIndent = ind
    if (ind === childIndent) {
      const last = blockEnd(file, l)
      out.push({ first: l, last, indent: indentOf(t) })
      l = last
    }
  }
  return out
}

/** Re-indent a range of lines: strip `remove` leading characters, then prefix `add` (blank lines stay empty). */
export function reindent(lines: string[], remove: number, add: string): string[] {
  return lines.map((l) => (isBlank(l) ? '' : add + l.slice(Math.min(remove, indentOf(l).length))))
}

export function linesOf(file: PyFile, first: number, last: number): string[] {
  const out: string[] = []
  for (let l = first; l <= last; l++) out.push(lineText(file, l))
  return out
}

// ---------------------------------------------------------------------------------------------
// Import statements (top level), read from the text

export interface ImportedName {
  /** `asyncio`, `trio.lowlevel` (import) or `sleep` (from-import). */
  name: string
  asname?: string
  /** The name it binds in the module. */
  local: string
}

export interface ImportStmt {
  kind: 'import' | 'from'
  module?: string
  names: ImportedName[]
  /** First and last line of the statement. */
  line: number
  endLine: number
  /** Offsets of the statement text (without the trailing line break). */
  start: number
  end: number
  /** A trailing comment on the (last) line, kept when the statement is rewritten. */
  comment: string
  parenthesized: boolean
}

function parseNames(list: string, kind: 'import' | 'from'): ImportedName[] {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const m = /^([\w.]+)(?:\s+as\s+(\w+))?$/.exec(s)
      if (!m) return null
      const name = m[1] as string
      const asname = m[2]
      const local = asname ?? (kind === 'import' ? (name.split('.')[0] as string) : name)
      return asname ? { name, asname, local } : { name, local }
    })
    .filter((x): x is ImportedName => !!x)
}

/** Top-level `import` / `from … import` statements (not `from __future__`), in file order. */
export function importStatements(file: PyFile): ImportStmt[] {
  const out: ImportStmt[] = []
  const total = file.lineStarts.length
  for (let l = 1; l <= total; l++) {
    const t = lineText(file, l)
    const m = /^(import|from)\s/.exec(t)
    if (!m) continue
    let endLine = l
    let text = t
    const parenthesized = /\(\s*(#.*)?$/.test(t) || (/\(/.test(t) && !/\)/.test(t))
    if (parenthesized) {
      while (endLine < total && !/\)/.test(blankStringsAndComments(lineText(file, endLine)))) {
        endLine++
        text += '\n' + lineText(file, endLine)
      }
    } else {
      while (/\\\s*$/.test(lineText(file, endLine)) && endLine < total) {
        endLine++
        text += '\n' + lineText(file, endLine)
      }
    }
    const clean = blankStringsAndComments(text)
    const commentAt = clean.length === text.length ? text.slice(clean.trimEnd().length).trim() : ''
    const code = clean.replace(/\\\n/g, ' ').replace(/\s+/g, ' ').trim()
    const stmt: ImportStmt = {
      kind: m[1] as 'import' | 'from',
      names: [],
      line: l,
      endLine,
      start: lineStart(file, l),
      end: lineContentEnd(file, endLine),
      comment: commentAt.startsWith('#') ? commentAt : '',
      parenthesized
    }
    if (stmt.kind === 'import') {
      stmt.names = parseNames(code.replace(/^import /, ''), 'import')
    } else {
      const fm = /^from ([\w.]+) import \(?(.*?)\)?$/.exec(code)
      if (!fm || fm[1] === '__future__') {
        l = endLine
        continue
      }
      stmt.module = fm[1] as string
      stmt.names = parseNames(fm[2] as string, 'from')
    }
    out.push(stmt)
    l = endLine
  }
  return out
}

/**
 * Edits that drop the given local names from their import statements. A statement left empty is
 * deleted with its lines; with `tidy`, when a whole group of statements (between blank lines or
 * at the top) goes, the blank line after it goes too, as isort would leave it. Without `tidy`
 * only the lines go (the minimal edit; the labelled corpus expects both, see `portFileEdits`).
 */
export function dropImportedNames(file: PyFile, locals: ReadonlySet<string>, tidy: boolean): TextEdit[] {
  const edits: TextEdit[] = []
  const stmts = importStatements(file)
  const gone = new Set<ImportStmt>()
  for (const st of stmts) {
    const keep = st.names.filter((n) => !locals.has(n.local))
    if (keep.length === st.names.length) continue
    if (keep.length === 0) {
      gone.add(st)
      continue
    }
    if (st.parenthesized) {
      // One name per line: drop the lines holding only a dropped name.
      for (let l = st.line + 1; l < st.endLine; l++) {
        const t = lineText(file, l)
        const m = /^\s*([\w.]+)(?:\s+as\s+(\w+))?\s*,?\s*(#.*)?$/.exec(t)
        if (!m) continue
        const local = m[2] ?? (m[1] as string)
        if (locals.has(local)) edits.push({ path: file.path, start: lineStart(file, l), end: lineNext(file, l), text: '' })
      }
      continue
    }
    const spell = (n: ImportedName): string => (n.asname ? `${n.name} as ${n.asname}` : n.name)
    const head = st.kind === 'import' ? 'import ' : `from ${st.module} import `
    const text = head + keep.map(spell).join(', ') + (st.comment ? `  ${st.comment}` : '')
    edits.push({ path: file.path, start: st.start, end: st.end, text })
  }
  // Whole statements go with their lines; a whole group (statements between blank lines) takes
  // the blank line after it when tidying.
  const total = file.lineStarts.length
  const groups: ImportStmt[][] = []
  for (const st of stmts) {
    const last = groups[groups.length - 1]
    const prev = last?.[last.length - 1]
    if (prev && prev.endLine + 1 === st.line) last!.push(st)
    else groups.push([st])
  }
  for (const g of groups) {
    const whole = g.every((st) => gone.has(st))
    for (const st of g) {
      if (!gone.has(st)) continue
      edits.push({ path: file.path, start: lineStart(file, st.line), end: lineNext(file, st.endLine), text: '' })
    }
    if (!whole || !tidy) continue
    const first = g[0] as ImportStmt
    const lastSt = g[g.length - 1] as ImportStmt
    const prevBlank = first.line === 1 || isBlank(lineText(file, first.line - 1))
    const nextBlank = lastSt.endLine < total && isBlank(lineText(file, lastSt.endLine + 1))
    if (prevBlank && nextBlank) edits.push({ path: file.path, start: lineNext(file, lastSt.endLine), end: lineNext(file, lastSt.endLine + 1), text: '' })
  }
  return edits
}

/** Local names bound by the file's top-level imports of a module or its members (`asyncio`, `aio`, `sleep`). */
export function localsBoundFrom(file: PyFile, lib: string): Set<string> {
  const out = new Set<string>()
  for (const st of importStatements(file)) {
    for (const n of st.names) {
      const q = st.kind === 'import' ? n.name : `${st.module}.${n.name}`
      if (q === lib || q.startsWith(lib + '.')) out.add(n.local)
    }
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Porting calls to anyio

export interface PortEdit {
  call: CallFact
  edits: TextEdit[]
  /** The rewrite changes statements (not only names): the import block is tidied too. */
  structural: boolean
}

/** How the file spells `anyio` (`anyio`, or the alias of `import anyio as …`), if imported as a module. */
export function anyioName(file: PyFile): string | undefined {
  return localName(file, 'anyio')
}

/** `anyio.fail_after` written with the file's spelling of the anyio module. */
function spell(file: PyFile, qual: string): string {
  const a = anyioName(file) ?? 'anyio'
  return qual.replace(/^anyio/, a)
}

/**
 * Edits that turn one call into its anyio equivalent, or null when no safe drop-in exists for this
 * call (the caller then suggests restricting the backend instead).
 */
export function portCall(file: PyFile, api: PortableApi, call: CallFact, fnCalls: readonly CallFact[] = []): PortEdit | null {
  if (!api.anyio || !api.rewrite || !file.exactText) return null
  if (api.rewrite !== 'wait_for' && !argsFit(api, call)) return null
  if (call.value.kind !== 'call' || !call.value.argList) return null
  if (api.rewrite === 'callee') {
    return { call, edits: [replaceCallee(file, call.value, spell(file, api.anyio))], structural: false }
  }
  if (api.rewrite === 'timeout') {
    // `async with asyncio.timeout(t):` → `with anyio.fail_after(t):` (a single item, no `as`).
    if (call.withKind !== 'async with') return null
    const line = lineAt(file, call.span.start)
    const ls = lineStart(file, line)
    const before = file.text.slice(ls, call.span.start)
    const after = file.text.slice(call.span.end, lineContentEnd(file, line))
    const m = /^([ \t]*)async(\s+)with\s+$/.exec(before)
    if (!m || !/^\s*:\s*(#.*)?$/.test(after)) return null
    const kwStart = ls + (m[1] as string).length
    return {
      call,
      edits: [
        { path: file.path, start: kwStart, end: call.span.start, text: 'with ' },
        replaceCallee(file, call.value, spell(file, api.anyio))
      ],
      structural: false
    }
  }
  // wait_for: `[x = ]await asyncio.wait_for(aw, timeout)` alone on its line.
  if (!call.awaited) return null
  const v = call.value
  const items = v.items ?? []
  const aw = items[0] ?? v.kwargs?.get('fut')
  const timeout = items[1] ?? v.kwargs?.get('timeout')
  const extraKw = [...(v.kwargs?.keys() ?? [])].filter((k) => k !== 'timeout' && k !== 'fut')
  if (!aw || !timeout || items.length > 2 || extraKw.length || aw.kind !== 'call') return null
  if (call.span.line !== call.span.endLine) return null
  const line = call.span.line
  const ls = lineStart(file, line)
  const lineEnd = lineContentEnd(file, line)
  const prefix = file.text.slice(ls, call.span.start)
  const suffix = file.text.slice(call.span.end, lineEnd)
  const pm = /^([ \t]*)((?:[\w.[\], ]+?\s*(?::[^=]+)?=\s*)?await\s+)$/.exec(prefix)
  if (!pm || !/^\s*(#.*)?$/.test(suffix)) return null
  if (line > 1 && /[([{,\\]\s*$/.test(blankStringsAndComments(lineText(file, line - 1)))) return null
  const indent = pm[1] as string
  const stmtHead = pm[2] as string
  const eol = eolOf(file)
  // The awaitable becomes awaited itself: calls of the same library inside it must be ported too.
  let awText = file.text.slice(aw.span.start, aw.span.end)
  const lib = libraryOf(api)
  const inner: TextEdit[] = []
  for (const c of fnCalls) {
    if (c === call || c.span.start < aw.span.start || c.span.end > aw.span.end) continue
    const a = portableApi(c.qual)
    if (a && libraryOf(a) === lib) {
      const p = a.rewrite === 'callee' ? portCall(file, a, c) : null
      if (!p) return null
      inner.push(...p.edits)
    } else if (c.qual && (c.qual === lib || c.qual.startsWith(lib + '.')) && c.span.start === aw.span.start) return null
  }
  for (const e of inner.sort((a, b) => b.start - a.start)) {
    awText = awText.slice(0, e.start - aw.span.start) + e.text + awText.slice(e.end - aw.span.start)
  }
  if (timeout.kind === 'none') {
    return { call, edits: [{ path: file.path, start: call.span.start, end: call.span.end, text: awText }], structural: false }
  }
  const tText = file.text.slice(timeout.span.start, timeout.span.end)
  const text = `${indent}with ${spell(file, api.anyio)}(${tText}):${eol}${indent}${indentStep(file)}${stmtHead}${awText}${suffix}`
  return { call, edits: [{ path: file.path, start: ls, end: lineEnd, text }], structural: true }
}

/**
 * The edits that port a file: the given calls rewritten, `import anyio` added once when missing,
 * and the old library's imports dropped when nothing uses them any more.
 */
export function portFileEdits(file: PyFile, lib: Backend, ports: PortEdit[]): TextEdit[] {
  const edits: TextEdit[] = ports.flatMap((p) => p.edits)
  // Which old-library names does the ported text still use? (Ports sit in function bodies, after
  // the imports, so the import statements keep their offsets.)
  let after = file.text
  for (const e of [...edits].sort((a, b) => b.start - a.start)) after = after.slice(0, e.start) + e.text + after.slice(e.end)
  const locals = localsBoundFrom(file, lib)
  const unused = new Set<string>()
  const importRanges = importStatements(file).map((s) => ({ start: s.start, end: s.end }))
  for (const local of locals) {
    if (!nameUsed(after, local, importRanges)) unused.add(local)
  }
  // The import block is tidied (a vanished group takes its blank line along) when the fix
  // rewrites statements or adds `import anyio`; a pure rename deletes only the import's line
  // (corpus: an201-asyncio-sleep-wait-for-debouncer vs an201-asyncio-event-wait-shutdown-hub).
  const structural = ports.some((p) => p.structural)
  const needAnyio = !anyioName(file)
  const drops = unused.size ? dropImportedNames(file, unused, structural || needAnyio) : []
  if (needAnyio) {
    const ins = importEdit(file, 'anyio')
    if (drops.some((d) => d.start < ins.start && ins.start < d.end)) {
      // The import would land inside a removed block: write it in place of a removed `import <lib>`.
      const whole = drops.find((d) => d.text === '' && /^import\s/.test(file.text.slice(d.start, d.end)))
      // No such line: keep the old imports rather than lose the new one.
      if (!whole) return [...edits, ins]
      const eol = eolOf(file)
      whole.text = `import anyio${eol}`
      return [...edits, ...drops]
    }
    return [...edits, ...drops, ins]
  }
  return [...edits, ...drops]
}

/** The value of a keyword argument or positional argument `i` of a call. */
export function argOf(v: Value, i: number, kw: string): Value | undefined {
  return v.kwargs?.get(kw) ?? v.items?.[i]
}

// ---------------------------------------------------------------------------------------------
// The AN201 / AN202 check

/** An anyio-run function (test or fixture) with the backends it runs on. */
export interface RunFunction {
  func: PyFunction
  file: PyFile
  test?: TestFunc
  fixture?: FixtureDef
  backends: Set<string>
  /** A representative choice (for messages): the test's own, or a user test's. */
  choice: BackendChoice | null
  /** For fixtures: anyio tests that use it, on the backend in question first. */
  users: TestFunc[]
}

/** Every function anyio runs: its tests and the async fixtures in their closures, with their backends. */
export function anyioRunFunctions(ctx: RuleContext): RunFunction[] {
  const out: RunFunction[] = []
  const byFixture = new Map<FixtureDef, RunFunction>()
  for (const t of ctx.anyio.anyioTests()) {
    const choice = ctx.anyio.backend(t)
    const backends = new Set(choice?.backends ?? [])
    out.push({ func: t.func, file: t.file, test: t, backends, choice, users: [t] })
    for (const e of ctx.anyio.anyioFixtures(t)) {
      let rf = byFixture.get(e.def)
      if (!rf) {
        rf = { func: e.def.func, file: e.def.file, fixture: e.def, backends: new Set(), choice, users: [] }
        byFixture.set(e.def, rf)
        out.push(rf)
      }
      for (const b of backends) rf.backends.add(b)
      rf.users.push(t)
    }
  }
  return out
}

function backendSourceText(ctx: RuleContext, choice: BackendChoice | null): string {
  if (!choice) return 'its anyio backends'
  const names = choice.backends.join(' and ')
  if (choice.source === 'parametrize') return `backends ${names} from its \`parametrize("anyio_backend", …)\``
  if (choice.source === 'fixture' && choice.def) return `backends ${names} from \`anyio_backend\` in ${choice.def.file.path}:${choice.def.func.anchor.line}`
  return `backends ${names}: the plugin's default on ${describeRange(ctx.project.versions.anyio)}`
}

function symbolOf(rf: RunFunction, callee: string, n: number): string {
  const base = rf.test ? testSymbol(rf.test) : fixtureSymbol(rf.fixture as FixtureDef)
  return `call:${base}::${callee}${n > 1 ? `#${n}` : ''}`
}

interface Hit {
  rf: RunFunction
  call: CallFact
  api: PortableApi
  use?: string
  useLine?: number
}

/**
 * Report every call of a `lib`-only API in anyio-run code whose backends include the other one.
 * Fix: the anyio equivalent (the file's calls ported together so the old import can go), else a
 * `parametrize("anyio_backend", [lib])` restriction on the test.
 */
export function checkPortability(ctx: RuleContext, lib: Backend): void {
  const other: Backend = lib === 'asyncio' ? 'trio' : 'asyncio'
  const all = anyioRunFunctions(ctx)
  const targets = new Set(ctx.targetFiles().map((f) => f.path))
  const hits: Hit[] = []
  const seenCalls = new Set<CallFact>()
  for (const rf of all) {
    if (!rf.backends.has(other)) continue
    for (const call of rf.func.facts.calls) {
      const api = portableApi(call.qual)
      if (!api || libraryOf(api) !== lib || seenCalls.has(call)) continue
      const verdict = failsOnOtherBackend(api, call, rf.func, rf.file)
      if (!verdict.ok) continue
      seenCalls.add(call)
      hits.push({ rf, call, api, ...(verdict.use ? { use: verdict.use } : {}), ...(verdict.useLine ? { useLine: verdict.useLine } : {}) })
    }
  }
  if (!hits.length) return

  // Port plans per file: flagged calls with a drop-in equivalent, plus the file's other portable
  // calls in anyio-run code on both backends when that lets the old import go.
  const plans = new Map<string, { edits: TextEdit[]; ported: Set<CallFact> }>()
  const files = new Set(hits.map((h) => h.rf.file))
  for (const file of files) {
    if (!file.exactText) continue
    const flagged: PortEdit[] = []
    for (const h of hits) {
      if (h.rf.file !== file) continue
      const p = portCall(file, h.api, h.call, h.rf.func.facts.calls)
      if (p) flagged.push(p)
    }
    if (!flagged.length) continue
    const extra: PortEdit[] = []
    const flaggedCalls = new Set(flagged.map((p) => p.call))
    for (const rf of all) {
      if (rf.file !== file || !rf.backends.has(other)) continue
      for (const call of rf.func.facts.calls) {
        const api = portableApi(call.qual)
        if (!api || libraryOf(api) !== lib || flaggedCalls.has(call) || seenCalls.has(call)) continue
        const p = portCall(file, api, call, rf.func.facts.calls)
        if (p && !extra.some((x) => x.call === call)) extra.push(p)
      }
    }
    const pick = (ports: PortEdit[]): PortEdit[] | null => {
      // A statement rewrite ports the calls inside it itself.
      const within = (q: PortEdit, p: PortEdit): boolean => q.edits.every((e) => p.edits.some((f) => f.start <= e.start && e.end <= f.end))
      const kept = ports.filter((q) => !ports.some((p) => p !== q && p.structural && within(q, p)))
      return kept.length && !overlapping(kept.flatMap((p) => p.edits)) ? kept : null
    }
    const withExtra = extra.length ? pick([...flagged, ...extra]) : null
    const fullEdits = withExtra ? portFileEdits(file, lib, withExtra) : null
    const libGone = (edits: TextEdit[] | null): boolean => !!edits && edits.some((e) => importStatements(file).some((s) => e.start <= s.start && e.end > s.start && s.names.some((n) => localsBoundFrom(file, lib).has(n.local))))
    let chosen: PortEdit[] | null
    let edits: TextEdit[]
    if (withExtra && fullEdits && libGone(fullEdits)) {
      chosen = withExtra
      edits = fullEdits
    } else {
      chosen = pick(flagged)
      if (!chosen) continue
      edits = portFileEdits(file, lib, chosen)
    }
    plans.set(file.path, { edits, ported: new Set(chosen.map((p) => p.call)) })
  }

  const counts = new Map<string, number>()
  const reportedLines = new Set<string>()
  for (const h of hits) {
    const { rf, call, api } = h
    if (!targets.has(rf.file.path)) continue
    // The same API twice on one line is one finding.
    const lineKey = `${rf.file.path}:${call.span.line}:${api.api}:${rf.test?.nodeid ?? rf.fixture?.name}`
    if (reportedLines.has(lineKey)) continue
    reportedLines.add(lineKey)
    const key = `${rf.test ? rf.test.nodeid : fixtureSymbol(rf.fixture as FixtureDef)}::${call.callee}`
    const n = (counts.get(key) ?? 0) + 1
    counts.set(key, n)
    const plan = plans.get(rf.file.path)
    const ported = plan?.ported.has(call) ? plan : undefined
    const what = rf.test ? `\`${rf.test.name}\`` : `the fixture \`${(rf.fixture as FixtureDef).name}\``
    const runs = rf.test
      ? `runs on anyio's ${other} backend too (${backendSourceText(ctx, rf.choice)})`
      : `is run by anyio for tests on the ${other} backend too (e.g. \`${(rf.users.find((u) => ctx.anyio.backend(u)?.backends.includes(other)) ?? rf.users[0])?.name}\`; ${backendSourceText(ctx, rf.choice)})`
    const apiText = `\`${call.callee}()\`${call.callee !== api.api ? ` (\`${api.api}\`)` : ''}`
    const error = errorFor(api, call)
    const whyLib =
      lib === 'asyncio'
        ? 'asyncio functions and primitives need a running asyncio event loop, which the `[trio]` run does not have'
        : 'trio functions need trio\'s run context, which the `[asyncio]` run does not have'
    let advice: string
    let fix: Fix | undefined
    if (ported) {
      advice = `Use ${api.hint}: it works on both backends.`
      const others = ported.ported.size > 1 ? ` (and port the other ${lib} calls in ${rf.file.path})` : ''
      fix = { title: `Use \`${api.anyio}\` instead of \`${api.api}\`${others}`, edits: ported.edits, applicability: 'safe' }
    } else {
      const restrict = rf.test ? restrictFix(ctx, rf.test, lib) : null
      advice =
        `There is no drop-in anyio equivalent here (${api.hint}). If the code under test is ${lib}-only, run ${rf.test ? 'this test' : 'its tests'} on ${lib} only` +
        (rf.test ? `: \`@pytest.mark.parametrize("anyio_backend", ["${lib}"])\`.` : ` (an \`anyio_backend\` override returning \`"${lib}"\` in that module or conftest).`)
      if (restrict) fix = restrict
    }
    ctx.report({
      path: rf.file.path,
      span: { line: call.span.line, endLine: call.span.line, col: call.span.col },
      symbol: symbolOf(rf, call.callee, n),
      message:
        `${apiText} is ${lib}-only, but ${what} ${runs}. ` +
        (h.use ? `Using it there (\`${h.use}\`, line ${h.useLine}) fails on the \`[${other}]\` run: \`${error}\`` : `On the \`[${other}]\` run it fails: \`${error}\``) +
        ` — ${whyLib}. ${advice}`,
      ...(fix ? { fix } : {})
    })
  }
}

function overlapping(edits: TextEdit[]): boolean {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end)
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1] as TextEdit
    const b = sorted[i] as TextEdit
    if (a.start === b.start && a.end === b.end && a.text === b.text) continue
    if (b.start < a.end) return true
  }
  return false
}

/**
 * `@pytest.mark.parametrize("anyio_backend", ["<backend>"])` on the test, with `scope=` as wide as
 * its widest non-function async fixture (a function-scoped direct parametrize would be AN103's
 * ScopeMismatch).
 */
export function restrictFix(ctx: RuleContext, test: TestFunc, backend: Backend): Fix | null {
  const file = test.file
  if (!file.exactText) return null
  if (ctx.anyio.parametrizeHit(test)) return null
  if (backend === 'trio' && !ctx.anyio.trioInstalled) return null
  let widest: Scope = 'function'
  for (const e of ctx.anyio.anyioFixtures(test)) {
    const s = e.def.scope
    if (isScope(s) && scopeRank(s) > scopeRank(widest)) widest = s
    if (s === 'dynamic' || s === 'invalid') return null
  }
  const q = preferredQuote(file)
  const { prefix, importEdit: imp } = markPrefix(file)
  const scopeArg = widest !== 'function' ? `, scope=${pyString(widest, q)}` : ''
  const deco = `${prefix}.parametrize(${pyString('anyio_backend', q)}, [${pyString(backend, q)}]${scopeArg})`
  const edits: TextEdit[] = [insertDecorator(file, test.func, deco)]
  if (imp) edits.push(imp)
  return { title: `Run \`${test.name}\` on ${backend} only`, edits, applicability: 'safe' }
}

// ---------------------------------------------------------------------------------------------
// Cancel scopes, task groups and function bodies

/** Context managers that put a deadline on the task that enters them. */
export const DEADLINE_CMS = new Set([
  'anyio.fail_after',
  'anyio.move_on_after',
  'anyio.fail_at',
  'anyio.move_on_at',
  'trio.fail_after',
  'trio.move_on_after',
  'trio.fail_at',
  'trio.move_on_at',
  'asyncio.timeout',
  'asyncio.timeout_at'
])
export const TASK_GROUP_CMS = new Set(['anyio.create_task_group', 'trio.open_nursery', 'asyncio.TaskGroup'])
export const CANCEL_SCOPE_CMS = new Set(['anyio.CancelScope', 'trio.CancelScope'])

/** A deadline scope: a timeout CM, or a `CancelScope` given a deadline. */
export function isDeadlineCm(call: CallFact): boolean {
  if (!call.withKind || !call.qual) return false
  if (DEADLINE_CMS.has(call.qual)) return true
  if (CANCEL_SCOPE_CMS.has(call.qual)) return !!(call.value.kwargs?.has('deadline') || call.value.kwargs?.has('relative_deadline'))
  return false
}

/** A CM that pushes a cancel scope on the entering task (deadline scopes, cancel scopes, task groups). */
export function isScopeCm(call: CallFact): boolean {
  if (!call.withKind || !call.qual) return false
  return DEADLINE_CMS.has(call.qual) || TASK_GROUP_CMS.has(call.qual) || CANCEL_SCOPE_CMS.has(call.qual)
}

export interface Stmt {
  first: number
  last: number
  indent: string
}

/** The statements directly inside lines [first, last] (at the indentation of the first code line). */
export function statementsIn(file: PyFile, first: number, last: number): Stmt[] {
  const out: Stmt[] = []
  let childIndent: number | null = null
  for (let l = first; l <= last; l++) {
    const t = lineText(file, l)
    if (isBlank(t) || /^\s*#/.test(t)) continue
    const ind = indentOf(t).length
    if (childIndent === null) childIndent = ind
    if (ind < childIndent) break
    if (ind === childIndent) {
      const end = Math.min(blockEnd(file, l), last)
      out.push({ first: l, last: end, indent: indentOf(t) })
      l = end
    }
  }
  return out
}

/** A function's body lines (after the `def` header), or null for a one-line definition. */
export function bodyLines(file: PyFile, fn: PyFunction): { first: number; last: number } | null {
  const header = fn.defSpan.endLine
  const headerText = file.text.slice(fn.defSpan.end, lineContentEnd(file, header))
  if (!/^\s*:\s*(#.*)?$/.test(headerText)) return null
  const last = lineAt(file, Math.max(fn.whole.start, fn.whole.end - 1))
  if (last <= header) return null
  return { first: header + 1, last }
}

/** The statements of a function body, with a leading docstring split off. */
export function bodyStatements(file: PyFile, fn: PyFunction): { docstring?: Stmt; stmts: Stmt[] } | null {
  const b = bodyLines(file, fn)
  if (!b) return null
  const all = statementsIn(file, b.first, b.last)
  const first = all[0]
  if (first && /^\s*[rRuUbB]?("""|'''|"|')/.test(lineText(file, first.first))) return { docstring: first, stmts: all.slice(1) }
  return { stmts: all }
}

/** The statement (among `stmts`) that starts on a line. */
export function stmtAt(stmts: Stmt[], line: number): Stmt | undefined {
  return stmts.find((s) => s.first === line)
}

/** The `with` statement header line of a context-manager call (the line holding `with` before the call). */
export function withLineOf(file: PyFile, cm: CallFact): number | null {
  const line = lineAt(file, cm.span.start)
  const before = file.text.slice(lineStart(file, line), cm.span.start)
  return /^\s*(async\s+)?with\s/.test(before) ? line : null
}

/** A with statement's header has a single item (no top-level comma before the colon). */
export function singleItemWith(file: PyFile, line: number): boolean {
  const t = blankStringsAndComments(lineText(file, line))
  const m = /^\s*(?:async\s+)?with\s+(.*):\s*$/.exec(t)
  if (!m) return false
  let depth = 0
  for (const c of m[1] as string) {
    if (c === '(' || c === '[' || c === '{') depth++
    else if (c === ')' || c === ']' || c === '}') depth--
    else if (c === ',' && depth === 0) return false
  }
  return true
}

/** Text of lines [first, last] re-indented from `from` to `to` indentation, joined with the file's line breaks. */
export function moveLines(file: PyFile, first: number, last: number, from: string, to: string): string {
  return reindent(linesOf(file, first, last), from.length, to).join(eolOf(file))
}

/** Replace whole lines [first, last] (content only, the final line break kept) by `text`. */
export function replaceLines(file: PyFile, first: number, last: number, text: string): TextEdit {
  return { path: file.path, start: lineStart(file, first), end: lineContentEnd(file, last), text }
}

/** Add a parameter at the end of a function's plain parameter list (null when the list has defaults, `*` or `**`). */
export function addParamEdit(file: PyFile, fn: PyFunction, name: string): TextEdit | null {
  if (fn.params.some((p) => p.hasDefault || p.kind !== 'positional')) return null
  const open = file.text.indexOf('(', fn.defSpan.start)
  const close = fn.defSpan.end - 1
  if (open < 0 || file.text[close] !== ')' && !/\)\s*(->.*)?$/.test(file.text.slice(open, fn.defSpan.end))) return null
  const last = fn.params[fn.params.length - 1]
  if (!last) {
    const closeParen = file.text.indexOf(')', open)
    if (!/^\(\s*$/.test(file.text.slice(open, closeParen))) return null
    return { path: file.path, start: open + 1, end: closeParen, text: name }
  }
  const after = file.text.slice(last.span.end, fn.defSpan.end)
  if (/^\s*,\s*\n/.test(after)) {
    // One parameter per line with a trailing comma: a new line in the same style.
    const ls = file.text.lastIndexOf('\n', last.span.start - 1) + 1
    const ind = indentOf(file.text.slice(ls, last.span.start))
    const comma = last.span.end + after.indexOf(',') + 1
    return { path: file.path, start: comma, end: comma, text: `${eolOf(file)}${ind}${name},` }
  }
  return { path: file.path, start: last.span.end, end: last.span.end, text: `, ${name}` }
}

// ---------------------------------------------------------------------------------------------
// Context variables

/**
 * Is `name` (as spelled in `file`) a `contextvars.ContextVar`? Returns a stable id for the
 * variable (`<defining file>::<name>`), found from a module-level `name = ContextVar(...)` in the
 * file itself or, for an imported name, in the module it comes from (read as text).
 */
export function contextVarId(ctx: RuleContext, file: PyFile, name: string): string | null {
  const root = name.split('.')[0] as string
  const rest = name.slice(root.length)
  const defines = (text: string, n: string): boolean => {
    const cv = [...file.imports.names].filter(([, q]) => q === 'contextvars.ContextVar').map(([l]) => escapeRe(l))
    const ctor = `(?:contextvars\\.ContextVar|ContextVar${cv.length ? '|' + cv.join('|') : ''})`
    return new RegExp(`^${escapeRe(n)}\\s*(?::[^=\\n]+)?=\\s*${ctor}\\s*(?:\\[[^\\]]*\\])?\\s*\\(`, 'm').test(text)
  }
  if (!rest && !file.imports.names.has(root)) return defines(file.text, root) ? `${file.path}::${root}` : null
  const qual = (file.imports.names.get(root) ?? root) + rest
  const i = qual.lastIndexOf('.')
  if (i < 0) return null
  const mod = qual.slice(0, i)
  const attr = qual.slice(i + 1)
  const path = ctx.project.resolveModule(mod)
  if (!path) return null
  const text = ctx.suite.files.get(path)?.text ?? ctx.project.readText(path)
  return text && defines(text, attr) ? `${path}::${attr}` : null
}

/** Context variables a function sets (`var.set(...)`), by id, with the call line. */
export function contextVarsSet(ctx: RuleContext, file: PyFile, fn: PyFunction): Map<string, { name: string; line: number }> {
  const out = new Map<string, { name: string; line: number }>()
  for (const m of fn.facts.methodCalls) {
    if (m.method !== 'set' || m.awaited) continue
    let id = contextVarId(ctx, file, m.receiver)
    // `token = var.set(...)` … `var.reset(token)`: only a ContextVar has that pair.
    if (!id && fn.facts.methodCalls.some((r) => r.receiver === m.receiver && r.method === 'reset')) id = `${file.path}::${m.receiver}`
    if (id && !out.has(id)) out.set(id, { name: m.receiver, line: m.span.line })
  }
  return out
}

/** Context variables a function reads (`var.get(...)`), by id. */
export function contextVarsRead(ctx: RuleContext, file: PyFile, fn: PyFunction): Map<string, { name: string; line: number }> {
  const out = new Map<string, { name: string; line: number }>()
  for (const m of fn.facts.methodCalls) {
    if (m.method !== 'get' || m.awaited) continue
    const id = contextVarId(ctx, file, m.receiver)
    if (id && !out.has(id)) out.set(id, { name: m.receiver, line: m.span.line })
  }
  return out
}

/**
 * Where a function reads a context variable spelled `name` in its file (`name.get(...)`), found in
 * the text (bodies without any async or fixture words are not walked for facts).
 */
export function contextVarReadLine(file: PyFile, fn: PyFunction, name: string): number | null {
  const start = fn.defSpan.end
  const body = blankStringsAndComments(file.text.slice(start, fn.whole.end))
  const m = new RegExp(`(?<![A-Za-z0-9_.])${escapeRe(name)}\\s*\\.\\s*get\\s*\\(`).exec(body)
  return m ? lineAt(file, start + m.index) : null
}

/**
 * Does `name` in `readerFile` denote the variable `setId` that `setterFile` sets? Same resolved
 * definition, or (unresolved) the same file, or the same import on both sides.
 */
export function sameContextVar(ctx: RuleContext, setterFile: PyFile, readerFile: PyFile, name: string, setId: string): boolean {
  const id = contextVarId(ctx, readerFile, name)
  if (id) return id === setId
  if (readerFile === setterFile) return true
  const root = name.split('.')[0] as string
  const a = setterFile.imports.names.get(root)
  return !!a && a === readerFile.imports.names.get(root)
}
