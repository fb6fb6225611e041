/**
 * Finding and reading the pytest configuration exactly as pytest does, without running anything.
 *
 * What pytest does (read in `_pytest/config/findpaths.py` at 9.x and `reference/customize.rst`):
 * - From the common ancestor of the arguments upwards, in each directory it tries, in this order,
 *   `pytest.toml`, `.pytest.toml`, `pytest.ini`, `.pytest.ini`, `pyproject.toml`, `tox.ini`,
 *   `setup.cfg`; the first file that "matches" is the config file and its directory the rootdir.
 *   Files are never merged. `pytest.toml`/`pytest.ini` (and the dotted twins) always match, even
 *   when empty; `pyproject.toml` matches with a `[tool.pytest]` (native TOML) or
 *   `[tool.pytest.ini_options]` (strings) table; `tox.ini` with `[pytest]`; `setup.cfg` with
 *   `[tool:pytest]`.
 * - When nothing matches, the nearest `pyproject.toml` seen on the way up is the config file anyway
 *   (pytest ≥ 8.1), with no options. Then `setup.py` upwards decides the rootdir; then each argument
 *   directory upwards is searched again; last, the common ancestor of the invocation directory and
 *   the arguments is the rootdir.
 * - `-o key=value` overrides ini values, but only when given on the command line (or in
 *   `PYTEST_ADDOPTS`): pytest reads the overrides before it prepends the ini file's own `addopts`
 *   (`Config.parse`: `determine_setup(..., override_ini=ns.override_ini)` runs before
 *   `self.getini("addopts")`), so an `-o` written inside `addopts` changes no ini value. We record
 *   such overrides (`AddoptsInfo.overrides`, `applied: false`) so a rule can point at them.
 *
 * INI files. pytest reads `.ini` and `.cfg` files with `iniconfig` (constructor form). Its rules,
 * which `parseIni` below follows line by line: `key = value` or `key: value` (`=` wins unless the
 * text before it contains `:`); an indented line continues the previous value (joined with "\n",
 * each line stripped); blank lines and lines whose first non-blank character is `#` or `;` are
 * skipped everywhere (they do not end a continuation); inline comments are NOT stripped from values
 * (`IniConfig(path)` keeps `strip_inline_comments=False`); keys are case-sensitive; a duplicate key
 * or section, an option before any section, an unexpected continuation or a line without `=`/`:`
 * is a parse error (pytest exits with a UsageError). The `ini` npm package was evaluated and does
 * not fit: no continuation lines, it strips inline comments, and it gives no positions; no other
 * npm INI reader reports positions either, which every rule anchor and fix needs. So this module
 * has its own small reader, tested in `__tests__/config.test.ts`.
 *
 * TOML files. Values come from `smol-toml` (a spec-compliant parser). It does not report
 * positions, so `scanToml` walks the text once with a small lexer that understands strings
 * (basic, literal, multi-line), comments, brackets and headers, and records each table header and
 * each `key = value` statement with its offsets; a value's position is that of the statement whose
 * table path plus key path equals the option's path. If the whole file does not parse, every
 * statement's value is parsed on its own, so a broken file still yields what can be read.
 *
 * addopts. pytest splits an ini-mode `addopts` string with Python's `shlex.split` (POSIX mode, no
 * comments). npm's `shell-quote` parses shell operators and expands `$VARS`, and `shlex` (node)
 * adds Bash `$'…'` quoting, so neither matches; `shlexSplit` below follows CPython's `shlex` state
 * machine (and also reports where each token sits in the file, for fixes).
 *
 * Globs. `python_files` and `norecursedirs` are `fnmatch` patterns (pytest's `fnmatch_ex`: against
 * the basename, or the whole path when the pattern has a `/`); `python_classes`/`python_functions`
 * are prefixes, or `fnmatch` patterns when they contain `*`, `?` or `[`. Matching uses `picomatch`
 * configured to fnmatch semantics (see `fnmatch`).
 */
import picomatch from 'picomatch'
import { parse as parseTomlText } from 'smol-toml'
import type { FileSource } from '../read/workspace.js'
import type { TextEdit } from '../rules/types.js'
import type { Span } from './types.js'
import { pushTo } from '../util/multimap.js'

// ---------------------------------------------------------------------------------------------
// Positions

/** Maps offsets to 1-based lines and columns for one text. */
export class LineIndex {
  private readonly starts: number[] = [0]
  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c === 10) this.starts.push(i + 1)
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++
        this.starts.push(i + 1)
      }
    }
  }
  /** 1-based line of an offset. */
  line(offset: number): number {
    let lo = 0
    let hi = this.starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if ((this.starts[mid] as number) <= offset) lo = mid
      else hi = mid - 1
    }
    return lo + 1
  }
  lineStart(line: number): number {
    return this.starts[line - 1] ?? this.text.length
  }
  get lineCount(): number {
    return this.starts.length
  }
  span(start: number, end: number): Span {
    const line = this.line(start)
    return {
      start,
      end,
      line,
      endLine: this.line(Math.max(start, end - 1)),
      col: start - this.lineStart(line) + 1
    }
  }
}

/** The offset just past the end of the line containing `offset` (after its line break). */
function afterLineBreak(text: string, offset: number): number {
  let i = offset
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++
  if (text[i] === '\r' && text[i + 1] === '\n') return i + 2
  if (i < text.length) return i + 1
  return i
}

function detectLineEnding(text: string): '\n' | '\r\n' {
  const i = text.indexOf('\n')
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n'
}

export interface ConfigProblem {
  path: string
  line: number
  message: string
}

// ---------------------------------------------------------------------------------------------
// INI (iniconfig semantics)

export interface IniEntry {
  key: string
  /** The value as iniconfig returns it: each line stripped, continuation lines joined by "\n". */
  value: string
  /** Key through the last non-blank character of the last continuation line. */
  span: Span
  keySpan: Span
  /** First to last character of the value (empty span right after the separator when empty). */
  valueSpan: Span
  separator: '=' | ':'
  /** Each value line's stripped text and its offset in the file, in order. */
  pieces: { text: string; start: number }[]
  /** Later definitions of the same key in the same section (an iniconfig parse error). */
  duplicates: Span[]
}

export interface IniSection {
  name: string
  /** The `[name]` header line, without its comment. */
  header: Span
  entries: IniEntry[]
}

export interface IniDocument {
  sections: IniSection[]
  problems: { line: number; message: string }[]
  lineEnding: '\n' | '\r\n'
}

interface RawLine {
  text: string
  start: number
}

function splitLines(text: string): RawLine[] {
  const out: RawLine[] = []
  const re = /\r\n|\n|\r/g
  let last = 0
  let m: RegExpExecArray | null
  while ((m = re.exec(text))) {
    out.push({ text: text.slice(last, m.index), start: last })
    last = m.index + m[0].length
  }
  if (last < text.length) out.push({ text: text.slice(last), start: last })
  return out
}

