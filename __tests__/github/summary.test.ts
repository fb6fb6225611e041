import { buildSummary, SUMMARY_MAX_BYTES } from '../../src/report/summary.js'
import { finding } from './helpers.js'

describe('job summary', () => {
  const f1 = finding({
    path: 'conftest.py',
    line: 6,
    endLine: 7,
    fix: { title: 'Set `loop_scope="session"`', edits: [], applicability: 'safe' }
  })
  const f2 = finding({
    code: 'PA108',
    name: 'unset-default-fixture-loop-scope',
    severity: 'warning',
    path: 'pytest.ini',
    line: 1,
    message: 'pipe | and <b>html</b>'
  })

  it('lists every finding with a link, its message and its fix', () => {
    const md = buildSummary({
      scope: 'pull request #7',
      findings: [f2, f1],
      notices: [{ level: 'warning', path: 'setup.cfg', message: 'cannot parse' }],
      fixDiffs: (f) =>
        f === f1
          ? [
              {
                path: 'conftest.py',
                diff: '--- a/conftest.py\n+++ b/conftest.py\n@@ -6 +6 @@\n-a\n+b'
              }
            ]
          : [],
      link: (p, l, e) => `https://github.com/o/r/blob/abc/${p}#L${l}-L${e}`,
      status: ['Posted a review.']
    })
    expect(md).toContain('**2 findings** (1 error, 1 warning) in pull request \\#\u200b7.')
    expect(md).toContain('Posted a review.')
    // Errors first; the table row's problem text is escaped.
    const rows = md.split('\n').filter((l) => l.startsWith('| ['))
    expect(rows[0]).toContain('PA101')
    expect(rows[1]).toContain('pipe \\| and \\<b\\>html\\</b\\>')
    expect(md).toContain('[`conftest.py:6-7`](https://github.com/o/r/blob/abc/conftest.py#L6-L7)')
    expect(md).toContain('<details><summary>PA101 at conftest.py:6-7</summary>')
    expect(md).toContain('```diff\n--- a/conftest.py')
    expect(md).toContain('### Notices')
    expect(md).toContain('`setup.cfg`: cannot parse')
  })

  it('says when there is nothing to report', () => {
    const md = buildSummary({
      scope: 'the repository',
      findings: [],
      notices: [],
      fixDiffs: () => [],
      status: []
    })
    expect(md).toContain('No findings in the repository.')
    expect(md).not.toContain('| Rule')
  })

  it('stays under GitHub’s 1 MiB step-summary limit by dropping fixes', () => {
    const huge = '+x\n'.repeat(60_000)
    const findings = Array.from({ length: 10 }, (_, i) =>
      finding({
        path: `t${i}.py`,
        line: 1,
        symbol: `s${i}`,
        fix: { title: 'fix', edits: [], applicability: 'safe' }
      })
    )
    const md = buildSummary({
      scope: 'x',
      findings,
      notices: [],
      fixDiffs: () => [{ path: 'p', diff: huge }],
      status: []
    })
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES)
    expect(md).toMatch(/\d+ fix\(es\) did not fit/)
    expect(md.split('\n').filter((l) => l.startsWith('| [')).length).toBe(10)
  })
})
