/** Hand-built findings whose fix edits are real offsets into real file text. */
import type { Finding, TextEdit } from '../../src/rules/types.js'

/** An edit replacing the `nth` (0-based) occurrence of `search` in `text`. */
export function replaceIn(
  path: string,
  text: string,
  search: string,
  replacement: string,
  nth = 0
): TextEdit {
  let at = -1
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(search, at + 1)
    if (at === -1) throw new Error(`'${search}' (#${nth}) not in ${path}`)
  }
  return { path, start: at, end: at + search.length, text: replacement }
}

/** An edit inserting `insertion` at the start of line `line` (1-based). */
export function insertAtLine(
  path: string,
  text: string,
  line: number,
  insertion: string
): TextEdit {
  let offset = 0
  for (let l = 1; l < line; l++) offset = text.indexOf('\n', offset) + 1
  return { path, start: offset, end: offset, text: insertion }
}

/** 1-based line of the first occurrence of `search`. */
export function lineOf(text: string, search: string): number {
  const at = text.indexOf(search)
  if (at === -1) throw new Error(`'${search}' not found`)
  return text.slice(0, at).split('\n').length
}

export function finding(over: Partial<Finding> & Pick<Finding, 'path' | 'line'>): Finding {
  return {
    code: 'PA101',
    name: 'fixture-loop-scope-narrower-than-scope',
    severity: 'error',
    endLine: over.line,
    column: 1,
    message: 'The fixture is cached for the `session` but runs in a `function` loop.',
    symbol: `fixture:${over.path}::pool`,
    related: [],
    docsUrl: 'https://github.com/loopscope/loopscope/blob/v1/docs/rules/PA101.md',
    ...over
  }
}
