// `npm run fuzz` / `node scripts/fuzz.mjs --count N --seed S [--budget MS] [--no-huge]`: the
// deterministic fuzzer (scripts/fuzz-run.ts, bundled in memory) run in a child process under a
// watchdog, so that an input that hangs is reported by name instead of stalling the run.
import { build } from 'esbuild'
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { join } from 'node:path'

const require = createRequire(import.meta.url)
const args = process.argv.slice(2)
const budgetIdx = args.indexOf('--budget')
const budgetMs = budgetIdx >= 0 ? Number(args[budgetIdx + 1]) : 10000
// One input is two analyses (before and after the fixes) plus writing files: allow generously.
const hangMs = budgetMs * 6
const out = '.tmp/fuzz'
mkdirSync(out, { recursive: true })
const bundled = await build({
  entryPoints: ['scripts/fuzz-run.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  write: false,
  logLevel: 'warning',
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);"
  }
})
const runner = join(out, 'fuzz-run.mjs')
writeFileSync(runner, bundled.outputFiles[0].text)
copyFileSync(require.resolve('web-tree-sitter/tree-sitter.wasm'), join(out, 'tree-sitter.wasm'))
copyFileSync(
  require.resolve('tree-sitter-python/tree-sitter-python.wasm'),
  join(out, 'tree-sitter-python.wasm')
)

const child = spawn(process.execPath, [runner, ...args], {
  env: { ...process.env, LOOPSCOPE_FUZZ_MAIN: '1' },
  stdio: ['ignore', 'pipe', 'inherit']
})
let last = { index: -1, label: '(start-up)' }
let lastAt = Date.now()
let hung = false
const watchdog = setInterval(() => {
  if (Date.now() - lastAt > hangMs) {
    hung = true
    console.log(`VIOLATION hang: input #${last.index} ${last.label} ran over ${hangMs} ms; killed`)
    child.kill('SIGKILL')
  }
}, 1000)
createInterface({ input: child.stdout }).on('line', (line) => {
  lastAt = Date.now()
  const m = /^@input (\d+) (.*)$/.exec(line)
  if (m) last = { index: Number(m[1]), label: m[2] }
  else if (!line.startsWith('@done')) console.log(line.replace(/^@violation /, 'VIOLATION '))
})
child.on('exit', (code) => {
  clearInterval(watchdog)
  process.exitCode = hung ? 1 : (code ?? 1)
})
