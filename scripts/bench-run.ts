/**
 * Benchmark scenarios, run one per child process by scripts/bench.mjs so that each peak-memory
 * figure is its own: `gen <dir> <files> <asyncShare>`, `parse <dir>` (the baseline: read and
 * tree-sitter-parse every .py file), `check <dir>` (the full analysis), `pr <dir> <n>` (PR mode
 * with n changed test files).
 */
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { analyze } from '../src/analyze.js'
import { initParser, parsePython } from '../src/parse/python.js'

let peak = 0
const sample = (): void => {
  const rss = process.memoryUsage().rss
  if (rss > peak) peak = rss
}
const timer = setInterval(sample, 5)

function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

const AREAS = ['api', 'billing', 'catalog', 'inventory', 'orders', 'search', 'users', 'workers', 'notifications', 'reports']
const SUBS = ['unit', 'integration', 'contract', 'regression', 'e2e']

function syncTest(r: () => number, i: number): string {
  const n = Math.floor(r() * 6) + 3
  const body = Array.from({ length: n }, (_, k) => `    value_${k} = compute_total(items[${k % 3}:], discount=${k})\n    assert value_${k} >= 0, f"total {value_${k}} for case ${i}"`).join('\n')
  const param = r() < 0.3 ? `@pytest.mark.parametrize("quantity, expected", [(1, 10), (2, 20), (3, 30)])\n` : ''
  const args = param ? 'items, quantity, expected' : 'items'
  return `${param}def test_case_${i}(${args}):\n    """Totals stay non-negative for discount tier ${i}."""\n${body}\n`
}

function asyncTest(r: () => number, i: number, fixtures: string[]): string {
  const n = Math.floor(r() * 5) + 3
  const fx = fixtures[Math.floor(r() * fixtures.length)] as string
  const body = Array.from({ length: n }, (_, k) => `    row_${k} = await ${fx}.fetch("SELECT * FROM t WHERE id = $1", ${k})\n    assert row_${k} is not None`).join('\n')
  // Mostly correct code: a few tests forget the loop scope of the session-loop fixtures.
  const mark = r() < 0.97 ? '@pytest.mark.asyncio(loop_scope="session")' : '@pytest.mark.asyncio'
  return `${mark}\nasync def test_async_case_${i}(${fx}, items):\n${body}\n`
}

function testModule(r: () => number, isAsync: boolean, fixtures: string[]): string {
  const header = isAsync
    ? `import asyncio\n\nimport pytest\nimport pytest_asyncio\n\nfrom app.pricing import compute_total\n`
    : `import json\nfrom decimal import Decimal\n\nimport pytest\n\nfrom app.pricing import compute_total\n`
  const parts = [header, `\n@pytest.fixture\ndef items():\n    return [Decimal("1.50"), Decimal("2.25"), Decimal("3.00"), Decimal("4.75")]\n`]
  parts.push(`\ndef _load(name):\n    with open(name) as fh:\n        return json.load(fh) if name.endswith(".json") else fh.read()\n`)
  const count = 10 + Math.floor(r() * 5)
  for (let i = 0; i < count; i++) {
    if (isAsync && r() < 0.6) parts.push('\n\n' + asyncTest(r, i, fixtures))
    else if (r() < 0.2) {
      parts.push(`\n\nclass TestGroup${i}:\n    @pytest.fixture\n    def config(self):\n        return {"retries": ${i}, "timeout": ${i * 2}}\n\n` + syncTest(r, i).replace(/^/gm, '    ').replace('(items', '(self, items'))
    } else parts.push('\n\n' + syncTest(r, i))
  }
  return parts.join('')
}

function conftest(level: number, name: string): string {
  const scope = level === 0 ? 'session' : level === 1 ? 'package' : 'module'
  return `import pytest\nimport pytest_asyncio\n\nfrom app.db import create_pool\n\n\n@pytest_asyncio.fixture(scope="${scope}", loop_scope="session")\nasync def ${name}():\n    pool = await create_pool("postgres://test@localhost/${name}")\n    yield pool\n    await pool.close()\n\n\n@pytest.fixture\ndef settings_${level}():\n    return {"level": ${level}}\n`
}