const isCommentLine = (line: string): boolean => /^\s*[#;]/.test(line)

/** Reads INI text the way pytest's `iniconfig.IniConfig(path)` does, keeping positions. */
export function parseIni(text: string): IniDocument {
  const idx = new LineIndex(text)
  const sections: IniSection[] = []
  const byName = new Map<string, IniSection>()
  const problems: { line: number; message: string }[] = []
  /** Later definitions of a key, per kept entry (their spans are final only at the end). */
  const dups = new Map<IniEntry, IniEntry[]>()
  let current: IniSection | null = null
  /** The entry a continuation line extends; null after a header, an error or at the start. */
  let last: IniEntry | null = null

  const continuation = (ln: RawLine, lineNo: number): void => {
    if (!last) {
      problems.push({ line: lineNo, message: 'unexpected value continuation' })
      return
    }
    const stripped = ln.text.trim()
    const start = ln.start + (ln.text.length - ln.text.trimStart().length)
    last.pieces.push({ text: stripped, start })
    last.value = last.pieces.map((p) => p.text).join('\n')
    const firstPiece = last.pieces[0] as { start: number }
    last.valueSpan = idx.span(firstPiece.start, start + stripped.length)
    last.span = idx.span(last.span.start, start + stripped.length)
  }

  splitLines(text).forEach((ln, i) => {
    const lineNo = i + 1
    if (isCommentLine(ln.text)) return
    const line = ln.text.replace(/\s+$/, '')
    if (!line) return
    if (line[0] === '[') {
      let body = line
      for (const c of ['#', ';']) body = (body.split(c)[0] as string).replace(/\s+$/, '')
      if (body.endsWith(']')) {
        const name = body.slice(1, -1)
        last = null
        if (!name) {
          problems.push({ line: lineNo, message: 'empty section name' })
          current = null
          return
        }
        const existing = byName.get(name)
        if (existing) {
          problems.push({ line: lineNo, message: `duplicate section '${name}'` })
          current = existing
          return
        }
        current = { name, header: idx.span(ln.start, ln.start + body.length), entries: [] }
        sections.push(current)
        byName.set(name, current)
        return
      }
      // Not a header: iniconfig takes the whole stripped line as a continuation.
      continuation(ln, lineNo)
      return
    }
    if (/\s/.test(line[0] as string)) {
      continuation(ln, lineNo)
      return
    }
    let sepAt = line.indexOf('=')
    let sep: '=' | ':' = '='
    if (sepAt < 0 || line.slice(0, sepAt).includes(':')) {
      sepAt = line.indexOf(':')
      sep = ':'
    }
    if (sepAt < 0) {
      problems.push({ line: lineNo, message: `unexpected line: '${line}'` })
      last = null
      return
    }
    const rawKey = line.slice(0, sepAt)
    const key = rawKey.trim()
    const rawValue = line.slice(sepAt + 1)
    const value = rawValue.trim()
    const keyStart = ln.start + (rawKey.length - rawKey.trimStart().length)
    const valueStart = ln.start + sepAt + 1 + (rawValue.length - rawValue.trimStart().length)
    const entry: IniEntry = {
      key,
      value,
      span: idx.span(keyStart, ln.start + line.length),
      keySpan: idx.span(keyStart, keyStart + key.length),
      valueSpan: idx.span(valueStart, valueStart + value.length),
      separator: sep,
      pieces: value ? [{ text: value, start: valueStart }] : [],
      duplicates: []
    }
    if (!current) {
      problems.push({ line: lineNo, message: 'no section header defined' })
      last = null
      return
    }
    last = entry
    const first: IniEntry | undefined = (current as IniSection).entries.find((e) => e.key === key)
    if (first) {
      problems.push({ line: lineNo, message: `duplicate name '${key}'` })
      pushTo(dups, first, entry)
      return
    }
    ;(current as IniSection).entries.push(entry)
  })

  for (const [entry, later] of dups) entry.duplicates = later.map((e) => e.span)
  return { sections, problems, lineEnding: detectLineEnding(text) }
}

// ---------------------------------------------------------------------------------------------
// TOML layout

export interface TomlHeader {
  kind: 'header'
  path: string[]
  array: boolean
  /** `[` through `]` / `]]`. */
  span: Span
}

export interface TomlKeyValue {
  kind: 'kv'
  /** Path of the table the statement is written in (the last header, `[]` before any). */
  table: string[]
  /** For statements under an array-of-tables header: which element (0-based), else -1. */
  arrayIndex: number
  /** The (possibly dotted) key as written, decoded. */
  keyPath: string[]
  /** Key through the end of the value (comments excluded). */
  span: Span
  keySpan: Span
  valueSpan: Span
  valueText: string
}

export type TomlStatement = TomlHeader | TomlKeyValue

export interface TomlLayout {
  statements: TomlStatement[]
  problems: { line: number; message: string }[]
}

const BARE_KEY = /[A-Za-z0-9_-]/

function decodeBasicString(s: string): string {
  return s.replace(/\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|x[0-9A-Fa-f]{2}|.)/g, (_m, e: string) => {
    switch (e[0]) {
      case 'n':
        return '\n'
      case 't':
        return '\t'
      case 'r':
        return '\r'
      case 'b':
        return '\b'
      case 'f':
        return '\f'
      case 'e':
        return '\x1b'
      case 'u':
      case 'U':
      case 'x':
        return String.fromCodePoint(parseInt(e.slice(1), 16))
      default:
        return e
    }
  })
}

const HEADER_LINE =
  /^\[\[?[ \t]*(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')(?:[ \t]*\.[ \t]*(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*'))*[ \t]*\]\]?[ \t]*(?:#.*)?$/
const KEY_LINE = /^[A-Za-z0-9_-]+[ \t]*=/

/**
 * Statement-level scan of TOML text: table headers and key/value statements with positions.
 * With `recover` (used when the text does not parse), an unclosed array or inline table ends
 * before the next line that starts, in column 1, with a table header or a `key =`.
 */
export function scanToml(text: string, opts: { recover?: boolean } = {}): TomlLayout {
  const idx = new LineIndex(text)
  const statements: TomlStatement[] = []
  const problems: { line: number; message: string }[] = []
  const n = text.length
  let pos = 0
  let table: string[] = []
  let arrayIndex = -1
  const arrayCounts = new Map<string, number>()

  const skipToEol = (p: number): number => {
    while (p < n && text[p] !== '\n' && text[p] !== '\r') p++
    return p
  }
  const skipWs = (p: number): number => {
    while (p < n && (text[p] === ' ' || text[p] === '\t')) p++
    return p
  }

  /** Parses a dotted key starting at p; returns null on a malformed key. */
  const parseKey = (p: number): { path: string[]; end: number } | null => {
    const path: string[] = []
    for (;;) {
      p = skipWs(p)
      const c = text[p]
      if (c === '"') {
        let q = p + 1
        while (q < n && text[q] !== '"' && text[q] !== '\n') q += text[q] === '\\' ? 2 : 1
        if (text[q] !== '"') return null
        path.push(decodeBasicString(text.slice(p + 1, q)))
        p = q + 1
      } else if (c === "'") {
        const q = text.indexOf("'", p + 1)
        const eol = skipToEol(p)
        if (q < 0 || q > eol) return null
        path.push(text.slice(p + 1, q))
        p = q + 1
      } else {
        const s = p
        while (p < n && BARE_KEY.test(text[p] as string)) p++
        if (p === s) return null
        path.push(text.slice(s, p))
      }
      const after = skipWs(p)
      if (text[after] === '.') {
        p = after + 1
        continue
      }
      return { path, end: p }
    }
  }

  /** Scans a value from p; returns the end of its last significant character and where to resume. */
  const scanValue = (p: number): { end: number; resume: number; error?: string } => {
    let depth = 0
    let lastSig = p
    let error: string | undefined
    while (p < n) {
      const c = text[p] as string
      if (c === '\n' || c === '\r') {
        if (depth === 0) break
        if (opts.recover) {
          const next = p + (c === '\r' && text[p + 1] === '\n' ? 2 : 1)
          const nextLine = text.slice(next, skipToEol(next))
          if (HEADER_LINE.test(nextLine) || KEY_LINE.test(nextLine)) {
            error = 'unterminated array or inline table'
            break
          }
        }
        p++
        continue
      }
      if (c === '#') {
        p = skipToEol(p)
        continue
      }
      if (c === ' ' || c === '\t' || (depth > 0 && c === ',')) {
        if (c === ',') lastSig = p + 1
        p++
        continue
      }
      if (text.startsWith('"""', p) || text.startsWith("'''", p)) {
        const delim = text.slice(p, p + 3)
        let q = p + 3
        let closed = -1
        while (q < n) {
          if (delim === '"""' && text[q] === '\\') {
            q += 2
            continue
          }
          if (text.startsWith(delim, q)) {
            closed = q
            break
          }
          q++
        }
        if (closed < 0) {
          error = 'unterminated multi-line string'
          p = n
          lastSig = n
          break
        }
        let end = closed + 3
        let extra = 0
        while (extra < 2 && text[end] === delim[0]) {
          end++
          extra++
        }
        p = end
        lastSig = end
        continue
      }
      if (c === '"' || c === "'") {
        let q = p + 1
        while (q < n && text[q] !== c && text[q] !== '\n' && text[q] !== '\r')
          q += c === '"' && text[q] === '\\' ? 2 : 1
        if (text[q] === c) {
          p = q + 1
        } else {
          error = 'unterminated string'
          p = q
        }
        lastSig = p
        continue
      }
      if (c === '[' || c === '{') depth++
      else if (c === ']' || c === '}') depth = Math.max(0, depth - 1)
      p++
      lastSig = p
    }
    if (depth > 0 && !error) error = 'unterminated array or inline table'
    return error ? { end: lastSig, resume: p, error } : { end: lastSig, resume: p }
  }

  while (pos < n) {
    pos = skipWs(pos)
    if (pos >= n) break
    const c = text[pos]
    if (c === '\n' || c === '\r') {
      pos++
      continue
    }
    if (c === '#') {
      pos = skipToEol(pos)
      continue
    }
    const line = idx.line(pos)
    if (c === '[') {
      const array = text[pos + 1] === '['
      const key = parseKey(pos + (array ? 2 : 1))
      let end = key ? skipWs(key.end) : -1
      const close = array ? ']]' : ']'
      if (!key || !text.startsWith(close, end)) {
        problems.push({ line, message: 'malformed table header' })
        pos = skipToEol(pos)
        continue
      }
      end += close.length
      statements.push({ kind: 'header', path: key.path, array, span: idx.span(pos, end) })
      table = key.path
      if (array) {
        const k = key.path.join('\u0000')
        arrayIndex = arrayCounts.get(k) ?? 0
        arrayCounts.set(k, arrayIndex + 1)
      } else {
        arrayIndex = -1
      }
      pos = skipToEol(end)
      continue
    }
    const key = parseKey(pos)
    const eq = key ? skipWs(key.end) : -1
    if (!key || text[eq] !== '=') {
      problems.push({ line, message: 'expected a key = value statement' })
      pos = skipToEol(pos)
      continue
    }
    const vStart = skipWs(eq + 1)
    const v = scanValue(vStart)
    if (v.error) problems.push({ line, message: v.error })
    if (v.end === vStart) problems.push({ line, message: 'missing value' })
    statements.push({
      kind: 'kv',
      table,
      arrayIndex,
      keyPath: key.path,
      span: idx.span(pos, Math.max(v.end, eq + 1)),
      keySpan: idx.span(pos, key.end),
      valueSpan: idx.span(vStart, v.end),
      valueText: text.slice(vStart, v.end)
    })
    pos = v.resume
  }
  return { statements, problems }
}

/** Parses one TOML value on its own (used when the whole document does not parse). */
export function parseTomlValue(valueText: string): { ok: true; value: unknown } | { ok: false } {
  try {
    const doc = parseTomlText(`v = ${valueText}\n`) as Record<string, unknown>
    return { ok: true, value: doc.v }
  } catch {
    return { ok: false }
  }
}

export interface TomlDocument {
  /** The parsed document, or null when the text is not valid TOML. */
  data: Record<string, unknown> | null
  layout: TomlLayout
  problems: { line: number; message: string }[]
}

/** Parses TOML text with smol-toml and scans its layout; never throws. */
export function readToml(text: string): TomlDocument {
  const problems: { line: number; message: string }[] = []
  let data: Record<string, unknown> | null = null
  try {
    data = parseTomlText(text) as Record<string, unknown>
  } catch (e) {
    const err = e as { line?: number; message?: string }
    const msg = (err.message ?? String(e)).split('\n')[0] ?? 'invalid TOML'
    problems.push({ line: typeof err.line === 'number' ? err.line : 1, message: msg })
  }
  const layout = scanToml(text, { recover: data === null })
  return { data, layout, problems }
}

/**
 * Decoded string literals inside a TOML value text (e.g. an array of requirements), with offsets;
 * `inTable` marks strings inside an inline table (`{include-group = "x"}`).
 */
export function tomlStringItems(
  valueText: string,
  valueStart: number
): { value: string; start: number; end: number; inTable: boolean }[] {
  const out: { value: string; start: number; end: number; inTable: boolean }[] = []
  let p = 0
  let braces = 0
  const n = valueText.length
  while (p < n) {
    const c = valueText[p] as string
    if (c === '{') braces++
    else if (c === '}') braces = Math.max(0, braces - 1)
    if (c === '#') {
      while (p < n && valueText[p] !== '\n') p++
      continue
    }
    if (valueText.startsWith('"""', p) || valueText.startsWith("'''", p)) {
      const delim = valueText.slice(p, p + 3)
      let q = p + 3
      while (q < n && !valueText.startsWith(delim, q))
        q += delim === '"""' && valueText[q] === '\\' ? 2 : 1
      let body = valueText.slice(p + 3, q)
      if (body.startsWith('\n')) body = body.slice(1)
      else if (body.startsWith('\r\n')) body = body.slice(2)
      out.push({
        value: delim === '"""' ? decodeBasicString(body) : body,
        start: valueStart + p,
        end: valueStart + q + 3,
        inTable: braces > 0
      })
      p = q + 3
      continue
    }
    if (c === '"' || c === "'") {
      let q = p + 1
      while (q < n && valueText[q] !== c && valueText[q] !== '\n')
        q += c === '"' && valueText[q] === '\\' ? 2 : 1
      const body = valueText.slice(p + 1, q)
      out.push({
        value: c === '"' ? decodeBasicString(body) : body,
        start: valueStart + p,
        end: valueStart + q + 1,
        inTable: braces > 0
      })
      p = q + 1
      continue
    }
    p++
  }
  return out
}

/** Walks a parsed TOML document along a key path. */
export function tomlGet(data: unknown, path: readonly string[]): unknown {
  let cur: unknown = data
  for (const k of path) {
    if (!cur || typeof cur !== 'object' || Array.isArray(cur)) return undefined
    cur = (cur as Record<string, unknown>)[k]
  }
  return cur
}

const samePath = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i])

