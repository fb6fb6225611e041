/**
 * Turns one parsed Python file into the pytest model (fixtures, tests, classes, marks, imports,
 * hooks, and per-function facts such as calls and yields). Pure: no I/O, no evaluation. The tree
 * is only read here; callers delete it afterwards.
 */
import type { Node, Tree } from '../parse/python.js'
import type {
  CallFact,
  Decorator,
  FileKind,
  FixtureDecoratorKind,
  FixtureDef,
  FunctionFacts,
  HookMark,
  ImportInfo,
  Mark,
  Param,
  PyClass,
  PyFile,
  PyFunction,
  Scope,
  Span,
  TestFunc,
  Value,
  YieldFact
} from './types.js'
import { isScope } from './types.js'

/** A file with what the source says of it and, as yet, no definitions. */
export function newPyFile(
  init: Pick<PyFile, 'path' | 'text' | 'exactText' | 'kind' | 'imports' | 'syntaxErrors' | 'lineStarts'>
): PyFile {
  return { ...init, functions: [], classes: [], fixtures: [], tests: [], moduleMarks: [], pytestPlugins: null, hooks: new Map(), hookMarks: [] }
}

export interface CollectRules {
  /** pytest `python_functions`: does this function name make a test? */
  isTestFunction(name: string): boolean
  /** pytest `python_classes`: does this class name make a test class? */
  isTestClass(name: string): boolean
}

export const DEFAULT_COLLECT: CollectRules = {
  isTestFunction: (n) => n.startsWith('test'),
  isTestClass: (n) => n.startsWith('Test')
}

export function lineStartsOf(text: string): number[] {
  const starts = [0]
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 10) starts.push(i + 1)
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1)
  }
  return starts
}

/** 1-based line of an offset. */
export function lineOf(lineStarts: number[], offset: number): number {
  let lo = 0
  let hi = lineStarts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((lineStarts[mid] as number) <= offset) lo = mid
    else hi = mid - 1
  }
  return lo + 1
}

const MAX_VALUE_DEPTH = 40

const FIXTURE_DECORATORS: Record<string, FixtureDecoratorKind> = {
  'pytest.fixture': 'pytest',
  'pytest_asyncio.fixture': 'pytest_asyncio',
  'pytest_asyncio.plugin.fixture': 'pytest_asyncio',
  'pytest_trio.trio_fixture': 'pytest_trio'
}

class Extractor {
  readonly lineStarts: number[]
  readonly imports: ImportInfo = { names: new Map(), insertAt: 0, modules: new Set() }
  /** Module-level names bound to mark expressions (`session_loop = pytest.mark.asyncio(...)`). */
  private readonly markVars = new Map<string, Node>()

  constructor(
    readonly path: string,
    readonly text: string,
    readonly collect: CollectRules
  ) {
    this.lineStarts = lineStartsOf(text)
  }

  span(n: Node | { startIndex: number; endIndex: number }): Span {
    const line = lineOf(this.lineStarts, n.startIndex)
    return {
      start: n.startIndex,
      end: n.endIndex,
      line,
      endLine: lineOf(this.lineStarts, Math.max(n.startIndex, n.endIndex - 1)),
      col: n.startIndex - (this.lineStarts[line - 1] as number) + 1
    }
  }

  spanRange(start: number, end: number): Span {
    return this.span({ startIndex: start, endIndex: end })
  }

  indentAt(offset: number): string {
    const ls = this.lineStarts[lineOf(this.lineStarts, offset) - 1] as number
    const m = /^[ \t]*/.exec(this.text.slice(ls, offset))
    return m ? m[0] : ''
  }

  /** The dotted name of a name/attribute expression after import resolution, or null. */
  qual(n: Node | null): string | null {
    if (!n) return null
    if (n.type === 'identifier') return this.imports.names.get(n.text) ?? n.text
    if (n.type === 'attribute') {
      const obj = this.qual(n.childForFieldName('object'))
      const attr = n.childForFieldName('attribute')
      return obj && attr ? `${obj}.${attr.text}` : null
    }
    return null
  }

