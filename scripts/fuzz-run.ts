/**
 * The fuzzer behind `npm run fuzz` (scripts/fuzz.mjs bundles this file) and __tests__/fuzz.test.ts.
 *
 * Deterministic: a seeded PRNG picks a corpus project, mutates one or more of its Python files and
 * configs (byte flips, token deletion/duplication, truncation, deep nesting, huge files, NUL bytes,
 * invalid UTF-8, CRLF/CR/mixed line endings, tabs, BOM, Python 2 syntax; broken TOML/INI, huge
 * values, duplicate keys, garbage requirements), writes it to a temporary directory and runs the
 * real analyzer. Invariants checked for every input:
 *   - analyze() does not throw (problems must become notices);
 *   - it finishes within the per-input time budget;
 *   - every finding's anchor lies in its file: 1 ≤ line ≤ endLine ≤ number of lines;
 *   - all fixes together apply cleanly to `sources` (in range, no overlaps), and re-analysing the
 *     fixed tree reports no code+path+symbol that was not reported before.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { analyze, type AnalysisResult } from '../src/analyze.js'
import { applyEdits, editsByPath } from '../src/fix/apply.js'
import type { Finding } from '../src/rules/types.js'

export interface FuzzOptions {
  count: number
  seed: number
  /** The labelled corpus: <dir>/<case>/project. */
  corpusDir: string
  /** Per-input budget for analyze() (ms); exceeding it is a violation. */
  budgetMs?: number
  /** Allow the rare very large inputs (a 20 MB file, a 1 MB one). */
  huge?: boolean
  /** Called before each input (the CLI's watchdog uses it to name a hanging input). */
  onInput?: (index: number, label: string) => void
  onViolation?: (v: Violation) => void
  /** Generate but skip inputs before this index (to replay one input of a run). */
  from?: number
  /** Also write each input here (to inspect a replayed input). */
  keep?: string
}

export interface Violation {
  index: number
  label: string
  kind: 'throw' | 'timeout' | 'anchor' | 'edit' | 'new-finding' | 'missing-source'
  detail: string
}

export interface FuzzStats {
  inputs: number
  mutations: number
  findings: number
  fixes: number
  fixesVerified: number
  notices: number
  violations: Violation[]
  maxMs: number
  maxLabel: string
  totalMs: number
}

type Rng = () => number

/** mulberry32: small, fast, and good enough to drive mutations. */
export function rng(seed: number): Rng {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const int = (r: Rng, n: number): number => Math.floor(r() * n)
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[int(r, xs.length)] as T

type Files = Map<string, Buffer>

interface Case {
  name: string
  files: Files
}

export function loadCorpus(corpusDir: string): Case[] {
  const cases: Case[] = []
  for (const d of readdirSync(corpusDir).sort()) {
    const proj = path.join(corpusDir, d, 'project')
    try {
      if (!statSync(proj).isDirectory()) continue
    } catch {
      continue
    }
    const files: Files = new Map()
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir).sort()) {
        const abs = path.join(dir, e)
        if (statSync(abs).isDirectory()) walk(abs)
        else files.set(path.relative(proj, abs).split(path.sep).join('/'), readFileSync(abs))
      }
    }
    walk(proj)
    cases.push({ name: d, files })
  }
  return cases
}

const CONFIGS = ['pytest.ini', 'pyproject.toml', 'setup.cfg', 'tox.ini']
const isPy = (p: string): boolean => p.endsWith('.py')
const isConfig = (p: string): boolean => CONFIGS.includes(path.posix.basename(p))
const isReq = (p: string): boolean => /requirements.*\.txt$|constraints.*\.txt$/.test(p)

