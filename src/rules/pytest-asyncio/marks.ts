/**
 * pytest-asyncio's `asyncio` mark as the rules see it: where the mark is written, when
 * pytest-asyncio parses its arguments, which class declares a class-level mark, and the edits that
 * add a mark asking for the loop scope a test's fixtures need. Where the mark is written is
 * enumerated twice, once per group of rules: {@link markArgumentSites} for the rules about the
 * mark's own arguments (PA201–PA203) and {@link governingMarkSites} for the rules about the loop
 * scope it decides (PA109, PA110, PA204). The two are not interchangeable: the first also visits
 * `pytest.param` marks and test-named functions that are not collected, the second records the
 * tests each mark decides, and they anchor and name their sites differently; so they are kept
 * apart.
 */
import type { EraBucket, RuleContext } from '../engine.js'
import { firstTestOf, testSymbol } from '../engine.js'
import type { RelatedLocation, TextEdit } from '../types.js'
import type { HookMark, Mark, PyClass, PyFile, Scope, Span, TestFunc, Value } from '../../model/types.js'
import { isScope, scopeRank } from '../../model/types.js'
import { allFunctions } from '../../model/extract.js'
import type { MarkHit } from '../../resolve/suite.js'
import { eraAtLeast, isKnown, type PaEra } from '../../resolve/asyncio.js'
import { insertDecorator, markPrefix, preferredQuote, pyString } from '../../fix/edits.js'
import { pushTo } from '../../util/multimap.js'
import { newestEra, paVersions } from './versions.js'

/**
 * The loop scope a test must ask for once it gets an asyncio mark: the widest loop of the async
 * fixtures pytest-asyncio runs for it, when wider than the default test loop.
 */
export function neededTestLoop(ctx: RuleContext, test: TestFunc, era: PaEra): Scope | null {
  const raw = ctx.project.asyncio.testDefault
  const dflt: Scope = eraAtLeast(era, '0.26') && raw && isScope(raw) ? raw : 'function'
  let widest: Scope = dflt
  for (const e of ctx.suite.closure(test)) {
    if (!e.def.func.isAsync || !ctx.asyncio.handlesFixture(e.def, era)) continue
    const fl = ctx.asyncio.fixtureLoop(e.def, era)
    if (!isKnown(fl)) continue
    if (fl.scope === 'class' && !test.cls) continue
    if (scopeRank(fl.scope) > scopeRank(widest)) widest = fl.scope
  }
  return widest === dflt ? null : widest
}

/** The `@pytest.mark.asyncio` decorator (with the loop scope its fixtures need) as edits. */
export function addAsyncioMarkEdits(ctx: RuleContext, test: TestFunc): { edits: TextEdit[]; mark: string } {
  const file = test.file
  const era = newestEra(ctx)
  const { prefix, importEdit } = markPrefix(file)
  const loop = eraAtLeast(era, '0.23') ? neededTestLoop(ctx, test, era) : null
  const kw = era === '0.23' ? 'scope' : 'loop_scope'
  const mark = loop ? `${prefix}.asyncio(${kw}=${pyString(loop, preferredQuote(file))})` : `${prefix}.asyncio`
  const edits = [insertDecorator(file, test.func, mark)]
  if (importEdit) edits.push(importEdit)
  return { edits, mark }
}

/** The class that declares a class-level mark (the test's class or one of its bases). */
export function markOwner(ctx: RuleContext, hit: MarkHit): PyClass | undefined {
  if (hit.level !== 'class' || !hit.cls) return undefined
  return ctx.suite.mro(hit.cls).find((c) => c.ownMarks.includes(hit.mark))
}

/** When pytest-asyncio reads the mark's arguments: at collection (≤ 1.0, 1.4) or at each test's setup (1.1–1.3). */
export function markParseTiming(
  ctx: RuleContext,
  buckets: readonly EraBucket[],
  outcome: { collection: string; setup: string }
): string {
  const atSetup = buckets.filter((b) => b.era === '1.1' || b.era === '1.2' || b.era === '1.3')
  const atCollection = buckets.filter((b) => !atSetup.includes(b))
  const parts: string[] = []
  if (atCollection.length) parts.push(`${outcome.collection} on ${paVersions(ctx, atCollection)}`)
  if (atSetup.length) parts.push(`${outcome.setup} on ${paVersions(ctx, atSetup)}`)
  return parts.join(', and ')
}

// -------------------------------------------------------------------------------------------
// Mark sites for the rules about the mark's own arguments (PA201–PA203).

/**
 * Where an asyncio mark is written, for the rules about the mark's own arguments (PA201–PA203):
 * test decorators, `pytest.param(marks=...)`, class decorators and class/module `pytestmark`, and
 * `item.add_marker(...)` in collection hooks. Marks on fixtures (PA211) and in package
 * `__init__.py` files (PA209) are left to those rules.
 */
export interface MarkArgumentSite {
  mark: Mark
  file: PyFile
  anchor: Pick<Span, 'line' | 'endLine' | 'col'>
  symbol: string
  /** What the mark is on, for messages: "`test_add`", "class `TestCart`", ... */
  where: string
  pytestmark?: { span: Span; value: Value }
  hook?: HookMark
}

const siteCache = new WeakMap<RuleContext, MarkArgumentSite[]>()

/**
 * The asyncio marks written in the target files, per {@link MarkArgumentSite}, computed once per
 * rule context; a symbol that several sites share gets `#2`, `#3`, … from its second site on.
 */
