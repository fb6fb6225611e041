/**
 * Which versions of pytest-asyncio, anyio, pytest, trio, Hypothesis and pytest-trio a project may
 * run, read from its pins as data (nothing is installed, resolved online or executed).
 *
 * Sources, from the analysis root and from the rootdir: lockfiles (`uv.lock`, `poetry.lock`,
 * `pdm.lock`, `Pipfile.lock`: exact, and they beat every specifier), `pyproject.toml` (PEP 621
 * `dependencies` / `optional-dependencies`, PEP 735 `[dependency-groups]`, Poetry's
 * `[tool.poetry.*dependencies]` with `^`/`~` constraints, Hatch env and PDM dev dependencies),
 * requirements files (`*requirements*.txt`, `requirements/*.txt`, `constraints*.txt`, following
 * `-r`/`-c` relative to the including file, cycle-safe), `setup.cfg`, `tox.ini` `deps`,
 * `Pipfile`, and a cheap scan of the string literals of `setup.py`.
 *
 * Each package gets the known releases (known-versions.ts) that satisfy every specifier found
 * (PEP 440 via `@renovatebot/pep440`, Renovate's port of Python's `packaging`); an exact pin to a
 * release that is not in the list is still that release. Markers (`; python_version < "3.11"`)
 * do not stop a requirement from counting; extras are followed for `anyio[trio]` (trio is
 * installed) and the plugins' own dependencies (pytest-asyncio/pytest-trio bring pytest,
 * pytest-trio brings trio). pytest and pytest-asyncio narrow each other through the pytest range
 * each pytest-asyncio release declares, as an installer would.
 */
import pep440 from '@renovatebot/pep440'
import type { FileSource } from '../read/workspace.js'
import { parseIni, readToml, tomlGet, tomlStringItems, type TomlKeyValue } from './config.js'
import {
  KNOWN_PACKAGES,
  KNOWN_VERSIONS,
  NEWEST_KNOWN,
  PYTEST_ASYNCIO_PYTEST_REQUIREMENT,
  type KnownPackage
} from './known-versions.js'

export type { KnownPackage } from './known-versions.js'

/** A FileSource that may also list files (the Workspace does, through `walk`). */
export type ListingFileSource = FileSource & {
  walk?: (
    dir: string,
    want: (rel: string, base: string) => boolean,
    skipDir: (base: string, rel: string) => boolean
  ) => string[]
}

export interface VersionSource {
  path: string
  line: number
}

export type RequirementKind =
  | 'lock'
  | 'requirements'
  | 'constraints'
  | 'pyproject'
  | 'poetry'
  | 'setup.cfg'
  | 'setup.py'
  | 'tox.ini'
  | 'Pipfile'
  | 'override'
  | 'implied'

/** One mention of a package. */
export interface FoundRequirement {
  name: KnownPackage
  /** PEP 440 specifier as written (Poetry constraints converted), '' when unconstrained. */
  specifier: string
  /** The line as written (requirement text / lock version). */
  text: string
  extras: string[]
  marker: string | null
  kind: RequirementKind
  source: VersionSource
  /** Constraints files limit the version without installing the package. */
  constraintOnly: boolean
  /** For Poetry `a || b` constraints: alternatives (any may hold). */
  alternatives?: string[]
}

export interface VersionInfo {
  name: KnownPackage
  /** The deciding specifier as written (e.g. `>=0.24`), `locked ==X` for a lockfile, or null. */
  spec: string | null
  /** Where the deciding pin is (or the first declaration when nothing pins it). */
  source: VersionSource | null
  /** Versions the project may run, ascending. */
  candidates: string[]
  /** Nothing constrains the version: candidates = [the newest known release]. */
  assumed: boolean
  /** The project installs the package (directly, through a lockfile, or via an extra/plugin). */
  declared: boolean
  locked: boolean
  overridden: boolean
  /** Every mention found, in reading order. */
  requirements: FoundRequirement[]
  /** Why candidates were narrowed or widened (conflicts, cross-package requirements). */
  notes: string[]
}

export interface Versions {
  packages: Record<KnownPackage, VersionInfo>
  /** Files read, in order. */
  files: string[]
  problems: { path: string; line: number; message: string }[]
}

// ---------------------------------------------------------------------------------------------
// Names and PEP 508