// ---------------------------------------------------------------------------------------------
// The pytest configuration

export type ConfigFileName =
  | 'pytest.toml'
  | '.pytest.toml'
  | 'pytest.ini'
  | '.pytest.ini'
  | 'pyproject.toml'
  | 'tox.ini'
  | 'setup.cfg'

/** pytest's order of config file names within one directory. */
export const CONFIG_NAMES: readonly ConfigFileName[] = [
  'pytest.toml',
  '.pytest.toml',
  'pytest.ini',
  '.pytest.ini',
  'pyproject.toml',
  'tox.ini',
  'setup.cfg'
]

/** `ini`: values are strings (or lists of strings); `toml`: native TOML values (pytest ≥ 9). */
export type ValueMode = 'ini' | 'toml'

export interface ConfigOption {
  key: string
  /**
   * The value pytest receives. Ini mode: a string (continuation lines joined with "\n") or, for a
   * TOML array under `[tool.pytest.ini_options]`, the array; other TOML scalars there are turned
   * into strings as pytest does (`str(v)`: `True`, `1`). Toml mode: the native TOML value.
   */
  value: unknown
  mode: ValueMode
  /** The whole option: key through the end of its value (INI: last continuation line). */
  span: Span
  keySpan: Span
  /** The value text (TOML: with its quotes or brackets; INI: first to last value character). */
  valueSpan: Span
  /** Quote style of a TOML string value; null otherwise (INI values are unquoted). */
  quote: '"' | "'" | '"""' | "'''" | null
  /** Later definitions of the same key; pytest refuses such a file (duplicate name / key). */
  duplicates: Span[]
  /**
   * Where the characters of the value sit in the file, as pieces: INI → one piece per value line
   * (the value is the pieces joined with "\n"); a TOML string without escapes → one piece; a TOML
   * array → one piece per plain string item. Empty when unknown.
   */
  pieces: { text: string; start: number }[]
  /** TOML only: the key path as written relative to its table (e.g. `["ini_options", "x"]`). */
  writtenKeyPath?: string[]
}

export interface ConfigSection {
  /** `pytest`, `tool:pytest`, `tool.pytest.ini_options`, `tool.pytest`. */
  name: string
  /** The header line (`[pytest]`); null when a TOML table exists only through dotted keys. */
  header: Span | null
  /** For TOML: the table path, e.g. `["tool", "pytest", "ini_options"]`. */
  tablePath?: string[]
}

export type RootdirReason = 'configfile' | 'pyproject-fallback' | 'setup.py' | 'ancestor'

export interface PytestConfig {
  /** The config file pytest would use (relative to the analysis root), or null. */
  path: string | null
  name: ConfigFileName | null
  syntax: 'ini' | 'toml' | null
  mode: ValueMode
  /** The directory of the config file ('' = the analysis root). */
  rootdir: string
  rootdirReason: RootdirReason
  /** The pytest section or table; null when the file has none (empty pytest.ini, fallback pyproject). */
  section: ConfigSection | null
  options: Map<string, ConfigOption>
  /** The config file's text (null when there is no file). */
  text: string | null
  lineEnding: '\n' | '\r\n'
  /** Parse errors and pytest usage errors found while reading; reading never throws. */
  problems: ConfigProblem[]
  /**
   * The chosen file does not parse (pytest stops with a usage error before collecting). Fixes that
   * edit it are withheld (RuleContext.report): what the rest of the file means is a guess.
   */
  unparsable: boolean
  /** Files in the rootdir that also hold pytest configuration but are ignored (pytest ≥ 9 warns). */
  ignoredFiles: string[]
  /** The common ancestor of the start directories. */
  ancestor: string
  /**
   * The oldest pytest that reads this configuration as described: `9.0` for `pytest.toml`,
   * `.pytest.toml` and a native `[tool.pytest]` table, `8.1` for a pyproject.toml taken without
   * a pytest table; null otherwise. Older pytest versions skip it (see FindConfigOptions).
   */
  minPytest: string | null
}

const joinPath = (dir: string, name: string): string => (dir ? `${dir}/${name}` : name)
const dirOf = (p: string): string => {
  const i = p.lastIndexOf('/')
  return i < 0 ? '' : p.slice(0, i)
}
const normDir = (d: string): string => {
  const parts: string[] = []
  for (const seg of d.replace(/\\/g, '/').split('/')) {
    if (!seg || seg === '.') continue
    if (seg === '..') parts.pop()
    else parts.push(seg)
  }
  return parts.join('/')
}

/** Common ancestor of relative directories ('' is the root). */
export function commonAncestor(dirs: readonly string[]): string {
  if (!dirs.length) return ''
  let parts = normDir(dirs[0] as string)
    .split('/')
    .filter(Boolean)
  for (const d of dirs.slice(1)) {
    const other = normDir(d).split('/').filter(Boolean)
    let i = 0
    while (i < parts.length && i < other.length && parts[i] === other[i]) i++
    parts = parts.slice(0, i)
  }
  return parts.join('/')
}

/** `dir`, its parent, …, up to '' (never above the analysis root). */
function upwards(dir: string): string[] {
  const out: string[] = []
  let d = dir
  for (;;) {
    out.push(d)
    if (!d) break
    d = dirOf(d)
  }
  return out
}

interface Candidate {
  matched: boolean
  cfg: PytestConfig
}

function emptyConfig(rootdir: string, ancestor: string, reason: RootdirReason): PytestConfig {
  return {
    path: null,
    name: null,
    syntax: null,
    mode: 'ini',
    rootdir,
    rootdirReason: reason,
    section: null,
    options: new Map(),
    text: null,
    lineEnding: '\n',
    problems: [],
    unparsable: false,
    ignoredFiles: [],
    ancestor,
    minPytest: null
  }
}

