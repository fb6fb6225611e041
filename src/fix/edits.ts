/**
 * Building minimal text edits on Python source that keep the user's formatting: quote style,
 * trailing commas, one-per-line argument layouts, decorator style and import style.
 */
import type { TextEdit } from '../rules/types.js'
import type { PyFile, PyFunction, Value } from '../model/types.js'

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
  const m = /(^|[=(\[,\s])(["'])[A-Za-z_]/m.exec(file.text)
  return m?.[2] ?? '"'
}

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

/** `import <module>` added after the last top-level import (or at the top, after a docstring). */
export function importEdit(file: PyFile, module: string): TextEdit {
  const eol = file.text.includes('\r\n') ? '\r\n' : '\n'
  if (file.imports.insertAt > 0) {
    return { path: file.path, start: file.imports.insertAt, end: file.imports.insertAt, text: `${eol}import ${module}` }
  }
  // After a module docstring, if any.
  const doc = /^(\s*(#[^\n]*\n)*\s*)("""[\s\S]*?"""|'''[\s\S]*?''')[^\n]*\n/.exec(file.text)
  const at = doc ? doc[0].length : 0
  return { path: file.path, start: at, end: at, text: `import ${module}${eol}${doc ? '' : eol}` }
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
