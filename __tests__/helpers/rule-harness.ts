/**
 * Runs the real analyzer on a small project written to a temporary directory, and applies the
 * fixes it proposes, so a rule test can assert code, line span and the fixed text.
 */
import { analyze, type AnalysisResult, type AnalyzeOptions } from '../../src/analyze.js'
import { applyEdits, editsByPath } from '../../src/fix/apply.js'
import type { Finding } from '../../src/rules/types.js'
import { removeProject, writeProject } from './tmp-project.js'

export interface Checked {
  result: AnalysisResult
  findings: Finding[]
  /** `CODE path:line-endLine` for each finding, sorted. */
  keys: string[]
  /** The project's files after applying the fixes of the given findings (default: all). */
  fixed(paths?: string[], findings?: Finding[]): Record<string, string>
}

export async function check(files: Record<string, string>, opts: Omit<AnalyzeOptions, 'root'> = {}): Promise<Checked> {
  const root = writeProject(files)
  try {
    const result = await analyze({ root, ...opts })
    const findings = result.findings
    return {
      result,
      findings,
      keys: findings.map((f) => `${f.code} ${f.path}:${f.line}-${f.endLine}`).sort(),
      fixed(paths, subset) {
        const out: Record<string, string> = { ...files }
        for (const [p, edits] of editsByPath((subset ?? findings).filter((f) => f.fix))) {
          out[p] = applyEdits(result.sources.get(p) ?? files[p] ?? '', edits)
        }
        if (!paths) return out
        return Object.fromEntries(paths.map((p) => [p, out[p] ?? '']))
      }
    }
  } finally {
    removeProject(root)
  }
}

/** Re-checks a project after its fixes were applied (a fix must leave nothing of its own code). */
export async function checkFixed(files: Record<string, string>, opts: Omit<AnalyzeOptions, 'root'> = {}): Promise<{ first: Checked; second: Checked }> {
  const first = await check(files, opts)
  const second = await check(first.fixed(), opts)
  return { first, second }
}

export const PIN_1_4 = 'pytest==9.1.1\npytest-asyncio==1.4.0\n'
export const INI_FUNCTION_DEFAULT = '[pytest]\nasyncio_default_fixture_loop_scope = function\n'