function toProblems(path: string, ps: { line: number; message: string }[]): ConfigProblem[] {
  return ps.map((p) => ({ path, line: p.line, message: p.message }))
}

function loadIniCandidate(
  path: string,
  name: ConfigFileName,
  text: string,
  base: PytestConfig
): Candidate {
  const doc = parseIni(text)
  const cfg: PytestConfig = {
    ...base,
    path,
    name,
    syntax: 'ini',
    mode: 'ini',
    text,
    lineEnding: doc.lineEnding,
    problems: toProblems(path, doc.problems),
    unparsable: doc.problems.length > 0
  }
  const take = (sectionName: string): boolean => {
    const s = doc.sections.find((x) => x.name === sectionName)
    if (!s) return false
    cfg.section = { name: sectionName, header: s.header }
    for (const e of s.entries)
      cfg.options.set(e.key, {
        key: e.key,
        value: e.value,
        mode: 'ini',
        span: e.span,
        keySpan: e.keySpan,
        valueSpan: e.valueSpan,
        quote: null,
        duplicates: e.duplicates,
        pieces: e.pieces
      })
    return true
  }
  if (name === 'setup.cfg') {
    if (take('tool:pytest')) return { matched: true, cfg }
    const plain = doc.sections.find((x) => x.name === 'pytest')
    if (plain)
      cfg.problems.push({
        path,
        line: plain.header.line,
        message:
          '[pytest] section in setup.cfg files is no longer supported, change to [tool:pytest] instead.'
      })
    return { matched: false, cfg }
  }
  if (take('pytest')) return { matched: true, cfg }
  // pytest.ini / .pytest.ini always match, even when empty or without [pytest].
  return { matched: name === 'pytest.ini' || name === '.pytest.ini', cfg }
}

function tomlQuote(valueText: string): ConfigOption['quote'] {
  if (valueText.startsWith('"""')) return '"""'
  if (valueText.startsWith("'''")) return "'''"
  if (valueText.startsWith('"')) return '"'
  if (valueText.startsWith("'")) return "'"
  return null
}

/** Pieces mapping a TOML value's characters to the file (see ConfigOption.pieces). */
function tomlPieces(stmt: TomlKeyValue): { text: string; start: number }[] {
  const t = stmt.valueText
  const start = stmt.valueSpan.start
  const q = tomlQuote(t)
  if (q === "'" || (q === '"' && !t.includes('\\'))) {
    return [{ text: t.slice(1, -1), start: start + 1 }]
  }
  if (t.startsWith('[')) {
    return tomlStringItems(t, start)
      .filter((it) => {
        const raw = text(it)
        return raw.startsWith("'")
          ? !raw.startsWith("'''")
          : !raw.includes('\\') && !raw.startsWith('"""')
      })
      .map((it) => ({ text: it.value, start: it.start + 1 }))
  }
  return []
  function text(it: { start: number; end: number }): string {
    return t.slice(it.start - start, it.end - start)
  }
}

/** Python's str() of a TOML scalar, as pytest's ini mode applies to `[tool.pytest.ini_options]`. */
function pyStr(v: unknown): string {
  if (typeof v === 'boolean') return v ? 'True' : 'False'
  if (typeof v === 'number') return String(v)
  if (v instanceof Date) return v.toISOString()
  if (v && typeof v === 'object') return JSON.stringify(v)
  return String(v)
}

function loadTomlCandidate(
  path: string,
  name: ConfigFileName,
  text: string,
  base: PytestConfig,
  native9: boolean
): Candidate {
  const doc = readToml(text)
  const cfg: PytestConfig = {
    ...base,
    path,
    name,
    syntax: 'toml',
    mode: 'toml',
    text,
    lineEnding: detectLineEnding(text),
    problems: toProblems(path, doc.problems),
    unparsable: doc.problems.length > 0
  }
  const kvs = doc.layout.statements.filter((s): s is TomlKeyValue => s.kind === 'kv')
  const headers = doc.layout.statements.filter((s): s is TomlHeader => s.kind === 'header')

  /** Every key directly in table `tp`, from the parsed data or statement by statement. */
  const readTable = (tp: string[], mode: ValueMode): Map<string, ConfigOption> => {
    const out = new Map<string, ConfigOption>()
    const tableData = doc.data ? tomlGet(doc.data, tp) : undefined
    for (const s of kvs) {
      const full = [...s.table, ...s.keyPath]
      if (full.length !== tp.length + 1 || !samePath(full.slice(0, tp.length), tp)) continue
      const key = full[full.length - 1] as string
      const prior = out.get(key)
      if (prior) {
        prior.duplicates.push(s.span)
        continue
      }
      let value: unknown
      if (tableData && typeof tableData === 'object')
        value = (tableData as Record<string, unknown>)[key]
      else {
        const v = parseTomlValue(s.valueText)
        if (!v.ok) {
          cfg.problems.push({
            path,
            line: s.span.line,
            message: `could not read the value of '${key}'`
          })
          continue
        }
        value = v.value
      }
      if (mode === 'ini' && !Array.isArray(value)) value = pyStr(value)
      out.set(key, {
        key,
        value,
        mode,
        span: s.span,
        keySpan: s.keySpan,
        valueSpan: s.valueSpan,
        quote: tomlQuote(s.valueText),
        duplicates: [],
        pieces: tomlPieces(s),
        writtenKeyPath: s.keyPath
      })
    }
    // Keys defined inside an inline table (`ini_options = { … }`): values without own positions.
    if (tableData && typeof tableData === 'object' && !Array.isArray(tableData)) {
      const holder = kvs.find((s) => {
        const full = [...s.table, ...s.keyPath]
        return samePath(full, tp)
      })
      for (const [k, v] of Object.entries(tableData as Record<string, unknown>)) {
        if (out.has(k) || !holder) continue
        out.set(k, {
          key: k,
          value: mode === 'ini' && !Array.isArray(v) ? pyStr(v) : v,
          mode,
          span: holder.span,
          keySpan: holder.keySpan,
          valueSpan: holder.valueSpan,
          quote: null,
          duplicates: [],
          pieces: []
        })
      }
    }
    return out
  }

  /** Is table `tp` present (header, dotted keys under it, or as a value)? */
  const tablePresent = (tp: string[]): boolean => {
    if (doc.data) {
      const v = tomlGet(doc.data, tp)
      return v !== undefined && typeof v === 'object' && v !== null && !Array.isArray(v)
    }
    return (
      headers.some((h) => samePath(h.path, tp)) ||
      kvs.some((s) => {
        const full = [...s.table, ...s.keyPath]
        return full.length > tp.length && samePath(full.slice(0, tp.length), tp)
      })
    )
  }

  const setSection = (tp: string[], mode: ValueMode): void => {
    const header = headers.find((h) => !h.array && samePath(h.path, tp))
    cfg.section = { name: tp.join('.'), header: header ? header.span : null, tablePath: tp }
    cfg.mode = mode
    cfg.options = readTable(tp, mode)
  }

  if (name === 'pytest.toml' || name === '.pytest.toml') {
    if (tablePresent(['pytest'])) setSection(['pytest'], 'toml')
    cfg.minPytest = '9.0'
    return { matched: true, cfg }
  }
  // pyproject.toml (pytest < 9 knows only [tool.pytest.ini_options])
  const native = native9 ? readTable(['tool', 'pytest'], 'toml') : new Map<string, ConfigOption>()
  native.delete('ini_options')
  const hasIni = tablePresent(['tool', 'pytest', 'ini_options'])
  if (native.size > 0 && hasIni && readTable(['tool', 'pytest', 'ini_options'], 'ini').size > 0) {
    const h = headers.find((x) => samePath(x.path, ['tool', 'pytest', 'ini_options']))
    cfg.problems.push({
      path,
      line: h?.span.line ?? 1,
      message:
        'Cannot use both [tool.pytest] (native TOML types) and [tool.pytest.ini_options] (string-based INI format) simultaneously.'
    })
  }
  if (native.size > 0) {
    setSection(['tool', 'pytest'], 'toml')
    cfg.options = native
    cfg.minPytest = '9.0'
    return { matched: true, cfg }
  }
  if (hasIni) {
    setSection(['tool', 'pytest', 'ini_options'], 'ini')
    return { matched: true, cfg }
  }
  // Not parseable at all: match when the text visibly has a pytest table (pytest would stop here
  // with a UsageError on this very file).
  if (!doc.data && headers.some((h) => h.path[0] === 'tool' && h.path[1] === 'pytest')) {
    const tp = headers.find((h) => h.path[0] === 'tool' && h.path[1] === 'pytest')?.path ?? [
      'tool',
      'pytest'
    ]
    const iniMode = tp[2] === 'ini_options'
    setSection(
      iniMode ? ['tool', 'pytest', 'ini_options'] : ['tool', 'pytest'],
      iniMode ? 'ini' : 'toml'
    )
    return { matched: true, cfg }
  }
  cfg.mode = 'ini'
  return { matched: false, cfg }
}

function loadCandidate(
  fs: FileSource,
  dir: string,
  name: ConfigFileName,
  base: PytestConfig,
  pytest9 = true
): Candidate | null {
  if (!pytest9 && (name === 'pytest.toml' || name === '.pytest.toml')) return null
  const path = joinPath(dir, name)
  if (!fs.exists(path)) return null
  const text = fs.read(path)
  if (text === null) return null
  const b: PytestConfig = {
    ...base,
    options: new Map(),
    problems: [],
    ignoredFiles: [],
    rootdir: dir
  }
  return name.endsWith('.toml')
    ? loadTomlCandidate(path, name, text, b, pytest9)
    : loadIniCandidate(path, name, text, b)
}

