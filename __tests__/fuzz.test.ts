/**
 * A fixed-seed slice of the fuzzer (scripts/fuzz-run.ts; `npm run fuzz` runs it at any size):
 * mutated corpus projects must never make analyze() throw or exceed its time budget, anchors
 * must stay inside their files, and fixes must apply cleanly without introducing findings.
 */
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { runFuzz, formatStats } from '../scripts/fuzz-run.js'

const here = path.dirname(fileURLToPath(import.meta.url))

describe('fuzz', () => {
  it('keeps every invariant on a fixed-seed slice', async () => {
    const stats = await runFuzz({
      count: 200,
      seed: 20261125,
      corpusDir: path.join(here, 'fixtures', 'corpus'),
      budgetMs: 10_000,
      huge: false
    })
    const report = stats.violations
      .map((v) => `#${v.index} ${v.kind}: ${v.label}\n  ${v.detail}`)
      .join('\n')
    expect(report).toBe('')
    expect(stats.inputs).toBe(200)
    expect(stats.findings).toBeGreaterThan(0)
    expect(stats.fixesVerified).toBeGreaterThan(0)
    if (process.env.LOOPSCOPE_FUZZ_VERBOSE) console.log(formatStats(stats))
  }, 120_000)
})
