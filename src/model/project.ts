/**
 * Everything project-wide the rules need: the pytest config pytest would pick, the effective
 * plugin settings, the version ranges of the pins, Loopscope's own `[tool.loopscope]` settings,
 * and pytest's collection rules. Built once per analysis from files read as data.
 */
import { parse as parseToml } from 'smol-toml'
import type { FileSource } from '../read/workspace.js'
import type { Notice, TextEdit } from '../rules/types.js'
import type { Span } from './types.js'
import type { Suite } from '../resolve/suite.js'
import type { AsyncioSettings } from '../resolve/asyncio.js'
import {
  CONFIG_NAMES,
  findPytestConfig,
  getEffectiveSettings,
  insertOptionEdit,
  matchesNorecursedirs,
  matchesPythonClasses,
  matchesPythonFiles,
  matchesPythonFunctions,
  removeOptionEdit,
  replaceOptionValueEdit,
  type EffectiveSettings,
  type OptionValue,
  type PytestConfig
} from './config.js'
import { applyVersionOverrides, findVersions, type KnownPackage, type VersionInfo } from './versions.js'

export type VersionOverrides = Partial<Record<KnownPackage, string>>

export interface LoopscopeSettings {
  select?: string[]
  ignore?: string[]
  /** glob → codes */
  perFileIgnores: { pattern: string; codes: string[] }[]
  failOn?: string
  versions: VersionOverrides
}

export interface OptionLocation extends Pick<Span, 'line' | 'endLine' | 'col'> {
  path: string
  value: unknown
}

/** Directory names pytest would never collect from, beyond its norecursedirs (virtualenvs). */
const ALWAYS_SKIP = new Set(['__pycache__', 'site-packages', 'node_modules'])

export class Project {
  readonly notices: Notice[] = []
  readonly config: PytestConfig
  readonly settings: EffectiveSettings
  readonly versions: Record<KnownPackage, VersionInfo>
  readonly loopscope: LoopscopeSettings
  readonly asyncio: AsyncioSettings
  /** pytest ≥ 7.4.3 gathers class marks base class first. */
  readonly baseClassMarksFirst: boolean

  constructor(
    private readonly fs: FileSource,
    startDirs: string[],
    overrides: VersionOverrides
  ) {
    this.config = findPytestConfig(fs, startDirs.length ? startDirs : [''])
    this.settings = getEffectiveSettings(this.config)
    for (const p of [...this.config.problems, ...this.settings.problems]) {
      this.notices.push({ level: 'warning', path: p.path, line: p.line, message: `pytest config: ${p.message}` })
    }
    this.loopscope = readLoopscopeSettings(fs, this.notices)
    const found = findVersions(fs, this.config.rootdir)
    const wanted: Record<string, string> = {}
    for (const [k, v] of Object.entries({ ...this.loopscope.versions, ...overrides })) if (v) wanted[k] = v
    const versions = applyVersionOverrides(found, wanted)
    for (const p of versions.problems) this.notices.push({ level: 'warning', ...(p.path ? { path: p.path, line: p.line } : {}), message: `versions: ${p.message}` })
    this.versions = versions.packages
    this.asyncio = {
      mode: this.settings.asyncioMode.value,
      fixtureDefault: this.settings.asyncioDefaultFixtureLoopScope.value,
      testDefault: this.settings.asyncioDefaultTestLoopScope.value,
      disabled: this.settings.asyncioDisabled.value
    }
    const pytest = this.versions.pytest.candidates
    this.baseClassMarksFirst = !pytest.length || pytest.some((v: string) => !/^([0-6]\.|7\.[0-3]\.|7\.4\.[0-2]$)/.test(v))
  }

  get rootdir(): string {
    return this.config.rootdir
  }

  /** Does a file exist in the analysed tree (e.g. a package's `__init__.py`)? Read as data only. */
  fileExists(rel: string): boolean {
    return this.fs.exists(rel)
  }

