/** Human-readable output, like ruff's: `path:line:col: CODE message`, then the fix as a diff. */
import type { Finding, Notice } from '../rules/types.js'
import { blockDiff, lineBlock } from '../fix/blocks.js'
import { pushTo } from '../util/multimap.js'

export interface TextOptions {
  color: boolean
  showFixes: boolean
  /** Prefix joined to finding paths (relative to the working directory). */
  displayPath: (p: string) => string
}

const c = (on: boolean, code: string, s: string): string => (on ? `\u001b[${code}m${s}\u001b[0m` : s)

export function fixDiff(f: Finding, sources: ReadonlyMap<string, string>, displayPath: (p: string) => string): string {
  if (!f.fix) return ''
  const byPath = new Map<string, typeof f.fix.edits>()
  for (const e of f.fix.edits) pushTo(byPath, e.path, e)
  let out = ''
  for (const [p, edits] of byPath) {
    try {
      // Diff only the changed block: the cost is the size of the fix, not of the file.
      out += blockDiff(displayPath(p), sources.get(p) ?? '', lineBlock(p, sources.get(p) ?? '', edits), 1) + '\n'
    } catch {
      continue
    }
  }
  return out
}

export function formatText(findings: readonly Finding[], notices: readonly Notice[], sources: ReadonlyMap<string, string>, o: TextOptions): string {
  const lines: string[] = []
  for (const n of notices) {
    const where = n.path ? `${o.displayPath(n.path)}${n.line ? `:${n.line}` : ''}: ` : ''
    lines.push(`${c(o.color, '33', n.level)}: ${where}${n.message}`)
  }
  for (const f of findings) {
    const sev = f.severity === 'error' ? c(o.color, '31;1', f.code) : f.severity === 'warning' ? c(o.color, '33;1', f.code) : c(o.color, '36;1', f.code)
    lines.push(`${c(o.color, '1', `${o.displayPath(f.path)}:${f.line}:${f.column}`)}: ${sev} ${f.message}`)
    for (const r of f.related) lines.push(`  ${c(o.color, '2', `${o.displayPath(r.path)}:${r.line}`)}: ${r.message}`)
    lines.push(`  ${c(o.color, '2', `docs: ${f.docsUrl}`)}`)
    if (f.fix && o.showFixes) {
      lines.push(`  ${c(o.color, '32', `fix: ${f.fix.title}`)}`)
      const d = fixDiff(f, sources, o.displayPath)
      for (const l of d.split('\n')) {
        if (!l) continue
        const colored = l.startsWith('+') && !l.startsWith('+++') ? c(o.color, '32', l) : l.startsWith('-') && !l.startsWith('---') ? c(o.color, '31', l) : l
        lines.push(`    ${colored}`)
      }
    }
    lines.push('')
  }
  const counts = { error: 0, warning: 0, info: 0 }
  for (const f of findings) counts[f.severity]++
  const fixable = findings.filter((f) => f.fix?.applicability === 'safe').length
  if (findings.length) {
    lines.push(
      `Found ${findings.length} finding${findings.length === 1 ? '' : 's'} (${counts.error} error, ${counts.warning} warning, ${counts.info} info).` +
        (fixable ? ` ${fixable} fixable with \`loopscope check --fix\`.` : '')
    )
  } else {
    lines.push('All checks passed.')
  }
  return lines.join('\n') + '\n'
}
