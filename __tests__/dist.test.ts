/**
 * The committed bundle must run on its own: copy dist/ (and nothing else) to a temporary
 * directory and run the CLI from there on a real project, with no node_modules in reach.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

describe('dist/ alone', () => {
  let tmp: string
  beforeAll(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'loopscope-dist-'))
    cpSync(path.join(root, 'dist'), path.join(tmp, 'dist'), { recursive: true })
    cpSync(path.join(root, '__tests__', 'fixtures', 'corpus', 'pa104-conftest-two-dirs-up', 'project'), path.join(tmp, 'suite'), { recursive: true })
  })
  afterAll(() => rmSync(tmp, { recursive: true, force: true }))

  it('ships the bundles and the two WebAssembly files', () => {
    for (const f of ['index.js', 'cli.js', 'tree-sitter.wasm', 'tree-sitter-python.wasm']) expect(existsSync(path.join(tmp, 'dist', f))).toBe(true)
    expect(existsSync(path.join(tmp, 'node_modules'))).toBe(false)
  })

  it('runs `loopscope check` with no node_modules and reports the real findings', () => {
    const r = spawnSync(process.execPath, [path.join(tmp, 'dist', 'cli.js'), 'check', '--format', 'json'], { cwd: path.join(tmp, 'suite'), encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } })
    expect(r.stderr).toBe('')
    expect(r.status).toBe(1)
    const findings = JSON.parse(r.stdout) as { code: string; path: string; line: number; endLine: number; fix: { edits: { content: string }[] } | null }[]
    expect(findings.map((f) => `${f.code} ${f.path}:${f.line}-${f.endLine}`)).toEqual([
      'PA104 tests/integration/db/test_order_repository.py:7-8',
      'PA104 tests/integration/db/test_order_repository.py:15-16'
    ])
    expect(findings[0]?.fix?.edits[0]?.content).toBe('(loop_scope="session")')
  })

  it('answers --version and exits 2 on a usage error', () => {
    const v = spawnSync(process.execPath, [path.join(tmp, 'dist', 'cli.js'), '--version'], { encoding: 'utf8' })
    expect(v.stdout).toMatch(/^loopscope \d+\.\d+\.\d+/)
    const bad = spawnSync(process.execPath, [path.join(tmp, 'dist', 'cli.js'), 'check', '--format', 'xml'], { encoding: 'utf8' })
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('--format must be')
  })
})
