/**
 * Building minimal text edits on Python source that keep the user's formatting: quote style,
 * trailing commas, one-per-line argument layouts, decorator style and import style.
 */
import type { TextEdit } from '../rules/types.js'
import type { PyFile, PyFunction, Value } from '../model/types.js'
import { pushTo } from '../util/multimap.js'

/** The quote character the file prefers for string literals (the first one it uses), default `"`. */
export function preferredQuote(file: PyFile, near?: Value): string {
  const fromValue = (v: Value | undefined): string | undefined => {
    if (!v) return undefined
    if (v.kind === 'str' && v.quote && v.quote.length === 1) return v.quote
    for (const i of v.items ?? []) {
      const q = fromValue(i)
      if (q) return q
    }
    for (const i of v.kwargs?.values() ?? []) {
      const q = fromValue(i)
      if (q) return q
    }
    return undefined
  }
  const q = fromValue(near)
  if (q) return q
  let fileQuote = fileQuotes.get(file)
  if (fileQuote === undefined) {
    fileQuote = /(^|[=([,\s])(["'])[A-Za-z_]/m.exec(file.text)?.[2] ?? '"'
    fileQuotes.set(file, fileQuote)
  }
  return fileQuote
}

const fileQuotes = new WeakMap<PyFile, string>()

export function pyString(s: string, quote: string): string {
  return `${quote}${s}${quote}`
}

/** Replace the text of a value (e.g. a kwarg's value) keeping its quote style for strings. */
export function replaceValue(file: PyFile, v: Value, newStr: string): TextEdit {
  const q = v.kind === 'str' && v.quote && v.quote.length === 1 ? v.quote : preferredQuote(file)
  return { path: file.path, start: v.span.start, end: v.span.end, text: pyString(newStr, q) }
}

/**
 * Add `key=valueText` to a call's arguments (or replace the value when the key is present),
 * following the call's layout: inline calls get `, key=value`; calls with one argument per line
 * get a new line with the same indentation and the trailing-comma style.
 */
export function setKwarg(file: PyFile, call: Value, key: string, valueText: string): TextEdit {
  const existing = call.kwargs?.get(key)
  if (existing) return { path: file.path, start: existing.span.start, end: existing.span.end, text: valueText }
  const args = call.argList
  if (!args) {
    // A bare name/attribute: make it a call.
    return { path: file.path, start: call.span.end, end: call.span.end, text: `(${key}=${valueText})` }
  }
  const inner = file.text.slice(args.start + 1, args.end - 1)
  const all = [...(call.items ?? []), ...(call.kwargs?.values() ?? [])].sort((a, b) => a.span.start - b.span.start)
  const last = all[all.length - 1]
  if (!last || inner.trim() === '') {
    return { path: file.path, start: args.start + 1, end: args.end - 1, text: `${key}=${valueText}` }
  }
  // Where the last argument ends (for kwargs the value's end is the argument's end).
  const lastEnd = last.span.end
  const after = file.text.slice(lastEnd, args.end - 1)
  const trailingComma = /^\s*,/.test(after)
  const multiline = inner.includes('\n') && /\n\s*$/.test(after.replace(/^\s*,/, ''))
  if (multiline) {
    // Indentation of the last argument's line.
    const lineStart = file.text.lastIndexOf('\n', last.span.start - 1) + 1
    const lastLineIndent = /^[ \t]*/.exec(file.text.slice(lineStart))?.[0] ?? '    '
    // For a kwarg the span is its value; step back to the start of `key=` for indentation, same line.
    const insertAt = trailingComma ? lastEnd + (after.indexOf(',') + 1) : lastEnd
    const text = trailingComma ? `\n${lastLineIndent}${key}=${valueText},` : `,\n${lastLineIndent}${key}=${valueText}`
    return { path: file.path, start: insertAt, end: insertAt, text }
  }
  return { path: file.path, start: lastEnd, end: lastEnd, text: `, ${key}=${valueText}` }
}

/** Remove a keyword argument (with its separating comma). */
export function removeKwarg(file: PyFile, call: Value, key: string): TextEdit | null {
  const v = call.kwargs?.get(key)
  if (!v || !call.argList) return null
  // Find `key` before the value.
  const keyStart = file.text.lastIndexOf(key, v.span.start)
  if (keyStart < 0) return null
  let start = keyStart
  let end = v.span.end
  const before = file.text.slice(call.argList.start + 1, start)
  const after = file.text.slice(end, call.argList.end - 1)
  const commaAfter = /^\s*,\s*/.exec(after)
  if (commaAfter) end += commaAfter[0].length
  else {
    const m = /,\s*$/.exec(before)
    if (m) start -= m[0].length
  }
  return { path: file.path, start, end, text: '' }
}

/** The local spelling of a module-level name (`pytest`, `pytest_asyncio`) in a file, if imported. */
export function localName(file: PyFile, qualified: string): string | undefined {
  for (const [local, q] of file.imports.names) if (q === qualified) return local
  return undefined
}

/**
 * How to write `pytest.mark` in this file, plus an import edit when the file has none. Prefers
 * `pytest.mark` when `pytest` is imported, then a `from pytest import mark` alias.
 */
export function markPrefix(file: PyFile): { prefix: string; importEdit?: TextEdit } {
  const py = localName(file, 'pytest')
  if (py) return { prefix: `${py}.mark` }
  const mark = localName(file, 'pytest.mark')
  if (mark) return { prefix: mark }
  return { prefix: 'pytest.mark', importEdit: importEdit(file, 'pytest') }
}

/**
 * `import <module>` where isort would put it: sorted into the block of its section (stdlib,
 * third-party, local), or a new block after the sections before it; at the top (after a module
 * docstring) when the file has no imports.
 */
export function importEdit(file: PyFile, module: string): TextEdit {
  return sortedImportEdit(file, module)
}

/** Insert a decorator line above a function's first decorator (or its def). */
export function insertDecorator(file: PyFile, fn: PyFunction, decoratorText: string): TextEdit {
  const lineStart = file.lineStarts[fn.anchor.line - 1] as number
  const eol = file.text.includes('\r\n') ? '\r\n' : '\n'
  return { path: file.path, start: lineStart, end: lineStart, text: `${fn.indent}@${decoratorText}${eol}` }
}

/** Replace the callee of a decorator (e.g. `pytest_asyncio.fixture` → `pytest.fixture`), keeping its arguments. */
export function replaceCallee(file: PyFile, v: Value, newCallee: string): TextEdit {
  const calleeEnd = v.argList ? v.argList.start : v.span.end
  return { path: file.path, start: v.span.start, end: calleeEnd, text: newCallee }
}

/** Whether an identifier is used in the file other than at the given spans (a cheap textual check). */
export function identifierUsedElsewhere(file: PyFile, ident: string, except: { start: number; end: number }[]): boolean {
  const re = new RegExp(`(?<![A-Za-z0-9_.])${ident.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_])`, 'g')
  let m: RegExpExecArray | null
  while ((m = re.exec(file.text))) {
    const at = m.index
    if (except.some((e) => at >= e.start && at < e.end)) continue
    // Skip the import statements themselves.
    const lineStart = file.text.lastIndexOf('\n', at - 1) + 1
    const line = file.text.slice(lineStart, file.text.indexOf('\n', at) < 0 ? undefined : file.text.indexOf('\n', at))
    if (/^\s*(import|from)\s/.test(line)) continue
    return true
  }
  return false
}

/**
 * Delete whole lines (1-based) with their line breaks, without leaving the blank lines around
 * them doubled: a block at the top of the file takes the blank lines after it, a block at the
 * end (or between two blank runs) the blank lines before it, and a file left with only blank
 * lines becomes empty. One edit per run of deleted lines.
 */
export function deleteLines(file: PyFile, lines: Iterable<number>): TextEdit[] {
  const starts = file.lineStarts
  const n = starts.length
  const lineText = (l: number): string => file.text.slice(starts[l - 1] as number, l < n ? (starts[l] as number) : file.text.length)
  const blank = (l: number): boolean => /^\s*$/.test(lineText(l))
  const gone = new Set<number>()
  for (const l of lines) if (l >= 1 && l <= n) gone.add(l)
  if (!gone.size) return []
  const keptNonBlank = (from: number, to: number): boolean => {
    for (let l = from; l <= to; l++) if (!gone.has(l) && !blank(l)) return true
    return false
  }
  for (const first of [...gone].sort((a, b) => a - b)) {
    if (gone.has(first - 1)) continue
    let last = first
    while (gone.has(last + 1)) last++
    const atTop = !keptNonBlank(1, first - 1)
    const atEnd = !keptNonBlank(last + 1, n)
    let before = first - 1
    while (before >= 1 && !gone.has(before) && blank(before)) before--
    let after = last + 1
    while (after <= n && !gone.has(after) && blank(after)) after++
    const blanksBefore = first - 1 - before
    const blanksAfter = after - last - 1
    if (atTop) for (let l = last + 1; l < after; l++) gone.add(l)
    else if (atEnd || (blanksBefore > 0 && blanksAfter > 0)) for (let l = before + 1; l < first; l++) gone.add(l)
  }
  if (!keptNonBlank(1, n)) return [{ path: file.path, start: 0, end: file.text.length, text: '' }]
  const out: TextEdit[] = []
  const sorted = [...gone].sort((a, b) => a - b)
  for (let i = 0; i < sorted.length; ) {
    let j = i
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] as number) + 1) j++
    const a = sorted[i] as number
    const b = sorted[j] as number
    out.push({ path: file.path, start: starts[a - 1] as number, end: b < n ? (starts[b] as number) : file.text.length, text: '' })
    i = j + 1
  }
  return out
}

/** Remove one element of a list/tuple literal with its separating comma. */
export function removeListItem(file: PyFile, list: Value, item: Value): TextEdit {
  const items = list.items ?? []
  const i = items.indexOf(item)
  const next = items[i + 1]
  if (next) return { path: file.path, start: item.span.start, end: next.span.start, text: '' }
  const prev = items[i - 1]
  if (prev) return { path: file.path, start: prev.span.end, end: item.span.end, text: '' }
  return { path: file.path, start: item.span.start, end: item.span.end, text: '' }
}

/**
 * Add a module-level `pytestmark = pytest.mark.<markSuffix>` after the imports (importing pytest
 * where isort would put it when the file lacks it).
 */
export function addPytestmarkEdits(file: PyFile, markSuffix: string): TextEdit[] {
  const eol = file.text.includes('\r\n') ? '\r\n' : '\n'
  const { prefix, importEdit: imp } = markPrefix(file)
  const stmt = `pytestmark = ${prefix}.${markSuffix}`
  const at = file.imports.insertAt
  if (at > 0) {
    const edits: TextEdit[] = imp ? [sortedImportEdit(file, 'pytest')] : []
    edits.push({ path: file.path, start: at, end: at, text: `${eol}${eol}${stmt}` })
    return edits
  }
  // No imports: the import and the mark go together at the top (after a docstring).
  const top = importEdit(file, 'pytest')
  const importText = imp ? `import pytest${eol}${eol}` : ''
  return [{ path: file.path, start: top.start, end: top.start, text: `${importText}${stmt}${eol}${eol}${eol}` }]
}

// ---------------------------------------------------------------------------------------------
// Import blocks (isort's default layout: future, stdlib, third-party, first-party sections
// separated by blank lines; plain `import x` before `from x import y` within a section).

/** Top-level modules of the standard library that test suites commonly import. */
const STDLIB = new Set(
  'abc argparse array ast asyncio atexit base64 binascii bisect builtins bz2 calendar collections concurrent configparser contextlib contextvars copy csv ctypes dataclasses datetime decimal difflib dis email enum errno faulthandler fnmatch fractions functools gc getpass gettext glob gzip hashlib heapq hmac html http importlib inspect io ipaddress itertools json keyword linecache locale logging lzma math mimetypes multiprocessing numbers operator os pathlib pickle platform pprint queue random re reprlib resource secrets select selectors shlex shutil signal socket socketserver sqlite3 ssl stat statistics string struct subprocess sys sysconfig tempfile textwrap threading time timeit tomllib traceback types typing unicodedata unittest urllib uuid warnings weakref xml zipfile zlib zoneinfo'.split(' ')
)
/** Third-party modules Loopscope's fixes import or that suites import next to them. */
const THIRD_PARTY = /^(pytest\w*|_pytest|pluggy|anyio|trio|trio_asyncio|hypothesis|sniffio|uvloop|exceptiongroup|typing_extensions|attr|attrs|httpx|aiohttp|requests|pydantic|numpy|sqlalchemy|asyncpg|redis|starlette|fastapi|django|flask)$/

type ImportSection = 0 | 1 | 2 | 3

function sectionOf(module: string): ImportSection | null {
  if (module.startsWith('.')) return 3
  const top = module.split('.')[0] as string
  if (top === '__future__') return 0
  if (STDLIB.has(top)) return 1
  if (THIRD_PARTY.test(top)) return 2
  return null
}

export interface ImportEntry {
  /** The name as imported (`a.b` for `import a.b`, `x` for `from m import x`). */
  name: string
  /** The name it binds locally (alias, or the first component of `import a.b`). */
  local: string
  start: number
  end: number
}

export interface ImportStatement {
  kind: 'import' | 'from'
  module: string
  entries: ImportEntry[]
  /** Offset of the statement's line start. */
  lineStart: number
  /** End of the statement text (before its line break). */
  end: number
  /** Offset after the statement's last line break. */
  next: number
  /** Index of the blank-line separated block it belongs to. */
  block: number
  multiline: boolean
}

/** The top-level import statements at the head of a file (up to the first other statement). */
export function scanImports(text: string): ImportStatement[] {
  const out: ImportStatement[] = []
  let pos = 0
  let block = 0
  let sawBlank = false
  let first = true
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos)
    const lineEndIdx = nl < 0 ? text.length : nl
    const line = text.slice(pos, lineEndIdx).replace(/\r$/, '')
    const next = nl < 0 ? text.length : nl + 1
    if (line.trim() === '') {
      sawBlank = true
      pos = next
      continue
    }
    if (/^#/.test(line)) {
      pos = next
      continue
    }
    if (first && /^[rRuUbB]?("""|''')/.test(line)) {
      // Module docstring.
      const q = /("""|''')/.exec(line)![1] as string
      const open = pos + line.indexOf(q)
      const close = text.indexOf(q, open + 3)
      if (close < 0) break
      const e = text.indexOf('\n', close)
      pos = e < 0 ? text.length : e + 1
      first = false
      sawBlank = true
      continue
    }
    if (first && /^[rRuUbB]?["']/.test(line)) {
      pos = next
      first = false
      continue
    }
    first = false
    const m = /^(import|from)\s/.exec(line)
    if (!m) break
    // The statement's extent: parentheses or backslash continuations.
    let end = lineEndIdx
    let stmtNext = next
    let multiline = false
    if (/\(/.test(line) && !/\)/.test(line)) {
      const close = text.indexOf(')', pos)
      if (close < 0) break
      const e = text.indexOf('\n', close)
      end = e < 0 ? text.length : e
      stmtNext = e < 0 ? text.length : e + 1
      multiline = true
    } else {
      while (/\\\s*$/.test(text.slice(pos, end).replace(/\r$/, '')) && stmtNext < text.length) {
        const e = text.indexOf('\n', stmtNext)
        end = e < 0 ? text.length : e
        stmtNext = e < 0 ? text.length : e + 1
        multiline = true
      }
    }
    if (text.charCodeAt(end - 1) === 13) end--
    if (sawBlank && out.length) block++
    sawBlank = false
    const stmtText = text.slice(pos, end)
    const stmt = parseImportStatement(stmtText, pos)
    if (stmt) out.push({ ...stmt, lineStart: pos, end, next: stmtNext, block, multiline })
    pos = stmtNext
  }
  return out
}

function parseImportStatement(s: string, base: number): Pick<ImportStatement, 'kind' | 'module' | 'entries'> | null {
  // Strip a trailing comment (imports hold no strings).
  const code = s.replace(/#[^\n]*/g, (c) => ' '.repeat(c.length))
  const entries = (listStart: number, list: string): ImportEntry[] => {
    const out: ImportEntry[] = []
    const re = /([A-Za-z_][\w.]*)(\s+as\s+([A-Za-z_]\w*))?/g
    let m: RegExpExecArray | null
    while ((m = re.exec(list))) {
      const name = m[1] as string
      out.push({ name, local: m[3] ?? (name.split('.')[0] as string), start: base + listStart + m.index, end: base + listStart + m.index + m[0].length })
    }
    return out
  }
  let m = /^import\s+/.exec(code)
  if (m) {
    const list = code.slice(m[0].length)
    const es = entries(m[0].length, list)
    return es.length ? { kind: 'import', module: es[0]!.name, entries: es } : null
  }
  m = /^from\s+(\.*[\w.]*)\s+import\s+\(?/.exec(code)
  if (m) {
    const list = code.slice(m[0].length).replace(/\)\s*$/, '')
    return { kind: 'from', module: m[1] as string, entries: entries(m[0].length, list) }
  }
  return null
}

function blockSection(stmts: ImportStatement[]): ImportSection | null {
  for (const s of stmts) {
    const c = sectionOf(s.module)
    if (c !== null) return c
  }
  return null
}

function eolOf(file: PyFile): string {
  return file.text.includes('\r\n') ? '\r\n' : '\n'
}

/** isort's `order_by_type`: CONSTANTS, then Classes, then other names; case-insensitive within. */
function nameKey(n: string): string {
  const t = /^[A-Z0-9_]+$/.test(n) && n.length > 1 ? '0' : /^[A-Z]/.test(n) ? '1' : '2'
  return `${t}${n.toLowerCase()}`
}

/**
 * Insert one import statement where isort would put it: sorted into the block of its section,
 * or as a new block after the sections that come before it.
 */
function insertImportStatement(file: PyFile, kind: 'import' | 'from', module: string, stmtText: string): TextEdit {
  const eol = eolOf(file)
  const stmts = scanImports(file.text)
  if (!stmts.length) {
    // After a module docstring, if any.
    const doc = /^(\s*(#[^\n]*\n)*\s*)("""[\s\S]*?"""|'''[\s\S]*?''')[^\n]*\n/.exec(file.text)
    const at = doc ? doc[0].length : 0
    return { path: file.path, start: at, end: at, text: `${stmtText}${eol}${doc ? '' : eol}` }
  }
  const section = sectionOf(module) ?? 2
  const blocks: ImportStatement[][] = []
  for (const s of stmts) (blocks[s.block] ??= []).push(s)
  const same = blocks.find((b) => b && blockSection(b) === section)
  if (same) {
    const key = module.toLowerCase()
    for (const s of same) {
      const after = kind === 'import' ? s.kind === 'from' || s.module.toLowerCase() > key : s.kind === 'from' && s.module.toLowerCase() > key
      if (after) return { path: file.path, start: s.lineStart, end: s.lineStart, text: `${stmtText}${eol}` }
    }
    const last = same[same.length - 1] as ImportStatement
    return { path: file.path, start: last.end, end: last.end, text: `${eol}${stmtText}` }
  }
  const before = blocks.filter((b) => b && (blockSection(b) ?? 99) < section).pop()
  if (before) {
    const last = before[before.length - 1] as ImportStatement
    return { path: file.path, start: last.end, end: last.end, text: `${eol}${eol}${stmtText}` }
  }
  const firstStmt = stmts[0] as ImportStatement
  return { path: file.path, start: firstStmt.lineStart, end: firstStmt.lineStart, text: `${stmtText}${eol}${eol}` }
}

/** `import <module>` placed as isort would (see `importEdit`). */
export function sortedImportEdit(file: PyFile, module: string): TextEdit {
  return insertImportStatement(file, 'import', module, `import ${module}`)
}

/**
 * Make `from <module> import <names>` available: adds the missing names to an existing
 * single-statement `from <module> import ...` in sorted position, or adds the statement.
 * Returns no edit for names already imported.
 */
export function fromImportEdits(file: PyFile, module: string, names: string[]): TextEdit[] {
  const missing = names.filter((n) => file.imports.names.get(n) !== `${module}.${n}`)
  if (!missing.length) return []
  const stmt = scanImports(file.text).find((s) => s.kind === 'from' && s.module === module && s.entries.length)
  if (!stmt) {
    const sorted = [...missing].sort((a, b) => (nameKey(a) < nameKey(b) ? -1 : 1))
    return [insertImportStatement(file, 'from', module, `from ${module} import ${sorted.join(', ')}`)]
  }
  const edits: TextEdit[] = []
  const eol = eolOf(file)
  for (const n of [...missing].sort((a, b) => (nameKey(a) < nameKey(b) ? -1 : 1))) {
    const before = stmt.entries.find((e) => nameKey(n) < nameKey(e.name))
    if (before) {
      let sep = ', '
      if (stmt.multiline) {
        const ls = file.text.lastIndexOf('\n', before.start - 1) + 1
        const indent = file.text.slice(ls, before.start)
        if (/^[ \t]+$/.test(indent)) sep = `,${eol}${indent}`
      }
      edits.push({ path: file.path, start: before.start, end: before.start, text: `${n}${sep}` })
    } else {
      const last = stmt.entries[stmt.entries.length - 1] as ImportEntry
      edits.push({ path: file.path, start: last.end, end: last.end, text: `, ${n}` })
    }
  }
  // Two names going into one spot: one edit, in order.
  const merged = new Map<number, TextEdit>()
  for (const e of edits) {
    const m = merged.get(e.start)
    if (m) m.text += e.text
    else merged.set(e.start, { ...e })
  }
  return [...merged.values()]
}

/** Is `ident` used as a name in `text`, outside import statements (a cheap textual check)? */
export function usesName(text: string, ident: string): boolean {
  const re = new RegExp(`(?<![A-Za-z0-9_.])${ident.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_])`, 'g')
  const importRanges = scanImports(text).map((s) => [s.lineStart, s.next] as const)
  let m: RegExpExecArray | null
  while ((m = re.exec(text))) {
    const at = m.index
    if (importRanges.some(([a, b]) => at >= a && at < b)) continue
    const lineStart = text.lastIndexOf('\n', at - 1) + 1
    const lineEnd = text.indexOf('\n', at)
    const line = text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd)
    if (/^\s*(import|from)\s/.test(line)) continue
    if (/^\s*#/.test(line)) continue
    return true
  }
  return false
}

function applyText(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end)
  let out = text
  for (const e of sorted) out = out.slice(0, e.start) + e.text + out.slice(e.end)
  return out
}

/**
 * Edits removing the imports that `edits` leave unused: a name used in the file before the
 * edits and no longer after them. Whole statements go with their line (and the blank line that
 * separated a block that disappears); single names leave a one-line `from` import.
 */
export function pruneImportEdits(file: PyFile, edits: readonly TextEdit[]): TextEdit[] {
  const mine = edits.filter((e) => e.path === file.path)
  if (!mine.length) return []
  const after = applyText(file.text, mine)
  const stmts = scanImports(file.text)
  const touched = (a: number, b: number): boolean => mine.some((e) => e.start < b && a < e.end)
  const dead = new Map<ImportStatement, ImportEntry[]>()
  const cache = new Map<string, boolean>()
  for (const s of stmts) {
    if (touched(s.lineStart, s.next)) continue
    for (const e of s.entries) {
      let gone = cache.get(e.local)
      if (gone === undefined) {
        gone = usesName(file.text, e.local) && !usesName(after, e.local)
        cache.set(e.local, gone)
      }
      if (gone) pushTo(dead, s, e)
    }
  }
  if (!dead.size) return []
  const out: TextEdit[] = []
  const whole = (s: ImportStatement): boolean => (dead.get(s)?.length ?? 0) === s.entries.length
  const blocks = new Map<number, ImportStatement[]>()
  for (const s of stmts) pushTo(blocks, s.block, s)
  const isBlankLineAt = (at: number): number => {
    // Length of the blank line starting at `at`, or 0.
    const m = /^[ \t]*\r?\n/.exec(file.text.slice(at))
    return m ? m[0].length : 0
  }
  for (const block of blocks.values()) {
    if (block.every(whole)) {
      const start = (block[0] as ImportStatement).lineStart
      let end = (block[block.length - 1] as ImportStatement).next
      const prevBlank = start === 0 || /\n[ \t]*\r?\n$/.test(file.text.slice(0, start)) || /^[ \t]*\r?\n$/.test(file.text.slice(0, start))
      const blank = isBlankLineAt(end)
      if (prevBlank && blank && !touched(end, end + blank)) end += blank
      out.push({ path: file.path, start, end, text: '' })
      continue
    }
    for (const s of block) {
      const gone = dead.get(s)
      if (!gone) continue
      if (whole(s)) {
        out.push({ path: file.path, start: s.lineStart, end: s.next, text: '' })
        continue
      }
      if (s.multiline) continue
      const keep = s.entries.filter((e) => !gone.includes(e))
      const first = s.entries[0] as ImportEntry
      const last = s.entries[s.entries.length - 1] as ImportEntry
      out.push({ path: file.path, start: first.start, end: last.end, text: keep.map((e) => file.text.slice(e.start, e.end)).join(', ') })
    }
  }
  return out
}

/**
 * Remove exactly the lines a statement occupies (it must start its first line and end its last),
 * leaving the blank lines around it as they are; `deleteLines` also tidies those.
 */
export function deleteLinesEdit(file: PyFile, span: { line: number; endLine: number }): TextEdit {
  const start = file.lineStarts[span.line - 1] as number
  const end = file.lineStarts[span.endLine] ?? file.text.length
  return { path: file.path, start, end, text: '' }
}

/** Is the text of a span alone on its lines (only whitespace around it, or a trailing comment)? */
export function aloneOnLines(file: PyFile, span: { start: number; end: number }): boolean {
  const ls = file.text.lastIndexOf('\n', span.start - 1) + 1
  const le = file.text.indexOf('\n', span.end)
  return /^[ \t]*$/.test(file.text.slice(ls, span.start)) && /^[ \t]*(#.*)?\r?$/.test(file.text.slice(span.end, le < 0 ? undefined : le))
}

/**
 * Remove a function definition with its decorators, the comment lines right above it and the
 * blank lines after it (before it, when it is the last thing in the file).
 */
export function removeFunctionEdit(file: PyFile, fn: PyFunction): TextEdit {
  const text = file.text
  let start = file.lineStarts[fn.anchor.line - 1] as number
  // Comment lines directly above belong to it.
  for (;;) {
    if (start === 0) break
    const prevStart = text.lastIndexOf('\n', start - 2) + 1
    if (!/^[ \t]*#/.test(text.slice(prevStart, start))) break
    start = prevStart
  }
  let end = fn.whole.end
  const nl = text.indexOf('\n', end)
  end = nl < 0 ? text.length : nl + 1
  let after = end
  for (;;) {
    const m = /^[ \t]*\r?\n/.exec(text.slice(after))
    if (!m) break
    after += m[0].length
  }
  if (after < text.length && !/^[ \t]*$/.test(text.slice(after))) return { path: file.path, start, end: after, text: '' }
  // Last definition in the file: take the blank lines before it instead.
  let before = start
  for (;;) {
    if (before === 0) break
    const prevStart = text.lastIndexOf('\n', before - 2) + 1
    if (!/^[ \t]*\r?\n$/.test(text.slice(prevStart, before))) break
    before = prevStart
  }
  return { path: file.path, start: before, end: text.length, text: '' }
}

/** Remove one parameter from a function's signature, with its separating comma. */
export function removeParamEdit(file: PyFile, fn: PyFunction, name: string): TextEdit | null {
  const i = fn.params.findIndex((p) => p.name === name)
  if (i < 0) return null
  const p = fn.params[i] as PyFunction['params'][number]
  const next = fn.params[i + 1]
  const prev = fn.params[i - 1]
  if (next) return { path: file.path, start: p.span.start, end: next.span.start, text: '' }
  if (prev) return { path: file.path, start: prev.span.end, end: p.span.end, text: '' }
  // The only parameter: also drop a trailing comma.
  const m = /^\s*,/.exec(file.text.slice(p.span.end))
  return { path: file.path, start: p.span.start, end: p.span.end + (m ? m[0].length : 0), text: '' }
}

/**
 * Add a parameter to a function's signature: after the last plain parameter (before any with a
 * default, `*`, `*args`, keyword-only ones or `**kwargs`), following a one-per-line layout and
 * its trailing comma. Null when the parameter list cannot be found.
 */
export function addParamEdit(file: PyFile, fn: PyFunction, name: string): TextEdit | null {
  const text = file.text
  const nameAt = text.indexOf(fn.name, fn.defSpan.start)
  const open = nameAt < 0 ? -1 : text.indexOf('(', nameAt + fn.name.length)
  if (open < 0 || open > fn.defSpan.end) return null
  let depth = 0
  let close = -1
  for (let i = open; i < fn.defSpan.end && close < 0; i++) {
    const c = text[i]
    if (c === '"' || c === "'") {
      const end = text.indexOf(c as string, i + 1)
      if (end < 0) return null
      i = end
    } else if (c === '(' || c === '[' || c === '{') depth++
    else if (c === ')' || c === ']' || c === '}') {
      depth--
      if (depth === 0) close = i
    }
  }
  if (close < 0) return null
  const params = fn.params
  const firstSpecial = params.find((p) => p.hasDefault || p.kind !== 'positional')
  const specialAt = firstSpecial ? firstSpecial.span.start : -1
  if (specialAt >= 0) {
    // `def f(a, *, b)` / `def f(a, b=1)`: the new parameter goes before the first special one.
    const lineStart = text.lastIndexOf('\n', specialAt - 1) + 1
    const own = /^[ \t]*$/.test(text.slice(lineStart, specialAt))
    const eol = text.includes('\r\n') ? '\r\n' : '\n'
    const sep = own ? `,${eol}${text.slice(lineStart, specialAt)}` : ', '
    return { path: file.path, start: specialAt, end: specialAt, text: `${name}${sep}` }
  }
  const plain = params.filter((p) => p.kind === 'positional' && !p.hasDefault)
  const last = plain[plain.length - 1]
  if (!last) return { path: file.path, start: open + 1, end: open + 1, text: name }
  const after = text.slice(last.span.end, close)
  const trailingComma = /^\s*,/.test(after)
  const multiline = /\n\s*$/.test(after.replace(/^\s*,/, '')) && text.slice(open + 1, close).includes('\n')
  if (multiline) {
    const lineStart = text.lastIndexOf('\n', last.span.start - 1) + 1
    const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '    '
    const eol = text.includes('\r\n') ? '\r\n' : '\n'
    const at = trailingComma ? last.span.end + (after.indexOf(',') + 1) : last.span.end
    return { path: file.path, start: at, end: at, text: trailingComma ? `${eol}${indent}${name},` : `,${eol}${indent}${name}` }
  }
  return { path: file.path, start: last.span.end, end: last.span.end, text: `, ${name}` }
}