export interface FindConfigOptions {
  /** The directory pytest is started from ('' = the analysis root, the default). */
  invocationDir?: string
  /**
   * The pytest version to find the config for (default: the newest behaviour). Before 9.0 pytest
   * ignores `pytest.toml`, `.pytest.toml` and a native `[tool.pytest]` table; before 8.1 a
   * pyproject.toml without a pytest table is not taken as the config file.
   */
  pytestVersion?: string
}

/** Whether a version string is at least major.minor (unparseable: true, i.e. newest behaviour). */
function versionAtLeast(v: string | undefined, major: number, minor: number): boolean {
  const m = v ? /^\s*v?(\d+)(?:\.(\d+))?/.exec(v) : null
  if (!m) return true
  const ma = Number(m[1])
  const mi = Number(m[2] ?? 0)
  return ma > major || (ma === major && mi >= minor)
}

/**
 * The config file pytest would pick for a run over `startDirs` (relative directories; `[]` or
 * `['']` = a plain `pytest` from the analysis root), following pytest's `determine_setup`. Never
 * looks above the analysis root. Never throws: problems are collected on the result.
 */
export function findPytestConfig(
  fs: FileSource,
  startDirs: readonly string[],
  opts: FindConfigOptions = {}
): PytestConfig {
  const dirs = (startDirs.length ? startDirs : ['']).map((d) => {
    const n = normDir(d)
    return /\.py$/.test(n) && fs.exists(n) ? dirOf(n) : n
  })
  const ancestor = commonAncestor(dirs)
  const base = emptyConfig(ancestor, ancestor, 'ancestor')
  const seenProblems: ConfigProblem[] = []
  const pytest9 = versionAtLeast(opts.pytestVersion, 9, 0)
  const pytest81 = versionAtLeast(opts.pytestVersion, 8, 1)

  const locate = (
    starts: string[]
  ): { found: PytestConfig | null; pyproject: PytestConfig | null } => {
    let pyproject: PytestConfig | null = null
    for (const start of starts) {
      for (const dir of upwards(start)) {
        for (let i = 0; i < CONFIG_NAMES.length; i++) {
          const name = CONFIG_NAMES[i] as ConfigFileName
          const cand = loadCandidate(fs, dir, name, base, pytest9)
          if (!cand) continue
          if (name === 'pyproject.toml' && !pyproject) pyproject = cand.cfg
          if (!cand.matched) {
            seenProblems.push(...cand.cfg.problems)
            continue
          }
          const cfg = cand.cfg
          cfg.rootdir = dir
          cfg.rootdirReason = 'configfile'
          for (const other of CONFIG_NAMES.slice(i + 1)) {
            const o = loadCandidate(fs, dir, other, base, pytest9)
            if (o?.matched) cfg.ignoredFiles.push(joinPath(dir, other))
          }
          return { found: cfg, pyproject }
        }
      }
    }
    return { found: null, pyproject }
  }

  const first = locate([ancestor])
  let result: PytestConfig | null = first.found
  if (!result && first.pyproject && pytest81) {
    const p = first.pyproject
    result = {
      ...p,
      rootdir: dirOf(p.path as string),
      rootdirReason: 'pyproject-fallback',
      section: null,
      options: new Map(),
      mode: 'ini',
      minPytest: '8.1'
    }
  }
  if (!result) {
    const setupDir = upwards(ancestor).find((d) => fs.exists(joinPath(d, 'setup.py')))
    if (setupDir !== undefined) result = emptyConfig(setupDir, ancestor, 'setup.py')
  }
  if (!result && (dirs.length !== 1 || dirs[0] !== ancestor)) {
    const second = locate(dirs)
    if (second.found) result = second.found
  }
  if (!result)
    result = emptyConfig(commonAncestor([opts.invocationDir ?? '', ancestor]), ancestor, 'ancestor')
  result.ancestor = ancestor
  // Problems of files that pytest reads (and chokes on) before reaching the chosen one.
  for (const p of seenProblems)
    if (
      !result.problems.some(
        (q) => q.path === p.path && q.line === p.line && q.message === p.message
      )
    )
      result.problems.push(p)
  return result
}

/** Reads one file as a pytest config candidate, whatever its place (for tests and tools). */
export function readConfigFile(fs: FileSource, path: string): PytestConfig | null {
  const name = path.split('/').pop() as ConfigFileName
  if (!CONFIG_NAMES.includes(name)) return null
  const dir = dirOf(path)
  const cand = loadCandidate(fs, dir, name, emptyConfig(dir, dir, 'configfile'))
  if (!cand) return null
  cand.cfg.rootdirReason = 'configfile'
  return cand.cfg
}

// ---------------------------------------------------------------------------------------------
// Typed access (pytest's getini types)

/** `string` type: the value, or null (a TOML non-string in toml mode is turned into text). */
export function optionString(opt: ConfigOption | undefined): string | null {
  if (!opt) return null
  if (typeof opt.value === 'string') return opt.value
  if (Array.isArray(opt.value)) return opt.value.map(pyStr).join(' ')
  if (typeof opt.value === 'boolean') return opt.value ? 'true' : 'false'
  return pyStr(opt.value)
}

/** `args` type: an ini string is split with shlex; a list is taken as-is. */
export function optionArgs(opt: ConfigOption | undefined): {
  args: string[]
  error: string | null
} {
  if (!opt) return { args: [], error: null }
  if (Array.isArray(opt.value)) return { args: opt.value.map(pyStr), error: null }
  const r = shlexSplit(optionString(opt) ?? '')
  return { args: r.tokens.map((t) => t.text), error: r.error }
}