/** PEP 503 normalisation: lower case, runs of `-`, `_`, `.` become one `-`. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-')
}

const KNOWN_SET = new Set<string>(KNOWN_PACKAGES)
const asKnown = (raw: string): KnownPackage | null => {
  const n = normalizeName(raw)
  return KNOWN_SET.has(n) ? (n as KnownPackage) : null
}

export interface ParsedRequirement {
  name: string
  rawName: string
  extras: string[]
  specifier: string
  url: string | null
  marker: string | null
}

const NAME_RE = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*/
const MARKER_START =
  /^\s*(?:\(|['"]|python_version|python_full_version|os_name|sys_platform|platform_release|platform_system|platform_version|platform_machine|platform_python_implementation|implementation_name|implementation_version|extra\b)/

/** Parses one PEP 508 requirement; null when the text is not one. */
export function parseRequirement(text: string): ParsedRequirement | null {
  const m = NAME_RE.exec(text)
  if (!m) return null
  const rawName = m[1] as string
  let rest = text.slice(m[0].length)
  let extras: string[] = []
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']')
    if (close < 0) return null
    extras = rest
      .slice(1, close)
      .split(',')
      .map((e) => normalizeName(e.trim()))
      .filter(Boolean)
    rest = rest.slice(close + 1).trimStart()
  }
  let marker: string | null = null
  const semi = rest.indexOf(';')
  if (rest.startsWith('@')) {
    // URL requirement: `name @ url ; marker` (the marker needs whitespace before `;`).
    const mm = /\s;\s*(.*)$/.exec(rest)
    const url = (mm ? rest.slice(1, mm.index) : rest.slice(1)).trim()
    if (mm) marker = (mm[1] as string).trim()
    return { name: normalizeName(rawName), rawName, extras, specifier: '', url, marker }
  }
  if (semi >= 0) {
    marker = rest.slice(semi + 1).trim()
    rest = rest.slice(0, semi)
  }
  let spec = rest.trim()
  if (spec.startsWith('(') && spec.endsWith(')')) spec = spec.slice(1, -1).trim()
  if (spec && !/^(===|~=|==|!=|<=|>=|<|>)/.test(spec)) return null
  if (spec && !/^[\s\w.*+!<>=~,-]+$/.test(spec)) return null
  return { name: normalizeName(rawName), rawName, extras, specifier: spec, url: null, marker }
}

/** A specifier pep440 accepts (normalised spacing); null when invalid. */
function cleanSpecifier(spec: string): string | null {
  const s = spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .join(',')
  if (!s) return ''
  try {
    return pep440.validRange(s) ? s : null
  } catch {
    return null
  }
}

// ---------------------------------------------------------------------------------------------
// Poetry constraints

/** Converts one Poetry constraint (`^1.2`, `~1.2.3`, `1.2.*`, `>=1,<2`, `*`) to PEP 440. */
export function poetryToPep440(constraint: string): string | null {
  const c = constraint.trim()
  if (!c || c === '*') return ''
  const parts = c.split(/\s*,\s*|\s+(?=[<>=!~^])/).filter(Boolean)
  const out: string[] = []
  for (const raw of parts) {
    const p = raw.trim()
    let m: RegExpExecArray | null
    if ((m = /^\^\s*(\d+(?:\.\d+)*)(.*)$/.exec(p))) {
      const nums = (m[1] as string).split('.').map(Number)
      const i = nums.findIndex((x) => x !== 0)
      const bumpAt = i < 0 ? Math.max(0, nums.length - 1) : Math.min(i, nums.length - 1)
      const upper = nums.slice(0, bumpAt + 1)
      upper[bumpAt] = (upper[bumpAt] as number) + 1
      out.push(`>=${m[1]}${m[2]}`, `<${upper.join('.')}`)
    } else if ((m = /^~(?!=)\s*(\d+(?:\.\d+)*)(.*)$/.exec(p))) {
      const nums = (m[1] as string).split('.').map(Number)
      const upper =
        nums.length === 1 ? [(nums[0] as number) + 1] : [nums[0] as number, (nums[1] as number) + 1]
      out.push(`>=${m[1]}${m[2]}`, `<${upper.join('.')}`)
    } else if (/^\d/.test(p)) {
      out.push(`==${p}`)
    } else if (/^(===|~=|==|!=|<=|>=|<|>)/.test(p)) {
      out.push(p.replace(/\s+/g, ''))
    } else if (p === '*') {
      continue
    } else return null
  }
  return out.join(',')
}

// ---------------------------------------------------------------------------------------------
// Reading

interface Reader {
  fs: ListingFileSource
  reqs: FoundRequirement[]
  files: string[]
  problems: { path: string; line: number; message: string }[]
  visited: Set<string>
}

const dirOf = (p: string): string => {
  const i = p.lastIndexOf('/')
  return i < 0 ? '' : p.slice(0, i)
}
const joinPath = (dir: string, name: string): string => (dir ? `${dir}/${name}` : name)

/** Resolves `target` relative to directory `dir`; null when it leaves the analysis root. */
function resolveRel(dir: string, target: string): string | null {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(target) || target.startsWith('/')) return null
  const parts = dir ? dir.split('/') : []
  for (const seg of target.replace(/\\/g, '/').split('/')) {
    if (!seg || seg === '.') continue
    if (seg === '..') {
      if (!parts.length) return null
      parts.pop()
    } else parts.push(seg)
  }
  return parts.join('/')
}

function addReq(
  r: Reader,
  text: string,
  kind: RequirementKind,
  source: VersionSource,
  constraintOnly = false
): void {
  const parsed = parseRequirement(text)
  if (!parsed) return
  const name = asKnown(parsed.name)
  const push = (
    n: KnownPackage,
    specifier: string,
    extras: string[],
    k: RequirementKind,
    t: string
  ): void => {
    r.reqs.push({
      name: n,
      specifier,
      text: t,
      extras,
      marker: parsed.marker,
      kind: k,
      source,
      constraintOnly
    })
  }
  if (name) {
    let spec = parsed.specifier
    if (spec) {
      const clean = cleanSpecifier(spec)
      if (clean === null) {
        r.problems.push({
          ...source,
          message: `unrecognised version specifier '${spec}' for ${name}`
        })
        spec = ''
      } else spec = clean
    }
    push(name, spec, parsed.extras, kind, text.trim())
  }
  if (constraintOnly) return
  // Extras and plugin dependencies that install the packages we care about.
  const implied: KnownPackage[] = []
  if (name === 'anyio' && parsed.extras.includes('trio')) implied.push('trio')
  if (name === 'pytest-asyncio') implied.push('pytest')
  if (name === 'pytest-trio') implied.push('pytest', 'trio')
  for (const n of implied) push(n, '', [], 'implied', text.trim())
}