const PY_TOKENS = [
  'async',
  'await',
  'def',
  '(',
  ')',
  ':',
  '\n',
  '    ',
  '@',
  'pytest',
  '.',
  'mark',
  'asyncio',
  'fixture',
  'yield',
  '"',
  "'",
  ',',
  '=',
  'loop_scope',
  'scope',
  'class',
  'import',
  'from',
  'anyio',
  '[',
  ']',
  '\\',
  '#',
  '"""',
  'lambda',
  'return'
]
const CFG_TOKENS = [
  '[',
  ']',
  '=',
  '"',
  "'",
  '\n',
  '[pytest]',
  '[tool.pytest.ini_options]',
  'asyncio_mode',
  'auto',
  'strict',
  'asyncio_default_fixture_loop_scope',
  'session',
  '{',
  '}',
  ',',
  '#',
  ';',
  'addopts',
  '-p',
  'no:asyncio',
  '"""',
  '\\',
  'markers'
]

function tokenize(s: string): string[] {
  return s.match(/[A-Za-z_][A-Za-z0-9_]*|\s+|[0-9]+|"""|'''|./gsu) ?? []
}

/** One mutation of a text file's bytes. Returns the new bytes and a label. */
type Mutator = (r: Rng, buf: Buffer, rel: string) => Buffer

const str = (b: Buffer): string => b.toString('utf8')
const buf = (s: string): Buffer => Buffer.from(s, 'utf8')

function nested(r: Rng, depth: number): string {
  switch (int(r, 6)) {
    case 0:
      return `x = ${'('.repeat(depth)}1${')'.repeat(depth)}\n`
    case 1:
      return `x = ${'['.repeat(depth)}${']'.repeat(depth)}\n`
    case 2:
      return `x = ${'{'.repeat(depth)}${'}'.repeat(depth)}\n` // not valid Python, still must not crash
    case 3: {
      let out = ''
      for (let i = 0; i < depth; i++) out += ' '.repeat(i) + `if x${i}:\n`
      return out + ' '.repeat(depth) + 'pass\n'
    }
    case 4: {
      let out = ''
      for (let i = 0; i < depth; i++) out += ' '.repeat(i) + `async def f${i}():\n`
      return out + ' '.repeat(depth) + 'await x\n'
    }
    default:
      return `@pytest.mark.asyncio(loop_scope=${'('.repeat(depth)}"session"${')'.repeat(depth)})\nasync def test_deep():\n    assert ${'not '.repeat(depth)}x\n`
  }
}

const PY_MUTATORS: Record<string, Mutator> = {
  byteFlip: (r, b) => {
    const out = Buffer.from(b)
    const n = 1 + int(r, 8)
    for (let i = 0; i < n && out.length; i++) out[int(r, out.length)] = int(r, 256)
    return out
  },
  tokenDelete: (r, b) => {
    const t = tokenize(str(b))
    const n = 1 + int(r, 4)
    for (let i = 0; i < n && t.length; i++) t.splice(int(r, t.length), 1 + int(r, 3))
    return buf(t.join(''))
  },
  tokenDuplicate: (r, b) => {
    const t = tokenize(str(b))
    const n = 1 + int(r, 4)
    for (let i = 0; i < n && t.length; i++) {
      const at = int(r, t.length)
      t.splice(at, 0, ...t.slice(at, at + 1 + int(r, 6)))
    }
    return buf(t.join(''))
  },
  tokenInsert: (r, b) => {
    const t = tokenize(str(b))
    const n = 1 + int(r, 4)
    for (let i = 0; i < n; i++) t.splice(int(r, t.length + 1), 0, pick(r, PY_TOKENS))
    return buf(t.join(''))
  },
  truncate: (r, b) => b.subarray(0, int(r, b.length + 1)),
  deepNesting: (r, b) => {
    const depth = pick(r, [100, 1000, 3000, 10000])
    const s = str(b)
    const lines = s.split('\n')
    const at = int(r, lines.length + 1)
    return buf([...lines.slice(0, at), nested(r, depth), ...lines.slice(at)].join('\n'))
  },
  nul: (r, b) => {
    const s = str(b)
    const at = int(r, s.length + 1)
    return buf(s.slice(0, at) + '\0'.repeat(1 + int(r, 3)) + s.slice(at))
  },
  invalidUtf8: (r, b) => {
    const at = int(r, b.length + 1)
    const bad = pick(r, [
      [0xff],
      [0xc3],
      [0xe2, 0x82],
      [0xed, 0xa0, 0x80],
      [0xc0, 0xaf],
      [0xf8, 0x88, 0x80, 0x80, 0x80],
      [0x80, 0x80]
    ])
    return Buffer.concat([b.subarray(0, at), Buffer.from(bad), b.subarray(at)])
  },
  crlf: (_r, b) => buf(str(b).replace(/\n/g, '\r\n')),
  cr: (_r, b) => buf(str(b).replace(/\n/g, '\r')),
  mixedEol: (r, b) =>
    buf(
      str(b).replace(/\n/g, () =>
        pick(r, ['\n', '\r\n', '\r', '\n\r', '\v', '\f', '\u2028', '\x85'])
      )
    ),
  tabs: (r, b) =>
    buf(
      str(b).replace(/^( {4})+/gm, (m) =>
        r() < 0.5 ? '\t'.repeat(m.length / 4) : m.slice(0, 4).replace('    ', '\t') + m.slice(4)
      )
    ),
  bom: (r, b) =>
    r() < 0.8
      ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b])
      : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]), b]),
  utf16: (_r, b) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(str(b), 'utf16le')]),
  python2: (r, b) => {
    const s = str(b)
    const lines = s.split('\n')
    const at = int(r, lines.length + 1)
    const snippet = pick(r, [
      'print "hello", x\n',
      'try:\n    pass\nexcept ValueError, e:\n    print e\n',
      'exec "code"\n',
      'x = `y`\n',
      'raise E, "msg"\n',
      'def f((a, b)):\n    return a <> b\n',
      'x = 0777L\n',
      'print >>sys.stderr, "x"\n',
      'async = 1\nawait = 2\n'
    ])
    return buf(
      [...lines.slice(0, at), snippet, ...lines.slice(at)]
        .join('\n')
        .replace(/except (\w+) as (\w+):/g, (m, a, c) => (r() < 0.5 ? `except ${a}, ${c}:` : m))
    )
  },
  unicode: (r, b) => {
    const s = str(b)
    const at = int(r, s.length + 1)
    return buf(
      s.slice(0, at) +
        pick(r, ['é', '😀', '\u200b', '\ud800', '𝔞sync', 'ａsync', '\u0300', '\uffff']) +
        s.slice(at)
    )
  },
  longLine: (r, b) => buf(str(b) + `\nx = "${'a'.repeat(pick(r, [10000, 200000]))}"\n`),
  manyDefs: (r, b) => {
    const n = pick(r, [500, 3000])
    let out = str(b) + '\n'
    for (let i = 0; i < n; i++)
      out += `@pytest.mark.asyncio\nasync def test_gen_${i}(db):\n    await db.q(${i})\n\n`
    return buf(out)
  },
  empty: () => Buffer.alloc(0)
}

const CFG_MUTATORS: Record<string, Mutator> = {
  byteFlip: PY_MUTATORS.byteFlip as Mutator,
  truncate: PY_MUTATORS.truncate as Mutator,
  tokenDelete: PY_MUTATORS.tokenDelete as Mutator,
  tokenDuplicate: PY_MUTATORS.tokenDuplicate as Mutator,
  nul: PY_MUTATORS.nul as Mutator,
  invalidUtf8: PY_MUTATORS.invalidUtf8 as Mutator,
  crlf: PY_MUTATORS.crlf as Mutator,
  mixedEol: PY_MUTATORS.mixedEol as Mutator,
  bom: PY_MUTATORS.bom as Mutator,
  empty: PY_MUTATORS.empty as Mutator,
  tokenInsert: (r, b) => {
    const t = tokenize(str(b))
    const n = 1 + int(r, 4)
    for (let i = 0; i < n; i++) t.splice(int(r, t.length + 1), 0, pick(r, CFG_TOKENS))
    return buf(t.join(''))
  },
  duplicateLines: (r, b) => {
    const lines = str(b).split('\n')
    const n = 1 + int(r, 4)
    for (let i = 0; i < n && lines.length; i++) {
      const at = int(r, lines.length)
      lines.splice(at, 0, lines[at] as string)
    }
    return buf(lines.join('\n'))
  },
  duplicateKeys: (r, b, rel) => {
    const toml = rel.endsWith('.toml')
    const sec = toml
      ? '[tool.pytest.ini_options]'
      : rel.endsWith('setup.cfg')
        ? '[tool:pytest]'
        : '[pytest]'
    const key = pick(r, [
      'asyncio_mode',
      'asyncio_default_fixture_loop_scope',
      'asyncio_default_test_loop_scope',
      'addopts',
      'testpaths',
      'python_files'
    ])
    const v = (x: string): string => (toml ? `"${x}"` : x)
    return buf(
      str(b) +
        `\n${sec}\n${key} = ${v('auto')}\n${key} = ${v('session')}\n${r() < 0.5 ? sec + '\n' : ''}`
    )
  },
  hugeValue: (r, b, rel) => {
    const toml = rel.endsWith('.toml')
    const sec = toml
      ? '[tool.pytest.ini_options]'
      : rel.endsWith('setup.cfg')
        ? '[tool:pytest]'
        : '[pytest]'
    const big = pick(r, [
      'x'.repeat(1_000_000),
      Array.from({ length: 20000 }, (_, i) => `-p plugin${i}`).join(' '),
      '9'.repeat(5000)
    ])
    const key = pick(r, [
      'addopts',
      'asyncio_mode',
      'testpaths',
      'markers',
      'asyncio_default_fixture_loop_scope'
    ])
    return buf(str(b) + `\n${sec}\n${key} = ${toml ? JSON.stringify(big) : big}\n`)
  },
  brokenSyntax: (r, b, rel) => {
    const junk = rel.endsWith('.toml')
      ? pick(r, [
          '[tool.pytest.ini_options\n',
          'a = \n',
          '[[tool]]\n[tool]\n',
          'x = """unterminated\n',
          'k = {a = 1, a = 2}\n',
          'v = [1, "a",\n',
          '= 3\n',
          '[tool.pytest.ini_options]\nasyncio_mode = 1\naddopts = ["-p", 3]\n',
          'a.b = 1\na = 2\n',
          'd = 1979-05-27T07:32:00Z\n'
        ])
      : pick(r, [
          '[pytest\n',
          'no equals sign here\n',
          '  continuation without key\n',
          '[]\n',
          '=value\n',
          '[pytest]\n[pytest]\naddopts = -p no:asyncio\n',
          '[pytest]\nasyncio_mode = AUTO\n',
          '[pytest]\nasyncio_default_fixture_loop_scope = galaxy\n',
          '%(interp)s = 1\n',
          '[pytest]\naddopts = "-p\n'
        ])
    const s = str(b)
    const at = int(r, s.length + 1)
    return buf(s.slice(0, at) + junk + s.slice(at))
  }
}

