/** Syntax errors are not fatal: what parsed is analysed, and the rest is reported as info. */
import type { PyFile } from '../../model/types.js'
import type { EngineFinding } from '../engine.js'
import type { RuleMeta } from '../types.js'
import { docsUrl } from '../docs-url.js'

export const SYNTAX_CODE = 'LS001'

export const LS001: RuleMeta = {
  code: 'LS001',
  name: 'syntax-error',
  severity: 'info',
  plugin: 'loopscope',
  summary: 'A file does not parse as Python; the parts that parsed were still analysed.',
  fixable: false,
  docs: {
    what: 'Reports, once per file, the first place where tree-sitter could not parse the file (and how many more there are).',
    why: 'Loopscope never gives up on a file with a syntax error: it analyses what parsed. Findings inside the broken region may be missing, so the report says so instead of staying silent.',
    versions: 'All versions.',
    bad: `@pytest.mark.asyncio
async def test_x(:
    ...`,
    good: `@pytest.mark.asyncio
async def test_x():
    ...`
  }
}

export function syntaxErrorFindings(files: PyFile[]): EngineFinding[] {
  const out: EngineFinding[] = []
  for (const f of files) {
    const first = f.syntaxErrors[0]
    if (!first) continue
    const more = f.syntaxErrors.length - 1
    out.push({
      code: SYNTAX_CODE,
      name: 'syntax-error',
      severity: 'info',
      path: f.path,
      line: first.line,
      endLine: first.line,
      column: first.col,
      message: `This file does not parse as Python here${more > 0 ? ` (and in ${more} more place${more > 1 ? 's' : ''})` : ''}; Loopscope analysed the parts that did, so findings in the broken region may be missing.`,
      symbol: `syntax:${f.path}`,
      related: [],
      docsUrl: docsUrl(SYNTAX_CODE),
      involves: []
    })
  }
  return out
}