/** `linelist` type: an ini string is split into stripped non-empty lines; a list as-is. */
export function optionLines(opt: ConfigOption | undefined): string[] {
  if (!opt) return []
  if (Array.isArray(opt.value)) return opt.value.map(pyStr)
  return (optionString(opt) ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
}

/** pytest's `_strtobool`; null for an invalid value. */
export function strToBool(v: string): boolean | null {
  const s = v.trim().toLowerCase()
  if (['y', 'yes', 't', 'true', 'on', '1'].includes(s)) return true
  if (['n', 'no', 'f', 'false', 'off', '0'].includes(s)) return false
  return null
}

/** `bool` type; null when absent or not a truth value. */
export function optionBool(opt: ConfigOption | undefined): boolean | null {
  if (!opt) return null
  if (typeof opt.value === 'boolean') return opt.value
  return strToBool(optionString(opt) ?? '')
}

// ---------------------------------------------------------------------------------------------
// shlex

export interface ShlexToken {
  text: string
  /** Index in the input of the token's first source character (an opening quote included). */
  start: number
  /** Index just past its last source character. */
  end: number
}

/**
 * Python's `shlex.split(s)` (POSIX mode, `whitespace_split=True`, no comments): whitespace
 * separates tokens; `'…'` keeps everything literally; in `"…"` a backslash escapes only `"` and
 * `\`; outside quotes a backslash escapes any character; quoted empty strings are tokens.
 * Errors are CPython's: "No closing quotation", "No escaped character".
 */
export function shlexSplit(s: string): { tokens: ShlexToken[]; error: string | null } {
  const tokens: ShlexToken[] = []
  const WS = ' \t\r\n'
  let i = 0
  const n = s.length
  while (i < n) {
    while (i < n && WS.includes(s[i] as string)) i++
    if (i >= n) break
    const start = i
    let tok = ''
    while (i < n && !WS.includes(s[i] as string)) {
      const c = s[i] as string
      if (c === '\\') {
        if (i + 1 >= n) return { tokens, error: 'No escaped character' }
        tok += s[i + 1]
        i += 2
      } else if (c === "'") {
        const close = s.indexOf("'", i + 1)
        if (close < 0) return { tokens, error: 'No closing quotation' }
        tok += s.slice(i + 1, close)
        i = close + 1
      } else if (c === '"') {
        i++
        let closed = false
        while (i < n) {
          const d = s[i] as string
          if (d === '"') {
            closed = true
            i++
            break
          }
          if (d === '\\' && i + 1 < n && (s[i + 1] === '"' || s[i + 1] === '\\')) {
            tok += s[i + 1]
            i += 2
            continue
          }
          tok += d
          i++
        }
        if (!closed) return { tokens, error: 'No closing quotation' }
      } else {
        tok += c
        i++
      }
    }
    tokens.push({ text: tok, start, end: i })
  }
  return { tokens, error: null }
}

// ---------------------------------------------------------------------------------------------
// addopts

export interface AddoptsArg {
  text: string
  /** Position among the arguments. */
  index: number
  /** Offsets of the argument's source text in the config file, when known. */
  start: number | null
  end: number | null
  from: 'addopts' | 'cli'
}

export interface PluginFlag {
  /** The plugin name after `-p` (`no:` removed). */
  name: string
  disabled: boolean
  /** `-p` and its value (one argument for `-pNAME`, two for `-p NAME`). */
  args: AddoptsArg[]
}

export interface OverrideFlag {
  key: string
  value: string
  args: AddoptsArg[]
  /** False for `-o` inside the config file's addopts: pytest reads overrides before addopts. */
  applied: boolean
}

export interface ValueFlag {
  value: string
  args: AddoptsArg[]
}

export interface AddoptsInfo {
  args: AddoptsArg[]
  /** shlex errors (pytest would stop with them). */
  problems: string[]
  /** The last `--asyncio-mode` (argparse: the last one wins). */
  asyncioMode: ValueFlag | null
  /** The last `--anyio-mode` (only in anyio after 4.14.2). */
  anyioMode: ValueFlag | null
  asyncioDebug: AddoptsArg[] | null
  plugins: PluginFlag[]
  overrides: OverrideFlag[]
  strictMarkers: AddoptsArg[] | null
  strictConfig: AddoptsArg[] | null
  /** `--strict` (pytest < 9: same as --strict-markers; ≥ 9: every strictness option). */
  strict: AddoptsArg[] | null
}

/** The arguments of the config's `addopts`, with their file positions where they can be mapped. */
export function addoptsArgs(cfg: PytestConfig): { args: AddoptsArg[]; problems: string[] } {
  const opt = cfg.options.get('addopts')
  if (!opt) return { args: [], problems: [] }
  if (Array.isArray(opt.value)) {
    const items = opt.value.map(pyStr)
    let pi = 0
    const args = items.map((text, index) => {
      // match pieces in order (pieces exist only for plain string items)
      let start: number | null = null
      let end: number | null = null
      for (let k = pi; k < opt.pieces.length; k++) {
        const p = opt.pieces[k] as { text: string; start: number }
        if (p.text === text) {
          start =
            p.start - (cfg.text?.[p.start - 1] === '"' || cfg.text?.[p.start - 1] === "'" ? 1 : 0)
          end = p.start + p.text.length + (start < p.start ? 1 : 0)
          pi = k + 1
          break
        }
      }
      return { text, index, start, end, from: 'addopts' as const }
    })
    return { args, problems: [] }
  }
  const value = optionString(opt) ?? ''
  // Map value indices to file offsets through the pieces (INI lines / plain TOML strings).
  const map: (number | null)[] = []
  const joined = opt.pieces.map((p) => p.text).join('\n')
  if (opt.pieces.length && joined === value) {
    opt.pieces.forEach((p, k) => {
      for (let j = 0; j < p.text.length; j++) map.push(p.start + j)
      if (k < opt.pieces.length - 1) map.push(null)
    })
  }
  const r = shlexSplit(value)
  const args = r.tokens.map((t, index) => {
    const s = map[t.start]
    const e = map[t.end - 1]
    return {
      text: t.text,
      index,
      start: typeof s === 'number' ? s : null,
      end: typeof e === 'number' ? e + 1 : null,
      from: 'addopts' as const
    }
  })
  return { args, problems: r.error ? [r.error] : [] }
}

/** Recognises the flags that matter here in a list of pytest arguments. */
export function scanArgs(args: AddoptsArg[]): Omit<AddoptsInfo, 'args' | 'problems'> {
  const out: Omit<AddoptsInfo, 'args' | 'problems'> = {
    asyncioMode: null,
    anyioMode: null,
    asyncioDebug: null,
    plugins: [],
    overrides: [],
    strictMarkers: null,
    strictConfig: null,
    strict: null
  }
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as AddoptsArg
    const t = a.text
    const next = args[i + 1]
    const longValue = (flag: string): { value: string; args: AddoptsArg[] } | null => {
      if (t.startsWith(flag + '=')) return { value: t.slice(flag.length + 1), args: [a] }
      if (t === flag && next) {
        i++
        return { value: next.text, args: [a, next] }
      }
      return null
    }
    if (t === '--asyncio-mode' || t.startsWith('--asyncio-mode=')) {
      const v = longValue('--asyncio-mode')
      if (v) out.asyncioMode = v
      continue
    }
    if (t === '--anyio-mode' || t.startsWith('--anyio-mode=')) {
      const v = longValue('--anyio-mode')
      if (v) out.anyioMode = v
      continue
    }
    if (t === '--asyncio-debug') {
      out.asyncioDebug = [a]
      continue
    }
    if (t === '--strict-markers') {
      out.strictMarkers = [a]
      continue
    }
    if (t === '--strict-config') {
      out.strictConfig = [a]
      continue
    }
    if (t === '--strict') {
      out.strict = [a]
      continue
    }
    // pytest's consider_preparse: `-p NAME` or `-pNAME` (not `--p…`).
    if (t === '-p' || (t.startsWith('-p') && !t.startsWith('--'))) {
      let raw: string
      let used: AddoptsArg[]
      if (t === '-p') {
        if (!next) continue
        raw = next.text
        used = [a, next]
        i++
      } else {
        raw = t.slice(2)
        used = [a]
      }
      raw = raw.trim()
      const disabled = raw.startsWith('no:')
      out.plugins.push({ name: disabled ? raw.slice(3) : raw, disabled, args: used })
      continue
    }
    // -o / --override-ini (argparse: `-oX`, `-o X`, `--override-ini=X`, `--override-ini X`).
    let ov: { value: string; args: AddoptsArg[] } | null = null
    if (t === '-o' || t === '--override-ini') {
      if (next) {
        ov = { value: next.text, args: [a, next] }
        i++
      }
    } else if (t.startsWith('--override-ini='))
      ov = { value: t.slice('--override-ini='.length), args: [a] }
    else if (t.startsWith('-o') && !t.startsWith('--')) ov = { value: t.slice(2), args: [a] }
    if (ov) {
      const eq = ov.value.indexOf('=')
      if (eq > 0)
        out.overrides.push({
          key: ov.value.slice(0, eq),
          value: ov.value.slice(eq + 1),
          args: ov.args,
          applied: a.from === 'cli'
        })
    }
  }
  return out
}

/** The flags in the config's `addopts`. */
export function parseAddopts(cfg: PytestConfig): AddoptsInfo {
  const { args, problems } = addoptsArgs(cfg)
  return { args, problems, ...scanArgs(args) }
}

// ---------------------------------------------------------------------------------------------
// Effective settings

export type SettingOrigin =
  | { kind: 'default' }
  /** The option in the config file. */
  | { kind: 'ini'; option: ConfigOption }
  /** A flag in `addopts` (option = the addopts option) or in extra command-line arguments. */
  | { kind: 'addopts' | 'cli'; option: ConfigOption | null; args: AddoptsArg[] }
  /** An `-o key=value` on the command line. */
  | { kind: 'override'; args: AddoptsArg[] }

export interface Setting<T> {
  value: T
  origin: SettingOrigin
}

export const DEFAULT_PYTHON_FILES = ['test_*.py', '*_test.py']
export const DEFAULT_PYTHON_CLASSES = ['Test']
export const DEFAULT_PYTHON_FUNCTIONS = ['test']
export const DEFAULT_NORECURSEDIRS = [
  '*.egg',
  '.*',
  '_darcs',
  'build',
  'CVS',
  'dist',
  'node_modules',
  'venv',
  '{arch}'
]

export interface EffectiveSettings {
  /** Raw mode string (`strict` default; anything else, e.g. `legacy`, is an invalid mode). */
  asyncioMode: Setting<string>
  /** Raw `asyncio_default_fixture_loop_scope`, or null when unset. */
  asyncioDefaultFixtureLoopScope: Setting<string | null>
  /** Raw `asyncio_default_test_loop_scope`, or null when unset (the plugin's default is function). */
  asyncioDefaultTestLoopScope: Setting<string | null>
  asyncioDebug: Setting<boolean>
  /** Raw `anyio_mode` (`strict` default). */
  anyioMode: Setting<string>
  /** pytest-trio `trio_mode`. */
  trioMode: Setting<boolean>
  /** `-p no:asyncio` (the plugin's entry-point name; `no:pytest_asyncio` does not block it). */
  asyncioDisabled: Setting<boolean>
  /** `-p no:anyio`. */
  anyioDisabled: Setting<boolean>
  /** `-p no:trio` (pytest-trio). */
  trioDisabled: Setting<boolean>
  /** Plugins loaded explicitly with `-p NAME`. */
  explicitPlugins: PluginFlag[]
  testpaths: Setting<string[]>
  pythonFiles: Setting<string[]>
  pythonClasses: Setting<string[]>
  pythonFunctions: Setting<string[]>
  norecursedirs: Setting<string[]>
  strictMarkers: Setting<boolean>
  strictConfig: Setting<boolean>
  /** Names of the registered markers (`markers` ini lines, text before `:` and `(`). */
  markers: Setting<string[]>
  addopts: AddoptsInfo
  /** `-o` inside addopts that pytest ignores for ini values (see the module comment). */
  ignoredOverrides: OverrideFlag[]
  /** Values pytest would reject (bad booleans, shlex errors). */
  problems: ConfigProblem[]
}

export interface SettingsOptions {
  /** Extra command-line arguments (e.g. from the workflow's pytest call); they come after addopts. */
  cliArgs?: readonly string[]
}

/**
 * The values the plugins see, with where each came from: command line (`cliArgs`) over addopts
 * over the config file over the default, as pytest and the plugins combine them.
 */