const REQ_MUTATORS: Record<string, Mutator> = {
  byteFlip: PY_MUTATORS.byteFlip as Mutator,
  truncate: PY_MUTATORS.truncate as Mutator,
  invalidUtf8: PY_MUTATORS.invalidUtf8 as Mutator,
  crlf: PY_MUTATORS.crlf as Mutator,
  bom: PY_MUTATORS.bom as Mutator,
  garbage: (r, b) => {
    const junk = pick(r, [
      'pytest-asyncio==\n',
      'pytest-asyncio===1.0\n',
      'pytest-asyncio>=,<\n',
      'pytest-asyncio==9999999999999999999999.0\n',
      'pytest-asyncio==1.0.0.dev0.post1+local.x\n',
      'pytest-asyncio[extra,,]==1.0 ; python_version < "3\n',
      '-r requirements-dev.txt\n',
      '-r ../../../../etc/passwd\n',
      '-e git+https://example.invalid/x.git#egg=pytest-asyncio\n',
      'anyio @ file:///tmp/x\n',
      '\\\n\\\n',
      'pytest==8.*\npytest==7.0\n',
      'pytest-asyncio (>=0.21)\n',
      '--index-url http://x\n',
      'pytest-asyncio==' + '1.'.repeat(5000) + '0\n',
      'trio==0.2 # comment \\\n'
    ])
    const s = str(b)
    const lines = s.split('\n')
    const at = int(r, lines.length + 1)
    return buf([...lines.slice(0, at), junk, ...lines.slice(at)].join('\n'))
  }
}