function readRequirementsFile(r: Reader, path: string, constraintOnly: boolean): void {
  // A file read as constraints may later be included as requirements (and the other way round).
  const key = `${constraintOnly ? 'c' : 'r'}:${path}`
  if (r.visited.has(key)) return
  r.visited.add(key)
  const text = r.fs.read(path)
  if (text === null) return
  if (!r.files.includes(path)) r.files.push(path)
  const lines = text.split(/\r\n|\n|\r/)
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1
    let line = lines[i] as string
    // pip joins backslash continuations first, then drops comments.
    while (/\\$/.test(line) && i + 1 < lines.length) {
      line = line.slice(0, -1) + ' ' + (lines[++i] as string)
    }
    line = line.replace(/(^|\s)#.*$/, '').trim()
    if (!line) continue
    const src = { path, line: lineNo }
    let m: RegExpExecArray | null
    if ((m = /^(-r|--requirement|-c|--constraint)(?:\s*=\s*|\s+|(?<=^-[rc]))(\S.*)$/.exec(line))) {
      const target = resolveRel(dirOf(path), (m[2] as string).trim())
      const isConstraint = m[1] === '-c' || m[1] === '--constraint'
      if (target === null) r.problems.push({ ...src, message: `cannot follow '${line}'` })
      else if (!r.fs.exists(target))
        r.problems.push({ ...src, message: `included file ${target} not found` })
      else readRequirementsFile(r, target, constraintOnly || isConstraint)
      continue
    }
    if ((m = /^(-e|--editable)(?:\s*=\s*|\s+)(\S+)/.exec(line))) {
      const egg = /#egg=([A-Za-z0-9._-]+)/.exec(m[2] as string)
      if (egg) addReq(r, egg[1] as string, 'requirements', src, constraintOnly)
      continue
    }
    if (line.startsWith('-')) continue // index options, --pre, --hash lines, ...
    // Per-requirement options (`--hash=…`, `--config-settings …`) follow the requirement.
    const cut = /\s+--?[A-Za-z]/.exec(line)
    const req = cut ? line.slice(0, cut.index) : line
    addReq(r, req, constraintOnly ? 'constraints' : 'requirements', src, constraintOnly)
  }
}

/** Line of a TOML statement (or of one string item inside it). */
/** The requirement strings of an array value (strings inside inline tables are skipped). */
function itemSources(
  stmt: TomlKeyValue,
  path: string,
  lineOf: (offset: number) => number,
  includeTables = false
) {
  return tomlStringItems(stmt.valueText, stmt.valueSpan.start)
    .filter((it) => includeTables || !it.inTable)
    .map((it) => ({ value: it.value, source: { path, line: lineOf(it.start) } }))
}

function lineIndexOf(text: string): (offset: number) => number {
  const starts = [0]
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1)
  return (offset: number) => {
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if ((starts[mid] as number) <= offset) lo = mid
      else hi = mid - 1
    }
    return lo + 1
  }
}

const startsWithPath = (full: string[], prefix: string[]): boolean =>
  full.length >= prefix.length && prefix.every((p, i) => full[i] === p)

function readPyproject(r: Reader, path: string): void {
  const text = r.fs.read(path)
  if (text === null) return
  r.files.push(path)
  const doc = readToml(text)
  for (const p of doc.problems) r.problems.push({ path, ...p })
  const lineOf = lineIndexOf(text)
  const kvs = doc.layout.statements.filter((s): s is TomlKeyValue => s.kind === 'kv')
  const full = (s: TomlKeyValue): string[] => [...s.table, ...s.keyPath]

  for (const s of kvs) {
    const f = full(s)
    const isReqList =
      (f.length === 2 && f[0] === 'project' && f[1] === 'dependencies') ||
      (f.length === 3 && f[0] === 'project' && f[1] === 'optional-dependencies') ||
      (f.length === 2 && f[0] === 'dependency-groups') ||
      (f.length === 5 &&
        f[0] === 'tool' &&
        f[1] === 'hatch' &&
        f[2] === 'envs' &&
        (f[4] === 'dependencies' || f[4] === 'extra-dependencies')) ||
      (f.length === 4 && f[0] === 'tool' && f[1] === 'pdm' && f[2] === 'dev-dependencies')
    // `optional-dependencies = { test = ["…"] }` written inline under [project]
    const inlineExtras = f.length === 2 && f[0] === 'project' && f[1] === 'optional-dependencies'
    if (inlineExtras) {
      for (const it of itemSources(s, path, lineOf, true))
        addReq(r, it.value, 'pyproject', it.source)
      continue
    }
    if (isReqList) {
      for (const it of itemSources(s, path, lineOf)) addReq(r, it.value, 'pyproject', it.source)
      if (f[0] === 'dependency-groups') checkIncludeGroups(r, doc.data, s, path, lineOf)
      continue
    }
    // Poetry: [tool.poetry.dependencies], [tool.poetry.dev-dependencies], [tool.poetry.group.X.dependencies]
    const poetryTable =
      (f.length === 4 &&
        startsWithPath(f, ['tool', 'poetry']) &&
        (f[2] === 'dependencies' || f[2] === 'dev-dependencies')) ||
      (f.length === 6 && startsWithPath(f, ['tool', 'poetry', 'group']) && f[4] === 'dependencies')
    if (poetryTable) {
      const pkg = f[f.length - 1] as string
      if (pkg === 'python') continue
      const name = asKnown(pkg)
      const value = doc.data ? tomlGet(doc.data, f) : undefined
      readPoetryDependency(r, pkg, name, value, s, path)
    }
  }
  // A dependency table written inline (`dependencies = { pytest = "^8" }`) or data only.
  if (doc.data) {
    for (const tp of [
      ['tool', 'poetry', 'dependencies'],
      ['tool', 'poetry', 'dev-dependencies']
    ]) {
      const tbl = tomlGet(doc.data, tp)
      if (!tbl || typeof tbl !== 'object') continue
      for (const [pkg, v] of Object.entries(tbl as Record<string, unknown>)) {
        const name = asKnown(pkg)
        if (
          !name ||
          r.reqs.some((q) => q.source.path === path && q.name === name && q.kind === 'poetry')
        )
          continue
        const holder = kvs.find((s) => startsWithPath(tp, full(s)) || startsWithPath(full(s), tp))
        if (holder) readPoetryDependency(r, pkg, name, v, holder, path)
      }
    }
  }
}