  /** The text of a file in the analysed tree (e.g. a requirements file a fix edits), or null. Read as data only. */
  readText(rel: string): string | null {
    return this.fs.read(rel)
  }

  get configPath(): string | null {
    return this.config.path
  }

  get testpaths(): string[] {
    const base = this.config.rootdir
    return this.settings.testpaths.value.map((t) => (base ? `${base}/${t}` : t))
  }

  isTestFile = (basename: string): boolean => matchesPythonFiles(basename, this.settings.pythonFiles.value)
  isTestFunction = (name: string): boolean => matchesPythonFunctions(name, this.settings.pythonFunctions.value)
  isTestClass = (name: string): boolean => matchesPythonClasses(name, this.settings.pythonClasses.value)

  skipDir(base: string, rel: string): boolean {
    if (ALWAYS_SKIP.has(base)) return true
    if (this.fs.exists(`${rel}/pyvenv.cfg`)) return true
    return matchesNorecursedirs(rel, this.settings.norecursedirs.value) || matchesNorecursedirs(base, this.settings.norecursedirs.value)
  }

  /** `pkg.mod` → `pkg/mod.py` or `pkg/mod/__init__.py`, looked up from the rootdir and `pythonpath` entries. */
  resolveModule(mod: string): string | null {
    const rel = mod.replace(/\./g, '/')
    const bases = [this.config.rootdir, ...this.pythonpath()]
    for (const b of bases) {
      for (const cand of [`${rel}.py`, `${rel}/__init__.py`]) {
        const p = b ? `${b}/${cand}` : cand
        if (this.fs.exists(p)) return p
      }
    }
    return null
  }