function pickMutator(r: Rng, rel: string): [string, Mutator] {
  const table = isPy(rel)
    ? PY_MUTATORS
    : isConfig(rel)
      ? CFG_MUTATORS
      : isReq(rel)
        ? REQ_MUTATORS
        : PY_MUTATORS
  const name = pick(r, Object.keys(table))
  return [name, table[name] as Mutator]
}

/** Builds one fuzz input: a mutated copy of a corpus project. */
function makeInput(
  r: Rng,
  cases: Case[],
  huge: boolean
): { label: string; files: Files; changed?: string[] } {
  const c = pick(r, cases)
  const files: Files = new Map(c.files)
  const labels: string[] = []
  const rels = [...files.keys()]
  const n = 1 + int(r, 3)
  for (let i = 0; i < n; i++) {
    // Mostly Python files; configs and requirements often, sometimes a brand-new config file.
    let rel: string
    const roll = r()
    if (roll < 0.1) rel = pick(r, CONFIGS)
    else if (roll < 0.15) rel = 'requirements.txt'
    else rel = pick(r, rels)
    const [name, m] = pickMutator(r, rel)
    files.set(rel, m(r, files.get(rel) ?? Buffer.alloc(0), rel))
    labels.push(`${name}@${rel}`)
  }
  if (huge && r() < 0.004) {
    // Rare and slow: a 20 MB test file (must be skipped with a notice), or a 1 MB one (parsed).
    const over = r() < 0.5
    const unit = '@pytest.mark.asyncio\nasync def test_x(db):\n    await db.q(1)\n\n'
    const size = over ? 20 * 1024 * 1024 : 1024 * 1024
    const text = unit.repeat(Math.floor(size / unit.length))
    files.set('tests/test_huge.py', buf('import pytest\n' + text))
    labels.push(over ? 'file20MB' : 'file1MB')
  }
  let changed: string[] | undefined
  if (r() < 0.15) {
    const all = [...files.keys()]
    changed = Array.from({ length: 1 + int(r, 3) }, () => pick(r, all))
    labels.push('pr-mode')
  }
  return { label: `${c.name} [${labels.join(', ')}]`, files, changed }
}