function checkIncludeGroups(
  r: Reader,
  data: Record<string, unknown> | null,
  s: TomlKeyValue,
  path: string,
  lineOf: (o: number) => number
): void {
  if (!data) return
  const groups = tomlGet(data, ['dependency-groups'])
  const list = tomlGet(data, [...s.table, ...s.keyPath])
  if (!Array.isArray(list) || !groups || typeof groups !== 'object') return
  for (const item of list) {
    if (item && typeof item === 'object' && 'include-group' in item) {
      const target = String((item as Record<string, unknown>)['include-group'])
      const names = Object.keys(groups).map(normalizeName)
      if (!names.includes(normalizeName(target)))
        r.problems.push({
          path,
          line: lineOf(s.span.start),
          message: `include-group '${target}' does not exist`
        })
      // Every group is read anyway, so an included group's requirements are already counted.
    }
  }
}

function readPoetryDependency(
  r: Reader,
  pkg: string,
  name: KnownPackage | null,
  value: unknown,
  s: TomlKeyValue,
  path: string
): void {
  const source = { path, line: s.span.line }
  const entries = Array.isArray(value) ? value : [value]
  const constraints: string[] = []
  let extras: string[] = []
  for (const e of entries) {
    if (typeof e === 'string') constraints.push(e)
    else if (e && typeof e === 'object') {
      const o = e as Record<string, unknown>
      if (typeof o.version === 'string') constraints.push(o.version)
      else constraints.push('*')
      if (Array.isArray(o.extras)) extras = o.extras.map((x) => normalizeName(String(x)))
    }
  }
  const text = `${pkg} = ${s.valueText}`
  if (name) {
    // `a || b`, and several entries (per-python constraints): any alternative may hold.
    const alts: string[] = []
    for (const c of constraints)
      for (const alt of c.split('||')) {
        const conv = poetryToPep440(alt)
        if (conv === null)
          r.problems.push({
            ...source,
            message: `unrecognised Poetry constraint '${alt.trim()}' for ${name}`
          })
        else alts.push(conv)
      }
    const uniq = [...new Set(alts)]
    const req: FoundRequirement = {
      name,
      specifier:
        uniq.length === 1 ? (uniq[0] as string) : uniq.includes('') ? '' : uniq.join(' || '),
      text,
      extras,
      marker: null,
      kind: 'poetry',
      source,
      constraintOnly: false
    }
    if (uniq.length > 1 && !uniq.includes('')) req.alternatives = uniq
    r.reqs.push(req)
  }
  const implied: KnownPackage[] = []
  if (name === 'anyio' && extras.includes('trio')) implied.push('trio')
  if (name === 'pytest-asyncio') implied.push('pytest')
  if (name === 'pytest-trio') implied.push('pytest', 'trio')
  for (const n of implied)
    r.reqs.push({
      name: n,
      specifier: '',
      text,
      extras: [],
      marker: null,
      kind: 'implied',
      source,
      constraintOnly: false
    })
}

/** Requirement lines of a setup.cfg/tox.ini value: one per line; `;` separates list items unless a marker follows. */
function splitCfgList(value: string): string[] {
  const out: string[] = []
  for (const line of value.split('\n')) {
    const parts = line.split(';')
    let cur = parts[0] as string
    for (const p of parts.slice(1)) {
      if (MARKER_START.test(p)) cur += ';' + p
      else {
        out.push(cur)
        cur = p
      }
    }
    out.push(cur)
  }
  return out.map((s) => s.trim()).filter(Boolean)
}

function readSetupCfg(r: Reader, path: string): void {
  const text = r.fs.read(path)
  if (text === null) return
  r.files.push(path)
  const doc = parseIni(text)
  for (const s of doc.sections) {
    for (const e of s.entries) {
      const wanted =
        (s.name === 'options' && (e.key === 'install_requires' || e.key === 'tests_require')) ||
        s.name === 'options.extras_require'
      if (!wanted) continue
      const pieces = e.pieces
      for (const piece of pieces)
        for (const req of splitCfgList(piece.text)) {
          const line = text.slice(0, piece.start).split(/\r\n|\n|\r/).length
          addReq(r, req, 'setup.cfg', { path, line })
        }
    }
  }
}