  value(n: Node, depth = 0): Value {
    const base = { text: n.text, span: this.span(n) }
    if (depth > MAX_VALUE_DEPTH) return { kind: 'other', ...base }
    switch (n.type) {
      case 'string':
      case 'concatenated_string': {
        const decoded = this.decodeString(n)
        const v: Value = { kind: 'str', ...base }
        if (decoded) {
          v.str = decoded.str
          v.quote = decoded.quote
        }
        return v
      }
      case 'list':
      case 'tuple':
      case 'parenthesized_expression': {
        if (n.type === 'parenthesized_expression') {
          const inner = n.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment')
          if (inner.length === 1) return this.value(inner[0] as Node, depth + 1)
        }
        const items = n.namedChildren
          .filter((c): c is Node => !!c && c.type !== 'comment')
          .map((c) => this.value(c, depth + 1))
        return { kind: n.type === 'list' ? 'list' : 'tuple', ...base, items }
      }
      case 'dictionary':
        return { kind: 'dict', ...base }
      case 'identifier': {
        if (n.text === 'None') return { kind: 'none', ...base }
        if (n.text === 'True' || n.text === 'False') return { kind: 'bool', ...base }
        return { kind: 'name', ...base, qual: this.qual(n) ?? n.text }
      }
      case 'none':
        return { kind: 'none', ...base }
      case 'true':
      case 'false':
        return { kind: 'bool', ...base }
      case 'integer':
      case 'float':
        return { kind: 'num', ...base }
      case 'attribute':
        return { kind: 'attr', ...base, qual: this.qual(n) ?? n.text }
      case 'call': {
        const fn = n.childForFieldName('function')
        const argsNode = n.childForFieldName('arguments')
        const items: Value[] = []
        const kwargs = new Map<string, Value>()
        if (argsNode && argsNode.type === 'argument_list') {
          for (const a of argsNode.namedChildren) {
            if (!a || a.type === 'comment') continue
            if (a.type === 'keyword_argument') {
              const k = a.childForFieldName('name')
              const val = a.childForFieldName('value')
              if (k && val) kwargs.set(k.text, this.value(val, depth + 1))
            } else {
              items.push(this.value(a, depth + 1))
            }
          }
        }
        const v: Value = { kind: 'call', ...base, items, kwargs, qual: this.qual(fn) ?? fn?.text ?? '' }
        if (argsNode) v.argList = this.span(argsNode)
        return v
      }
      default:
        return { kind: 'other', ...base }
    }
  }

