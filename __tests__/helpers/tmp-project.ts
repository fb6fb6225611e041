/** Writes a small project (path → text) into a fresh temporary directory. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'

export function writeProject(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'loopscope-test-'))
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(root, rel)
    mkdirSync(path.dirname(abs), { recursive: true })
    writeFileSync(abs, text)
  }
  return root
}

export function removeProject(root: string): void {
  rmSync(root, { recursive: true, force: true })
}

/** Dedent a template literal (strip the common leading indentation and the first newline). */
export function py(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '')
  const lines = raw.replace(/^\n/, '').split('\n')
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length))
  return lines.map((l) => l.slice(indent)).join('\n').replace(/[ \t]+$/, '')
}