function generate(dir: string, files: number, asyncShare: number): { files: number; lines: number; bytes: number } {
  const r = rng(42)
  let lines = 0
  let bytes = 0
  const write = (rel: string, text: string): void => {
    const abs = path.join(dir, rel)
    mkdirSync(path.dirname(abs), { recursive: true })
    writeFileSync(abs, text)
    lines += text.split('\n').length
    bytes += text.length
  }
  write('pytest.ini', '[pytest]\ntestpaths = tests\nasyncio_default_fixture_loop_scope = function\n')
  write('requirements-dev.txt', 'pytest==9.1.1\npytest-asyncio==1.4.0\n')
  write('tests/conftest.py', conftest(0, 'db'))
  let n = 0
  const perDir = Math.ceil(files / (AREAS.length * SUBS.length))
  for (const a of AREAS) {
    write(`tests/${a}/conftest.py`, conftest(1, `${a}_pool`))
    write(`tests/${a}/__init__.py`, '')
    for (const s of SUBS) {
      write(`tests/${a}/${s}/conftest.py`, conftest(2, `${a}_${s}_pool`))
      write(`tests/${a}/${s}/__init__.py`, '')
      for (let i = 0; i < perDir && n < files; i++, n++) {
        write(`tests/${a}/${s}/test_${a}_${s}_${i}.py`, testModule(r, r() < asyncShare, ['db', `${a}_pool`, `${a}_${s}_pool`]))
      }
    }
  }
  return { files: n, lines, bytes }
}

function pyFiles(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string): void => {
    for (const e of readdirSync(d)) {
      const p = path.join(d, e)
      if (statSync(p).isDirectory()) walk(p)
      else if (e.endsWith('.py')) out.push(p)
    }
  }
  walk(dir)
  return out.sort()
}

async function main(): Promise<void> {
  const [cmd, dir, a, b] = process.argv.slice(2)
  if (!cmd || !dir) throw new Error('usage: bench-run <gen|parse|check|pr> <dir> ...')
  const t0 = performance.now()
  let extra: Record<string, unknown> = {}
  if (cmd === 'gen') {
    extra = generate(dir, Number(a ?? 3000), Number(b ?? 0.25))
  } else if (cmd === 'read') {
    let n = 0
    let bytes = 0
    for (const f of pyFiles(dir)) {
      bytes += readFileSync(f, 'utf8').length
      n++
    }
    extra = { files: n, bytes }
  } else if (cmd === 'parse') {
    const parser = await initParser()
    let n = 0
    for (const f of pyFiles(dir)) {
      const tree = parsePython(parser, readFileSync(f, 'utf8'))
      tree.delete()
      n++
      if (n % 64 === 0) sample()
    }
    extra = { files: n }
  } else if (cmd === 'check') {
    const res = await analyze({ root: dir })
    extra = { findings: res.findings.length, filesParsed: res.stats.filesParsed, filesRead: res.stats.filesRead }
  } else if (cmd === 'pr') {
    const tests = pyFiles(path.join(dir, 'tests'))
      .map((f) => path.relative(dir, f))
      .filter((f) => path.basename(f).startsWith('test_'))
    const k = Number(a ?? 10)
    const changed = Array.from({ length: k }, (_, i) => tests[Math.floor((i * tests.length) / k)] as string)
    const res = await analyze({ root: dir, changed })
    extra = { findings: res.findings.length, filesParsed: res.stats.filesParsed }
  }
  const ms = performance.now() - t0
  sample()
  clearInterval(timer)
  process.stdout.write(JSON.stringify({ cmd, ms: Math.round(ms), peakRssMb: Math.round(peak / 1048576), ...extra }) + '\n')
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n')
  process.exit(1)
})