function writeFiles(root: string, files: Files): void {
  rmSync(root, { recursive: true, force: true })
  for (const [rel, b] of files) {
    const abs = path.join(root, rel)
    mkdirSync(path.dirname(abs), { recursive: true })
    writeFileSync(abs, b)
  }
}

/** Lines as Python counts them (universal newlines: a lone CR ends a line too). */
const lineCounts = new Map<string, number>()
const lineCount = (text: string): number => {
  // Thousands of findings in one big file: count its lines once (texts are keys, no file I/O).
  let n = lineCounts.get(text)
  if (n === undefined) {
    if (lineCounts.size > 64) lineCounts.clear()
    n = text.split(/\r\n|\r|\n/).length
    lineCounts.set(text, n)
  }
  return n
}

const fkey = (f: Finding): string => `${f.code}\0${f.path}\0${f.symbol}`

export async function runFuzz(opts: FuzzOptions): Promise<FuzzStats> {
  const budget = opts.budgetMs ?? 10_000
  const cases = loadCorpus(opts.corpusDir)
  if (!cases.length) throw new Error(`no corpus projects under ${opts.corpusDir}`)
  const r = rng(opts.seed)
  const base = mkdtempSync(path.join(tmpdir(), 'loopscope-fuzz-'))
  const root = path.join(base, 'p')
  const stats: FuzzStats = {
    inputs: 0,
    mutations: 0,
    findings: 0,
    fixes: 0,
    fixesVerified: 0,
    notices: 0,
    violations: [],
    maxMs: 0,
    maxLabel: '',
    totalMs: 0
  }
  try {
    for (let i = 0; i < opts.count; i++) {
      const input = makeInput(r, cases, opts.huge ?? true)
      if (i < (opts.from ?? 0)) continue
      opts.onInput?.(i, input.label)
      if (opts.keep) writeFiles(opts.keep, input.files)
      const violate = (kind: Violation['kind'], detail: string): void => {
        const v = { index: i, label: input.label, kind, detail }
        stats.violations.push(v)
        opts.onViolation?.(v)
      }
      stats.inputs++
      stats.mutations += input.label.split(', ').length
      writeFiles(root, input.files)
      const t0 = performance.now()
      let res: AnalysisResult
      try {
        res = await analyze({ root, changed: input.changed })
      } catch (e) {
        violate(
          'throw',
          String((e as Error)?.stack ?? e)
            .split('\n')
            .slice(0, 6)
            .join('\n')
        )
        continue
      }
      const ms = performance.now() - t0
      stats.totalMs += ms
      if (ms > stats.maxMs) {
        stats.maxMs = ms
        stats.maxLabel = input.label
      }
      if (ms > budget) violate('timeout', `${Math.round(ms)} ms > ${budget} ms`)
      stats.findings += res.findings.length
      stats.notices += res.notices.length

      for (const f of res.findings) {
        // A fix may create the file its finding is anchored in (e.g. a new pytest.ini).
        const creates =
          f.fix?.edits.some((e) => e.path === f.path && e.start === 0 && e.end === 0) &&
          !existsSync(path.join(root, f.path))
        const text = res.sources.get(f.path) ?? (creates ? '' : undefined)
        if (text === undefined) {
          violate('missing-source', `${f.code} ${f.path}: no entry in sources`)
          continue
        }
        const lines = lineCount(text)
        if (!(
          Number.isInteger(f.line) &&
          Number.isInteger(f.endLine) &&
          f.line >= 1 &&
          f.line <= f.endLine &&
          f.endLine <= lines
        )) {
          violate('anchor', `${f.code} ${f.path}:${f.line}-${f.endLine} outside 1..${lines}`)
        }
        for (const rl of f.related) {
          const t = res.sources.get(rl.path)
          if (
            t !== undefined &&
            !(rl.line >= 1 && rl.line <= rl.endLine && rl.endLine <= lineCount(t))
          ) {
            violate(
              'anchor',
              `${f.code} related ${rl.path}:${rl.line}-${rl.endLine} outside 1..${lineCount(t)}`
            )
          }
        }
      }

      const withFix = res.findings.filter((f) => f.fix?.edits.length)
      if (!withFix.length) continue
      stats.fixes += withFix.length
      const fixed = new Map(input.files)
      let ok = true
      for (const [p, edits] of editsByPath(withFix)) {
        const text = res.sources.get(p) ?? ''
        for (const e of edits) {
          if (!(
            Number.isInteger(e.start) &&
            Number.isInteger(e.end) &&
            0 <= e.start &&
            e.start <= e.end &&
            e.end <= text.length
          )) {
            violate('edit', `${p}: edit ${e.start}-${e.end} outside 0..${text.length}`)
            ok = false
          }
        }
        if (!ok) break
        try {
          fixed.set(p, buf(applyEdits(text, edits)))
        } catch (e) {
          violate('edit', `${p}: ${(e as Error).message}`)
          ok = false
          break
        }
      }
      if (!ok) continue
      writeFiles(root, fixed)
      let after: AnalysisResult
      try {
        after = await analyze({ root, changed: input.changed })
      } catch (e) {
        violate(
          'throw',
          `after fixes: ${String((e as Error)?.stack ?? e)
            .split('\n')
            .slice(0, 6)
            .join('\n')}`
        )
        continue
      }
      const before = new Set(res.findings.map(fkey))
      const added = after.findings.filter((f) => !before.has(fkey(f)))
      if (added.length)
        violate('new-finding', added.map((f) => `${f.code} ${f.path} ${f.symbol}`).join('; '))
      else stats.fixesVerified += withFix.length
    }
  } finally {
    rmSync(base, { recursive: true, force: true })
  }
  return stats
}