export function getEffectiveSettings(
  cfg: PytestConfig,
  opts: SettingsOptions = {}
): EffectiveSettings {
  const addopts = parseAddopts(cfg)
  const addoptsOpt = cfg.options.get('addopts') ?? null
  const problems: ConfigProblem[] = []
  const path = cfg.path ?? ''
  for (const p of addopts.problems)
    problems.push({ path, line: addoptsOpt?.span.line ?? 1, message: `addopts: ${p}` })
  const cliArgs: AddoptsArg[] = (opts.cliArgs ?? []).map((text, index) => ({
    text,
    index,
    start: null,
    end: null,
    from: 'cli'
  }))
  const cli = scanArgs(cliArgs)
  const overrides = new Map<string, OverrideFlag>()
  for (const o of cli.overrides) overrides.set(o.key, o)

  const ini = <T>(key: string, read: (o: ConfigOption) => T | null, dflt: T): Setting<T> => {
    const o = overrides.get(key)
    if (o) {
      const fake: ConfigOption = {
        key,
        value: o.value,
        mode: 'ini',
        span: { start: 0, end: 0, line: 1, endLine: 1, col: 1 },
        keySpan: { start: 0, end: 0, line: 1, endLine: 1, col: 1 },
        valueSpan: { start: 0, end: 0, line: 1, endLine: 1, col: 1 },
        quote: null,
        duplicates: [],
        pieces: []
      }
      const v = read(fake)
      if (v !== null) return { value: v, origin: { kind: 'override', args: o.args } }
    }
    const opt = cfg.options.get(key)
    if (opt) {
      const v = read(opt)
      if (v !== null) return { value: v, origin: { kind: 'ini', option: opt } }
    }
    return { value: dflt, origin: { kind: 'default' } }
  }
  const boolReader =
    (key: string) =>
    (o: ConfigOption): boolean | null => {
      const b = optionBool(o)
      if (b === null)
        problems.push({
          path,
          line: o.span.line,
          message: `${key}: invalid truth value ${JSON.stringify(optionString(o))}`
        })
      return b
    }
  const argsReader = (o: ConfigOption): string[] => {
    const r = optionArgs(o)
    if (r.error) problems.push({ path, line: o.span.line, message: `${o.key}: ${r.error}` })
    return r.args
  }
  const flagSetting = (
    cliFlag: AddoptsArg[] | null,
    addFlag: AddoptsArg[] | null,
    iniSetting: Setting<boolean>
  ): Setting<boolean> => {
    if (cliFlag) return { value: true, origin: { kind: 'cli', option: null, args: cliFlag } }
    if (addFlag)
      return { value: true, origin: { kind: 'addopts', option: addoptsOpt, args: addFlag } }
    return iniSetting
  }
  const valueFlag = (
    cliV: ValueFlag | null,
    addV: ValueFlag | null,
    iniS: Setting<string>
  ): Setting<string> => {
    if (cliV) return { value: cliV.value, origin: { kind: 'cli', option: null, args: cliV.args } }
    if (addV)
      return { value: addV.value, origin: { kind: 'addopts', option: addoptsOpt, args: addV.args } }
    return iniS
  }
  const pluginSetting = (names: string[]): Setting<boolean> => {
    // pluggy: the last -p for a name wins (no:X blocks, X unblocks); CLI args come after addopts.
    let last: { flag: PluginFlag; from: 'addopts' | 'cli' } | null = null
    for (const f of addopts.plugins) if (names.includes(f.name)) last = { flag: f, from: 'addopts' }
    for (const f of cli.plugins) if (names.includes(f.name)) last = { flag: f, from: 'cli' }
    if (!last || !last.flag.disabled) return { value: false, origin: { kind: 'default' } }
    return {
      value: true,
      origin: {
        kind: last.from,
        option: last.from === 'addopts' ? addoptsOpt : null,
        args: last.flag.args
      }
    }
  }

  const strictIni = ini('strict', boolReader('strict'), false)
  const strictMarkersIni = ini('strict_markers', boolReader('strict_markers'), false)
  const strictConfigIni = ini('strict_config', boolReader('strict_config'), false)
  const pickStrict = (specific: Setting<boolean>): Setting<boolean> =>
    specific.origin.kind !== 'default' ? specific : strictIni.value ? strictIni : specific

  const markerLines = ini('markers', (o) => optionLines(o), [] as string[])

  return {
    asyncioMode: valueFlag(
      cli.asyncioMode,
      addopts.asyncioMode,
      ini('asyncio_mode', optionString, 'strict')
    ),
    asyncioDefaultFixtureLoopScope: ini<string | null>(
      'asyncio_default_fixture_loop_scope',
      optionString,
      null
    ),
    asyncioDefaultTestLoopScope: ini<string | null>(
      'asyncio_default_test_loop_scope',
      optionString,
      null
    ),
    asyncioDebug: flagSetting(
      cli.asyncioDebug,
      addopts.asyncioDebug,
      ini('asyncio_debug', boolReader('asyncio_debug'), false)
    ),
    anyioMode: valueFlag(
      cli.anyioMode,
      addopts.anyioMode,
      ini('anyio_mode', optionString, 'strict')
    ),
    trioMode: ini('trio_mode', boolReader('trio_mode'), false),
    asyncioDisabled: pluginSetting(['asyncio']),
    anyioDisabled: pluginSetting(['anyio']),
    trioDisabled: pluginSetting(['trio']),
    explicitPlugins: [...addopts.plugins, ...cli.plugins].filter((p) => !p.disabled),
    testpaths: ini('testpaths', argsReader, [] as string[]),
    pythonFiles: ini('python_files', argsReader, [...DEFAULT_PYTHON_FILES]),
    pythonClasses: ini('python_classes', argsReader, [...DEFAULT_PYTHON_CLASSES]),
    pythonFunctions: ini('python_functions', argsReader, [...DEFAULT_PYTHON_FUNCTIONS]),
    norecursedirs: ini('norecursedirs', argsReader, [...DEFAULT_NORECURSEDIRS]),
    strictMarkers: flagSetting(
      cli.strictMarkers ?? cli.strict,
      addopts.strictMarkers ?? addopts.strict,
      pickStrict(strictMarkersIni)
    ),
    strictConfig: flagSetting(cli.strictConfig, addopts.strictConfig, pickStrict(strictConfigIni)),
    markers: {
      value: markerLines.value.map(
        (l) => (l.split(':', 1)[0] as string).trimEnd().split('(', 1)[0] as string
      ),
      origin: markerLines.origin
    },
    addopts,
    ignoredOverrides: addopts.overrides.filter((o) => !o.applied),
    problems
  }
}

// ---------------------------------------------------------------------------------------------
// Fix helpers

export type OptionValue = string | boolean | readonly string[]

function tomlString(s: string, quote: '"' | "'" = '"'): string {
  if (quote === "'" && !s.includes("'") && !/[\n\r]/.test(s)) return `'${s}'`
  return JSON.stringify(s)
}

/** Renders a value in the config file's syntax (INI text, or a TOML literal). */
export function renderValue(
  cfg: PytestConfig,
  value: OptionValue,
  quote: '"' | "'" = preferredQuote(cfg)
): string {
  if (cfg.syntax !== 'toml') {
    if (typeof value === 'boolean') return value ? 'true' : 'false'
    if (typeof value === 'string') return value
    return value.join(' ')
  }
  if (typeof value === 'boolean')
    return cfg.mode === 'toml' ? String(value) : tomlString(String(value), quote)
  if (typeof value === 'string') return tomlString(value, quote)
  return `[${value.map((v) => tomlString(v, quote)).join(', ')}]`
}

/** The quote most string values in the pytest table use (`"` when there are none). */
function preferredQuote(cfg: PytestConfig): '"' | "'" {
  let single = 0
  let double = 0
  for (const o of cfg.options.values()) {
    if (o.quote === "'" || o.quote === "'''") single++
    else if (o.quote === '"' || o.quote === '"""') double++
  }
  return single > double ? "'" : '"'
}

/** One `key = value` line in the config file's syntax. */
export function renderOptionLine(cfg: PytestConfig, key: string, value: OptionValue): string {
  return `${key} = ${renderValue(cfg, value)}`
}

const configDir = (cfg: PytestConfig): string => cfg.rootdir

/**
 * An edit that adds `key = value` as the first line after the pytest section header. Creates the
 * section when the file has none, and creates `pytest.ini` in the rootdir when there is no config
 * file (an edit on a new path with start = end = 0). Null when the option cannot be placed (a
 * table written as an inline table).
 */