function readToxIni(r: Reader, path: string): void {
  const text = r.fs.read(path)
  if (text === null) return
  r.files.push(path)
  const doc = parseIni(text)
  const dir = dirOf(path)
  for (const s of doc.sections) {
    if (s.name !== 'testenv' && !s.name.startsWith('testenv:')) continue
    const deps = s.entries.find((e) => e.key === 'deps')
    if (!deps) continue
    for (const piece of deps.pieces) {
      const line = text.slice(0, piece.start).split(/\r\n|\n|\r/).length
      let t = piece.text.replace(/(^|\s)#.*$/, '').trim()
      // factor conditions: `py311: pytest<8`, `!py38,lint: x`
      t = t.replace(/^!?[\w.-]+(?:,\s*!?[\w.-]+)*:\s+/, '')
      if (!t || t.includes('{[')) continue
      t = t.replace(/\{toxinidir\}\/?/g, dir ? dir + '/' : '')
      const m = /^(-r|--requirement|-c|--constraint)\s*=?\s*(\S+)$/.exec(t)
      if (m) {
        const target = resolveRel(dir, m[2] as string) ?? (m[2] as string)
        if (r.fs.exists(target))
          readRequirementsFile(r, target, m[1] === '-c' || m[1] === '--constraint')
        continue
      }
      if (t.startsWith('-')) continue
      addReq(r, t, 'tox.ini', { path, line })
    }
  }
}

function readPipfile(r: Reader, path: string): void {
  const text = r.fs.read(path)
  if (text === null) return
  r.files.push(path)
  const doc = readToml(text)
  for (const p of doc.problems) r.problems.push({ path, ...p })
  const kvs = doc.layout.statements.filter((s): s is TomlKeyValue => s.kind === 'kv')
  for (const s of kvs) {
    const f = [...s.table, ...s.keyPath]
    if (f.length !== 2 || ['source', 'requires', 'pipenv', 'scripts'].includes(f[0] as string))
      continue
    const name = asKnown(f[1] as string)
    if (!name) continue
    const v = doc.data ? tomlGet(doc.data, f) : undefined
    let spec = ''
    let extras: string[] = []
    if (typeof v === 'string') spec = v === '*' ? '' : v
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>
      if (typeof o.version === 'string' && o.version !== '*') spec = o.version
      if (Array.isArray(o.extras)) extras = o.extras.map((x) => normalizeName(String(x)))
    }
    addReq(r, `${f[1]}${extras.length ? `[${extras.join(',')}]` : ''}${spec}`, 'Pipfile', {
      path,
      line: s.span.line
    })
  }
}

