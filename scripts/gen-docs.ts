/** Writes docs/rules/<CODE>.md and the README's rules table from the rules' metadata. */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { ALL_META } from '../src/rules/index.js'
import { renderRuleDoc, renderRulesTable } from '../src/rules/docs.js'

export const README_START = '<!-- rules:start -->'
export const README_END = '<!-- rules:end -->'

export function writeDocs(root: string): string[] {
  const dir = `${root}/docs/rules`
  mkdirSync(dir, { recursive: true })
  const wanted = new Set(ALL_META.map((m) => `${m.code}.md`))
  for (const f of readdirSync(dir)) if (f.endsWith('.md') && !wanted.has(f) && f !== 'README.md') rmSync(`${dir}/${f}`)
  for (const m of ALL_META) writeFileSync(`${dir}/${m.code}.md`, renderRuleDoc(m))
  const readmePath = `${root}/README.md`
  const readme = readFileSync(readmePath, 'utf8')
  const a = readme.indexOf(README_START)
  const b = readme.indexOf(README_END)
  if (a >= 0 && b > a) {
    writeFileSync(readmePath, readme.slice(0, a + README_START.length) + '\n' + renderRulesTable(ALL_META) + '\n' + readme.slice(b))
  }
  return [...wanted]
}

writeDocs(process.cwd())
