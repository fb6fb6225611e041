#!/usr/bin/env node
// Measures tree-sitter's native Node binding against web-tree-sitter (wasm) on a corpus of
// Python files, for the parser choice recorded in docs/design.md.
//
//   node scripts/bench-parsers.mjs [CORPUS_DIR] [--passes=3] [--runs=10] [--nodelete-passes=4]
//                                  [--no-packaging] [--json=FILE]
//
// --passes: timed passes over the corpus (median reported); --runs: process cold starts timed in
// the packaging section; --nodelete-passes: passes that parse without freeing trees (wasm is
// expected to abort at its 2 GiB memory ceiling). Takes about 3 minutes on the CPython corpus.
//
// CORPUS_DIR defaults to the newest CPython `test` package under ~/.pyenv (or $PYENV_ROOT).
// NATIVE_DIR=/some/dir  a directory whose node_modules holds `tree-sitter` and `tree-sitter-python`
//                       (the native binding is not a dependency of this repo); without it, or if it
//                       fails to load, only web-tree-sitter is measured.
// ALT_NODE=/path/node   optional second Node binary (e.g. Node 24) to re-run the packaging checks with.
//
// Every binding runs in fresh child processes so that init time is cold and peak RSS is its own.
// Files are read into memory before timing, so parse times exclude I/O.
import { execFileSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { setImmediate } from 'node:timers'
import { fileURLToPath } from 'node:url'

const SELF = fileURLToPath(import.meta.url)
const REPO = path.resolve(path.dirname(SELF), '..')
const repoRequire = createRequire(path.join(REPO, 'package.json'))
const RESULT_TAG = '@@RESULT '

// ---------------------------------------------------------------- corpus

function defaultCorpus() {
  const root = process.env.PYENV_ROOT || path.join(os.homedir(), '.pyenv')
  const versions = path.join(root, 'versions')
  if (!existsSync(versions)) return null
  const key = (v) => v.split('.').map((n) => parseInt(n, 10) || 0)
  const sorted = readdirSync(versions).sort((a, b) => {
    const [x, y] = [key(a), key(b)]
    for (let i = 0; i < Math.max(x.length, y.length); i++) {
      if ((x[i] ?? 0) !== (y[i] ?? 0)) return (y[i] ?? 0) - (x[i] ?? 0)
    }
    return 0
  })
  for (const v of sorted) {
    const lib = path.join(versions, v, 'lib')
    if (!existsSync(lib)) continue
    for (const py of readdirSync(lib).filter((d) => /^python3/.test(d))) {
      const t = path.join(lib, py, 'test')
      if (existsSync(t)) return t
    }
  }
  return null
}

function listPy(dir) {
  const out = []
  const stack = [dir]
  while (stack.length) {
    const d = stack.pop()
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name)
      if (e.isDirectory()) stack.push(p)
      else if (e.isFile() && e.name.endsWith('.py')) out.push(p)
    }
  }
  return out.sort()
}

function loadCorpus(dir) {
  const files = listPy(dir)
  let bytes = 0
  let lines = 0
  const texts = files.map((f) => {
    const buf = readFileSync(f)
    bytes += buf.length
    const s = buf.toString('utf8')
    let n = 0
    for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++
    if (s.length && !s.endsWith('\n')) n++
    lines += n
    return s
  })
  return { files, texts, bytes, lines }
}

// ---------------------------------------------------------------- bindings

async function loadBinding(kind) {
  const t0 = performance.now()
  if (kind === 'native') {
    const req = createRequire(path.join(process.env.NATIVE_DIR, 'package.json'))
    const Parser = req('tree-sitter')
    const Python = req('tree-sitter-python')
    const parser = new Parser()
    parser.setLanguage(Python)
    const initMs = performance.now() - t0
    return { parser, initMs, mustDelete: false, wasmBytes: () => null }
  }
  const { Parser, Language } = await import('web-tree-sitter')
  const mod = {}
  await Parser.init(mod)
  const lang = await Language.load(
    repoRequire.resolve('tree-sitter-python/tree-sitter-python.wasm')
  )
  const parser = new Parser()
  parser.setLanguage(lang)
  const initMs = performance.now() - t0
  return { parser, initMs, mustDelete: true, wasmBytes: () => mod.HEAP8?.buffer.byteLength ?? null }
}

