import type { Rule, RuleContext } from '../engine.js'
import { fixtureSymbol, testSymbol } from '../engine.js'
import type { Fix, RelatedLocation } from '../types.js'
import type { Mark, PyClass, PyFile, Scope, Span, TestFunc, Value } from '../../model/types.js'
import { isScope, SCOPES } from '../../model/types.js'
import { eraAtLeast, type PaEra } from '../../resolve/asyncio.js'
import { replaceValue } from '../../fix/edits.js'
import { affects, configAnchor } from './PA601.js'
import { pushTo } from '../../util/multimap.js'

/**
 * PA109: a loop scope value pytest-asyncio does not know (`"modul"`, `"Session"`) in an asyncio
 * mark, a fixture's `loop_scope=`, or one of the `asyncio_default_*_loop_scope` ini options.
 */
export const PA109: Rule = {
  meta: {
    code: 'PA109',
    name: 'invalid-loop-scope-value',
    severity: 'error',
    plugin: 'pytest-asyncio',
    summary: 'A loop scope value is not one of `function`, `class`, `module`, `package`, `session`.',
    fixable: true,
    docs: {
      what: 'Flags a loop scope that pytest-asyncio rejects: the `loop_scope=` (or deprecated `scope=`) argument of an `asyncio` mark that decides a test’s loop, the `loop_scope=` argument of `@pytest_asyncio.fixture`, and the ini options `asyncio_default_fixture_loop_scope` and `asyncio_default_test_loop_scope`. Values are case-sensitive, so `"Session"` is as wrong as `"sesion"`. The fix is the valid scope the value most likely meant (lower-cased, or the closest name).',
      why: 'pytest-asyncio validates the value only when it uses it, and each place fails differently. A mark fails the plugin’s assertion (`AssertionError`, a collection error that interrupts the run); a fixture fails at setup (`KeyError` on 0.24–0.26, `fixture \'_modul_scoped_runner\' not found` from 1.1); an ini option stops pytest at start-up from 1.2 (`\'sesion\' is not a valid asyncio_default_test_loop_scope. Valid scopes are: function, class, module, package, session.`), and fails with an `AssertionError` or a missing-fixture error before that.',
      versions: 'pytest-asyncio 0.24–1.4 for marks, fixtures and `asyncio_default_fixture_loop_scope`; 0.26–1.4 for `asyncio_default_test_loop_scope` (older versions do not read these: PA204, PA601).',
      bad: `@pytest.mark.asyncio(loop_scope="Session")
async def test_job_runs_all_steps():
    ...`,
      good: `@pytest.mark.asyncio(loop_scope="session")
async def test_job_runs_all_steps():
    ...`
    }
  },
  check(ctx) {
    const eras24 = ctx.paEras.filter((b) => eraAtLeast(b.era, '0.24'))
    if (!eras24.length || ctx.project.asyncio.disabled) return
    const newest = eras24[eras24.length - 1]!.era
    const versions = eras24.flatMap((b) => b.versions)

    // Marks: the value pytest-asyncio reads is `loop_scope`, else `scope` (`or`: falsy falls through).
    for (const site of asyncioMarkSites(ctx)) {
      if (!site.tests.length) continue
      const ls = site.mark.kwargs.get('loop_scope')
      const key = ls && !isFalsy(ls) ? 'loop_scope' : 'scope'
      const v = site.mark.kwargs.get(key)
      if (!v || v.kind !== 'str' || v.str === undefined || v.str === '' || isScope(v.str)) continue
      const raw = v.str
      const intended = intendedScope(raw)
      const fix: Fix | undefined =
        intended && site.file.exactText
          ? { title: `Use \`${key}="${intended}"\``, edits: [replaceValue(site.file, v, intended)], applicability: 'safe' }
          : undefined
      const names = testNames(site.tests)
      ctx.report({
        path: site.file.path,
        span: site.anchor,
        symbol: site.symbol,
        message:
          `The \`asyncio\` mark on ${names} sets \`${key}=${v.text}\`, which is not a loop scope (valid: ${SCOPES.join(', ')}; names are case-sensitive). ` +
          `pytest-asyncio rejects it while parsing the mark: \`AssertionError\` (\`assert ${pyRepr(raw)} in {…}\`), ${eraAtLeast(newest, '1.4') || !eraAtLeast(newest, '1.1') ? 'a collection error that interrupts the run' : 'an error at test setup'}. ` +
          `Affects ${affects(ctx, versions)}. ` +
          (intended ? `Use \`${key}="${intended}"\`.` : `Use one of ${SCOPES.join(', ')}.`),
        related: site.related,
        involves: site.tests.map((t) => t.file.path),
        ...(fix ? { fix } : {})
      })
    }

    // Fixtures.
    for (const fx of ctx.fixturesInScope()) {
      const v = fx.loopScopeValue
      if (fx.decoratorKind !== 'pytest_asyncio' || !v || v.kind !== 'str' || v.str === undefined || v.str === '' || isScope(v.str)) continue
      const raw = v.str
      const intended = intendedScope(raw)
      const fix: Fix | undefined =
        intended && fx.file.exactText
          ? { title: `Use \`loop_scope="${intended}"\``, edits: [replaceValue(fx.file, v, intended)], applicability: 'safe' }
          : undefined
      ctx.report({
        path: fx.file.path,
        span: fx.func.anchor,
        symbol: fixtureSymbol(fx),
        message:
          `Fixture \`${fx.name}\` sets \`loop_scope=${v.text}\`, which is not a loop scope (valid: ${SCOPES.join(', ')}; names are case-sensitive). ` +
          `Every test that uses it errors at setup: \`${fixtureValueError(newest, raw)}\`. Affects ${affects(ctx, versions)}. ` +
          (intended ? `Use \`loop_scope="${intended}"\`.` : `Use one of ${SCOPES.join(', ')}.`),
        ...(fix ? { fix } : {})
      })
    }

    // Ini options.
    const options: { key: string; since: PaEra; raw: string | null; origin: string }[] = [
      {
        key: 'asyncio_default_fixture_loop_scope',
        since: '0.24',
        raw: ctx.project.settings.asyncioDefaultFixtureLoopScope.value,
        origin: ctx.project.settings.asyncioDefaultFixtureLoopScope.origin.kind
      },
      {
        key: 'asyncio_default_test_loop_scope',
        since: '0.26',
        raw: ctx.project.settings.asyncioDefaultTestLoopScope.value,
        origin: ctx.project.settings.asyncioDefaultTestLoopScope.origin.kind
      }
    ]
    for (const o of options) {
      if (o.raw === null || o.raw === '' || isScope(o.raw) || o.origin !== 'ini') continue
      const eras = ctx.paEras.filter((b) => eraAtLeast(b.era, o.since))
      if (!eras.length) continue
      const loc = configAnchor(ctx, o.key)
      if (!loc) continue
      const last = eras[eras.length - 1]!.era
      const intended = intendedScope(o.raw)
      const edit = intended ? ctx.project.replaceIniValueEdit(o.key, intended) : null
      const error = iniValueError(last, o.key, o.raw)
      ctx.report({
        path: loc.path,
        span: loc,
        symbol: `config:${loc.path}::${o.key}`,
        message:
          `\`${o.key} = ${o.raw}\` is not a loop scope (valid: ${SCOPES.join(', ')}; names are case-sensitive). ` +
          `${error} Affects ${affects(ctx, eras.flatMap((b) => b.versions))}. ` +
          (intended ? `Use \`${o.key} = ${intended}\`.` : `Use one of ${SCOPES.join(', ')}.`),
        ...(edit ? { fix: { title: `Set \`${o.key} = ${intended}\``, edits: [edit], applicability: 'safe' as const } } : {})
      })
    }
  }
}

