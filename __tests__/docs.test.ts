/** docs/rules and the README table are generated from the rules' metadata and must not drift. */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ALL_META, ALL_RULES } from '../src/rules/index.js'
import { renderRuleDoc, renderRulesTable } from '../src/rules/docs.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

describe('rule docs', () => {
  it.each(ALL_META.map((m) => [m.code, m] as const))('docs/rules/%s.md matches the metadata', (code, meta) => {
    const file = path.join(root, 'docs', 'rules', `${code}.md`)
    expect(existsSync(file)).toBe(true)
    expect(readFileSync(file, 'utf8')).toEqual(renderRuleDoc(meta))
  })

  it('has no doc for a rule that does not exist', () => {
    const codes = new Set(ALL_META.map((m) => `${m.code}.md`))
    expect(readdirSync(path.join(root, 'docs', 'rules')).filter((f) => f.endsWith('.md') && !codes.has(f))).toEqual([])
  })

  it('README lists every rule', () => {
    expect(readFileSync(path.join(root, 'README.md'), 'utf8')).toContain(renderRulesTable(ALL_META))
  })

  it('every rule has complete metadata and docs with a bad and a good example', () => {
    for (const r of ALL_RULES) {
      expect(r.meta.code).toMatch(/^(PA|AN|HY)\d{3}$/)
      expect(r.meta.name).toMatch(/^[a-z0-9-]+$/)
      for (const k of ['what', 'why', 'versions', 'bad', 'good'] as const) expect(r.meta.docs[k].length).toBeGreaterThan(10)
      expect(r.meta.docs.bad).not.toEqual(r.meta.docs.good)
    }
  })
})