export function formatStats(s: FuzzStats): string {
  const f = (x: number): string => x.toLocaleString('en-US')
  return [
    `inputs: ${f(s.inputs)} (${f(s.mutations)} mutations)`,
    `findings seen: ${f(s.findings)}, notices: ${f(s.notices)}`,
    `fixes verified: ${f(s.fixesVerified)} of ${f(s.fixes)}`,
    `violations: ${f(s.violations.length)}`,
    `max time per input: ${Math.round(s.maxMs)} ms (${s.maxLabel}); mean ${s.inputs ? Math.round(s.totalMs / s.inputs) : 0} ms`
  ].join('\n')
}

/** CLI entry (bundled by scripts/fuzz.mjs): `--count N --seed S [--budget MS] [--no-huge] [--from I --keep DIR]`. */
async function main(): Promise<void> {
  const argv = process.argv.slice(2)
  const arg = (name: string, dflt: string): string => {
    const i = argv.indexOf(name)
    return i >= 0 && argv[i + 1] !== undefined ? (argv[i + 1] as string) : dflt
  }
  const count = Number(arg('--count', '1000'))
  const seed = Number(arg('--seed', '1'))
  const budgetMs = Number(arg('--budget', '10000'))
  const corpusDir = arg('--corpus', path.join(process.cwd(), '__tests__', 'fixtures', 'corpus'))
  const t0 = performance.now()
  const stats = await runFuzz({
    count,
    seed,
    budgetMs,
    corpusDir,
    from: Number(arg('--from', '0')),
    keep: argv.includes('--keep') ? arg('--keep', '') : undefined,
    huge: !argv.includes('--no-huge'),
    // The parent (scripts/fuzz.mjs) watches these lines: an input that never finishes is a hang.
    onInput: (i, label) => {
      process.stdout.write(`@input ${i} ${label}\n`)
      if (i > 0 && i % 500 === 0)
        process.stderr.write(`  ${i} inputs, ${Math.round((performance.now() - t0) / 1000)} s\n`)
    },
    onViolation: (v) =>
      process.stdout.write(
        `@violation #${v.index} ${v.kind}: ${v.label}\n  ${v.detail.replace(/\n/g, '\n  ')}\n`
      )
  })
  process.stdout.write(
    `@done ${JSON.stringify({ ...stats, violations: stats.violations.length, seconds: Math.round((performance.now() - t0) / 1000) })}\n`
  )
  process.stdout.write(formatStats(stats) + '\n')
  process.exitCode = stats.violations.length ? 1 : 0
}

if (process.env.LOOPSCOPE_FUZZ_MAIN === '1') {
  main().catch((e) => {
    process.stderr.write(String(e?.stack ?? e) + '\n')
    process.exit(2)
  })
}