export function markArgumentSites(ctx: RuleContext): MarkArgumentSite[] {
  const cached = siteCache.get(ctx)
  if (cached) return cached
  const out: MarkArgumentSite[] = []
  siteCache.set(ctx, out)
  const seen = new Map<string, number>()
  const push = (s: MarkArgumentSite): void => {
    const same = seen.get(s.symbol) ?? 0
    seen.set(s.symbol, same + 1)
    out.push(same ? { ...s, symbol: `${s.symbol}#${same + 1}` } : s)
  }
  for (const file of ctx.targetFiles()) {
    if (file.kind === 'test') {
      if (file.pytestmark) {
        for (const mark of file.moduleMarks) {
          if (mark.name !== 'asyncio') continue
          push({
            mark,
            file,
            anchor: file.pytestmark.span,
            symbol: `module:${file.path}::pytestmark`,
            where: `the module's \`pytestmark\``,
            pytestmark: file.pytestmark
          })
        }
      }
      const fixtureFuncs = new Set(file.fixtures.map((fx) => fx.func))
      for (const fn of allFunctions(file)) {
        if (fixtureFuncs.has(fn) || !ctx.project.isTestFunction(fn.name)) continue
        const test = firstTestOf(file, fn)
        const symbol = test
          ? test.nodeid
          : `function:${file.path}::${fn.cls ? fn.cls.qualName + '::' : ''}${fn.name}`
        for (const mark of fn.marks) {
          if (mark.name === 'asyncio')
            push({ mark, file, anchor: fn.anchor, symbol, where: `\`${fn.name}\`` })
        }
        for (const mark of fn.paramMarks ?? []) {
          if (mark.name === 'asyncio')
            push({
              mark,
              file,
              anchor: mark.span,
              symbol: `${symbol}[param]`,
              where: `a \`pytest.param\` of \`${fn.name}\``
            })
        }
      }
      const visit = (cls: PyClass): void => {
        for (const mark of cls.ownMarks) {
          if (mark.name !== 'asyncio') continue
          const inBody = mark.origin === 'pytestmark' && cls.pytestmark
          push({
            mark,
            file,
            anchor: inBody ? cls.pytestmark!.span : cls.anchor,
            symbol: `class:${file.path}::${cls.qualName}`,
            where: `class \`${cls.name}\``,
            ...(inBody ? { pytestmark: cls.pytestmark! } : {})
          })
        }
        cls.classes.forEach(visit)
      }
      file.classes.forEach(visit)
    } else if (file.kind === 'conftest' || file.kind === 'plugin') {
      for (const hm of file.hookMarks) {
        if (hm.mark.name !== 'asyncio') continue
        push({
          mark: hm.mark,
          file,
          anchor: hm.call.span,
          symbol: `call:${file.path}::${hm.hook}::${hm.call.callee}`,
          where: `the \`${hm.call.callee}(...)\` call in \`${hm.hook}\``,
          hook: hm
        })
      }
    }
  }
  return out
}

// -------------------------------------------------------------------------------------------
// Mark sites for the rules about the loop scope a mark decides (PA109, PA110, PA204).

/** Where an asyncio mark is written, with the asyncio tests whose loop it decides. */
export interface GoverningMarkSite {
  mark: Mark
  file: PyFile
  /** The lines a reviewer changes: the test or class (decorator to `def`/`class` line), else the mark. */
  anchor: Pick<Span, 'line' | 'endLine' | 'col'>
  symbol: string
  /** Asyncio tests whose closest asyncio mark this is (the only mark pytest-asyncio reads for them). */
  tests: TestFunc[]
  related: RelatedLocation[]
}

/** Every asyncio mark written in the target files, with the tests it decides. */
export function governingMarkSites(ctx: RuleContext): GoverningMarkSite[] {
  const governs = new Map<Mark, TestFunc[]>()
  for (const t of ctx.suite.tests()) {
    if (!ctx.asyncio.isAsyncioTest(t)) continue
    const hit = ctx.asyncio.asyncioMark(t)
    if (hit) pushTo(governs, hit.mark, t)
  }
  const out: GoverningMarkSite[] = []
  const add = (mark: Mark, file: PyFile, anchor: GoverningMarkSite['anchor'], symbol: string): void => {
    const tests = governs.get(mark) ?? []
    const related = anchor.line === mark.span.line ? [] : [{ path: file.path, line: mark.span.line, endLine: mark.span.endLine, message: 'the `asyncio` mark' }]
    out.push({ mark, file, anchor, symbol, tests, related })
  }
  const markSpan = (m: Mark): GoverningMarkSite['anchor'] => ({ line: m.span.line, endLine: m.span.endLine, col: m.span.col })
  const seen = new Set<Mark>()
  for (const file of ctx.targetFiles()) {
    for (const t of file.tests) {
      for (const m of t.func.marks) {
        if (m.name !== 'asyncio' || seen.has(m)) continue
        seen.add(m)
        if (m.origin === 'decorator') add(m, file, t.func.anchor, testSymbol(t))
        else add(m, file, markSpan(m), `${testSymbol(t)}::${m.origin}`)
      }
    }
    const visit = (cls: PyClass): void => {
      for (const m of cls.ownMarks) {
        if (m.name !== 'asyncio' || seen.has(m)) continue
        seen.add(m)
        if (m.origin === 'decorator') add(m, file, cls.anchor, `class:${file.path}::${cls.qualName}`)
        else add(m, file, markSpan(m), `pytestmark:${file.path}::${cls.qualName}`)
      }
      cls.classes.forEach(visit)
    }
    file.classes.forEach(visit)
    for (const m of file.moduleMarks) {
      if (m.name !== 'asyncio' || seen.has(m)) continue
      seen.add(m)
      add(m, file, markSpan(m), `pytestmark:${file.path}`)
    }
    for (const h of file.hookMarks) {
      if (h.mark.name !== 'asyncio' || seen.has(h.mark)) continue
      seen.add(h.mark)
      add(h.mark, file, h.call.span, `call:${file.path}::${h.hook}::add_marker`)
    }
  }
  return out
}