  private decodeString(n: Node): { str: string; quote: string } | null {
    const parts = n.type === 'concatenated_string' ? n.namedChildren.filter((c): c is Node => !!c) : [n]
    let out = ''
    let quote = '"'
    for (const p of parts) {
      if (p.type !== 'string') return null
      const startTok = p.child(0)
      if (!startTok || startTok.type !== 'string_start') return null
      const prefix = startTok.text.replace(/["']+$/, '').toLowerCase()
      if (prefix.includes('f') || prefix.includes('t')) {
        // f-strings are not constants (an f-string with no interpolation still is, but rare).
        if (p.namedChildren.some((c) => c?.type === 'interpolation')) return null
      }
      quote = startTok.text.slice(prefix.length)
      for (const c of p.namedChildren) {
        if (!c) continue
        if (c.type === 'string_content') out += c.text
        else if (c.type === 'escape_sequence') out += decodeEscape(c.text)
        else if (c.type === 'interpolation') return null
      }
    }
    return { str: out, quote: quote.length >= 3 ? quote : quote.charAt(0) }
  }

  /** The pytest mark a value denotes (`pytest.mark.x`, `pytest.mark.x(...)`, or a mark variable). */
  markOf(v: Value, origin: Mark['origin'], spanOverride?: Span): Mark | null {
    const q = v.qual ?? ''
    if (v.kind === 'name' && this.markVars.has(v.text)) {
      const inner = this.value(this.markVars.get(v.text) as Node)
      const m = this.markOf(inner, origin)
      return m ? { ...m, span: spanOverride ?? v.span } : null
    }
    const m = /^pytest\.mark\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(q)
    if (!m) return null
    const name = m[1] as string
    if (v.kind === 'call') {
      return {
        name,
        span: spanOverride ?? v.span,
        value: v,
        called: true,
        args: v.items ?? [],
        kwargs: v.kwargs ?? new Map(),
        origin
      }
    }
    if (v.kind === 'attr' || v.kind === 'name') {
      return { name, span: spanOverride ?? v.span, value: v, called: false, args: [], kwargs: new Map(), origin }
    }
    return null
  }

  /** Marks of `pytest.param(..., marks=m | [m, ...])` entries in parametrize marks' argvalues. */
  paramMarks(marks: Mark[]): Mark[] {
    const out: Mark[] = []
    for (const pm of marks) {
      if (pm.name !== 'parametrize') continue
      const values = pm.args[1] ?? pm.kwargs.get('argvalues')
      for (const v of values?.items ?? []) {
        if (v.kind !== 'call' || v.qual !== 'pytest.param') continue
        const mv = v.kwargs?.get('marks')
        if (!mv) continue
        for (const x of mv.kind === 'list' || mv.kind === 'tuple' ? (mv.items ?? []) : [mv]) {
          const m = this.markOf(x, 'param')
          if (m) out.push(m)
        }
      }
    }
    return out
  }

  /** Marks in a `pytestmark = ...` value: one mark or a list/tuple of them. */
  marksOfPytestmark(v: Value): Mark[] {
    const vals = v.kind === 'list' || v.kind === 'tuple' ? (v.items ?? []) : [v]
    const out: Mark[] = []
    for (const x of vals) {
      const m = this.markOf(x, 'pytestmark')
      if (m) out.push(m)
    }
    return out
  }

  readImports(stmt: Node): void {
    if (stmt.type === 'import_statement') {
      for (const c of stmt.namedChildren) {
        if (!c) continue
        if (c.type === 'dotted_name') {
          const full = c.text.replace(/\s+/g, '')
          const first = full.split('.')[0] as string
          this.imports.names.set(first, first)
          this.imports.modules.add(full)
        } else if (c.type === 'aliased_import') {
          const name = c.childForFieldName('name')
          const alias = c.childForFieldName('alias')
          if (name && alias) {
            this.imports.names.set(alias.text, name.text.replace(/\s+/g, ''))
            this.imports.modules.add(name.text.replace(/\s+/g, ''))
          }
        }
      }
    } else if (stmt.type === 'import_from_statement') {
      const mod = stmt.childForFieldName('module_name')
      if (!mod || mod.type === 'relative_import') return
      const modName = mod.text.replace(/\s+/g, '')
      for (const c of stmt.childrenForFieldName('name')) {
        if (!c) continue
        if (c.type === 'dotted_name') this.imports.names.set(c.text, `${modName}.${c.text}`)
        else if (c.type === 'aliased_import') {
          const name = c.childForFieldName('name')
          const alias = c.childForFieldName('alias')
          if (name && alias) this.imports.names.set(alias.text, `${modName}.${name.text}`)
        }
      }
    }
  }

  decorators(decorated: Node | null): Decorator[] {
    if (!decorated || decorated.type !== 'decorated_definition') return []
    const out: Decorator[] = []
    for (const c of decorated.namedChildren) {
      if (!c || c.type !== 'decorator') continue
      const expr = c.namedChildren.find((x) => x && x.type !== 'comment')
      if (!expr) continue
      const value = this.value(expr)
      out.push({ span: this.span(c), value, qual: value.qual ?? value.text })
    }
    return out
  }

  params(fn: Node): Param[] {
    const ps = fn.childForFieldName('parameters')
    const out: Param[] = []
    if (!ps) return out
    let kwonly = false
    for (const p of ps.namedChildren) {
      if (!p) continue
      const sp = this.span(p)
      switch (p.type) {
        case 'identifier':
          out.push({ name: p.text, hasDefault: false, kind: kwonly ? 'kwonly' : 'positional', span: sp })
          break
        case 'typed_parameter': {
          const inner = p.namedChildren[0]
          if (!inner) break
          if (inner.type === 'list_splat_pattern') {
            kwonly = true
            out.push({ name: inner.text.replace(/^\*/, ''), hasDefault: false, kind: 'varargs', span: sp })
          } else if (inner.type === 'dictionary_splat_pattern') {
            out.push({ name: inner.text.replace(/^\*\*/, ''), hasDefault: false, kind: 'kwargs', span: sp })
          } else {
            out.push({ name: inner.text, hasDefault: false, kind: kwonly ? 'kwonly' : 'positional', span: sp })
          }
          break
        }
        case 'default_parameter':
        case 'typed_default_parameter': {
          const name = p.childForFieldName('name')
          if (name) out.push({ name: name.text, hasDefault: true, kind: kwonly ? 'kwonly' : 'positional', span: sp })
          break
        }
        case 'list_splat_pattern':
          kwonly = true
          out.push({ name: p.text.replace(/^\*/, ''), hasDefault: false, kind: 'varargs', span: sp })
          break
        case 'dictionary_splat_pattern':
          out.push({ name: p.text.replace(/^\*\*/, ''), hasDefault: false, kind: 'kwargs', span: sp })
          break
        case 'keyword_separator':
          kwonly = true
          break
        default:
          break
      }
    }
    return out
  }

  private factWords: RegExp | null = null

  /** Module-level names bound to `contextvars.ContextVar(...)` (their `.set()` calls matter). */
  readonly contextVars = new Set<string>()

  /**
   * Whether a body can hold a fact some rule reads. Plain bodies (`await client.get(...)`,
   * assertions) cannot: they name no async library, loop API, generator, hook or context
   * variable. Those skip the walk; `hasAwait` is still answered from the text.
   */
  bodyMayMatter(body: Node): boolean {
    if (!this.factWords) {
      const aliases = [...this.imports.names].filter(([, q]) => /^(asyncio|anyio|trio|contextvars|pytest_asyncio|hypothesis|sniffio|uvloop)\b/.test(q)).map(([l]) => l.replace(/[^A-Za-z0-9_]/g, ''))
      const words = ['yield', 'asyncio', 'anyio', 'trio', 'loop', 'event_loop', 'add_marker', 'getfixturevalue', 'contextvars', 'ContextVar', 'Runner', 'run_until_complete', 'start_soon', 'nursery', 'task_group', 'TaskGroup', 'create_task_group', 'open_nursery', 'fail_after', 'move_on_after', 'fail_at', 'move_on_at', 'timeout', 'CancelScope', 'get_event_loop', 'new_event_loop', 'get_running_loop', 'sniffio', ...aliases, ...this.contextVars]
      this.factWords = new RegExp(`\\b(?:${[...new Set(words)].filter(Boolean).join('|')})\\b`)
    }
    return this.factWords.test(this.text.slice(body.startIndex, body.endIndex))
  }

  /**
   * Walks a function body once with a tree cursor (materialising only the nodes a fact needs):
   * calls, awaits, yields with their enclosing `with` items, assignments. Nested functions,
   * classes and lambdas are separate scopes and are skipped.
   */
  facts(body: Node | null): FunctionFacts {
    const facts: FunctionFacts = emptyFacts()
    if (!body) return facts
    interface Ctx {
      depth: number
      within: CallFact[]
      conditional: boolean
      inLoop: boolean
    }
    const ctxs: Ctx[] = [{ depth: 0, within: [], conditional: false, inLoop: false }]
    const awaited = new Set<number>()
    const bound = new Map<number, string>()
    const withItems = new Map<number, CallFact>()
    const cursor = body.walk()
    let depth = 0
    try {
      for (;;) {
        const t = cursor.nodeType
        let descend = true
        const ctx = ctxs[ctxs.length - 1] as Ctx
        switch (t) {
          case 'function_definition':
          case 'class_definition':
          case 'lambda':
          case 'decorated_definition':
            descend = false
            break
          case 'call': {
            const start = cursor.startIndex
            const item = withItems.get(start)
            if (item) break
            const fact = this.callFact(cursor.currentNode, awaited.has(start), bound.get(start))
            facts.calls.push(fact)
            if (fact.receiver !== undefined) facts.methodCalls.push({ receiver: fact.receiver, method: fact.method ?? '', span: fact.span, awaited: fact.awaited })
            break
          }
          case 'await': {
            facts.hasAwait = true
            const inner = cursor.currentNode.namedChild(0)
            if (inner && inner.type === 'call') awaited.add(inner.startIndex)
            break
          }
          case 'yield':
            // The `yield` keyword token inside a yield expression has the same type: count the expression once.
            if (cursor.nodeIsNamed) facts.yields.push({ span: this.span(cursor.currentNode), within: ctx.within, conditional: ctx.conditional, inLoop: ctx.inLoop })
            break
          case 'assignment':
          case 'augmented_assignment': {
            const n = cursor.currentNode
            const left = n.childForFieldName('left')
            if (left) for (const id of identifiersIn(left)) facts.assigned.add(id)
            let right = n.childForFieldName('right')
            if (right && right.type === 'await') right = right.namedChild(0)
            if (left && left.type === 'identifier' && right && right.type === 'call') bound.set(right.startIndex, left.text)
            break
          }
          case 'with_statement': {
            const n = cursor.currentNode
            const isAsync = n.child(0)?.type === 'async'
            const clause = n.namedChildren.find((c) => c?.type === 'with_clause')
            const items: CallFact[] = []
            for (const item of clause?.namedChildren ?? []) {
              if (!item || item.type !== 'with_item') continue
              let v = item.childForFieldName('value')
              let alias: string | undefined
              if (v && v.type === 'as_pattern') {
                const target = v.childForFieldName('alias')
                if (target) {
                  alias = target.text
                  for (const id of identifiersIn(target)) facts.assigned.add(id)
                }
                v = v.namedChildren[0] ?? null
              }
              if (v && v.type === 'await') v = v.namedChild(0)
              if (v && v.type === 'call') {
                const cf = this.callFact(v, false, alias)
                cf.withKind = isAsync ? 'async with' : 'with'
                items.push(cf)
                withItems.set(v.startIndex, cf)
                facts.calls.push(cf)
              }
            }
            ctxs.push({ depth: depth + 1, within: [...ctx.within, ...items], conditional: ctx.conditional, inLoop: ctx.inLoop })
            break
          }
          case 'if_statement':
          case 'conditional_expression':
          case 'match_statement':
          case 'except_clause':
          case 'boolean_operator':
            ctxs.push({ depth: depth + 1, within: ctx.within, conditional: true, inLoop: ctx.inLoop })
            break
          case 'for_statement':
          case 'while_statement':
          case 'list_comprehension':
          case 'generator_expression':
          case 'set_comprehension':
          case 'dictionary_comprehension':
            ctxs.push({ depth: depth + 1, within: ctx.within, conditional: true, inLoop: true })
            break
          default:
            break
        }
        if (descend && cursor.gotoFirstChild()) {
          depth++
          continue
        }
        // Leaving this node: drop contexts opened for its children.
        while (ctxs.length > 1 && (ctxs[ctxs.length - 1] as Ctx).depth > depth) ctxs.pop()
        let moved = false
        while (depth > 0) {
          if (cursor.gotoNextSibling()) {
            moved = true
            break
          }
          cursor.gotoParent()
          depth--
          while (ctxs.length > 1 && (ctxs[ctxs.length - 1] as Ctx).depth > depth) ctxs.pop()
        }
        if (!moved) break
      }
    } finally {
      cursor.delete()
    }
    facts.calls.sort((a, b) => a.span.start - b.span.start)
    return facts
  }

  /**
   * A call as a fact. The full argument values are built only for calls a rule may read (async
   * libraries, pytest, loops, fixtures' plumbing): building them for every call dominates the cost.
   */
  callFact(n: Node, awaited = false, boundTo?: string): CallFact {
    const fn = n.childForFieldName('function')
    const qual = this.qual(fn)
    let receiver: string | undefined
    let method: string | undefined
    if (fn && fn.type === 'attribute') {
      const obj = fn.childForFieldName('object')
      const attr = fn.childForFieldName('attribute')
      if (obj && attr) {
        receiver = obj.text
        method = attr.text
      }
    }
    const interesting = (qual !== null && INTERESTING_ROOTS.test(qual)) || (method !== undefined && INTERESTING_METHODS.has(method)) || (fn?.type === 'identifier' && this.imports.names.has(fn.text))
    const value: Value = interesting
      ? this.value(n)
      : { kind: 'call', text: n.text, span: this.span(n), items: [], kwargs: new Map(), qual: qual ?? fn?.text ?? '' }
    const fact: CallFact = { qual, callee: fn?.text ?? '', value, span: value.span, awaited }
    if (boundTo !== undefined) fact.boundTo = boundTo
    if (receiver !== undefined) fact.receiver = receiver
    if (method !== undefined) fact.method = method
    return fact
  }

  func(def: Node, decorated: Node | null, cls: PyClass | undefined): PyFunction {
    const decorators = this.decorators(decorated)
    const marks: Mark[] = []
    // Decorators apply bottom-up and each appends to pytestmark: the bottom-most comes first.
    for (let i = decorators.length - 1; i >= 0; i--) {
      const d = decorators[i] as Decorator
      const m = this.markOf(d.value, 'decorator', d.span)
      if (m) marks.push(m)
    }
    const paramMarks = this.paramMarks(marks)
    const isStatic = decorators.some((d) => d.qual === 'staticmethod')
    const isClassMethod = decorators.some((d) => d.qual === 'classmethod')
    const params = this.params(def)
    const body = def.childForFieldName('body')
    // Walking a body is the costly part of extraction: skip bodies that cannot hold a fact any
    // rule reads (no await/yield, no async library or loop API, no hook or fixture plumbing).
    let facts: FunctionFacts
    if (body && this.bodyMayMatter(body)) facts = this.facts(body)
    else {
      facts = emptyFacts()
      if (body) facts.hasAwait = /\bawait\b/.test(this.text.slice(body.startIndex, body.endIndex))
    }
    let argParams = params.filter((p) => (p.kind === 'positional' || p.kind === 'kwonly') && !p.hasDefault)
    if (cls && !isStatic && params[0]?.kind === 'positional') argParams = argParams.filter((p) => p !== params[0])
    // unittest.mock.patch decorators consume leading positional arguments.
    const patches = decorators.filter((d) => /(^|\.)patch(\.object|\.dict|\.multiple)?$/.test(d.qual) && !(d.value.kwargs?.has('new'))).length
    if (patches) argParams = argParams.slice(patches)
    // Hypothesis `@given` supplies its keyword arguments by name and positional ones to the
    // rightmost parameters: pytest does not request those as fixtures.
    const given = decorators.find((d) => d.qual === 'hypothesis.given' && d.value.kind === 'call')
    if (given) {
      const byName = new Set(given.value.kwargs?.keys() ?? [])
      const positional = given.value.items?.length ?? 0
      const supplied = new Set([...argParams.filter((p) => p.kind === 'positional').slice(positional ? -positional : argParams.length).map((p) => p.name), ...byName])
      argParams = argParams.filter((p) => !supplied.has(p.name))
    }
    const first = decorators[0]
    const isAsync = def.child(0)?.type === 'async'
    const nameNode = def.childForFieldName('name')
    const paramsNode = def.childForFieldName('parameters')
    const defEnd = (def.childForFieldName('return_type') ?? paramsNode ?? nameNode ?? def).endIndex
    const defSpan = this.spanRange(def.startIndex, defEnd)
    const anchorStart = first ? first.span.start : def.startIndex
    const defLineEnd = this.lineEnd(def.startIndex)
    const f: PyFunction = {
      name: nameNode?.text ?? '',
      defSpan,
      anchor: this.spanRange(anchorStart, defLineEnd),
      whole: this.spanRange(anchorStart, def.endIndex),
      indent: this.indentAt(def.startIndex),
      isAsync,
      isGenerator: facts.yields.length > 0,
      params,
      argnames: argParams.map((p) => p.name),
      decorators,
      marks,
      ...(paramMarks.length ? { paramMarks } : {}),
      isStatic,
      isClassMethod,
      facts
    }
    if (cls) f.cls = cls
    return f
  }

  lineEnd(offset: number): number {
    const line = lineOf(this.lineStarts, offset)
    const next = this.lineStarts[line]
    if (next === undefined) return this.text.length
    let e = next - 1
    if (this.text.charCodeAt(e) === 10 && this.text.charCodeAt(e - 1) === 13) e--
    return e
  }

  fixture(f: PyFunction, file: PyFile, cls: PyClass | undefined): FixtureDef | null {
    for (const d of f.decorators) {
      const kind = FIXTURE_DECORATORS[d.qual]
      if (!kind) continue
      const kw = d.value.kind === 'call' ? (d.value.kwargs ?? new Map<string, Value>()) : new Map<string, Value>()
      // Old pytest accepted the scope positionally: fixture("module").
      const scopeValue = kw.get('scope') ?? (d.value.kind === 'call' && d.value.items?.[0]?.kind === 'str' ? d.value.items[0] : undefined)
      let scope: Scope | 'dynamic' | 'invalid' = 'function'
      if (scopeValue) {
        if (scopeValue.kind === 'str' && scopeValue.str !== undefined) scope = isScope(scopeValue.str) ? scopeValue.str : 'invalid'
        else if (scopeValue.kind === 'none') scope = 'function'
        else scope = 'dynamic'
      }
      const nameValue = kw.get('name')
      const autouseValue = kw.get('autouse')
      const fx: FixtureDef = {
        name: nameValue?.str ?? f.name,
        func: f,
        file,
        decorator: d,
        decoratorKind: kind,
        scope,
        autouse: autouseValue?.text === 'True'
      }
      if (cls) fx.cls = cls
      if (scopeValue) fx.scopeValue = scopeValue
      const ls = kw.get('loop_scope')
      if (ls) fx.loopScopeValue = ls
      const params = kw.get('params')
      if (params) fx.params = params
      if (nameValue) fx.nameValue = nameValue
      return fx
    }
    return null
  }

  /** Statements of a block, descending into module-level if/try/with blocks (their defs are module attributes). */
  *statements(block: Node, descend: boolean): Generator<Node> {
    for (const c of block.namedChildren) {
      if (!c) continue
      if (descend && (c.type === 'if_statement' || c.type === 'try_statement' || c.type === 'with_statement')) {
        for (const sub of c.namedChildren) {
          if (!sub) continue
          if (sub.type === 'block') yield* this.statements(sub, descend)
          else if (sub.type === 'else_clause' || sub.type === 'elif_clause' || sub.type === 'except_clause' || sub.type === 'finally_clause') {
            for (const b of sub.namedChildren) if (b && b.type === 'block') yield* this.statements(b, descend)
          }
        }
      } else {
        yield c
      }
    }
  }

  assignmentOf(stmt: Node): { left: Node; right: Node } | null {
    if (stmt.type !== 'expression_statement') return null
    const a = stmt.namedChildren[0]
    if (!a || a.type !== 'assignment') return null
    const left = a.childForFieldName('left')
    const right = a.childForFieldName('right')
    return left && right ? { left, right } : null
  }

  classDef(def: Node, decorated: Node | null, file: PyFile, outer: PyClass | undefined, modulePrefix: string): PyClass {
    const decorators = this.decorators(decorated)
    const name = def.childForFieldName('name')?.text ?? ''
    const body = def.childForFieldName('body')
    const first = decorators[0]
    const anchorStart = first ? first.span.start : def.startIndex
    const firstStmt = body?.namedChildren.find((c) => c && c.type !== 'comment')
    const supers = def.childForFieldName('superclasses')
    const bases: Value[] = []
    if (supers) for (const s of supers.namedChildren) if (s && s.type !== 'keyword_argument' && s.type !== 'comment') bases.push(this.value(s))
    const cls: PyClass = {
      name,
      qualName: outer ? `${outer.qualName}::${name}` : name,
      anchor: this.spanRange(anchorStart, this.lineEnd(def.startIndex)),
      whole: this.spanRange(anchorStart, def.endIndex),
      indent: this.indentAt(def.startIndex),
      bodyIndent: firstStmt ? this.indentAt(firstStmt.startIndex) : this.indentAt(def.startIndex) + '    ',
      bodyStart: firstStmt ? this.lineStarts[lineOf(this.lineStarts, firstStmt.startIndex) - 1] as number : def.endIndex,
      decorators,
      ownMarks: [],
      bases,
      hasInit: false,
      methods: [],
      classes: [],
      fixtures: [],
      collected: false
    }
    if (outer) cls.outer = outer
    const bodyMarks: Mark[] = []
    if (body) {
      for (const stmt of this.statements(body, false)) {
        let target = stmt
        let dec: Node | null = null
        if (stmt.type === 'decorated_definition') {
          dec = stmt
          target = stmt.childForFieldName('definition') ?? stmt
        }
        if (target.type === 'function_definition') {
          const f = this.func(target, dec, cls)
          if (f.name === '__init__') cls.hasInit = true
          cls.methods.push(f)
          const fx = this.fixture(f, file, cls)
          if (fx) cls.fixtures.push(fx)
        } else if (target.type === 'class_definition') {
          cls.classes.push(this.classDef(target, dec, file, cls, modulePrefix))
        } else {
          const asg = this.assignmentOf(stmt)
          if (asg && asg.left.type === 'identifier' && asg.left.text === 'pytestmark') {
            const v = this.value(asg.right)
            cls.pytestmark = { span: this.span(stmt), value: v }
            bodyMarks.length = 0
            bodyMarks.push(...this.marksOfPytestmark(v))
          }
        }
      }
    }
    const decoratorMarks: Mark[] = []
    for (let i = decorators.length - 1; i >= 0; i--) {
      const d = decorators[i] as Decorator
      const m = this.markOf(d.value, 'decorator', d.span)
      if (m) decoratorMarks.push(m)
    }
    cls.ownMarks = [...bodyMarks, ...decoratorMarks]
    cls.collected = this.collect.isTestClass(name) && !cls.hasInit && (!outer || outer.collected)
    return cls
  }

  /** `item.add_marker(<mark>)` calls in a hook, with marks bound to local names resolved. */
  hookMarks(fn: PyFunction, hook: string): HookMark[] {
    const out: HookMark[] = []
    for (const call of fn.facts.calls) {
      if (!call.callee.endsWith('.add_marker')) continue
      let arg = call.value.items?.[0] ?? call.value.kwargs?.get('marker')
      if (!arg) continue
      if (arg.kind === 'name') {
        const local = [...fn.facts.calls].reverse().find((c) => c.boundTo === arg!.text && c.span.start < call.span.start)
        if (local) arg = local.value
      }
      const mark = this.markOf(arg, 'add_marker')
      if (!mark) continue
      const append = call.value.kwargs?.get('append')
      out.push({ mark, append: !(append && append.text === 'False'), hook, call })
    }
    return out
  }

  syntaxErrors(tree: Tree): Span[] {
    const out: Span[] = []
    if (!tree.rootNode.hasError) return out
    const stack: Node[] = [tree.rootNode]
    while (stack.length && out.length < 50) {
      const n = stack.pop() as Node
      if (n.type === 'ERROR' || n.isMissing) {
        out.push(this.span(n))
        continue
      }
      if (!n.hasError) continue
      const kids = n.children
      for (let i = kids.length - 1; i >= 0; i--) {
        const k = kids[i]
        if (k) stack.push(k)
      }
    }
    return out.sort((a, b) => a.start - b.start)
  }

  file(tree: Tree, kind: FileKind, exactText: boolean): PyFile {
    const root = tree.rootNode
    const file = newPyFile({
      path: this.path,
      text: this.text,
      exactText,
      kind,
      imports: this.imports,
      syntaxErrors: this.syntaxErrors(tree),
      lineStarts: this.lineStarts
    })
    const stmts = [...this.statements(root, true)]
    // Imports and mark variables first: decorators can use names bound further down only at
    // run time, but imports at the bottom of a test module are rare and still bind at import.
    for (const s of stmts) {
      if (s.type === 'import_statement' || s.type === 'import_from_statement') {
        this.readImports(s)
        // web-tree-sitter hands out a new Node object per access: compare ids, not references.
        if (s.parent?.id === root.id) this.imports.insertAt = Math.max(this.imports.insertAt, this.lineEnd(s.endIndex))
      }
      if (s.type === 'future_import_statement' && s.parent?.id === root.id) {
        this.imports.insertAt = Math.max(this.imports.insertAt, this.lineEnd(s.endIndex))
      }
    }
    for (const s of stmts) {
      const asg = this.assignmentOf(s)
      if (asg && asg.left.type === 'identifier' && asg.left.text !== 'pytestmark') {
        const q = asg.right.type === 'call' ? this.qual(asg.right.childForFieldName('function')) : this.qual(asg.right)
        if (q && /^pytest\.mark\./.test(q)) this.markVars.set(asg.left.text, asg.right)
        if (q === 'contextvars.ContextVar') this.contextVars.add(asg.left.text)
      }
    }
    for (const s of stmts) {
      let target = s
      let dec: Node | null = null
      if (s.type === 'decorated_definition') {
        dec = s
        target = s.childForFieldName('definition') ?? s
      }
      if (target.type === 'function_definition') {
        const f = this.func(target, dec, undefined)
        file.functions.push(f)
        const fx = this.fixture(f, file, undefined)
        if (fx) file.fixtures.push(fx)
        else if (f.name.startsWith('pytest_')) file.hooks.set(f.name, f)
        if (!fx && kind === 'test' && this.collect.isTestFunction(f.name)) {
          file.tests.push({ name: f.name, func: f, file, nodeid: `${this.path}::${f.name}` })
        }
      } else if (target.type === 'class_definition') {
        const cls = this.classDef(target, dec, file, undefined, this.path)
        file.classes.push(cls)
      } else {
        const asg = this.assignmentOf(s)
        if (asg && asg.left.type === 'identifier') {
          if (asg.left.text === 'pytestmark') {
            const v = this.value(asg.right)
            file.pytestmark = { span: this.span(s), value: v }
            file.moduleMarks = this.marksOfPytestmark(v)
          } else if (asg.left.text === 'pytest_plugins') {
            const v = this.value(asg.right)
            const names = v.kind === 'str' ? [v.str ?? ''] : (v.items ?? []).map((i) => i.str ?? '').filter(Boolean)
            file.pytestPlugins = { names, span: this.span(s) }
          }
        }
      }
    }
    for (const name of ['pytest_collection_modifyitems', 'pytest_itemcollected']) {
      const hook = file.hooks.get(name)
      if (hook) file.hookMarks.push(...this.hookMarks(hook, name))
    }
    // Class-level fixtures and tests, including nested classes.
    const visit = (cls: PyClass): void => {
      file.fixtures.push(...cls.fixtures)
      if (kind === 'test' && cls.collected) {
        // Own methods first, then those inherited from base classes of this module (pytest
        // collects them on the subclass too), the first definition in MRO order winning.
        const seen = new Set<string>()
        const chain: PyClass[] = [cls]
        for (let i = 0; i < chain.length; i++) {
          for (const b of (chain[i] as PyClass).bases) {
            const base = b.kind === 'name' ? file.classes.find((c) => c.name === b.text) : undefined
            if (base && !chain.includes(base)) chain.push(base)
          }
        }
        for (const owner of chain) {
          for (const m of owner.methods) {
            if (seen.has(m.name)) continue
            seen.add(m.name)
            if (!this.collect.isTestFunction(m.name)) continue
            if (owner.fixtures.some((fx) => fx.func === m)) continue
            file.tests.push({ name: m.name, func: m, file, cls, nodeid: `${this.path}::${cls.qualName}::${m.name}` })
          }
        }
      }
      for (const inner of cls.classes) visit(inner)
    }
    for (const cls of file.classes) visit(cls)
    return file
  }
}

/** Calls whose arguments rules read: qualified names from these modules... */
const INTERESTING_ROOTS = /^(asyncio|anyio|trio|contextvars|pytest|pytest_asyncio|pytest_trio|hypothesis|sniffio|uvloop|request|loop|event_loop)(\.|$)/
/** ...and these method names on any receiver. */
const INTERESTING_METHODS = new Set([
  'add_marker', 'getfixturevalue', 'run_until_complete', 'run_forever', 'run', 'close', 'stop', 'set', 'reset', 'get',
  'start_soon', 'start', 'create_task', 'cancel', 'call_soon', 'call_later', 'run_in_executor', 'set_event_loop',
  'get_event_loop', 'new_event_loop', 'get_running_loop', 'fail_after', 'move_on_after', 'open_nursery', 'create_task_group', 'parametrize', 'param'
])

function emptyFacts(): FunctionFacts {
  return { calls: [], yields: [], assigned: new Set(), hasAwait: false, methodCalls: [] }
}

function identifiersIn(n: Node): string[] {
  if (n.type === 'identifier') return [n.text]
  const out: string[] = []
  for (const c of n.namedChildren) if (c) out.push(...identifiersIn(c))
  return out
}

function decodeEscape(s: string): string {
  switch (s) {
    case '\\n':
      return '\n'
    case '\\t':
      return '\t'
    case '\\\\':
      return '\\'
    case "\\'":
      return "'"
    case '\\"':
      return '"'
    default:
      return s
  }
}

export function extractFile(
  path: string,
  text: string,
  tree: Tree,
  kind: FileKind,
  exactText = true,
  collect: CollectRules = DEFAULT_COLLECT
): PyFile {
  return new Extractor(path, text, collect).file(tree, kind, exactText)
}

/** All test functions and fixtures of a file as a flat list of functions (for rules that walk bodies). */
export function allFunctions(file: PyFile): PyFunction[] {
  const out = [...file.functions]
  const visit = (c: PyClass): void => {
    out.push(...c.methods)
    c.classes.forEach(visit)
  }
  file.classes.forEach(visit)
  return out
}

export type { FixtureDef, TestFunc, YieldFact }
