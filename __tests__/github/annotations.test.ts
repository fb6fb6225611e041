import {
  ANNOTATIONS_PER_LEVEL,
  capAnnotations,
  findingAnnotation
} from '../../src/report/annotations.js'
import type { Severity } from '../../src/rules/types.js'
import { finding } from './helpers.js'

function many(n: number, severity: Severity) {
  return Array.from({ length: n }, (_, i) =>
    finding({
      path: `tests/t${String(i).padStart(2, '0')}.py`,
      line: i + 1,
      severity,
      symbol: `s${i}`
    })
  )
}

describe('annotations', () => {
  it('shows at most 10 per level and hands the rest back', () => {
    const findings = [...many(14, 'error'), ...many(3, 'warning'), ...many(12, 'info')]
    const capped = capAnnotations(findings, [
      { level: 'warning', message: 'broken pytest.ini', path: 'pytest.ini', line: 2 }
    ])
    const per = (l: string) => capped.shown.filter((a) => a.level === l).length
    expect(per('error')).toBe(ANNOTATIONS_PER_LEVEL)
    expect(per('warning')).toBe(4)
    expect(per('notice')).toBe(10)
    expect(capped.overflow).toHaveLength(4 + 2)
    // The first errors in path order are the ones shown.
    expect(capped.shown.filter((a) => a.level === 'error').map((a) => a.file)[0]).toBe(
      'tests/t00.py'
    )
    expect(capped.shown[0]).toMatchObject({
      level: 'warning',
      file: 'pytest.ini',
      startLine: 2,
      message: 'broken pytest.ini'
    })
  })

  it('carries the rule, the fix and the docs link; a column only on one line', () => {
    const f = finding({
      path: 'conftest.py',
      line: 6,
      endLine: 7,
      column: 3,
      fix: { title: 'Set loop_scope', edits: [], applicability: 'safe' }
    })
    const a = findingAnnotation(f)
    expect(a).toMatchObject({
      level: 'error',
      title: 'PA101 fixture-loop-scope-narrower-than-scope',
      file: 'conftest.py',
      startLine: 6,
      endLine: 7
    })
    expect(a.startColumn).toBeUndefined()
    expect(a.message).toContain('Fix: Set loop_scope')
    expect(a.message).toContain('docs/rules/PA101.md')
    expect(findingAnnotation({ ...f, endLine: 6, severity: 'info' })).toMatchObject({
      level: 'notice',
      startColumn: 3
    })
  })
})
