// `npm run bench`: performance figures, measured in one run against baselines measured in the
// same run. Generates synthetic suites (≥ 3,000 test files, ≥ 600k lines, nested conftests), then
// times, each in a fresh process: reading every file, tree-sitter-parsing every file (the
// baseline), the full `check`, and PR mode (10 changed files). Reports medians and ratios.
import { build } from 'esbuild'
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'

const require = createRequire(import.meta.url)
const runs = Number(process.env.BENCH_RUNS ?? 3)
const files = Number(process.env.BENCH_FILES ?? 3000)
const out = '.tmp/bench'
mkdirSync(out, { recursive: true })
const bundled = await build({ entryPoints: ['scripts/bench-run.ts'], bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'warning',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } })
const runner = join(out, 'bench-run.mjs')
writeFileSync(runner, bundled.outputFiles[0].text)
copyFileSync(require.resolve('web-tree-sitter/tree-sitter.wasm'), join(out, 'tree-sitter.wasm'))
copyFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm'), join(out, 'tree-sitter-python.wasm'))

const step = (...args) => JSON.parse(execFileSync(process.execPath, [runner, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 }).trim().split('\n').pop())
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const measure = (...args) => {
  const rs = Array.from({ length: runs }, () => step(...args))
  return { ...rs[0], ms: median(rs.map((r) => r.ms)), peakRssMb: Math.max(...rs.map((r) => r.peakRssMb)) }
}

const suites = [
  { name: 'mixed (25% of files async)', share: 0.25 },
  { name: 'mostly sync (2% of files async)', share: 0.02 }
]
const results = []
for (const s of suites) {
  const dir = join(out, `suite-${s.share}`)
  rmSync(dir, { recursive: true, force: true })
  const gen = step('gen', dir, String(files), String(s.share))
  const read = measure('read', dir)
  const parse = measure('parse', dir)
  const check = measure('check', dir)
  const pr = measure('pr', dir, '10')
  results.push({ suite: s.name, gen, read, parse, check, pr })
}

const f = (x) => x.toLocaleString('en-US')
console.log(`node ${process.version}, ${runs} runs each (median), ${files} test files per suite\n`)
for (const r of results) {
  console.log(`## ${r.suite}: ${f(r.gen.files)} test files + conftests, ${f(r.gen.lines)} lines, ${(r.gen.bytes / 1048576).toFixed(1)} MB`)
  console.log('| step | time | × parse-all baseline | peak RSS | notes |')
  console.log('|---|---|---|---|---|')
  console.log(`| read every .py file | ${f(r.read.ms)} ms | ${(r.read.ms / r.parse.ms).toFixed(2)} | ${r.read.peakRssMb} MB | |`)
  console.log(`| tree-sitter parse every .py file (baseline) | ${f(r.parse.ms)} ms | 1.00 | ${r.parse.peakRssMb} MB | ${f(r.parse.files)} files |`)
  console.log(`| \`loopscope check\` (whole tree) | ${f(r.check.ms)} ms | ${(r.check.ms / r.parse.ms).toFixed(2)} | ${r.check.peakRssMb} MB | parsed ${f(r.check.filesParsed)} of ${f(r.check.filesRead)} files, ${r.check.findings} findings |`)
  console.log(`| PR mode, 10 changed test files | ${f(r.pr.ms)} ms | ${(r.pr.ms / r.parse.ms).toFixed(2)} | ${r.pr.peakRssMb} MB | parsed ${f(r.pr.filesParsed)} files |`)
  console.log('')
}