// The analyzer's walk: top-level statements and (nested) class bodies, collecting the names of
// function_definition / decorated_definition. Two flavours: TreeCursor, and node.children.
function extractCursor(node, out, prefix, del) {
  const c = node.walk()
  if (c.gotoFirstChild()) {
    do {
      let t = c.nodeType
      if (t !== 'function_definition' && t !== 'class_definition' && t !== 'decorated_definition')
        continue
      let n = c.currentNode
      if (t === 'decorated_definition') {
        n = n.childForFieldName('definition')
        if (!n) continue
        t = n.type
      }
      const name = n.childForFieldName('name')?.text ?? '?'
      if (t === 'function_definition') out.push(prefix + name)
      else if (t === 'class_definition') {
        const body = n.childForFieldName('body')
        if (body) extractCursor(body, out, prefix + name + '.', del)
      }
    } while (c.gotoNextSibling())
  }
  if (del) c.delete()
}

function extractChildren(node, out, prefix) {
  for (let n of node.children) {
    let t = n.type
    if (t === 'decorated_definition') {
      n = n.childForFieldName('definition')
      if (!n) continue
      t = n.type
    }
    if (t === 'function_definition') out.push(prefix + (n.childForFieldName('name')?.text ?? '?'))
    else if (t === 'class_definition') {
      const body = n.childForFieldName('body')
      const name = n.childForFieldName('name')?.text ?? '?'
      if (body) extractChildren(body, out, prefix + name + '.')
    }
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

// ---------------------------------------------------------------- child tasks

async function child(kind, task, corpusDir, passes) {
  const b = await loadBinding(kind)
  if (task === 'init') return { initMs: b.initMs }
  const { texts } = loadCorpus(corpusDir)
  const { parser } = b
  const mem = { heapUsed: 0, heapTotal: 0, external: 0, wasm: 0 }
  const sample = () => {
    const m = process.memoryUsage()
    mem.heapUsed = Math.max(mem.heapUsed, m.heapUsed)
    mem.heapTotal = Math.max(mem.heapTotal, m.heapTotal)
    mem.external = Math.max(mem.external, m.external)
    mem.wasm = Math.max(mem.wasm, b.wasmBytes() ?? 0)
    return m.rss
  }

  // Native trees are freed by N-API finalizers, which run only after a GC *and* a turn of the
  // event loop; a synchronous loop therefore never gives their memory back. Between timed passes
  // both bindings get gc() + setImmediate so each pass starts from the same state.
  const tick = () => new Promise((r) => setImmediate(r))
  const settle = async () => {
    globalThis.gc?.()
    await tick()
    globalThis.gc?.()
    await tick()
  }

  if (task === 'nodelete') {
    // Parse every file and drop the tree without tree.delete() (wasm) and without ever yielding
    // to the event loop (native); record memory after each pass.
    const rssAfter = []
    const wasmAfter = []
    let error = null
    const rss0 = sample()
    const wasm0 = b.wasmBytes()
    try {
      for (let p = 0; p < passes; p++) {
        for (const s of texts) parser.parse(s)
        rssAfter.push(sample())
        wasmAfter.push(b.wasmBytes())
        // partial result, in case the next pass kills the process
        process.stdout.write(
          RESULT_TAG + JSON.stringify({ rss0, wasm0, rssAfter, wasmAfter, error }) + '\n'
        )
      }
    } catch (e) {
      error = String(e?.message ?? e).split('\n')[0]
    }
    return { rss0, wasm0, rssAfter, wasmAfter, error, maxRssKB: process.resourceUsage().maxRSS }
  }

  const del = b.mustDelete
  const timed = async (fn) => {
    const ms = []
    const cpu = []
    let last
    for (let p = 0; p < passes; p++) {
      await settle()
      const c0 = process.cpuUsage()
      const t0 = performance.now()
      last = await fn()
      ms.push(performance.now() - t0)
      const c = process.cpuUsage(c0)
      cpu.push((c.user + c.system) / 1000)
      sample()
    }
    return { ms, median: median(ms), cpu, cpuMedian: median(cpu), last }
  }
  const digest = (names) => createHash('sha256').update(names.join('\n')).digest('hex').slice(0, 12)
  const summary = (t) => t && { ms: t.ms, median: t.median, cpu: t.cpu, cpuMedian: t.cpuMedian }

  if (task === 'bounded') {
    // Memory kept bounded the way each binding allows: wasm frees every tree with tree.delete();
    // native has no delete(), so the loop calls gc() and yields to the event loop every 50 files.
    const every = 50
    const bound = async (i) => {
      if (!del && i % every === 0) {
        globalThis.gc()
        await tick()
      }
    }
    const parse = await timed(async () => {
      let i = 0
      for (const s of texts) {
        const tree = parser.parse(s)
        if (del) tree.delete()
        await bound(++i)
      }
    })
    const cursor = await timed(async () => {
      const names = []
      let i = 0
      for (const s of texts) {
        const tree = parser.parse(s)
        extractCursor(tree.rootNode, names, '', del)
        if (del) tree.delete()
        await bound(++i)
      }
      return names
    })
    return {
      parse: summary(parse),
      cursor: { ...summary(cursor), names: cursor.last.length, digest: digest(cursor.last) },
      mem,
      maxRssKB: process.resourceUsage().maxRSS
    }
  }

  // task === 'bench': synchronous loops, as a straightforward analyzer would write them.
  const parse = await timed(() => {
    let nodes = 0
    for (const s of texts) {
      const tree = parser.parse(s)
      nodes += tree.rootNode.childCount
      if (del) tree.delete()
    }
    return nodes
  })
  // The native binding pulls a string through a JS callback in 32 Ki-unit chunks by default;
  // bufferSize = length hands it over in one call.
  const parseBig =
    kind === 'native'
      ? await timed(() => {
          let nodes = 0
          for (const s of texts)
            nodes += parser.parse(s, null, { bufferSize: s.length + 1 }).rootNode.childCount
          return nodes
        })
      : null
  const cursor = await timed(() => {
    const names = []
    for (const s of texts) {
      const tree = parser.parse(s)
      extractCursor(tree.rootNode, names, '', del)
      if (del) tree.delete()
    }
    return names
  })
  const children = await timed(() => {
    const names = []
    for (const s of texts) {
      const tree = parser.parse(s)
      extractChildren(tree.rootNode, names, '')
      if (del) tree.delete()
    }
    return names
  })
  return {
    initMs: b.initMs,
    parse: summary(parse),
    parseBig: summary(parseBig),
    cursor: { ...summary(cursor), names: cursor.last.length, digest: digest(cursor.last) },
    children: { ...summary(children), names: children.last.length, digest: digest(children.last) },
    mem,
    maxRssKB: process.resourceUsage().maxRSS
  }
}

function runChild(kind, task, corpusDir, passes, nodeBin = process.execPath) {
  const r = spawnSync(
    nodeBin,
    ['--expose-gc', SELF, '--child', kind, task, corpusDir, String(passes)],
    {
      encoding: 'utf8',
      env: process.env,
      maxBuffer: 64 << 20
    }
  )
  const line = (r.stdout || '')
    .split('\n')
    .filter((l) => l.startsWith(RESULT_TAG))
    .pop()
  if (task === 'nodelete' && line && r.status !== 0) {
    const partial = JSON.parse(line.slice(RESULT_TAG.length))
    const why =
      (r.stderr || '').split('\n').find((l) => /error|abort|memory/i.test(l)) ||
      `exit ${r.status ?? r.signal}`
    return { ...partial, error: `process died: ${why.trim().slice(0, 160)}` }
  }
  if (r.status !== 0 || !line) {
    throw new Error(`${kind}/${task} child failed (exit ${r.status}):\n${r.stderr || r.stdout}`)
  }
  return JSON.parse(line.slice(RESULT_TAG.length))
}

// ---------------------------------------------------------------- packaging

function timeCmd(nodeBin, args, runs, opts = {}) {
  const ms = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    const r = spawnSync(nodeBin, args, { encoding: 'utf8', ...opts })
    ms.push(performance.now() - t0)
    if (r.status !== 0)
      return { error: (r.stderr || r.stdout).trim().split('\n').slice(0, 3).join(' | ') }
  }
  return { median: median(ms), min: Math.min(...ms), max: Math.max(...ms) }
}

function nativeInfo(file) {
  if (!existsSync(file)) return null
  const bin = readFileSync(file).toString('latin1')
  const glibcxx = [...new Set(bin.match(/GLIBCXX_3\.4\.\d+/g) ?? [])]
    .sort((a, b) => +a.split('.').pop() - +b.split('.').pop())
    .pop()
  return {
    file,
    bytes: statSync(file).size,
    napi: bin.includes('napi_register_module_v1'),
    maxGlibcxx: glibcxx ?? 'none'
  }
}

function dlopenCheck(nodeBin, file) {
  const r = spawnSync(
    nodeBin,
    ['-e', `process.dlopen({exports:{}}, ${JSON.stringify(file)}); console.log('ok')`],
    { encoding: 'utf8' }
  )
  return r.status === 0
    ? 'loads'
    : 'FAILS: ' + (r.stderr.match(/Error: (.*)/)?.[1] ?? r.stderr.trim()).slice(0, 160)
}

function packaging(runs, nativeOk) {
  const out = { wasm: {}, native: {}, coldStart: {} }
  const tsWasm = repoRequire.resolve('web-tree-sitter/tree-sitter.wasm')
  const pyWasm = repoRequire.resolve('tree-sitter-python/tree-sitter-python.wasm')
  out.wasm.files = [tsWasm, pyWasm].map((f) => ({
    file: path.basename(f),
    bytes: statSync(f).size
  }))

  // Bundle a 10-line entry that loads the wasm runtime + grammar from beside the bundle.
  const dir = path.join(os.tmpdir(), 'loopscope-bench-bundle')
  mkdirSync(dir, { recursive: true })
  writeFileSync(
    path.join(dir, 'entry.mjs'),
    [
      "import { Parser, Language } from 'web-tree-sitter'",
      "import { fileURLToPath } from 'node:url'",
      'const here = (f) => fileURLToPath(new URL(f, import.meta.url))',
      'await Parser.init()',
      "const lang = await Language.load(here('tree-sitter-python.wasm'))",
      'const parser = new Parser()',
      'parser.setLanguage(lang)',
      "const tree = parser.parse('def test_x():\\n    pass\\n')",
      'if (tree.rootNode.firstChild.type !== "function_definition") process.exit(1)',
      'tree.delete()'
    ].join('\n') + '\n'
  )
  const esbuild = path.join(REPO, 'node_modules', '.bin', 'esbuild')
  execFileSync(
    esbuild,
    [
      path.join(dir, 'entry.mjs'),
      '--bundle',
      '--platform=node',
      '--format=esm',
      '--target=node20',
      '--log-level=warning',
      `--outfile=${path.join(dir, 'bundle.mjs')}`,
      "--banner:js=import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);"
    ],
    {
      cwd: REPO,
      stdio: ['ignore', 'inherit', 'inherit'],
      // the entry lives outside the repo: let esbuild find web-tree-sitter in the repo's node_modules
      env: { ...process.env, NODE_PATH: path.join(REPO, 'node_modules') }
    }
  )
  copyFileSync(tsWasm, path.join(dir, 'tree-sitter.wasm'))
  copyFileSync(pyWasm, path.join(dir, 'tree-sitter-python.wasm'))
  out.wasm.bundleDir = dir
  out.wasm.bundleJsBytes = statSync(path.join(dir, 'bundle.mjs')).size

  const nodes = [['node ' + process.version, process.execPath]]
  if (process.env.ALT_NODE) {
    const v = spawnSync(process.env.ALT_NODE, ['--version'], { encoding: 'utf8' }).stdout.trim()
    nodes.push(['node ' + v, process.env.ALT_NODE])
  }
  const bundle = path.join(dir, 'bundle.mjs')
  for (const [label, bin] of nodes) {
    // Run from an empty cwd so that no node_modules can be picked up.
    const cs = {
      bare: timeCmd(bin, ['-e', '0'], runs, { cwd: dir }),
      wasmBundle: timeCmd(bin, [bundle], runs, { cwd: dir })
    }
    if (nativeOk) {
      const nd = JSON.stringify(path.join(process.env.NATIVE_DIR, 'package.json'))
      cs.nativeRequire = timeCmd(
        bin,
        [
          '-e',
          `const r=require('module').createRequire(${nd});const P=r('tree-sitter');const p=new P();p.setLanguage(r('tree-sitter-python'));if(p.parse('def test_x():\\n    pass\\n').rootNode.firstChild.type!=='function_definition')process.exit(1)`
        ],
        runs,
        { cwd: dir }
      )
    }
    out.coldStart[label] = cs
  }

  if (process.env.NATIVE_DIR) {
    const nm = path.join(process.env.NATIVE_DIR, 'node_modules')
    const tsPkg = path.join(nm, 'tree-sitter')
    const pyPkg = path.join(nm, 'tree-sitter-python')
    const version = (p) =>
      existsSync(p) ? JSON.parse(readFileSync(path.join(p, 'package.json'), 'utf8')).version : null
    out.native.treeSitterVersion = version(tsPkg)
    out.native.pythonVersion = version(pyPkg)
    out.native.files = [
      nativeInfo(path.join(tsPkg, 'prebuilds', 'linux-x64', 'tree-sitter.node')),
      nativeInfo(path.join(tsPkg, 'build', 'Release', 'tree_sitter_runtime_binding.node')),
      nativeInfo(path.join(pyPkg, 'prebuilds', 'linux-x64', 'tree-sitter-python.node'))
    ].filter(Boolean)
    for (const f of out.native.files) {
      f.load = Object.fromEntries(nodes.map(([label, bin]) => [label, dlopenCheck(bin, f.file)]))
    }
    if (nativeOk) {
      const r = spawnSync(
        process.execPath,
        [
          '-e',
          `console.log(require('module').createRequire(${JSON.stringify(path.join(process.env.NATIVE_DIR, 'package.json'))})('node-gyp-build').path(${JSON.stringify(tsPkg)}))`
        ],
        { encoding: 'utf8' }
      )
      out.native.loadedRuntime = r.stdout.trim()
    }
  }
  return out
}

// ---------------------------------------------------------------- report

const fmt = (n, d = 1) => (n == null || Number.isNaN(n) ? '-' : n.toFixed(d))
const MB = 1e6

function printTable(rows, headers) {
  const w = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)))
  const line = (r) =>
    '| ' +
    r.map((c, i) => (i === 0 ? String(c).padEnd(w[i]) : String(c).padStart(w[i]))).join(' | ') +
    ' |'
  console.log(line(headers))
  console.log(
    '|' +
      w.map((x, i) => (i === 0 ? ':' : '-') + '-'.repeat(x) + (i === 0 ? '-' : ':')).join('|') +
      '|'
  )
  for (const r of rows) console.log(line(r))
}