  private pythonpath(): string[] {
    const opt = this.config.options.get('pythonpath')
    if (!opt) return []
    const v = opt.value
    const list = Array.isArray(v) ? (v as string[]) : String(v).split(/\s+/).filter(Boolean)
    const base = this.config.rootdir
    return list.map((p) => (base ? `${base}/${p}` : p).replace(/\/\.$/, '').replace(/^\.\//, ''))
  }

  /** Is a changed .py file a `pytest_plugins` module named by one of these conftests (cheap textual check)? */
  isPluginModule(rel: string, conftests: string[]): boolean {
    const mod = rel.replace(/\.py$/, '').replace(/\/__init__$/, '')
    const candidates = new Set<string>()
    const parts = mod.split('/')
    for (let i = 0; i < parts.length; i++) candidates.add(parts.slice(i).join('.'))
    return conftests.some((c) => {
      const text = this.fs.read(c)
      if (!text || !text.includes('pytest_plugins')) return false
      return [...candidates].some((m) => text.includes(`"${m}"`) || text.includes(`'${m}'`))
    })
  }

  isRuleEnabled(code: string, select?: string[], ignore?: string[]): boolean {
    const sel = select ?? this.loopscope.select
    const ign = [...(ignore ?? []), ...(this.loopscope.ignore ?? [])]
    if (sel && sel.length && !sel.some((s) => code.startsWith(s) || s === 'ALL')) return false
    return !ign.some((s) => code.startsWith(s))
  }

  perFileIgnored = (path: string, code: string): boolean =>
    this.loopscope.perFileIgnores.some((p) => matchesPythonFiles(path, [p.pattern]) && p.codes.some((c) => code.startsWith(c)))

  /** Does the suite use pytest-asyncio at all (pinned, imported, or an asyncio mark)? */
  usesPytestAsyncio(suite: Suite): boolean {
    if (this.versions['pytest-asyncio'].declared) return true
    for (const f of suite.files.values()) {
      if ([...f.imports.names.values()].some((q) => q.startsWith('pytest_asyncio'))) return true
      if (f.tests.some((t) => suite.closestMark(t, 'asyncio'))) return true
    }
    return false
  }

  /** Location of an ini option in the chosen config file, if set there. */
  iniOption(key: string): OptionLocation | null {
    const o = this.config.options.get(key)
    if (!o || !this.config.path) return null
    return { path: this.config.path, line: o.span.line, endLine: o.span.endLine, col: o.span.col, value: o.value }
  }

  /**
   * An edit adding an ini option, plus where a finding about the missing option is anchored:
   * the section header (or, with no config file, nothing to anchor in the tree).
   */
  insertIniOptionEdit(key: string, value: OptionValue): { edit: TextEdit; anchor: Pick<Span, 'line' | 'endLine' | 'col'> & { path: string } } | null {
    const edit = insertOptionEdit(this.config, key, value)
    if (!edit) return null
    // No config was read but one exists unreadable (binary, too large): the option may well be set
    // there, and a new pytest.ini would replace or shadow it.
    if (!this.config.path) {
      const dir = edit.path.includes('/') ? edit.path.slice(0, edit.path.lastIndexOf('/') + 1) : ''
      if (CONFIG_NAMES.some((n) => this.fs.exists(dir + n) && this.fs.read(dir + n) === null)) return null
    }
    const header = this.config.section?.header
    if (this.config.path && header) return { edit, anchor: { path: this.config.path, line: header.line, endLine: header.line, col: header.col } }
    if (this.config.path) return { edit, anchor: { path: this.config.path, line: 1, endLine: 1, col: 1 } }
    return { edit, anchor: { path: edit.path, line: 1, endLine: 1, col: 1 } }
  }

  replaceIniValueEdit(key: string, value: OptionValue): TextEdit | null {
    return replaceOptionValueEdit(this.config, key, value)
  }

  removeIniOptionEdit(key: string): TextEdit | null {
    return removeOptionEdit(this.config, key)
  }

  /** The same project with some files' texts replaced (fix verification). */
  withOverrides(texts: Map<string, string>): Project {
    const fs = this.fs
    const overlay: FileSource = {
      read: (p) => (texts.has(p) ? (texts.get(p) as string) : fs.read(p)),
      exists: (p) => texts.has(p) || fs.exists(p)
    }
    return new Project(overlay, [this.config.ancestor], {})
  }
}

export function loadProject(fs: FileSource, paths: string[], overrides: VersionOverrides): Project {
  const dirs = paths.map((p) => (fs.exists(p) ? p.split('/').slice(0, -1).join('/') : p))
  return new Project(fs, dirs, overrides)
}

function readLoopscopeSettings(fs: FileSource, notices: Notice[]): LoopscopeSettings {
  const out: LoopscopeSettings = { perFileIgnores: [], versions: {} }
  const text = fs.read('pyproject.toml')
  if (!text || !text.includes('tool.loopscope')) return out
  let data: Record<string, unknown>
  try {
    data = parseToml(text) as Record<string, unknown>
  } catch (e) {
    notices.push({ level: 'warning', path: 'pyproject.toml', message: `[tool.loopscope] not read: ${(e as Error).message.split('\n')[0]}` })
    return out
  }
  const tool = (data.tool as Record<string, unknown> | undefined)?.loopscope as Record<string, unknown> | undefined
  if (!tool || typeof tool !== 'object') return out
  const codes = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').map((s) => s.toUpperCase()) : undefined)
  const sel = codes(tool.select)
  if (sel) out.select = sel
  const ign = codes(tool.ignore)
  if (ign) out.ignore = ign
  const pfi = tool['per-file-ignores']
  if (pfi && typeof pfi === 'object') {
    for (const [pattern, list] of Object.entries(pfi as Record<string, unknown>)) {
      const c = codes(list)
      if (c) out.perFileIgnores.push({ pattern, codes: c })
    }
  }
  if (typeof tool['fail-on'] === 'string') out.failOn = tool['fail-on']
  const versions = tool.versions
  if (versions && typeof versions === 'object') {
    for (const [k, v] of Object.entries(versions as Record<string, unknown>)) {
      if (typeof v === 'string') (out.versions as Record<string, string>)[k] = v
    }
  }
  return out
}
