/**
 * Turning a fix's character edits into what a reviewer sees: a whole-line replacement block (the
 * content of a ```suggestion, which replaces exactly lines `startLine..endLine` of the head file)
 * and a unified diff of it (for a ```diff block when those lines cannot take a suggestion).
 */
import { structuredPatch } from 'diff'
import { applyEdits } from './apply.js'
import type { TextEdit } from '../rules/types.js'

export interface LineBlock {
  path: string
  /** First replaced line (1-based). */
  startLine: number
  /** Last replaced line (inclusive). */
  endLine: number
  /** The replaced lines, without line terminators. */
  oldLines: string[]
  /** Their replacement; empty to delete the lines. */
  newLines: string[]
}

/** 1-based line of a character offset. */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line += 1
  return line
}

/** Offset of the first character of each line. */
function lineStarts(text: string): number[] {
  const starts = [0]
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  return starts
}

function splitLines(block: string): string[] {
  if (block === '') return []
  return block.replace(/\r?\n$/, '').split(/\r?\n/)
}

/**
 * The smallest run of whole lines of `text` containing every edit, and what those lines become.
 * A pure insertion at the start of a line is shown as that line with the new text before it; an
 * insertion at the very end of the file extends the last line. Edits must all be for one file.
 */
export function lineBlock(path: string, text: string, edits: readonly TextEdit[]): LineBlock {
  if (edits.length === 0) throw new Error('lineBlock needs at least one edit')
  const starts = lineStarts(text)
  const hasFinalNewline = text.endsWith('\n')
  let from = Math.min(...edits.map((e) => e.start))
  let to = Math.max(...edits.map((e) => e.end))
  // An edit ending right after a newline ends on the line that newline terminates.
  const endOffset = to > from && text[to - 1] === '\n' ? to - 1 : to
  // An empty file still has one (empty) line to anchor on.
  const lastLine = Math.max(1, hasFinalNewline ? starts.length - 1 : starts.length)
  const startLine = Math.min(lineOfOffset(text, from), lastLine)
  const endLine = Math.max(Math.min(lineOfOffset(text, endOffset), lastLine), startLine)
  from = starts[startLine - 1] ?? 0
  to = starts[endLine] ?? text.length
  const newText = applyEdits(text, edits)
  const delta = newText.length - text.length
  return {
    path,
    startLine,
    endLine,
    oldLines: splitLines(text.slice(from, to)),
    newLines: splitLines(newText.slice(from, to + delta))
  }
}

export function isNoOp(block: LineBlock): boolean {
  return (
    block.oldLines.length === block.newLines.length &&
    block.oldLines.every((l, i) => l === block.newLines[i])
  )
}

/** Edit budget for the minimal diff of a block; beyond it the block is shown replaced whole. */
const MAX_EDIT_LENGTH = 400

/**
 * A unified diff of one file's fix, computed on the changed block only (plus `context` lines on
 * each side), so it costs the size of the fix, not of the file.
 */
export function blockDiff(path: string, text: string, block: LineBlock, context = 2): string {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''))
  const firstCtx = Math.max(1, block.startLine - context)
  const before = lines.slice(firstCtx - 1, block.startLine - 1)
  const lastLine = text.endsWith('\n') ? lines.length - 1 : lines.length
  const after = lines.slice(block.endLine, Math.min(lastLine, block.endLine + context))
  const oldText = [...before, ...block.oldLines, ...after].map((l) => `${l}\n`).join('')
  const newText = [...before, ...block.newLines, ...after].map((l) => `${l}\n`).join('')
  const offset = firstCtx - 1
  const header = [`--- a/${path}`, `+++ b/${path}`]
  const patch = structuredPatch('a', 'b', oldText, newText, '', '', {
    context,
    maxEditLength: MAX_EDIT_LENGTH
  })
  if (!patch) {
    const oldCount = before.length + block.oldLines.length + after.length
    const newCount = before.length + block.newLines.length + after.length
    return [
      ...header,
      `@@ -${firstCtx},${oldCount} +${firstCtx},${newCount} @@`,
      ...before.map((l) => ` ${l}`),
      ...block.oldLines.map((l) => `-${l}`),
      ...block.newLines.map((l) => `+${l}`),
      ...after.map((l) => ` ${l}`)
    ].join('\n')
  }
  const out = header
  for (const h of patch.hunks) {
    const oldStart = h.oldLines === 0 ? h.oldStart : h.oldStart + offset
    const newStart = h.newLines === 0 ? h.newStart : h.newStart + offset
    out.push(`@@ -${oldStart},${h.oldLines} +${newStart},${h.newLines} @@`, ...h.lines)
  }
  return out.join('\n')
}