async function main() {
  const args = process.argv.slice(2)
  if (args[0] === '--child') {
    const [, kind, task, corpusDir, passes] = args
    const r = await child(kind, task, corpusDir, Number(passes))
    process.stdout.write(RESULT_TAG + JSON.stringify(r) + '\n')
    return
  }
  const opt = (name, dflt) => {
    const a = args.find((x) => x.startsWith(`--${name}=`))
    return a ? a.slice(name.length + 3) : dflt
  }
  const passes = Number(opt('passes', 3))
  const runs = Number(opt('runs', 10))
  const noDeletePasses = Number(opt('nodelete-passes', 4))
  const corpusDir = path.resolve(args.find((a) => !a.startsWith('--')) ?? defaultCorpus() ?? '')
  if (!existsSync(corpusDir)) {
    console.error('No corpus directory: pass one as the first argument.')
    process.exit(2)
  }

  const corpus = loadCorpus(corpusDir)
  const cpu =
    (readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/) ?? [])[1] ??
    os.cpus()[0]?.model
  console.log(
    `machine: ${os.cpus().length} CPUs (nproc ${os.availableParallelism()}), ${cpu}, node ${process.version}, ${os.platform()}-${os.arch()}`
  )
  console.log(
    `load average at start: ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} (other processes skew wall-clock figures)`
  )
  console.log(`corpus:  ${corpusDir}`)
  console.log(
    `         ${corpus.files.length} .py files, ${corpus.lines} lines, ${fmt(corpus.bytes / MB, 2)} MB`
  )

  const kinds = ['wasm']
  if (!process.env.NATIVE_DIR) {
    console.log('\nNATIVE_DIR is not set: measuring web-tree-sitter (wasm) alone.')
    console.log(
      '  To compare, install the native binding outside the repo and point NATIVE_DIR at it:'
    )
    console.log(
      '  mkdir /tmp/tsbench && cd /tmp/tsbench && npm i tree-sitter@0.25 tree-sitter-python@0.25.0'
    )
  } else {
    try {
      runChild('native', 'init', corpusDir, passes)
      kinds.unshift('native')
    } catch (e) {
      console.log(
        `\nNative binding under NATIVE_DIR=${process.env.NATIVE_DIR} did not load; measuring wasm alone.`
      )
      const why = String(e.message)
        .split('\n')
        .find((l) => /^\w*Error\b|Cannot find|not found/.test(l.trim()))
      console.log('  ' + (why ?? String(e.message).split('\n')[0]).trim())
      console.log('  It should hold node_modules/tree-sitter and node_modules/tree-sitter-python.')
    }
  }

  const res = {}
  for (const k of kinds) {
    const inits = []
    for (let i = 0; i < 5; i++) inits.push(runChild(k, 'init', corpusDir, passes).initMs)
    const bench = runChild(k, 'bench', corpusDir, passes)
    const bounded = runChild(k, 'bounded', corpusDir, passes)
    const nodelete = runChild(k, 'nodelete', corpusDir, noDeletePasses)
    res[k] = { initMs: median(inits), inits, bench, bounded, nodelete }
  }

  const mbps = (ms) => corpus.bytes / MB / (ms / 1000)
  const lps = (ms) => corpus.lines / (ms / 1000)
  const rssMB = (kb) => (kb * 1024) / MB
  const metrics = [
    ['cold init: runtime + grammar (ms, median of 5 procs)', (r) => r.initMs, 1],
    [`parse all files, sync loop (ms, median of ${passes})`, (r) => r.bench.parse.median, 0],
    ['  same, native bufferSize=length (ms)', (r) => r.bench.parseBig?.median, 0],
    ['  parse throughput (MB/s)', (r) => mbps(r.bench.parse.median), 2],
    ['  parse throughput (k lines/s)', (r) => lps(r.bench.parse.median) / 1000, 0],
    ['parse + extract, TreeCursor, sync (ms)', (r) => r.bench.cursor.median, 0],
    ['parse + extract, node.children, sync (ms)', (r) => r.bench.children.median, 0],
    ['  peak RSS of the sync-loop process (MB)', (r) => rssMB(r.bench.maxRssKB), 0],
    ['parse all files, memory-bounded (ms)', (r) => r.bounded.parse.median, 0],
    ['parse + extract, TreeCursor, memory-bounded (ms)', (r) => r.bounded.cursor.median, 0],
    ['  extract throughput, memory-bounded (MB/s)', (r) => mbps(r.bounded.cursor.median), 2],
    ['  peak RSS of the memory-bounded process (MB)', (r) => rssMB(r.bounded.maxRssKB), 0],
    [
      'peak JS heap used (MB)',
      (r) => Math.max(r.bench.mem.heapUsed, r.bounded.mem.heapUsed) / MB,
      0
    ],
    [
      'wasm linear memory high-water (MB)',
      (r) => (r.bench.mem.wasm ? r.bench.mem.wasm / MB : null),
      0
    ],
    [
      `no delete()/no yield: RSS after ${noDeletePasses} passes (MB)`,
      (r) => (r.nodelete.rssAfter.length ? r.nodelete.rssAfter.at(-1) / MB : null),
      0
    ]
  ]
  const headers = ['metric', ...kinds]
  if (kinds.length === 2) headers.push('wasm/native')
  const rows = metrics.map(([label, f, d]) => {
    const vals = kinds.map((k) => f(res[k]))
    const row = [label, ...vals.map((v) => fmt(v, d))]
    if (kinds.length === 2)
      row.push(vals[0] != null && vals[1] != null ? fmt(vals[1] / vals[0], 2) + 'x' : '-')
    return row
  })
  console.log('')
  printTable(rows, headers)

  console.log('')
  for (const k of kinds) {
    const b = res[k].bench
    const bd = res[k].bounded
    // wall ms of each pass, then [median process CPU ms, which includes V8's GC threads]
    const list = (t) => t.ms.map((x) => fmt(x, 0)).join('/') + ` [cpu ${fmt(t.cpuMedian, 0)}]`
    console.log(
      `${k}: init runs ${res[k].inits.map((x) => fmt(x)).join(', ')} ms; sync passes: parse ${list(b.parse)}; ` +
        `cursor ${list(b.cursor)}; children ${list(b.children)}; bounded passes: parse ${list(bd.parse)}; cursor ${list(bd.cursor)}`
    )
    console.log(
      `  extracted ${b.cursor.names} function names (cursor digest ${b.cursor.digest}, children digest ${b.children.digest})`
    )
    const nd = res[k].nodelete
    console.log(
      `  no-delete: RSS ${fmt(nd.rss0 / MB, 0)} -> ${nd.rssAfter.map((x) => fmt(x / MB, 0)).join(' -> ')} MB` +
        (nd.wasm0
          ? `; wasm memory ${fmt(nd.wasm0 / MB, 0)} -> ${nd.wasmAfter.map((x) => fmt(x / MB, 0)).join(' -> ')} MB`
          : '') +
        (nd.error ? `; ERROR: ${nd.error}` : '')
    )
  }
  if (kinds.length === 2) {
    const digests = new Set(
      kinds.flatMap((k) => [
        res[k].bench.cursor.digest,
        res[k].bench.children.digest,
        res[k].bounded.cursor.digest
      ])
    )
    const same = digests.size === 1
    console.log(`extraction results identical across bindings: ${same ? 'yes' : 'NO'}`)
  }

  let pack = null
  if (!args.includes('--no-packaging')) {
    pack = packaging(runs, kinds.includes('native'))
    console.log('\npackaging:')
    for (const f of pack.wasm.files) console.log(`  wasm  ${f.file}: ${fmt(f.bytes / 1024, 0)} KiB`)
    console.log(
      `  wasm  test bundle JS (web-tree-sitter inlined): ${fmt(pack.wasm.bundleJsBytes / 1024, 0)} KiB`
    )
    if (pack.native.files) {
      console.log(
        `  native tree-sitter@${pack.native.treeSitterVersion}, tree-sitter-python@${pack.native.pythonVersion}`
      )
      for (const f of pack.native.files) {
        console.log(
          `  native ${path.relative(path.join(process.env.NATIVE_DIR, 'node_modules'), f.file)}: ${fmt(f.bytes / 1024, 0)} KiB, ` +
            `N-API ${f.napi ? 'yes' : 'no'}, needs ${f.maxGlibcxx}; ` +
            Object.entries(f.load)
              .map(([n, s]) => `${n}: ${s}`)
              .join('; ')
        )
      }
      if (pack.native.loadedRuntime)
        console.log(`  native runtime actually loaded: ${pack.native.loadedRuntime}`)
    }
    console.log(
      `  cold start, wall clock of a whole \`node\` process (median of ${runs}, min-max):`
    )
    for (const [label, cs] of Object.entries(pack.coldStart)) {
      for (const [what, t] of Object.entries(cs)) {
        console.log(
          `    ${label.padEnd(14)} ${what.padEnd(14)} ${t.error ? 'ERROR ' + t.error : `${fmt(t.median)} ms (${fmt(t.min)}-${fmt(t.max)})`}`
        )
      }
    }
  }

  console.log(
    `\nload average at end: ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`
  )
  const json = opt('json', null)
  if (json) {
    writeFileSync(
      json,
      JSON.stringify(
        {
          corpus: {
            dir: corpusDir,
            files: corpus.files.length,
            lines: corpus.lines,
            bytes: corpus.bytes
          },
          res,
          pack
        },
        null,
        2
      )
    )
    console.log(`\nwrote ${json}`)
  }
}

await main()
