/**
 * The labelled corpus (copied from shared/corpus): each case records what real pytest and the
 * plugins did. For every case the real analyzer must report the expected codes on the expected
 * line spans, nothing else from the implemented rules (except `also_ok` codes), and its fixes,
 * applied to `project/`, must give the files of `fixed/` and a tree the checker finds clean.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { analyze } from '../src/analyze.js'
import { ALL_RULES } from '../src/rules/index.js'
import { applyEdits, editsByPath } from '../src/fix/apply.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const corpus = path.join(here, 'fixtures', 'corpus')

interface Case {
  id: string
  clean: boolean
  expect: { rule: string; path: string; lines: [number, number] }[]
  also_ok?: string[] | null
  changed?: string[] | null
}

const implemented = new Set(ALL_RULES.map((r) => r.meta.code))
const cases: Case[] = readdirSync(corpus)
  .filter((d) => existsSync(path.join(corpus, d, 'case.json')))
  .sort()
  .map((d) => JSON.parse(readFileSync(path.join(corpus, d, 'case.json'), 'utf8')) as Case)

function key(code: string, p: string, a: number, b: number): string {
  return `${code} ${p}:${a}-${b}`
}

describe('corpus', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(50)
  })

  for (const c of cases) {
    const expectedAll = c.expect ?? []
    const fullyImplemented = expectedAll.every((e) => implemented.has(e.rule))
    const title = `${c.id}${fullyImplemented ? '' : ' (implemented rules only)'}`
    it(title, async () => {
      const project = path.join(corpus, c.id, 'project')
      const result = await analyze({ root: project })
      const ours = result.findings.filter((f) => implemented.has(f.code))
      const got = ours.map((f) => key(f.code, f.path, f.line, f.endLine)).sort()
      const want = expectedAll.filter((e) => implemented.has(e.rule)).map((e) => key(e.rule, e.path, e.lines[0], e.lines[1])).sort()
      const allowed = new Set(c.also_ok ?? [])
      for (const w of want) expect(got).toContain(w)
      const unexpected = got.filter((g) => !want.includes(g) && !allowed.has(g.split(' ')[0] as string))
      expect(unexpected).toEqual([])

      if (!fullyImplemented || c.clean || !existsSync(path.join(corpus, c.id, 'fixed'))) return
      // Apply every fix to a copy of project/ and compare with fixed/.
      const tmp = mkdtempSync(path.join(tmpdir(), `loopscope-${c.id}-`))
      try {
        cpSync(project, tmp, { recursive: true })
        const withFix = result.findings.filter((f) => f.fix && want.includes(key(f.code, f.path, f.line, f.endLine)))
        expect(withFix.length).toBeGreaterThan(0)
        for (const [p, edits] of editsByPath(withFix)) {
          const before = result.sources.get(p) ?? ''
          const after = applyEdits(before, edits)
          writeFileSync(path.join(tmp, p), after)
          const fixedFile = path.join(corpus, c.id, 'fixed', p)
          expect(existsSync(fixedFile)).toBe(true)
          expect(after).toEqual(readFileSync(fixedFile, 'utf8'))
        }
        const again = await analyze({ root: tmp })
        expect(again.findings.filter((f) => implemented.has(f.code) && f.severity !== 'info').map((f) => key(f.code, f.path, f.line, f.endLine))).toEqual([])
      } finally {
        rmSync(tmp, { recursive: true, force: true })
      }
    })
  }
})
