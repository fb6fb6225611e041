/**
 * The rules engine: rules are small consumers of the resolved model. The engine gives each rule
 * a context (model, settings, versions, the tests in scope) and turns its drafts into findings.
 */
import type { Finding, Fix, RelatedLocation, RuleMeta, Severity } from './types.js'
import type { FixtureDef, PyFile, PyFunction, Span, TestFunc } from '../model/types.js'
import type { Project } from '../model/project.js'
import { AsyncioModel, PA_ERAS, paEra, type PaEra } from '../resolve/asyncio.js'
import { AnyioModel } from '../resolve/anyio.js'
import type { Suite } from '../resolve/suite.js'
import { docsUrl } from './docs-url.js'
import { pushTo } from '../util/multimap.js'

export interface Draft {
  severity?: Severity
  path: string
  span: Pick<Span, 'line' | 'endLine' | 'col'>
  message: string
  symbol: string
  related?: RelatedLocation[]
  fix?: Fix
  /** Other files this finding is about (PR mode keeps a finding when any of them changed). */
  involves?: string[]
}

export interface Rule {
  meta: RuleMeta
  check(ctx: RuleContext): void
}

export interface EraBucket {
  era: PaEra
  versions: string[]
}

/** Internal finding with the files it involves (stripped before output). */
export interface EngineFinding extends Finding {
  involves: string[]
}

export class RuleContext {
  readonly findings: EngineFinding[] = []
  private readonly reported = new Set<string>()
  private current: Rule | null = null
  readonly asyncio: AsyncioModel
  /** pytest-asyncio release lines the pins allow, oldest first, with the versions in each. */
  readonly paEras: EraBucket[]
  private anyioModel: AnyioModel | null = null

  /** anyio's pytest plugin (built on first use: most suites have no anyio tests). */
  get anyio(): AnyioModel {
    if (!this.anyioModel) this.anyioModel = new AnyioModel(this.suite, this.project, this.asyncio)
    return this.anyioModel
  }

  constructor(
    readonly suite: Suite,
    readonly project: Project,
    /** Files whose tests and definitions are in scope for reporting. */
    readonly targets: ReadonlySet<string>
  ) {
    this.asyncio = new AsyncioModel(suite, project.asyncio, project.baseClassMarksFirst)
    const buckets = new Map<PaEra, string[]>()
    for (const v of project.versions['pytest-asyncio'].candidates) {
      const e = paEra(v)
      pushTo(buckets, e, v)
    }
    this.paEras = PA_ERAS.filter((e) => buckets.has(e)).map((era) => ({ era, versions: buckets.get(era) as string[] }))
  }

  /** Tests in the files being checked. */
  targetTests(): TestFunc[] {
    const out: TestFunc[] = []
    for (const path of this.targets) {
      const f = this.suite.files.get(path)
      if (f) out.push(...f.tests)
    }
    return out
  }

  /** Files being checked that were parsed. */
  targetFiles(): PyFile[] {
    const out: PyFile[] = []
    for (const path of this.targets) {
      const f = this.suite.files.get(path)
      if (f) out.push(f)
    }
    return out
  }

  /** Fixtures defined in the target files plus those the target tests use. */
  fixturesInScope(): FixtureDef[] {
    const set = new Set<FixtureDef>()
    for (const f of this.targetFiles()) for (const fx of f.fixtures) set.add(fx)
    for (const t of this.targetTests()) for (const e of this.suite.closure(t)) if (!e.def.builtin) set.add(e.def)
    return [...set]
  }

  private users: Map<FixtureDef, TestFunc[]> | null = null

  /** Tests (among those parsed) whose closure contains the fixture. */
  usersOf(fx: FixtureDef): TestFunc[] {
    if (!this.users) {
      this.users = new Map()
      for (const t of this.suite.tests()) {
        for (const e of this.suite.closure(t)) pushTo(this.users, e.def, t)
      }
    }
    return this.users.get(fx) ?? []
  }

  run(rule: Rule): void {
    this.current = rule
    try {
      rule.check(this)
    } finally {
      this.current = null
    }
  }

  report(d: Draft): void {
    const rule = this.current
    if (!rule) throw new Error('report() outside a rule')
    const f: EngineFinding = {
      code: rule.meta.code,
      name: rule.meta.name,
      severity: d.severity ?? rule.meta.severity,
      path: d.path,
      line: d.span.line,
      endLine: d.span.endLine,
      column: d.span.col,
      message: d.message,
      symbol: d.symbol,
      related: d.related ?? [],
      docsUrl: docsUrl(rule.meta.code),
      involves: d.involves ?? []
    }
    // pytest stops at a config file it cannot parse; an edit to it would be a guess on a guess.
    const cfg = this.project.config
    const touchesBrokenConfig = cfg.unparsable && !!d.fix?.edits.some((e) => e.path === cfg.path)
    if (d.fix && d.fix.edits.length && !touchesBrokenConfig) f.fix = d.fix
    // An inherited test method is one definition collected in several classes: one finding per anchor.
    const k = `${f.code}\0${f.path}\0${f.line}\0${f.endLine}\0${f.column}`
    if (this.reported.has(k)) return
    this.reported.add(k)
    this.findings.push(f)
  }
}

const testsByFunc = new WeakMap<PyFile, Map<PyFunction, TestFunc>>()

/** The first test collected from a function of a file (an inherited method is collected again). */
export function firstTestOf(file: PyFile, fn: PyFunction): TestFunc | undefined {
  let index = testsByFunc.get(file)
  if (!index) {
    index = new Map()
    for (const t of file.tests) if (!index.has(t.func)) index.set(t.func, t)
    testsByFunc.set(file, index)
  }
  return index.get(fn)
}

/** `tests/test_x.py::TestA::test_b` → a stable symbol for a test. */
export function testSymbol(t: TestFunc): string {
  return t.nodeid
}

export function fixtureSymbol(fx: FixtureDef): string {
  return `fixture:${fx.file.path}::${fx.cls ? fx.cls.qualName + '::' : ''}${fx.name}`
}

/** "pytest-asyncio 0.24.0–1.4.0" style text for a set of versions. */
export function versionsText(pkg: string, versions: string[]): string {
  if (versions.length === 0) return pkg
  if (versions.length === 1) return `${pkg} ${versions[0]}`
  return `${pkg} ${versions[0]}–${versions[versions.length - 1]}`
}

/** Where a fixture is defined, for messages: `tests/conftest.py:7`. */
export function where(fx: FixtureDef): string {
  return `${fx.file.path}:${fx.func.anchor.line}`
}
