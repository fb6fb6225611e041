/**
 * anyio's pytest plugin over the model (research/anyio.md §3, §3.5): which tests the plugin
 * runs, which `anyio_backend` definition each test gets (its backends and caching scope), and
 * which async fixtures the plugin runs for a test.
 *
 * - A coroutine test gets `usefixtures("anyio_backend")` from an `anyio` mark on the function,
 *   its class or its module (a `pytestmark` in conftest.py does nothing), from `anyio_mode =
 *   auto` (anyio ≥ 4.11), or from a mark added in a collection hook (anyio ≥ 4.13). Any test,
 *   sync or async, that requests `anyio_backend`, `anyio_backend_name` or
 *   `anyio_backend_options` (directly, through fixtures or `usefixtures`) has it too.
 * - The effective `anyio_backend`: a direct `parametrize` (function scope unless `scope=`) beats
 *   the nearest fixture (class > module > conftests inner → outer) which beats the plugin's
 *   default (function-scoped before anyio 4.0, module-scoped from 4.0; backends asyncio + trio,
 *   and from 4.12 only the importable ones).
 * - The plugin runs an async fixture when the requesting test's closure has `anyio_backend`,
 *   unless another plugin converted it first: `@pytest_asyncio.fixture` (AN302), or any async
 *   `@pytest.fixture` in pytest-asyncio's auto mode.
 * - pytest-asyncio takes over a coroutine test it handles (auto mode, or an `asyncio` mark):
 *   anyio then never runs its body (AN301 / AN303 / PA701).
 */
import { lineOf } from '../model/extract.js'
import type { FixtureDef, HookMark, PyFile, Scope, TestFunc, Value } from '../model/types.js'
import { isScope, scopeRank } from '../model/types.js'
import type { Project } from '../model/project.js'
import { cmpVersion } from '../model/versions.js'
import type { AsyncioModel } from './asyncio.js'
import type { ClosureEntry, MarkHit, Suite } from './suite.js'
import { parametrizeArgnames } from './suite.js'
import { pushTo } from '../util/multimap.js'

/** The fixtures that put `anyio_backend` into a test's closure when requested. */
export const BACKEND_FIXTURES = ['anyio_backend', 'anyio_backend_name', 'anyio_backend_options'] as const

/** Backends anyio ships (every version: `BACKENDS = "asyncio", "trio"`). */
export const KNOWN_BACKENDS = ['asyncio', 'trio'] as const

// ---------------------------------------------------------------------------------------------
// Python literals read from the source text (return values, params, parametrize values)

/** A Python expression as far as a literal reader can tell, with offsets into the file text. */
export interface PyLiteral {
  kind: 'str' | 'tuple' | 'list' | 'dict' | 'set' | 'name' | 'call' | 'num' | 'bool' | 'none' | 'other'
  start: number
  end: number
  text: string
  /** Decoded plain string literal (undefined for f-strings). */
  str?: string
  /** Elements of a tuple/list/set; positional arguments of a call. */
  items?: PyLiteral[]
  /** Dict entries. */
  entries?: { key: PyLiteral; value: PyLiteral }[]
  /** Keyword arguments of a call. */
  kwargs?: Map<string, PyLiteral>
  /** Dotted name of a name/attribute, or a call's callee as written. */
  name?: string
  /** Whether a tuple is written with parentheses (a bare `return "trio", {}` has none). */
  parenthesized?: boolean
}

const ID_START = /[A-Za-z_]/
const ID_CHAR = /[A-Za-z0-9_]/

class LiteralReader {
  constructor(
    readonly text: string,
    public pos: number,
    readonly limit: number
  ) {}

  /** Skips spaces, comments, line continuations, and (inside brackets) newlines. */
  ws(nl: boolean): void {
    const t = this.text
    while (this.pos < this.limit) {
      const c = t[this.pos] as string
      if (c === ' ' || c === '\t' || c === '\f') this.pos++
      else if (c === '\\' && (t[this.pos + 1] === '\n' || t[this.pos + 1] === '\r')) this.pos += t[this.pos + 1] === '\r' && t[this.pos + 2] === '\n' ? 3 : 2
      else if (c === '#') {
        while (this.pos < this.limit && t[this.pos] !== '\n' && t[this.pos] !== '\r') this.pos++
      } else if (nl && (c === '\n' || c === '\r')) this.pos++
      else break
    }
  }

  peek(): string {
    return this.text[this.pos] ?? ''
  }

  ident(): string | null {
    if (!ID_START.test(this.peek())) return null
    const s = this.pos
    while (this.pos < this.limit && ID_CHAR.test(this.peek())) this.pos++
    return this.text.slice(s, this.pos)
  }