export function insertOptionEdit(
  cfg: PytestConfig,
  key: string,
  value: OptionValue
): TextEdit | null {
  const nl = cfg.lineEnding
  if (!cfg.path || cfg.text === null) {
    return {
      path: joinPath(configDir(cfg), 'pytest.ini'),
      start: 0,
      end: 0,
      text: `[pytest]${nl}${key} = ${renderValue({ ...cfg, syntax: 'ini' }, value)}${nl}`
    }
  }
  const text = cfg.text
  const line = renderOptionLine(cfg, key, value)
  if (cfg.section?.header) {
    const h = cfg.section.header
    const after = afterLineBreak(text, h.end)
    const needsBreak = after === text.length && !/[\r\n]$/.test(text)
    // TOML: follow the indentation of the table's first key.
    let indent = ''
    if (cfg.syntax === 'toml') {
      const first = [...cfg.options.values()]
        .filter((o) => o.span.start > h.end)
        .sort((a, b) => a.span.start - b.span.start)[0]
      if (first) {
        const ls = text.lastIndexOf('\n', first.span.start - 1) + 1
        const ws = text.slice(ls, first.span.start)
        if (/^[ \t]*$/.test(ws)) indent = ws
      }
    }
    return {
      path: cfg.path,
      start: after,
      end: after,
      text: `${needsBreak ? nl : ''}${indent}${line}${nl}`
    }
  }
  if (cfg.section && cfg.syntax === 'toml') {
    // Table made of dotted keys only: add one more dotted key after the last one.
    const opts = [...cfg.options.values()].filter(
      (o) => o.writtenKeyPath && o.writtenKeyPath.length > 1
    )
    const lastOpt = opts.sort((a, b) => b.span.end - a.span.end)[0]
    if (!lastOpt || !lastOpt.writtenKeyPath) return null
    const prefix = lastOpt.writtenKeyPath.slice(0, -1).map(tomlKey).join('.')
    const after = afterLineBreak(text, lastOpt.span.end)
    const needsBreak = after === text.length && !/[\r\n]$/.test(text)
    return {
      path: cfg.path,
      start: after,
      end: after,
      text: `${needsBreak ? nl : ''}${prefix}.${tomlKey(key)} = ${renderValue(cfg, value)}${nl}`
    }
  }
  // No section: append one at the end of the file.
  let header: string
  let renderCfg = cfg
  if (cfg.name === 'pyproject.toml') {
    header = '[tool.pytest.ini_options]'
    renderCfg = { ...cfg, mode: 'ini' }
  } else if (cfg.syntax === 'toml') header = '[pytest]'
  else if (cfg.name === 'setup.cfg') header = '[tool:pytest]'
  else header = '[pytest]'
  const lead =
    text.length === 0 ? '' : /(\r?\n){2}$/.test(text) ? '' : /\r?\n$/.test(text) ? nl : nl + nl
  return {
    path: cfg.path,
    start: text.length,
    end: text.length,
    text: `${lead}${header}${nl}${key} = ${renderValue(renderCfg, value)}${nl}`
  }
}

function tomlKey(k: string): string {
  return /^[A-Za-z0-9_-]+$/.test(k) ? k : JSON.stringify(k)
}

/** An edit that replaces an option's value, keeping the file's quote style. Null when absent. */
export function replaceOptionValueEdit(
  cfg: PytestConfig,
  key: string,
  newValue: OptionValue
): TextEdit | null {
  const opt = cfg.options.get(key)
  if (!opt || !cfg.path || cfg.text === null) return null
  if (cfg.syntax === 'toml' && opt.writtenKeyPath === undefined) return null // inline-table member
  let text: string
  if (cfg.syntax === 'toml') {
    const q = opt.quote === "'" || opt.quote === "'''" ? "'" : '"'
    text = renderValue(
      cfg,
      typeof newValue === 'boolean' && typeof opt.value === 'string' ? String(newValue) : newValue,
      q
    )
  } else {
    // INI: a value that starts on the key's line is replaced in place (its spacing kept);
    // one written only on continuation lines is replaced from the separator on.
    text = renderValue(cfg, newValue)
    const src = cfg.text
    let sepEnd = opt.keySpan.end
    while (sepEnd < src.length && (src[sepEnd] === ' ' || src[sepEnd] === '\t')) sepEnd++
    sepEnd++ // the '=' or ':'
    const firstOnKeyLine = opt.pieces.length > 0 && opt.valueSpan.line === opt.keySpan.line
    if (!firstOnKeyLine)
      return {
        path: cfg.path,
        start: sepEnd,
        end: Math.max(sepEnd, opt.valueSpan.end),
        text: ' ' + text
      }
  }
  return { path: cfg.path, start: opt.valueSpan.start, end: opt.valueSpan.end, text }
}

/** An edit that removes the whole option (continuation lines and its line break included). */
export function removeOptionEdit(cfg: PytestConfig, key: string): TextEdit | null {
  const opt = cfg.options.get(key)
  if (!opt || !cfg.path || cfg.text === null) return null
  if (cfg.syntax === 'toml' && opt.writtenKeyPath === undefined) return null // inline-table member
  const text = cfg.text
  const lineStart = text.lastIndexOf('\n', opt.span.start - 1) + 1
  const startsLine = /^[ \t]*$/.test(text.slice(lineStart, opt.span.start))
  const start = startsLine ? lineStart : opt.span.start
  return { path: cfg.path, start, end: afterLineBreak(text, opt.span.end), text: '' }
}

/**
 * An edit that removes arguments (e.g. `--asyncio-mode=auto`, or `-p` and `no:anyio`) from the
 * config's `addopts`, with the whitespace before them; removes the whole option when nothing
 * would be left. Null when their positions are unknown.
 */
export function removeAddoptsArgsEdit(
  cfg: PytestConfig,
  remove: readonly AddoptsArg[]
): TextEdit | null {
  const opt = cfg.options.get('addopts')
  if (!opt || !cfg.path || cfg.text === null || !remove.length) return null
  const all = addoptsArgs(cfg).args
  const drop = new Set(remove.map((a) => a.index))
  if (all.every((a) => drop.has(a.index))) return removeOptionEdit(cfg, 'addopts')
  const targets = all.filter((a) => drop.has(a.index))
  if (targets.some((a) => a.start === null || a.end === null)) return null
  const text = cfg.text
  const sorted = targets.sort((a, b) => (a.start as number) - (b.start as number))
  const first = sorted[0] as AddoptsArg
  const lastArg = sorted[sorted.length - 1] as AddoptsArg
  // only contiguous arguments in one edit
  const firstIdx = all.findIndex((a) => a.index === first.index)
  const lastIdx = all.findIndex((a) => a.index === lastArg.index)
  if (lastIdx - firstIdx + 1 !== sorted.length) return null
  let start = first.start as number
  let end = lastArg.end as number
  if (Array.isArray(opt.value)) {
    // TOML array items: take the separating comma and spaces on one side.
    const afterRest = text.slice(end)
    const m = /^\s*,[ \t]*/.exec(afterRest)
    if (m && lastIdx < all.length - 1) end += m[0].length
    else {
      const beforeText = text.slice(0, start)
      const mb = /,\s*$/.exec(beforeText)
      if (mb) start -= mb[0].length
    }
    return { path: cfg.path, start, end, text: '' }
  }
  const prev = all[firstIdx - 1]
  if (prev && prev.end !== null && /^[ \t]+$/.test(text.slice(prev.end, start))) start = prev.end
  else {
    const m = /^[ \t]+/.exec(text.slice(end))
    if (m) end += m[0].length
  }
  return { path: cfg.path, start, end, text: '' }
}

// ---------------------------------------------------------------------------------------------
// Collection patterns

const PM_OPTIONS: picomatch.PicomatchOptions = {
  bash: true, // `*` also matches `/` (fnmatch has no notion of path separators)
  dot: true, // a leading `.` is not special
  nobrace: true,
  noextglob: true,
  nonegate: true, // a leading `!` is a literal character
  posix: true // `[!…]` negated classes
}
const matcherCache = new Map<string, (s: string) => boolean>()

/**
 * Python's `fnmatch.fnmatch` (POSIX: case-sensitive). picomatch with the options above; a
 * backslash is a literal in fnmatch, so it is escaped for picomatch. Known differences, not seen
 * in pytest settings: fnmatch's `?` also matches `/`, and `[[:alpha:]]` is a POSIX class here.
 */
export function fnmatch(name: string, pattern: string): boolean {
  let m = matcherCache.get(pattern)
  if (!m) {
    m = picomatch(pattern.replace(/\\/g, '\\\\'), PM_OPTIONS)
    matcherCache.set(pattern, m)
  }
  return m(name)
}

/**
 * pytest's `fnmatch_ex`: a pattern without `/` is matched against the basename; with `/`, against
 * the whole path, prefixed with a star and a slash since pytest compares with absolute paths.
 */
export function fnmatchEx(pattern: string, relPath: string): boolean {
  if (!pattern.includes('/')) return fnmatch(relPath.split('/').pop() ?? relPath, pattern)
  const full = '/' + relPath.replace(/^\/+/, '')
  return fnmatch(full, pattern.startsWith('/') ? pattern : `*/${pattern}`)
}

/** Whether a file is a test module per `python_files` (basename or relative path). */
export function matchesPythonFiles(relPath: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => fnmatchEx(p, relPath))
}

/** pytest's `_matches_prefix_or_glob_option`. */
export function matchesPrefixOrGlob(name: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => name.startsWith(p) || (/[*?[]/.test(p) && fnmatch(name, p)))
}

export function matchesPythonClasses(name: string, patterns: readonly string[]): boolean {
  return matchesPrefixOrGlob(name, patterns)
}

export function matchesPythonFunctions(name: string, patterns: readonly string[]): boolean {
  return matchesPrefixOrGlob(name, patterns)
}

/** Whether pytest skips a directory during collection (`norecursedirs`). */
export function matchesNorecursedirs(relDir: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => fnmatchEx(p, relDir))
}
