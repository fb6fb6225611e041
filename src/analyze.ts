/**
 * The pipeline, one direction: read files → parse → model → resolve → rules → fixes.
 * Reporters (text, JSON, GitHub, SARIF) consume the result; nothing here knows about them.
 */
import * as path from 'node:path'
import { Workspace } from './read/workspace.js'
import { selectFiles, type Selection } from './read/select.js'
import { initParser, parsePython, type Parser } from './parse/python.js'
import { extractFile, type CollectRules } from './model/extract.js'
import type { FileKind, PyFile } from './model/types.js'
import { loadProject, type Project, type VersionOverrides } from './model/project.js'
import { Suite } from './resolve/suite.js'
import { addBuiltinFixtures } from './resolve/builtins.js'
import { RuleContext, type EngineFinding } from './rules/engine.js'
import { ALL_RULES } from './rules/index.js'
import { applyNoqa } from './rules/loopscope/LS002.js'
import { syntaxErrorFindings } from './rules/loopscope/LS001.js'
import type { Finding, Notice } from './rules/types.js'
import { verifyFixes } from './fix/verify.js'

export interface AnalyzeOptions {
  /** Absolute directory analysed (the checkout or working directory). */
  root: string
  /** Files or directories relative to root (default: the ini's testpaths, else the whole tree). */
  paths?: string[]
  /** PR mode: files the pull request changed, relative to root. */
  changed?: string[]
  select?: string[]
  ignore?: string[]
  versionOverrides?: VersionOverrides
  /** Re-analyse each fix and drop those that do not remove their finding or add new ones (default true). */
  verifyFixes?: boolean
}

export interface AnalysisResult {
  findings: Finding[]
  notices: Notice[]
  /** Loopscope's own diagnostics (fixes withheld by verification): for debugging, not for users' reports. */
  diagnostics: Notice[]
  sources: ReadonlyMap<string, string>
  stats: { filesRead: number; filesParsed: number; ms: number }
  project: Project
}

/** Cheap textual prefilter: a test file that mentions none of these cannot hold an async finding by itself. */
const ASYNC_HINT = /\basync\b|\bawait\b|asyncio|anyio|trio|loop_scope|event_loop|pytest_asyncio|hypothesis/

export interface Model {
  ws: Workspace
  project: Project
  suite: Suite
  /** Files whose tests and definitions are checked and reported. */
  targets: Set<string>
  selection: Selection
  parser: Parser
  collect: CollectRules
  /** Files read (tests, conftests, plugins) and files parsed. */
  filesRead: number
  filesParsed: number
}

/** Read, parse and model what an analysis needs (the first half of the pipeline). */
export async function buildModel(opts: AnalyzeOptions): Promise<Model> {
  const ws = new Workspace(opts.root)
  const project = loadProject(ws, opts.paths ?? [], opts.versionOverrides ?? {})
  const collect: CollectRules = { isTestFunction: project.isTestFunction, isTestClass: project.isTestClass }
  const selection = selectFiles(ws, project, opts.paths, opts.changed)
  const parser = await initParser()

  const suite = new Suite(project.rootdir)
  addBuiltinFixtures(suite, project)
  let parsed = 0
  const parse = (rel: string, kind: FileKind): PyFile | null => {
    const existing = suite.files.get(rel)
    if (existing) return existing
    const rf = ws.readFile(rel)
    if (!rf) return null
    const tree = parsePython(parser, rf.text)
    try {
      parsed++
      const file = extractFile(rel, rf.text, tree, kind, rf.exactText, collect)
      suite.addFile(file)
      return file
    } finally {
      tree.delete()
    }
  }

  // Conftests and the plugin modules they name come first: their fixtures decide what else needs parsing.
  const pluginQueue: string[] = []
  for (const c of selection.conftests) {
    const f = parse(c, 'conftest')
    if (f?.pytestPlugins) pluginQueue.push(...f.pytestPlugins.names)
  }
  for (const init of selection.inits) parse(init, 'init')
  const seenPlugins = new Set<string>()
  while (pluginQueue.length) {
    const mod = pluginQueue.shift() as string
    if (seenPlugins.has(mod)) continue
    seenPlugins.add(mod)
    const rel = project.resolveModule(mod)
    if (!rel) continue
    const f = parse(rel, 'plugin')
    if (f?.pytestPlugins) pluginQueue.push(...f.pytestPlugins.names)
  }

  // The fixture index: names of async fixtures, and directories under an autouse async fixture.
  const asyncNames = new Set<string>()
  const autouseDirs: string[] = []
  for (const fx of suite.allFixtures()) {
    if (!fx.func.isAsync || fx.builtin) continue
    asyncNames.add(fx.name)
    if (fx.autouse) autouseDirs.push(fx.file.kind === 'conftest' ? path.posix.dirname(fx.file.path) : '')
  }
  const nameRe = asyncNames.size ? new RegExp(`\\b(?:${[...asyncNames].map(escapeRe).join('|')})\\b`) : null
  const underAutouse = (rel: string): boolean => autouseDirs.some((d) => d === '.' || d === '' || rel.startsWith(d + '/'))

  const targets = new Set<string>()
  for (const rel of selection.tests) {
    const text = ws.read(rel)
    if (text === null) continue
    if (!ASYNC_HINT.test(text) && !(nameRe && nameRe.test(text)) && !underAutouse(rel)) continue
    const f = parse(rel, 'test')
    if (f) targets.add(rel)
  }
  // Test modules' own pytest_plugins (deprecated outside the rootdir conftest, but still loaded).
  for (const rel of targets) {
    for (const mod of suite.files.get(rel)?.pytestPlugins?.names ?? []) {
      const p = project.resolveModule(mod)
      if (p) parse(p, 'plugin')
    }
  }
  for (const c of selection.conftests) if (selection.reportConftests.has(c)) targets.add(c)
  for (const c of selection.inits) targets.add(c)
  return { ws, project, suite, targets, selection, parser, collect, filesRead: selection.tests.length + selection.conftests.length, filesParsed: parsed }
}