  /** A string literal (with prefix) at pos, or null. Returns its decoded value when plain. */
  string(): { str: string | undefined } | null {
    const t = this.text
    const m = /^([rRbBuUfFtT]{0,2})(['"])/.exec(t.slice(this.pos, this.pos + 4))
    if (!m) return null
    const prefix = (m[1] as string).toLowerCase()
    const q = m[2] as string
    let p = this.pos + (m[1] as string).length
    const triple = t.slice(p, p + 3) === q.repeat(3)
    const close = triple ? q.repeat(3) : q
    p += close.length
    let out = ''
    const raw = prefix.includes('r')
    while (p < this.limit) {
      if (t.startsWith(close, p)) {
        p += close.length
        this.pos = p
        return { str: prefix.includes('f') || prefix.includes('t') ? undefined : out }
      }
      const c = t[p] as string
      if (c === '\\' && p + 1 < this.limit) {
        const n = t[p + 1] as string
        out += raw ? c + n : n === 'n' ? '\n' : n === 't' ? '\t' : n === '\n' ? '' : n
        p += 2
        continue
      }
      if (!triple && (c === '\n' || c === '\r')) break
      out += c
      p++
    }
    this.pos = p
    return { str: undefined }
  }

  /** Skips to the end of the current (sub)expression: a `,`, a closing bracket, `:` or a newline at depth 0. */
  skipRest(nl: boolean): void {
    let depth = 0
    while (this.pos < this.limit) {
      const c = this.peek()
      if (c === '"' || c === "'" || (/[rRbBuUfF]/.test(c) && /^[rRbBuUfF]{1,2}['"]/.test(this.text.slice(this.pos, this.pos + 3)) && !ID_CHAR.test(this.text[this.pos - 1] ?? ''))) {
        if (this.string()) continue
      }
      if (c === '#') {
        this.ws(false)
        continue
      }
      if (c === '(' || c === '[' || c === '{') depth++
      else if (c === ')' || c === ']' || c === '}') {
        if (depth === 0) return
        depth--
      } else if (depth === 0 && (c === ',' || c === ':')) return
      else if (depth === 0 && !nl && (c === '\n' || c === '\r')) return
      else if (c === '\\' && (this.text[this.pos + 1] === '\n' || this.text[this.pos + 1] === '\r')) {
        this.pos += 2
        continue
      }
      this.pos++
    }
  }

  /** One expression (no bare tuple). `nl`: newlines are insignificant (inside brackets). */
  expr(nl: boolean): PyLiteral {
    this.ws(nl)
    const start = this.pos
    const node = this.primary(nl)
    this.ws(nl)
    const c = this.peek()
    // Anything beyond a primary (operators, `if`/`else`, comprehensions) is not a literal.
    if (this.pos < this.limit && c !== ',' && c !== ')' && c !== ']' && c !== '}' && c !== ':' && c !== '\n' && c !== '\r' && c !== ';' && c !== '=') {
      this.skipRest(nl)
      return this.make('other', start, trimEnd(this.text, start, this.pos))
    }
    return node
  }

  make(kind: PyLiteral['kind'], start: number, end: number, extra: Partial<PyLiteral> = {}): PyLiteral {
    return { kind, start, end, text: this.text.slice(start, end), ...extra }
  }

  primary(nl: boolean): PyLiteral {
    const start = this.pos
    const c = this.peek()
    let node: PyLiteral
    const s = this.string()
    if (s) {
      let str = s.str
      // Implicit concatenation: "a" "b".
      for (;;) {
        const save = this.pos
        this.ws(nl)
        const more = this.string()
        if (!more) {
          this.pos = save
          break
        }
        str = str !== undefined && more.str !== undefined ? str + more.str : undefined
      }
      node = this.make('str', start, this.pos, str !== undefined ? { str } : {})
    } else if (c === '(' || c === '[' || c === '{') {
      this.pos++
      const close = c === '(' ? ')' : c === '[' ? ']' : '}'
      const items: PyLiteral[] = []
      const entries: { key: PyLiteral; value: PyLiteral }[] = []
      let sawComma = false
      let isDict = false
      let bad = false
      for (;;) {
        this.ws(true)
        if (this.pos >= this.limit) {
          bad = true
          break
        }
        if (this.peek() === close) {
          this.pos++
          break
        }
        if (this.peek() === '*') {
          bad = true
          this.skipRest(true)
        } else {
          const item = this.expr(true)
          this.ws(true)
          if (c === '{' && this.peek() === ':') {
            this.pos++
            isDict = true
            const value = this.expr(true)
            entries.push({ key: item, value })
          } else items.push(item)
        }
        this.ws(true)
        if (this.peek() === ',') {
          sawComma = true
          this.pos++
          continue
        }
        if (this.peek() === close) {
          this.pos++
          break
        }
        // `for` comprehensions and the like.
        bad = true
        this.skipRest(true)
        if (this.peek() === close) this.pos++
        break
      }
      if (bad) node = this.make('other', start, this.pos)
      else if (c === '(') node = items.length === 1 && !sawComma ? { ...(items[0] as PyLiteral), start, end: this.pos, text: this.text.slice(start, this.pos), parenthesized: true } : this.make('tuple', start, this.pos, { items, parenthesized: true })
      else if (c === '[') node = this.make('list', start, this.pos, { items })
      else node = isDict || items.length === 0 ? this.make('dict', start, this.pos, { entries }) : this.make('set', start, this.pos, { items })
    } else if (/[0-9.]/.test(c) && /[0-9]/.test(this.text[this.pos + (c === '.' ? 1 : 0)] ?? '')) {
      while (this.pos < this.limit && /[0-9A-Za-z_.]/.test(this.peek())) this.pos++
      node = this.make('num', start, this.pos)
    } else if (c === '-' || c === '+') {
      this.pos++
      const inner = this.primary(nl)
      node = inner.kind === 'num' ? this.make('num', start, this.pos) : this.make('other', start, this.pos)
    } else {
      const id = this.ident()
      if (!id) {
        this.skipRest(nl)
        return this.make('other', start, Math.max(this.pos, start))
      }
      if (id === 'None') node = this.make('none', start, this.pos)
      else if (id === 'True' || id === 'False') node = this.make('bool', start, this.pos)
      else if (id === 'lambda' || id === 'not' || id === 'await' || id === 'yield') {
        this.skipRest(nl)
        return this.make('other', start, trimEnd(this.text, start, this.pos))
      } else {
        let name = id
        for (;;) {
          const save = this.pos
          this.ws(nl)
          if (this.peek() !== '.') {
            this.pos = save
            break
          }
          this.pos++
          this.ws(nl)
          const next = this.ident()
          if (!next) {
            this.pos = save
            break
          }
          name += '.' + next
        }
        node = this.make('name', start, this.pos, { name })
      }
    }
    // Trailers: calls and subscripts.
    for (;;) {
      const save = this.pos
      this.ws(nl)
      const t = this.peek()
      if (t === '(') {
        this.pos++
        const items: PyLiteral[] = []
        const kwargs = new Map<string, PyLiteral>()
        let bad = false
        for (;;) {
          this.ws(true)
          if (this.pos >= this.limit) {
            bad = true
            break
          }
          if (this.peek() === ')') {
            this.pos++
            break
          }
          const kwMatch = /^([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)/.exec(this.text.slice(this.pos, this.pos + 200))
          if (kwMatch) {
            this.pos += kwMatch[0].length
            kwargs.set(kwMatch[1] as string, this.expr(true))
          } else if (this.peek() === '*') {
            bad = true
            this.skipRest(true)
          } else items.push(this.expr(true))
          this.ws(true)
          if (this.peek() === ',') {
            this.pos++
            continue
          }
          if (this.peek() === ')') {
            this.pos++
            break
          }
          bad = true
          this.skipRest(true)
          if (this.peek() === ')') this.pos++
          break
        }
        node = bad || node.kind !== 'name' ? this.make('other', start, this.pos) : this.make('call', start, this.pos, { items, kwargs, name: node.name as string })
      } else if (t === '[') {
        this.pos++
        this.skipRest(true)
        if (this.peek() === ']') this.pos++
        node = this.make('other', start, this.pos)
      } else {
        this.pos = save
        break
      }
    }
    return node
  }

  /** A statement-level expression list: `a`, or a bare tuple `a, b`. */
  exprList(): PyLiteral | null {
    this.ws(false)
    const start = this.pos
    const c = this.peek()
    if (this.pos >= this.limit || c === '\n' || c === '\r' || c === ';' || c === '#') return null
    const first = this.expr(false)
    this.ws(false)
    if (this.peek() !== ',') return first
    const items = [first]
    while (this.peek() === ',') {
      this.pos++
      this.ws(false)
      const n = this.peek()
      if (this.pos >= this.limit || n === '\n' || n === '\r' || n === ';' || n === '#') break
      items.push(this.expr(false))
      this.ws(false)
    }
    return this.make('tuple', start, trimEnd(this.text, start, this.pos), { items, parenthesized: false })
  }
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end
  while (e > start && /\s/.test(text[e - 1] as string)) e--
  return e
}

/** The Python literal starting at `offset` in `text` (e.g. a model Value's span start). */
export function literalAt(text: string, offset: number, limit = text.length): PyLiteral {
  return new LiteralReader(text, offset, limit).expr(true)
}

/** The statement-level expression at `offset` (newlines end it; a bare `a, b` is a tuple). */
export function statementAt(text: string, offset: number, limit = text.length): PyLiteral | null {
  return new LiteralReader(text, offset, limit).exprList()
}

/**
 * The text with comments and string contents blanked (same length), except the `{...}` parts of
 * f-strings: for finding the names code uses.
 */
export function codeOnly(text: string): string {
  let out = ''
  let i = 0
  while (i < text.length) {
    const c = text[i] as string
    if (c === '#') {
      while (i < text.length && text[i] !== '\n') {
        out += ' '
        i++
      }
      continue
    }
    const m = /^([rRbBuUfFtT]{0,2})(['"])/.exec(text.slice(i, i + 4))
    if (m && !(m[1] && /[A-Za-z0-9_]/.test(text[i - 1] ?? ''))) {
      const prefix = (m[1] as string).toLowerCase()
      const q = m[2] as string
      let p = i + (m[1] as string).length
      const triple = text.slice(p, p + 3) === q.repeat(3)
      const close = triple ? q.repeat(3) : q
      out += text.slice(i, p + close.length)
      p += close.length
      const f = prefix.includes('f')
      let depth = 0
      let closed = false
      while (p < text.length) {
        if (depth === 0 && text.startsWith(close, p)) {
          closed = true
          break
        }
        const ch = text[p] as string
        if (ch === '\\' && depth === 0 && p + 1 < text.length) {
          out += text[p + 1] === '\n' ? ' \n' : '  '
          p += 2
          continue
        }
        if (f && ch === '{') {
          if (depth === 0 && text[p + 1] === '{') {
            out += '  '
            p += 2
            continue
          }
          depth++
          out += ch
        } else if (f && ch === '}' && depth > 0) {
          depth--
          out += ch
        } else out += depth > 0 ? ch : ch === '\n' ? ch : ' '
        p++
        if (!triple && depth === 0 && ch === '\n') break
      }
      if (closed) {
        out += close
        p += close.length
      }
      i = p
      continue
    }
    out += c
    i++
  }
  return out
}

/** A model Value re-read as a literal (dict entries included). */
export function literalOf(file: PyFile, v: Value): PyLiteral {
  return literalAt(file.text, v.span.start, v.span.end)
}

export interface ReturnedValue {
  keyword: 'return' | 'yield'
  /** The keyword's offset. */
  at: number
  line: number
  value: PyLiteral | null
}

/** `return` / `yield` statements of a function body with the values they produce (nested defs included). */
export function returnedValues(file: PyFile, fx: { func: { defSpan: { end: number }; whole: { end: number } } }): ReturnedValue[] {
  const text = file.text
  const start = fx.func.defSpan.end
  const end = fx.func.whole.end
  const out: ReturnedValue[] = []
  const r = new LiteralReader(text, start, end)
  while (r.pos < end) {
    const c = r.peek()
    if (c === '#') {
      r.ws(false)
      continue
    }
    if (c === '"' || c === "'") {
      r.string()
      continue
    }
    if (ID_START.test(c) && !ID_CHAR.test(text[r.pos - 1] ?? '')) {
      const at = r.pos
      if (/^[rRbBuUfF]{1,2}['"]/.test(text.slice(at, at + 3))) {
        r.string()
        continue
      }
      const id = r.ident() as string
      if ((id === 'return' || id === 'yield') && statementStart(text, at)) {
        const sub = new LiteralReader(text, r.pos, end)
        sub.ws(false)
        // `yield from ...` delegates: no value of its own.
        const delegates = id === 'yield' && text.startsWith('from', sub.pos) && !ID_CHAR.test(text[sub.pos + 4] ?? '')
        const value: PyLiteral | null = delegates ? null : sub.exprList()
        out.push({ keyword: id, at, line: lineAt(file, at), value })
        r.pos = Math.max(sub.pos, r.pos)
      }
      continue
    }
    r.pos++
  }
  return out
}

function statementStart(text: string, at: number): boolean {
  let p = at - 1
  while (p >= 0 && (text[p] === ' ' || text[p] === '\t')) p--
  if (p < 0) return true
  const c = text[p]
  if (c === '\n' || c === '\r' || c === ';') return true
  if (c === ':') return true
  // `x = yield value` is not a statement start, but still a yield of that value.
  return c === '=' && text[p - 1] !== '=' && text[p - 1] !== '!' && text[p - 1] !== '<' && text[p - 1] !== '>'
}

function lineAt(file: PyFile, offset: number): number {
  return lineOf(file.lineStarts, offset)
}

/** `from pytest_trio.enable_trio_mode import *`, or `pytest_plugins` naming that module, in a conftest. */
export function trioModeLine(f: PyFile): { line: number; endLine: number; col: number; what: string } | null {
  const m = /^from[ \t]+pytest_trio\.enable_trio_mode[ \t]+import[ \t]+\*[ \t]*(#.*)?$/m.exec(f.text)
  if (m) {
    const line = lineAt(f, m.index)
    return { line, endLine: line, col: 1, what: '`from pytest_trio.enable_trio_mode import *`' }
  }
  if (f.pytestPlugins?.names.includes('pytest_trio.enable_trio_mode')) {
    const sp = f.pytestPlugins.span
    return { line: sp.line, endLine: sp.endLine, col: sp.col, what: '`pytest_plugins` naming `pytest_trio.enable_trio_mode`' }
  }
  return null
}

// ---------------------------------------------------------------------------------------------
// Backends

/** One value `anyio_backend` can take, as written. */
export interface BackendSpec {
  /** The file the literal is in (for fixes). */
  file: PyFile
  /** The value as written: `"trio"`, `("asyncio", {"debug": True})`, `["asyncio", {}]`, ... */
  node: PyLiteral
  /** The backend name when it is a literal string (even inside an invalid shape). */
  name: string | null
  /** The options dict literal of a `(name, options)` pair. */
  options?: PyLiteral
  /**
   * `str` and `tuple` are what the plugin accepts (a tuple must be `(str, dict)`); `list` is
   * the common list-instead-of-tuple mistake; `bad` is any other shape the plugin rejects;
   * `dynamic` is not a literal (a name, a call, `request.param` without params).
   */
  shape: 'str' | 'tuple' | 'list' | 'bad' | 'dynamic'
  origin: 'return' | 'params' | 'parametrize'
  /** For `pytest.param(value, id=...)`: the whole call. */
  param?: PyLiteral
}

export type BackendSource = 'parametrize' | 'fixture' | 'plugin'

/** Which `anyio_backend` a test gets, how long pytest caches it, and which backends it yields. */
export interface BackendChoice {
  source: BackendSource
  /** The definition pytest resolves (a user fixture, or the plugin's builtin) for `fixture`/`plugin`. */
  def?: FixtureDef
  /** The `parametrize` mark for `parametrize`. */
  mark?: MarkHit
  /** Caching scope: the fixture's scope, the parametrize `scope=` (default function), or the plugin default on the newest allowed anyio. */
  scope: Scope | 'dynamic' | 'invalid'
  /** The plugin default's scope on each allowed anyio version (function before 4.0, module from 4.0); one entry otherwise. */
  scopes: { scope: Scope | 'dynamic' | 'invalid'; versions: string[] }[]
  /** Backend names it can yield (deduplicated, in order of appearance). */
  backends: string[]
  /** False when the set is a guess (a computed value falls back to asyncio + trio). */
  exact: boolean
  /** The literal values found (none for the plugin default). */
  specs: BackendSpec[]
}

/** The backend name of a value `anyio_backend` returns, with its shape. */
export function classifySpec(file: PyFile, node: PyLiteral, origin: BackendSpec['origin']): BackendSpec {
  const base = { file, node, origin }
  if (node.kind === 'str') return { ...base, name: node.str ?? null, shape: node.str === undefined ? 'dynamic' : 'str' }
  if (node.kind === 'tuple' || node.kind === 'list') {
    const items = node.items ?? []
    const first = items[0]
    const name = first?.kind === 'str' ? (first.str ?? null) : null
    const opts = items[1]
    const spec: BackendSpec = { ...base, name, shape: 'bad' }
    if (opts) spec.options = opts
    if (node.kind === 'list') return { ...spec, shape: 'list' }
    if (items.length === 2 && first?.kind === 'str' && (opts?.kind === 'dict' || opts?.kind === 'call' || opts?.kind === 'name' || opts?.kind === 'other')) return { ...spec, shape: 'tuple' }
    if (items.length === 2 && first && first.kind !== 'str' && first.kind !== 'num' && first.kind !== 'none' && first.kind !== 'bool') return { ...spec, shape: 'dynamic' }
    return spec
  }
  if (node.kind === 'num' || node.kind === 'none' || node.kind === 'bool' || node.kind === 'dict' || node.kind === 'set') return { ...base, name: null, shape: 'bad' }
  return { ...base, name: null, shape: 'dynamic' }
}

/** `pytest.param(v, id=...)` → v. */
function unwrapParam(node: PyLiteral): { value: PyLiteral | null; param?: PyLiteral } {
  if (node.kind === 'call' && /(^|\.)param$/.test(node.name ?? '')) return { value: node.items?.[0] ?? null, param: node }
  return { value: node }
}

function dedupe(names: (string | null)[]): string[] {
  const out: string[] = []
  for (const n of names) if (n && !out.includes(n)) out.push(n)
  return out
}

// ---------------------------------------------------------------------------------------------
// The model

function atLeast(v: string, min: string): boolean {
  return cmpVersion(v, min) >= 0
}

export class AnyioModel {
  private closureCache = new Map<TestFunc, ClosureEntry[]>()
  private backendCache = new Map<TestFunc, BackendChoice | null>()
  private defCache = new Map<FixtureDef, BackendChoice>()
  private usesCache: boolean | null = null
  private inUseCache: boolean | null = null
  private paCache: boolean | null = null

  constructor(
    readonly suite: Suite,
    readonly project: Project,
    readonly asyncio: AsyncioModel
  ) {}

  // --- versions -----------------------------------------------------------------------------

  /** The anyio releases the pins allow, ascending. */
  get versions(): string[] {
    return this.project.versions.anyio.candidates
  }

  /** Allowed anyio versions at or above `min`. */
  versionsFrom(min: string): string[] {
    return this.versions.filter((v) => atLeast(v, min))
  }

  /** Allowed anyio versions below `min`. */
  versionsBelow(min: string): string[] {
    return this.versions.filter((v) => !atLeast(v, min))
  }

  /** The newest allowed anyio version (what an installer picks from a range). */
  get newest(): string {
    const v = this.versions
    return v[v.length - 1] ?? '4.14.2'
  }

  // --- settings -----------------------------------------------------------------------------

  /** anyio's plugin is loaded (not `-p no:anyio`). */
  get enabled(): boolean {
    return !this.project.settings.anyioDisabled.value
  }

  /** `anyio_mode = auto` (ini, `-o`, or `--anyio-mode`) on an anyio that has the option (≥ 4.11). */
  get autoMode(): boolean {
    return this.project.settings.anyioMode.value === 'auto' && this.versionsFrom('4.11').length > 0
  }

  /**
   * pytest-asyncio is installed and loaded: pinned, imported, or configured. `asyncio` marks alone
   * count only when the project pins none of its test tools (nothing known about the environment);
   * a project that pins pytest or anyio but not pytest-asyncio gets `PytestUnknownMarkWarning` for them.
   */
  get pytestAsyncioActive(): boolean {
    if (this.paCache === null) {
      const s = this.project.settings
      const v = this.project.versions
      let active = v['pytest-asyncio'].declared || s.asyncioMode.origin.kind !== 'default'
      if (!active) {
        for (const f of this.suite.files.values()) {
          if ([...f.imports.names.values()].some((q) => q === 'pytest_asyncio' || q.startsWith('pytest_asyncio.'))) {
            active = true
            break
          }
        }
      }
      if (!active && !v.pytest.declared && !v.anyio.declared) active = this.project.usesPytestAsyncio(this.suite)
      this.paCache = !s.asyncioDisabled.value && active
    }
    return this.paCache
  }

  /**
   * trio can be imported: pinned (directly, through `anyio[trio]` or pytest-trio). When the
   * project declares no anyio pin at all, nothing is known about the environment and anyio's
   * classic default (asyncio and trio) is assumed.
   */
  get trioInstalled(): boolean {
    const v = this.project.versions
    return v.trio.declared || !v.anyio.declared
  }

  /** pytest-trio's trio mode (ini `trio_mode = true`) with pytest-trio loaded. */
  get trioModeIni(): boolean {
    const s = this.project.settings
    return s.trioMode.value && !s.trioDisabled.value
  }

  /** pytest-trio is installed: pinned or imported. */
  get pytestTrioInstalled(): boolean {
    if (this.project.versions['pytest-trio'].declared) return true
    for (const f of this.suite.files.values()) if ([...f.imports.names.values()].some((q) => q === 'pytest_trio' || q.startsWith('pytest_trio.'))) return true
    return this.suite.files.size > 0 && [...this.suite.files.values()].some((f) => f.kind === 'conftest' && !!trioModeLine(f))
  }

  /** The conftest.py above the test that turns pytest-trio's trio mode on, if any. */
  trioModeConftest(test: TestFunc): { file: PyFile; line: number; endLine: number; col: number; what: string } | null {
    for (const f of this.suite.files.values()) {
      if (f.kind !== 'conftest') continue
      const dir = f.path.includes('/') ? f.path.slice(0, f.path.lastIndexOf('/') + 1) : ''
      if (!test.file.path.startsWith(dir)) continue
      const hit = trioModeLine(f)
      if (hit) return { file: f, ...hit }
    }
    return null
  }

  /** pytest-trio's trio mode applies to this test (ini `trio_mode`, or a conftest enabling it). */
  trioMode(test: TestFunc): boolean {
    if (this.project.settings.trioDisabled.value) return false
    return (this.trioModeIni && this.pytestTrioInstalled) || !!this.trioModeConftest(test)
  }

  /** Does the project use anyio's pytest plugin at all (pin, import, mark, backend fixture, auto mode)? */
  usesAnyio(): boolean {
    if (this.usesCache === null) {
      let uses = this.project.versions.anyio.declared || this.project.settings.anyioMode.value === 'auto'
      if (!uses) {
        for (const f of this.suite.files.values()) {
          if ([...f.imports.names.values()].some((q) => q === 'anyio' || q.startsWith('anyio.'))) uses = true
          else if (f.moduleMarks.some((m) => m.name === 'anyio')) uses = true
          else if (f.fixtures.some((fx) => (BACKEND_FIXTURES as readonly string[]).includes(fx.name))) uses = true
          else if (f.tests.some((t) => this.suite.closestMark(t, 'anyio') || t.func.argnames.some((a) => (BACKEND_FIXTURES as readonly string[]).includes(a)))) uses = true
          if (uses) break
        }
        if (!uses) uses = this.suite.hookMarks().some((h) => h.mark.name === 'anyio')
      }
      this.usesCache = uses
    }
    return this.usesCache
  }

  /**
   * Does the suite rely on anyio's plugin to run async tests: anyio tests or marks (a conftest
   * `pytestmark` counts as intent), `anyio_mode = auto`, or anyio as the only async plugin installed.
   */
  pluginInUse(): boolean {
    if (this.inUseCache === null) {
      let inUse = this.enabled && (this.autoMode || this.suite.hookMarks().some((h) => h.mark.name === 'anyio'))
      if (!inUse && this.enabled) {
        for (const f of this.suite.files.values()) {
          if (f.moduleMarks.some((m) => m.name === 'anyio') || f.tests.some((t) => this.hasBackend(t) || this.suite.marks(t, 'anyio').length > 0)) {
            inUse = true
            break
          }
        }
      }
      if (!inUse && this.enabled) inUse = this.project.versions.anyio.declared && !this.pytestAsyncioActive && !this.pytestTrioInstalled
      this.inUseCache = inUse
    }
    return this.inUseCache
  }

  // --- tests --------------------------------------------------------------------------------

  /** The closest `anyio` mark on the function, its classes or its module (conftest `pytestmark` never applies). */
  anyioMark(test: TestFunc): MarkHit | undefined {
    return this.suite.closestMark(test, 'anyio', this.asyncio.baseClassMarksFirst)
  }

  /** An `anyio` mark added by `item.add_marker(...)` in a collection hook, if any. */
  hookMark(test: TestFunc): HookMark | undefined {
    if (!test.func.isAsync) return undefined
    return this.suite.hookMarks().find((h) => h.mark.name === 'anyio')
  }

  /**
   * Does the plugin give this test `usefixtures("anyio_backend")`? Only coroutine tests: an
   * `anyio` mark, auto mode, or (anyio ≥ 4.13) a mark added in a collection hook.
   */
  injectsBackend(test: TestFunc): boolean {
    if (!this.enabled || !test.func.isAsync) return false
    if (this.anyioMark(test) || this.autoMode) return true
    return !!this.hookMark(test) && this.versionsFrom('4.13').length > 0
  }

  /** Names the test gets by direct parametrization (not fixtures). */
  private directlyParametrized(test: TestFunc): boolean {
    return this.suite.directParams(test).has('anyio_backend')
  }

  /**
   * The fixture closure as the plugin sees it: pytest's closure plus `anyio_backend` (and what it
   * requests) when the mark or auto mode adds it.
   */
  closure(test: TestFunc): ClosureEntry[] {
    const cached = this.closureCache.get(test)
    if (cached) return cached
    const base = this.suite.closure(test)
    let out = base
    if (this.injectsBackend(test) && !this.directlyParametrized(test) && !base.some((e) => e.name === 'anyio_backend')) {
      out = [...base]
      const seen = new Set(base.map((e) => e.def))
      const names = new Set(base.map((e) => e.name))
      const queue: { name: string; via: string[]; requester?: FixtureDef }[] = [{ name: 'anyio_backend', via: [] }]
      while (queue.length) {
        const item = queue.shift() as { name: string; via: string[]; requester?: FixtureDef }
        const def = this.suite.resolve(item.name, test, item.requester)
        if (!def || seen.has(def)) continue
        seen.add(def)
        names.add(item.name)
        out.push({ name: item.name, def, via: item.via })
        for (const arg of def.func.argnames) {
          if (arg === 'request') continue
          if (arg === def.name) queue.push({ name: arg, via: [...item.via, item.name], requester: def })
          else if (!names.has(arg)) queue.push({ name: arg, via: [...item.via, item.name] })
        }
      }
    }
    this.closureCache.set(test, out)
    return out
  }

  /** The test asks for a backend fixture itself (signature, fixtures, usefixtures, or a direct parametrize). */
  requestsBackend(test: TestFunc): boolean {
    if (this.directlyParametrized(test)) return true
    return this.suite.closure(test).some((e) => (BACKEND_FIXTURES as readonly string[]).includes(e.name))
  }

  /** `anyio_backend` is in the test's closure, so the plugin runs its async fixtures (and, for a coroutine, the test). */
  private readonly hasBackendCache = new Map<TestFunc, boolean>()
  private backendNamedCache: boolean | null = null

  /** Does any analysed file mention a backend fixture (`anyio_backend`, `anyio_backend_name`, ...)? */
  private backendNamed(): boolean {
    if (this.backendNamedCache === null) this.backendNamedCache = [...this.suite.files.values()].some((f) => f.text.includes('anyio_backend'))
    return this.backendNamedCache
  }

  hasBackend(test: TestFunc): boolean {
    if (!this.enabled) return false
    // Without the mark or auto mode, only a request by name (a signature, usefixtures, a
    // parametrize, getfixturevalue) puts it in a closure: no file naming it, no closure to walk.
    if (!this.backendNamed() && !this.injectsBackend(test)) return false
    let v = this.hasBackendCache.get(test)
    if (v === undefined) {
      v = this.directlyParametrized(test) || this.closure(test).some((e) => e.name === 'anyio_backend')
      this.hasBackendCache.set(test, v)
    }
    return v
  }

  /** pytest-asyncio runs this coroutine test instead (its auto mode, or an `asyncio` mark). */
  takenOver(test: TestFunc): boolean {
    return test.func.isAsync && this.pytestAsyncioActive && this.asyncio.isAsyncioTest(test)
  }

  /** The plugin runs this test's body: a coroutine with `anyio_backend` in its closure that pytest-asyncio does not take. */
  isAnyioTest(test: TestFunc): boolean {
    return test.func.isAsync && this.hasBackend(test) && !this.takenOver(test)
  }

  /** Parsed tests the plugin runs. */
  private anyioTestsCache: TestFunc[] | null = null

  anyioTests(): TestFunc[] {
    if (!this.anyioTestsCache) this.anyioTestsCache = this.suite.tests().filter((t) => this.isAnyioTest(t))
    return this.anyioTestsCache
  }

  // --- fixtures -----------------------------------------------------------------------------

  /** Would the plugin run this fixture for a test with `anyio_backend`? (async, plain `@pytest.fixture`, not taken by pytest-asyncio's auto mode) */
  runsFixture(fx: FixtureDef): boolean {
    if (fx.builtin || !fx.func.isAsync || fx.decoratorKind !== 'pytest') return false
    if (this.pytestAsyncioActive && this.asyncio.auto) return false
    return true
  }

  /** The async fixtures the plugin runs for this test (empty when it has no `anyio_backend`). */
  anyioFixtures(test: TestFunc): ClosureEntry[] {
    if (!this.hasBackend(test)) return []
    return this.closure(test).filter((e) => this.runsFixture(e.def))
  }

  /** `@pytest_asyncio.fixture` async fixtures in the closure of a test the plugin runs (AN302). */
  pytestAsyncioFixtures(test: TestFunc): ClosureEntry[] {
    if (!this.isAnyioTest(test)) return []
    return this.closure(test).filter((e) => !e.def.builtin && e.def.func.isAsync && e.def.decoratorKind === 'pytest_asyncio')
  }

  /**
   * Fixtures in the closure for which pytest resolves `anyio_backend` at their own caching
   * scope: every async fixture the plugin runs (it appends `anyio_backend` to their argnames),
   * and any fixture that requests `anyio_backend` itself.
   */
  backendConsumers(test: TestFunc): ClosureEntry[] {
    if (!this.hasBackend(test)) return []
    return this.closure(test).filter((e) => !e.def.builtin && e.name !== 'anyio_backend' && (this.runsFixture(e.def) || e.def.func.argnames.includes('anyio_backend')))
  }

  /** Does the fixture (transitively, as resolved for this test) request `anyio_backend`? */
  dependsOnBackend(fx: FixtureDef, test: TestFunc): boolean {
    const seen = new Set<FixtureDef>()
    const visit = (d: FixtureDef): boolean => {
      if (seen.has(d)) return false
      seen.add(d)
      for (const arg of d.func.argnames) {
        if (arg === 'anyio_backend') return true
        if (arg === 'request') continue
        const dep = this.suite.resolve(arg, test, arg === d.name ? d : undefined)
        if (dep && visit(dep)) return true
      }
      return false
    }
    return visit(fx)
  }

  // --- backends -----------------------------------------------------------------------------

  /** The `anyio_backend` a test gets, or null when it has none. */
  backend(test: TestFunc): BackendChoice | null {
    if (this.backendCache.has(test)) return this.backendCache.get(test) as BackendChoice | null
    let out: BackendChoice | null = null
    if (this.hasBackend(test)) {
      const param = this.parametrizeHit(test)
      if (param && this.directlyParametrized(test)) out = this.fromParametrize(test, param)
      else {
        const def = this.closure(test).find((e) => e.name === 'anyio_backend')?.def ?? this.suite.resolve('anyio_backend', test)
        if (def) {
          out = this.backendOf(def)
          // `parametrize(..., indirect=True)` feeds the fixture: the values come from the mark.
          if (param && !def.builtin) {
            const fromMark = this.fromParametrize(test, param)
            out = { ...out, backends: fromMark.backends, exact: fromMark.exact, specs: fromMark.specs }
          }
        }
      }
    }
    this.backendCache.set(test, out)
    return out
  }

  /** The parametrize mark (closest level first) naming `anyio_backend`. */
  parametrizeHit(test: TestFunc): MarkHit | undefined {
    return this.suite.marks(test, 'parametrize').find((h) => parametrizeArgnames(h.mark).includes('anyio_backend'))
  }

  private fromParametrize(test: TestFunc, hit: MarkHit): BackendChoice {
    const mark = hit.mark
    // Function, class and module marks all live in the test's own file.
    const file = test.file
    const names = parametrizeArgnames(mark)
    const idx = names.indexOf('anyio_backend')
    const argvalues = mark.args[1] ?? mark.kwargs.get('argvalues')
    const scopeV = mark.kwargs.get('scope')
    let scope: Scope | 'dynamic' | 'invalid' = 'function'
    if (scopeV) scope = scopeV.kind === 'str' && scopeV.str !== undefined ? (isScope(scopeV.str) ? scopeV.str : 'invalid') : scopeV.kind === 'none' ? 'function' : 'dynamic'
    const specs: BackendSpec[] = []
    let exact = true
    const lit = argvalues ? literalOf(file, argvalues) : null
    if (!lit || (lit.kind !== 'list' && lit.kind !== 'tuple')) exact = false
    else {
      for (const item of lit.items ?? []) {
        const { value, param } = unwrapParam(item)
        let v: PyLiteral | null = value
        if (names.length > 1) {
          // Several argnames: each value is a tuple (or pytest.param(a, b, ...)).
          if (param) v = param.items?.[idx] ?? null
          else v = value && (value.kind === 'tuple' || value.kind === 'list') ? (value.items?.[idx] ?? null) : null
        }
        if (!v) {
          exact = false
          continue
        }
        const spec = classifySpec(file, v, 'parametrize')
        if (param) spec.param = param
        if (spec.shape === 'dynamic') exact = false
        specs.push(spec)
      }
    }
    const backends = exact ? dedupe(specs.map((s) => s.name)) : dedupe([...specs.map((s) => s.name), ...KNOWN_BACKENDS])
    return { source: 'parametrize', mark: hit, scope, scopes: [{ scope, versions: this.versions }], backends, exact, specs }
  }

  /** The backends and scope of one `anyio_backend` definition (a user fixture or the plugin's). */
  backendOf(def: FixtureDef): BackendChoice {
    const cached = this.defCache.get(def)
    if (cached) return cached
    let out: BackendChoice
    if (def.builtin) out = this.pluginDefault(def)
    else {
      const specs: BackendSpec[] = []
      let exact = true
      const returned = returnedValues(def.file, def)
      const usesParam = (v: PyLiteral | null): boolean => !!v && /\brequest\.param\b/.test(v.text)
      const paramsLit = def.params ? literalOf(def.file, def.params) : null
      const fromParams = (): void => {
        if (!paramsLit || (paramsLit.kind !== 'list' && paramsLit.kind !== 'tuple')) {
          exact = false
          return
        }
        for (const item of paramsLit.items ?? []) {
          const { value, param } = unwrapParam(item)
          if (!value) {
            exact = false
            continue
          }
          const spec = classifySpec(def.file, value, 'params')
          if (param) spec.param = param
          if (spec.shape === 'dynamic') exact = false
          specs.push(spec)
        }
      }
      const values = returned.filter((r) => r.value)
      if (!values.length) {
        if (def.params) fromParams()
        else exact = false
      }
      for (const r of values) {
        const v = r.value as PyLiteral
        if (usesParam(v)) {
          if (v.text.trim() === 'request.param' && !specs.some((s) => s.origin === 'params')) fromParams()
          else exact = false
          continue
        }
        const spec = classifySpec(def.file, v, 'return')
        if (spec.shape === 'dynamic') exact = false
        specs.push(spec)
      }
      const backends = exact ? dedupe(specs.map((s) => s.name)) : dedupe([...specs.map((s) => s.name), ...KNOWN_BACKENDS])
      out = { source: 'fixture', def, scope: def.scope, scopes: [{ scope: def.scope, versions: this.versions }], backends, exact, specs }
    }
    this.defCache.set(def, out)
    return out
  }

  /**
   * The plugin's own `anyio_backend`: function scope before 4.0, module scope from 4.0; asyncio
   * and trio before 4.12, from 4.12 only the backends that import (trio when it is installed).
   */
  pluginDefault(def?: FixtureDef): BackendChoice {
    const byScope = new Map<Scope, string[]>()
    for (const v of this.versions) {
      const s: Scope = atLeast(v, '4.0.0') ? 'module' : 'function'
      pushTo(byScope, s, v)
    }
    const scopes = [...byScope].map(([scope, versions]) => ({ scope, versions }))
    const newest: Scope = atLeast(this.newest, '4.0.0') ? 'module' : 'function'
    const backends = ['asyncio']
    if (this.trioInstalled || this.versionsBelow('4.12').length) backends.push('trio')
    const d = def ?? this.suite.definitions('anyio_backend').find((x) => x.builtin)
    return { source: 'plugin', ...(d ? { def: d } : {}), scope: newest, scopes: scopes.length ? scopes : [{ scope: newest, versions: [] }], backends, exact: true, specs: [] }
  }

  /** Versions on which the plugin default parametrizes `[trio]` although trio is not installed (< 4.12: `ModuleNotFoundError`). */
  trioMissingVersions(): { failing: string[]; dropped: string[] } {
    if (this.project.versions.trio.declared) return { failing: [], dropped: [] }
    return { failing: this.versionsBelow('4.12'), dropped: this.versionsFrom('4.12') }
  }

  /** Is `a` a wider caching scope than `b` (both known)? */
  static wider(a: Scope | 'dynamic' | 'invalid', b: Scope | 'dynamic' | 'invalid'): boolean {
    return isScope(a) && isScope(b) && scopeRank(a) > scopeRank(b)
  }
}