function fixtureValueError(era: PaEra, raw: string): string {
  if (eraAtLeast(era, '1.1')) return `fixture '_${raw}_scoped_runner' not found`
  if (eraAtLeast(era, '1.0')) return `fixture '_${raw}_event_loop' not found`
  return `KeyError: ${pyRepr(raw)}`
}

function iniValueError(era: PaEra, key: string, raw: string): string {
  if (eraAtLeast(era, '1.2'))
    return `pytest stops at start-up, before any test runs: \`${pyRepr(raw)} is not a valid ${key}. Valid scopes are: function, class, module, package, session.\``
  if (key === 'asyncio_default_test_loop_scope') return 'Every asyncio test without a `loop_scope` fails with an `AssertionError`.'
  return `Every async fixture without a \`loop_scope\` errors at setup: \`${fixtureValueError(era, raw)}\`.`
}

/** Python's repr of a plain string (single quotes unless the text contains one). */
export function pyRepr(s: string): string {
  if (s.includes("'") && !s.includes('"')) return `"${s}"`
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
}

export function isFalsy(v: Value): boolean {
  return v.kind === 'none' || (v.kind === 'str' && v.str === '') || (v.kind === 'bool' && v.text === 'False')
}

function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0] as number
    dp[0] = i
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j] as number
      dp[j] = Math.min((dp[j] as number) + 1, (dp[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1))
      prev = tmp
    }
  }
  return dp[b.length] as number
}

/**
 * The valid name a mistyped value most likely meant: the same name in another case, a unique
 * prefix (`sess`), or the single closest name within two edits (`sesion`, `modul`). Null when
 * nothing is close enough to guess.
 */
export function closestName<T extends string>(raw: string, names: readonly T[]): T | null {
  const t = raw.trim().toLowerCase()
  const exact = names.find((n) => n === t)
  if (exact) return exact
  if (t.length >= 3) {
    const pre = names.filter((n) => n.startsWith(t))
    if (pre.length === 1) return pre[0] as T
  }
  let best: T | null = null
  let bestD = Infinity
  let tie = false
  for (const n of names) {
    const d = editDistance(t, n)
    if (d < bestD) {
      best = n
      bestD = d
      tie = false
    } else if (d === bestD) tie = true
  }
  return best && !tie && bestD <= 2 ? best : null
}

export function intendedScope(raw: string): Scope | null {
  return closestName(raw, SCOPES)
}

function testNames(tests: TestFunc[]): string {
  const names = tests.slice(0, 3).map((t) => `\`${t.name}\``)
  return names.join(', ') + (tests.length > 3 ? ` and ${tests.length - 3} more tests` : '')
}

// -------------------------------------------------------------------------------------------
// Where asyncio marks are written, shared by the mark rules of this group (PA109, PA110, PA204).

export interface MarkSite {
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
export function asyncioMarkSites(ctx: RuleContext): MarkSite[] {
  const governs = new Map<Mark, TestFunc[]>()
  for (const t of ctx.suite.tests()) {
    if (!ctx.asyncio.isAsyncioTest(t)) continue
    const hit = ctx.asyncio.asyncioMark(t)
    if (hit) pushTo(governs, hit.mark, t)
  }
  const out: MarkSite[] = []
  const add = (mark: Mark, file: PyFile, anchor: MarkSite['anchor'], symbol: string): void => {
    const tests = governs.get(mark) ?? []
    const related = anchor.line === mark.span.line ? [] : [{ path: file.path, line: mark.span.line, endLine: mark.span.endLine, message: 'the `asyncio` mark' }]
    out.push({ mark, file, anchor, symbol, tests, related })
  }
  const markSpan = (m: Mark): MarkSite['anchor'] => ({ line: m.span.line, endLine: m.span.endLine, col: m.span.col })
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