/** setup.py is never executed: requirement-looking string literals are taken as requirements. */
function readSetupPy(r: Reader, path: string): void {
  const text = r.fs.read(path)
  if (text === null) return
  r.files.push(path)
  const re = /(?<![\w])[rRuU]?(["'])((?:\\.|(?!\1)[^\\\n])*)\1/g
  let m: RegExpExecArray | null
  while ((m = re.exec(text))) {
    const body = m[2] as string
    const before = text.slice(Math.max(0, m.index - 40), m.index)
    if (/\bname\s*=\s*$/.test(before)) continue // setup(name="...")
    const parsed = parseRequirement(body)
    if (!parsed || !asKnown(parsed.name)) continue
    if (
      parsed.rawName.length !== body.trim().length &&
      !parsed.specifier &&
      !parsed.extras.length &&
      !parsed.marker
    )
      continue
    const line = text.slice(0, m.index).split('\n').length
    addReq(r, body, 'setup.py', { path, line })
  }
}

interface LockEntry {
  name: KnownPackage
  version: string
  source: VersionSource
}

function readTomlLock(r: Reader, path: string, locks: LockEntry[]): void {
  const text = r.fs.read(path)
  if (text === null) return
  r.files.push(path)
  const doc = readToml(text)
  for (const p of doc.problems) r.problems.push({ path, ...p })
  const pending = new Map<number, { name?: string; version?: string; line?: number }>()
  for (const s of doc.layout.statements) {
    if (s.kind !== 'kv' || s.table.length !== 1 || s.table[0] !== 'package' || s.arrayIndex < 0)
      continue
    if (s.keyPath.length !== 1) continue
    const key = s.keyPath[0]
    if (key !== 'name' && key !== 'version') continue
    const items = tomlStringItems(s.valueText, 0)
    const value = items[0]?.value
    if (value === undefined) continue
    const e = pending.get(s.arrayIndex) ?? {}
    if (key === 'name') e.name = value
    else {
      e.version = value
      e.line = s.span.line
    }
    pending.set(s.arrayIndex, e)
  }
  for (const e of pending.values()) {
    const name = e.name ? asKnown(e.name) : null
    if (name && e.version)
      locks.push({ name, version: e.version, source: { path, line: e.line ?? 1 } })
  }
}

function readPipfileLock(r: Reader, path: string, locks: LockEntry[]): void {
  const text = r.fs.read(path)
  if (text === null) return
  r.files.push(path)
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (e) {
    r.problems.push({ path, line: 1, message: `invalid JSON: ${(e as Error).message}` })
    return
  }
  const lines = text.split('\n')
  for (const section of ['default', 'develop']) {
    const tbl = (data as Record<string, unknown>)?.[section]
    if (!tbl || typeof tbl !== 'object') continue
    for (const [pkg, v] of Object.entries(tbl as Record<string, unknown>)) {
      const name = asKnown(pkg)
      const ver = (v as Record<string, unknown>)?.version
      if (!name || typeof ver !== 'string') continue
      const exact = /^===?\s*(.+)$/.exec(ver.trim())
      if (!exact) continue
      const idx = lines.findIndex((l) => l.includes(`"${pkg}"`))
      locks.push({
        name,
        version: (exact[1] as string).trim(),
        source: { path, line: idx + 1 || 1 }
      })
    }
  }
}

// Requirement file names probed when the FileSource cannot list directories.
const PROBED_REQUIREMENT_FILES = [
  'requirements.txt',
  'requirements-dev.txt',
  'requirements_dev.txt',
  'requirements-test.txt',
  'requirements_test.txt',
  'requirements-tests.txt',
  'requirements_tests.txt',
  'requirements-testing.txt',
  'requirements-ci.txt',
  'dev-requirements.txt',
  'dev_requirements.txt',
  'test-requirements.txt',
  'test_requirements.txt',
  'tests-requirements.txt',
  'constraints.txt',
  'requirements/base.txt',
  'requirements/dev.txt',
  'requirements/test.txt',
  'requirements/tests.txt',
  'requirements/testing.txt',
  'requirements/ci.txt',
  'requirements/development.txt'
]

const isRequirementsName = (base: string): boolean =>
  /^.*requirements.*\.txt$/i.test(base) || /^constraints.*\.txt$/i.test(base)

function requirementFiles(fs: ListingFileSource, dir: string): string[] {
  if (typeof fs.walk === 'function') {
    const walk = fs.walk.bind(fs)
    const top = walk(
      dir,
      (_rel, base) => isRequirementsName(base),
      () => true
    )
    const inDir = walk(
      joinPath(dir, 'requirements'),
      (_rel, base) => /\.txt$/i.test(base),
      () => true
    )
    return [...top, ...inDir]
  }
  return PROBED_REQUIREMENT_FILES.map((f) => joinPath(dir, f)).filter((p) => fs.exists(p))
}

// ---------------------------------------------------------------------------------------------
// Candidates

/** PEP 440 comparison (negative, zero, positive). */
export function cmpVersion(a: string, b: string): number {
  try {
    return pep440.compare(a, b)
  } catch {
    return a < b ? -1 : a > b ? 1 : 0
  }
}

/** Whether `version` satisfies a PEP 440 specifier ('' = anything; `a || b` = either). */
export function satisfiesSpec(version: string, spec: string): boolean {
  if (!spec.trim()) return true
  return spec.split('||').some((alt) => {
    const s = alt.trim()
    if (!s) return true
    try {
      return pep440.satisfies(version, s)
    } catch {
      return false
    }
  })
}

const sortUnique = (vs: string[]): string[] => {
  const out: string[] = []
  for (const v of [...vs].sort(cmpVersion))
    if (!out.length || cmpVersion(out[out.length - 1] as string, v) !== 0) out.push(v)
  return out
}

/** Versions named literally in a specifier (`==1.5.0`, `>=0.24`), wildcards removed. */
function literalVersions(spec: string): string[] {
  const out: string[] = []
  for (const m of spec.matchAll(/(?:===|~=|==|!=|<=|>=|<|>)\s*([0-9][^,|\s]*)/g)) {
    const v = (m[1] as string).replace(/\.\*$/, '')
    if (pep440.valid(v)) out.push(v)
  }
  return out
}

/** Exact pins (`==X`, `===X`, no wildcard) in a specifier. */
function exactPins(spec: string): string[] {
  const out: string[] = []
  for (const m of spec.matchAll(/(?:^|,|\|\|)\s*===?\s*([0-9][^,|\s*]*)\s*(?=,|\|\||$)/g)) {
    const v = m[1] as string
    if (pep440.valid(v)) out.push(v)
  }
  return out
}

/**
 * Known releases of `name` admitted by every specifier, plus exactly pinned releases that are
 * not in the list. When nothing known fits (a range beyond the newest known release), the
 * versions the specifiers name that satisfy them all (`>=1.5` gives 1.5).
 */
export function versionsSatisfying(name: KnownPackage, specs: readonly string[]): string[] {
  const ok = (v: string): boolean => specs.every((s) => satisfiesSpec(v, s))
  const out = sortUnique([
    ...KNOWN_VERSIONS[name].filter(ok),
    ...specs.flatMap(exactPins).filter(ok)
  ])
  if (out.length) return out
  return sortUnique(specs.flatMap(literalVersions).filter(ok))
}

function emptyInfo(name: KnownPackage): VersionInfo {
  return {
    name,
    spec: null,
    source: null,
    candidates: [NEWEST_KNOWN[name]],
    assumed: true,
    declared: false,
    locked: false,
    overridden: false,
    requirements: [],
    notes: []
  }
}

function computeInfo(
  name: KnownPackage,
  reqs: FoundRequirement[],
  locks: LockEntry[],
  problems: Versions['problems']
): VersionInfo {
  const info = emptyInfo(name)
  info.requirements = reqs
  const direct = reqs.filter((q) => !q.constraintOnly)
  info.declared = direct.length > 0 || locks.length > 0
  if (locks.length) {
    const versions = sortUnique(locks.map((l) => l.version))
    const first = locks[0] as LockEntry
    info.candidates = versions
    info.spec = `locked ${versions.map((v) => `==${v}`).join(' / ')}`
    info.source = first.source
    info.assumed = false
    info.locked = true
    return info
  }
  const constraining = reqs.filter((q) => q.specifier !== '')
  if (!constraining.length) {
    info.source = direct[0]?.source ?? null
    return info
  }
  const specs = constraining.map((q) => q.specifier)
  let candidates = versionsSatisfying(name, specs)
  if (!candidates.length) {
    // Conflicting pins (often separate environments): keep what each allows on its own.
    const each = constraining.map((q) => versionsSatisfying(name, [q.specifier]))
    const union = sortUnique(each.flat())
    if (union.length && each.every((e) => e.length)) {
      candidates = union
      info.notes.push(
        `conflicting pins (${constraining.map((q) => q.specifier).join(' vs ')}); each is kept`
      )
      problems.push({
        ...(constraining[0] as FoundRequirement).source,
        message: `${name}: the pins ${constraining.map((q) => `${q.specifier} (${q.source.path}:${q.source.line})`).join(', ')} admit no common version`
      })
    } else {
      info.notes.push(`no known release satisfies ${specs.join(', ')}; assumed the newest known`)
      problems.push({
        ...(constraining[0] as FoundRequirement).source,
        message: `${name}: no known release satisfies ${specs.join(', ')}`
      })
      info.spec = specs.join(', ')
      info.source = (constraining[0] as FoundRequirement).source
      return info
    }
  }
  // The deciding requirement: an exact pin, else the narrowest, else the first.
  const exact = constraining.find(
    (q) => /^(===|==)[^*]*$/.test(q.specifier) && !q.specifier.includes(',')
  )
  const decider =
    exact ??
    ([...constraining].sort(
      (a, b) =>
        versionsSatisfying(name, [a.specifier]).length -
        versionsSatisfying(name, [b.specifier]).length
    )[0] as FoundRequirement)
  info.spec = decider.specifier
  info.source = decider.source
  info.candidates = candidates
  info.assumed = false
  return info
}

/** pytest-asyncio and pytest narrow each other by the pytest range each pytest-asyncio declares. */
function narrowPytestPair(pkgs: Record<KnownPackage, VersionInfo>): void {
  const pa = pkgs['pytest-asyncio']
  const pt = pkgs.pytest
  if (!pa.declared) return
  const pytestRangeFor = (v: string): string | null =>
    PYTEST_ASYNCIO_PYTEST_REQUIREMENT.find((e) => satisfiesSpec(v, e.pytestAsyncio))?.pytest ?? null
  const compatible = (paV: string, ptV: string): boolean => {
    const r = pytestRangeFor(paV)
    return r === null || satisfiesSpec(ptV, r)
  }
  // pytest first: an assumed pytest becomes the newest one that some pytest-asyncio candidate accepts.
  if (pt.assumed) {
    const ok = KNOWN_VERSIONS.pytest.filter((v) => pa.candidates.some((p) => compatible(p, v)))
    const newest = ok[ok.length - 1]
    if (newest && cmpVersion(newest, pt.candidates[0] as string) !== 0) {
      pt.candidates = [newest]
      pt.notes.push(`newest pytest that pytest-asyncio ${describeSet(pa.candidates)} supports`)
    }
  } else if (!pt.locked && !pt.overridden) {
    const ok = pt.candidates.filter((v) => pa.candidates.some((p) => compatible(p, v)))
    if (ok.length && ok.length !== pt.candidates.length) {
      pt.candidates = ok
      pt.notes.push(
        `narrowed to the pytest versions pytest-asyncio ${describeSet(pa.candidates)} supports`
      )
    }
  }
  // An assumed pytest says nothing about which pytest-asyncio releases can be installed.
  if (!pa.locked && !pa.overridden && !pa.assumed && !pt.assumed) {
    const ok = pa.candidates.filter((p) => pt.candidates.some((v) => compatible(p, v)))
    if (ok.length && ok.length !== pa.candidates.length) {
      pa.candidates = ok
      pa.notes.push(`narrowed to the releases that support pytest ${describeSet(pt.candidates)}`)
    }
  }
}

function finalize(
  reqs: FoundRequirement[],
  locks: LockEntry[],
  r: Pick<Reader, 'problems'>
): Record<KnownPackage, VersionInfo> {
  const pkgs = {} as Record<KnownPackage, VersionInfo>
  for (const name of KNOWN_PACKAGES)
    pkgs[name] = computeInfo(
      name,
      reqs.filter((q) => q.name === name),
      locks.filter((l) => l.name === name),
      r.problems
    )
  narrowPytestPair(pkgs)
  return pkgs
}

/**
 * Reads every version source in the analysis root and in `rootdir` (the pytest rootdir). Never
 * throws; unreadable or broken files become problems.
 */
export function findVersions(fs: ListingFileSource, rootdir: string): Versions {
  const r: Reader = { fs, reqs: [], files: [], problems: [], visited: new Set() }
  const locks: LockEntry[] = []
  const dirs = [...new Set(['', rootdir.replace(/^\/+|\/+$/g, '')])]
  for (const dir of dirs) {
    for (const lock of ['uv.lock', 'poetry.lock', 'pdm.lock'])
      if (fs.exists(joinPath(dir, lock))) readTomlLock(r, joinPath(dir, lock), locks)
    if (fs.exists(joinPath(dir, 'Pipfile.lock')))
      readPipfileLock(r, joinPath(dir, 'Pipfile.lock'), locks)
  }
  for (const dir of dirs) {
    const at = (n: string): string => joinPath(dir, n)
    if (fs.exists(at('pyproject.toml'))) readPyproject(r, at('pyproject.toml'))
    // Requirements before constraints files, so that reading order follows the includes.
    const reqFiles = requirementFiles(fs, dir)
    const isConstraints = (f: string): boolean => /^constraints/i.test(f.split('/').pop() as string)
    for (const f of [
      ...reqFiles.filter((x) => !isConstraints(x)),
      ...reqFiles.filter(isConstraints)
    ]) {
      const base = f.split('/').pop() as string
      readRequirementsFile(r, f, /^constraints/i.test(base))
    }
    if (fs.exists(at('setup.cfg'))) readSetupCfg(r, at('setup.cfg'))
    if (fs.exists(at('setup.py'))) readSetupPy(r, at('setup.py'))
    if (fs.exists(at('tox.ini'))) readToxIni(r, at('tox.ini'))
    if (fs.exists(at('Pipfile'))) readPipfile(r, at('Pipfile'))
  }
  return { packages: finalize(r.reqs, locks, r), files: r.files, problems: r.problems }
}

/**
 * Replaces packages' versions: each override is an exact version (`0.23.8`) or a specifier
 * (`>=0.24,<1`). Returns a new Versions; the originals are kept in `requirements`.
 */
export function applyVersionOverrides(
  v: Versions,
  overrides: Readonly<Record<string, string>>
): Versions {
  const pkgs = { ...v.packages }
  const problems = [...v.problems]
  for (const [rawName, value] of Object.entries(overrides)) {
    const name = asKnown(rawName)
    if (!name) {
      problems.push({
        path: '',
        line: 0,
        message: `version override for unknown package '${rawName}'`
      })
      continue
    }
    const text = value.trim()
    const spec = pep440.valid(text) ? `==${text}` : cleanSpecifier(text)
    if (!spec) {
      problems.push({
        path: '',
        line: 0,
        message: `invalid version override '${value}' for ${name}`
      })
      continue
    }
    const candidates = versionsSatisfying(name, [spec])
    if (!candidates.length) {
      problems.push({
        path: '',
        line: 0,
        message: `no known release of ${name} satisfies the override '${value}'`
      })
      continue
    }
    pkgs[name] = {
      ...pkgs[name],
      spec,
      source: null,
      candidates,
      assumed: false,
      declared: true,
      locked: false,
      overridden: true,
      notes: [...pkgs[name].notes, `set by the version override '${value}'`]
    }
  }
  return { packages: pkgs, files: v.files, problems }
}

// ---------------------------------------------------------------------------------------------
// Helpers for rules

/** True when some candidate version satisfies `pred`. */
export function anyCandidate(info: VersionInfo, pred: (version: string) => boolean): boolean {
  return info.candidates.some(pred)
}

/** True when every candidate version satisfies `pred` (and there is at least one). */
export function allCandidates(info: VersionInfo, pred: (version: string) => boolean): boolean {
  return info.candidates.length > 0 && info.candidates.every(pred)
}

/** Candidates split by a predicate, for messages such as "fails on 0.24.0–0.26.0". */
export function splitCandidates(
  info: VersionInfo,
  pred: (version: string) => boolean
): { yes: string[]; no: string[] } {
  return { yes: info.candidates.filter(pred), no: info.candidates.filter((v) => !pred(v)) }
}

/** The candidates admitted by a specifier (e.g. `>=0.24`). */
export function candidatesIn(info: VersionInfo, spec: string): string[] {
  return info.candidates.filter((v) => satisfiesSpec(v, spec))
}

/**
 * A short text for a set of versions: `1.4.0`, `0.24.0–1.4.0` (a contiguous run of known
 * releases), or a list.
 */
export function describeSet(versions: readonly string[], name?: KnownPackage): string {
  if (!versions.length) return 'no version'
  if (versions.length === 1) return versions[0] as string
  const first = versions[0] as string
  const last = versions[versions.length - 1] as string
  if (name) {
    const known = KNOWN_VERSIONS[name]
    const inRange = known.filter((k) => cmpVersion(k, first) >= 0 && cmpVersion(k, last) <= 0)
    const contiguous = inRange.length === versions.length
    if (!contiguous && versions.length <= 4) return versions.join(', ')
  }
  return `${first}–${last}`
}

/**
 * How a message names the versions: "pytest-asyncio 1.4.0 (pinned in requirements-dev.txt:3)",
 * "pytest-asyncio 0.24.0–1.4.0 (>=0.24 in pyproject.toml:14)",
 * "pytest-asyncio (no pin found; assumed newest, 1.4.0)".
 */
export function describeRange(info: VersionInfo): string {
  const at = info.source ? `${info.source.path}:${info.source.line}` : null
  const set = describeSet(info.candidates, info.name)
  if (info.overridden) return `${info.name} ${set} (set by the version override)`
  if (info.assumed) {
    const newest = info.candidates[info.candidates.length - 1] ?? NEWEST_KNOWN[info.name]
    const first = info.requirements.find((q) => !q.constraintOnly)
    if (first?.kind === 'implied' && at)
      return `${info.name} (installed through ${first.text} in ${at}; assumed newest, ${newest})`
    if (info.declared && at) return `${info.name} (not pinned in ${at}; assumed newest, ${newest})`
    return `${info.name} (no pin found; assumed newest, ${newest})`
  }
  if (info.locked) return `${info.name} ${set} (locked in ${at})`
  const spec = info.spec ?? ''
  if (info.candidates.length === 1 && /^(===|==)[^,*|]*$/.test(spec))
    return `${info.name} ${set} (pinned in ${at})`
  // Several specifiers together decide the range: name them all (the deciding one first).
  const others = info.requirements.filter(
    (q) =>
      q.specifier &&
      q.kind !== 'implied' &&
      !(q.source.path === info.source?.path && q.source.line === info.source?.line)
  )
  const parts = [
    `${spec} in ${at}`,
    ...others.slice(0, 2).map((q) => `${q.specifier} in ${q.source.path}:${q.source.line}`)
  ]
  return `${info.name} ${set} (${parts.join(', ')}${others.length > 2 ? ', …' : ''})`
}