export async function analyze(opts: AnalyzeOptions): Promise<AnalysisResult> {
  const t0 = performance.now()
  const model = await buildModel(opts)
  const { ws, project, suite, targets, selection, parser, collect } = model

  const run = (s: Suite, targetSet: ReadonlySet<string>): EngineFinding[] => {
    const ctx = new RuleContext(s, project, targetSet)
    for (const rule of ALL_RULES) {
      if (!project.isRuleEnabled(rule.meta.code, opts.select, opts.ignore)) continue
      ctx.run(rule)
    }
    return ctx.findings
  }
  let findings = run(suite, targets)
  findings.push(...syntaxErrorFindings([...targets].map((t) => suite.files.get(t)).filter((f): f is PyFile => !!f)))

  const verifyNotices: Notice[] = []
  if (opts.verifyFixes !== false) {
    findings = verifyFixes(findings, ws, (overrides) => reanalyse(overrides), verifyNotices)
  }

  const noqaEnabled = project.isRuleEnabled('LS002', opts.select, opts.ignore)
  findings = applyNoqa(findings, (p) => ws.read(p), noqaEnabled ? targets : [], project.perFileIgnored, (code) => project.isRuleEnabled(code, opts.select, opts.ignore))
  if (opts.changed) findings = filterForChange(findings, opts.changed, selection.configChanged)

  findings.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.code.localeCompare(b.code)))
  const sources = new Map<string, string>()
  for (const f of findings) {
    for (const p of [f.path, ...(f.fix?.edits.map((e) => e.path) ?? []), ...f.related.map((r) => r.path)]) {
      if (!sources.has(p)) {
        const t = ws.read(p)
        if (t !== null) sources.set(p, t)
      }
    }
  }
  const notices: Notice[] = [...project.notices, ...ws.notices]
  const out: Finding[] = findings.map(({ involves: _involves, ...f }) => f)
  return {
    findings: out,
    notices,
    diagnostics: verifyNotices,
    sources,
    stats: { filesRead: model.filesRead, filesParsed: model.filesParsed, ms: Math.round(performance.now() - t0) },
    project
  }

  /** Re-run the rules with some files replaced (fix verification). */
  function reanalyse(overrides: Map<string, string>): EngineFinding[] {
    const s2 = new Suite(project.rootdir)
    addBuiltinFixtures(s2, project)
    const reparsed: PyFile[] = []
    for (const f of suite.files.values()) {
      const text = overrides.get(f.path)
      if (text === undefined) {
        s2.addFile(f)
        continue
      }
      const tree = parsePython(parser, text)
      try {
        const file = extractFile(f.path, text, tree, f.kind, true, collect)
        s2.addFile(file)
        reparsed.push(file)
      } finally {
        tree.delete()
      }
    }
    // Python files a fix creates (a test moved to its own module) are checked too.
    const created: string[] = []
    for (const [p, text] of overrides) {
      if (suite.files.has(p) || !p.endsWith('.py')) continue
      const tree = parsePython(parser, text)
      try {
        const file = extractFile(p, text, tree, path.posix.basename(p) === 'conftest.py' ? 'conftest' : 'test', true, collect)
        s2.addFile(file)
        reparsed.push(file)
        created.push(p)
      } finally {
        tree.delete()
      }
    }
    const p2 = [...overrides.keys()].some((k) => !suite.files.has(k)) ? project.withOverrides(overrides) : project
    // Edits confined to test modules cannot change findings in other test modules (their
    // fixtures and marks are module-local), so only those modules and the conftests are re-checked.
    const onlyTests = [...overrides.keys()].every((k) => suite.files.get(k)?.kind === 'test')
    const scope = onlyTests ? new Set([...overrides.keys(), ...[...targets].filter((t) => suite.files.get(t)?.kind !== 'test')]) : new Set([...targets, ...created])
    const ctx = new RuleContext(s2, p2, scope)
    for (const rule of ALL_RULES) {
      if (!project.isRuleEnabled(rule.meta.code, opts.select, opts.ignore)) continue
      ctx.run(rule)
    }
    // A fix must not leave a syntax error behind (LS001 is not one of ALL_RULES).
    return [...ctx.findings, ...syntaxErrorFindings(reparsed)]
  }
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** PR mode: keep findings about the changed files, or about everything when config or pins changed. */
function filterForChange(findings: EngineFinding[], changed: string[], configChanged: boolean): EngineFinding[] {
  if (configChanged) return findings
  const set = new Set(changed)
  return findings.filter((f) => set.has(f.path) || f.related.some((r) => set.has(r.path)) || f.involves.some((p) => set.has(p)) || (f.fix?.edits.some((e) => set.has(e.path)) ?? false))
}
