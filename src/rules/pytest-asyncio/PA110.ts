import type { Rule, RuleContext } from '../engine.js'
import { fixtureSymbol, testSymbol, where } from '../engine.js'
import type { Fix, RelatedLocation, Severity } from '../types.js'
import type { FixtureDef, Mark, TestFunc, Value } from '../../model/types.js'
import { eraAtLeast, isKnown, type PaEra } from '../../resolve/asyncio.js'
import { replaceValue } from '../../fix/edits.js'
import { setFixtureLoopScopeFix } from '../fixes.js'
import { governingMarkSites, type GoverningMarkSite } from './marks.js'
import { affects } from './versions.js'

type Collector = 'class' | 'package'

/** PA110: a class or package loop scope where there is no class / no package to own the loop. */
export const PA110: Rule = {
  meta: {
    code: 'PA110',
    name: 'class-or-package-loop-without-collector',
    severity: 'error',
    plugin: 'pytest-asyncio',
    summary: 'A `class` or `package` loop scope is used where there is no enclosing class or package.',
    fixable: true,
    docs: {
      what: 'Flags an asyncio test that asks for a `class` loop (`@pytest.mark.asyncio(loop_scope="class")`, or `scope="class"` on 0.23) but is a module-level function, or a `package` loop in a directory tree with no `__init__.py`; and, on pytest-asyncio 0.23–0.26, an async fixture with a class (or package) loop used by such a test. The fix is `loop_scope="module"`, the narrowest collector that does exist.',
      why: 'On pytest-asyncio 0.23–0.26 the loop belongs to the enclosing collector, and there is none: the test errors with `UsageError: test_burst_fires_once is marked to be run in an event loop with scope class, but is not part of any class.` From 1.0 it is accepted, but a class loop outside a class is just a per-test loop, so the mark has no effect (reported as info).',
      versions: 'pytest-asyncio 0.23–0.26: error. 1.0–1.4: info for a class loop outside a class (same as `function`).',
      bad: `@pytest.mark.asyncio(loop_scope="class")
async def test_burst_fires_once():
    ...`,
      good: `@pytest.mark.asyncio(loop_scope="module")
async def test_burst_fires_once():
    ...`
    }
  },
  check(ctx) {
    if (ctx.project.asyncio.disabled) return
    const inPackage = packageCheck(ctx)
    const missing = (scope: string, test: TestFunc): Collector | null => {
      if (scope === 'class' && !test.cls) return 'class'
      if (scope === 'package' && !inPackage(test)) return 'package'
      return null
    }
    const sites = new Map<Mark, GoverningMarkSite>()
    for (const s of governingMarkSites(ctx)) sites.set(s.mark, s)

    // Tests: grouped by where their loop scope is written (a mark), or the ini test default.
    interface TestAgg {
      mark: Mark | null
      value?: Value
      key: string
      collector: Collector
      tests: TestFunc[]
      eras: Set<PaEra>
    }
    const byMark = new Map<Mark | 'ini', TestAgg>()
    interface FxAgg {
      fx: FixtureDef
      collector: Collector
      source: string
      value?: Value
      tests: TestFunc[]
      eras: Set<PaEra>
    }
    const byFixture = new Map<FixtureDef, FxAgg>()
    for (const test of ctx.targetTests()) {
      if (!ctx.asyncio.isAsyncioTest(test)) continue
      for (const { era } of ctx.paEras) {
        if (!eraAtLeast(era, '0.23')) continue
        const error = !eraAtLeast(era, '1.0')
        const tl = ctx.asyncio.testLoop(test, era)
        const c = isKnown(tl) ? missing(tl.scope, test) : null
        // From 1.0 only a class loop on a module-level test is worth a note (it is a per-test loop).
        if (c && (error || (c === 'class' && tl.source !== 'ini'))) {
          const k = tl.source === 'ini' ? 'ini' : tl.mark?.mark
          if (k) {
            const agg = byMark.get(k) ?? {
              mark: k === 'ini' ? null : k,
              ...(tl.value ? { value: tl.value } : {}),
              key: tl.source === 'scope-kwarg' ? 'scope' : 'loop_scope',
              collector: c,
              tests: [],
              eras: new Set()
            }
            if (!agg.tests.includes(test)) agg.tests.push(test)
            agg.eras.add(era)
            byMark.set(k, agg)
          }
        }
        if (!error) continue
        // 0.23–0.26: a fixture's class/package loop is looked up from the requesting test.
        for (const { def: fx } of ctx.suite.closure(test)) {
          if (!fx.func.isAsync || !ctx.asyncio.handlesFixture(fx, era)) continue
          const fl = ctx.asyncio.fixtureLoop(fx, era)
          const fc = isKnown(fl) ? missing(fl.scope, test) : null
          if (!fc) continue
          const agg = byFixture.get(fx) ?? { fx, collector: fc, source: fl.source, ...(fl.value ? { value: fl.value } : {}), tests: [], eras: new Set() }
          if (!agg.tests.includes(test)) agg.tests.push(test)
          agg.eras.add(era)
          byFixture.set(fx, agg)
        }
      }
    }

    for (const [k, agg] of byMark) {
      const eras = ctx.paEras.filter((b) => agg.eras.has(b.era))
      const errorEras = eras.filter((b) => !eraAtLeast(b.era, '1.0'))
      const severity: Severity = errorEras.length ? 'error' : 'info'
      const t0 = agg.tests[0] as TestFunc
      const names = agg.tests.slice(0, 3).map((t) => `\`${t.name}\``).join(', ') + (agg.tests.length > 3 ? ` and ${agg.tests.length - 3} more` : '')
      const site = k === 'ini' ? undefined : sites.get(k)
      const what = agg.collector === 'class' ? 'is not in a class' : 'is not in a package (no `__init__.py` above it)'
      const runtime = errorEras.length
        ? `On ${affects(ctx, errorEras.flatMap((b) => b.versions))} that is an error: \`UsageError: ${t0.name} is marked to be run in an event loop with scope ${agg.collector}, but is not part of any ${agg.collector}.\`` +
          (errorEras.length < eras.length ? ' From pytest-asyncio 1.0 it is accepted but is a per-test loop, the same as `function`.' : '')
        : `${affects(ctx, eras.flatMap((b) => b.versions))} accepts it, but outside a class the class loop is a per-test loop: the mark has no effect (same as \`function\`).`
      let fix: Fix | undefined
      let path: string
      let span: { line: number; endLine: number; col: number }
      let symbol: string
      let related: RelatedLocation[]
      if (k === 'ini') {
        const opt = ctx.project.iniOption('asyncio_default_test_loop_scope')
        if (!opt) continue
        path = opt.path
        span = opt
        symbol = `config:${opt.path}::asyncio_default_test_loop_scope`
        related = agg.tests.slice(0, 5).map((t) => ({ path: t.file.path, line: t.func.anchor.line, endLine: t.func.anchor.endLine, message: `\`${t.name}\` ${what}` }))
      } else {
        const file = site?.file ?? t0.file
        path = file.path
        span = site?.anchor ?? t0.func.anchor
        symbol = site?.symbol ?? testSymbol(t0)
        related = site?.related ?? []
        // Only when every test the mark decides is affected: a class-level mark keeps its class loop.
        const governed = site?.tests ?? agg.tests
        if (agg.value && agg.value.kind === 'str' && file.exactText && governed.every((t) => agg.tests.includes(t))) {
          fix = { title: `Use \`${agg.key}="module"\``, edits: [replaceValue(file, agg.value, 'module')], applicability: 'safe' }
        }
      }
      ctx.report({
        severity,
        path,
        span,
        symbol,
        message:
          `${names} ${agg.tests.length === 1 ? 'asks' : 'ask'} for a ${agg.collector}-scoped event loop (${k === 'ini' ? `\`asyncio_default_test_loop_scope = ${agg.collector}\`` : `\`${agg.key}="${agg.collector}"\``}) but ${agg.tests.length === 1 ? 'it' : 'each'} ${what}. ${runtime} ` +
          `Use \`${agg.key === 'scope' ? 'scope' : 'loop_scope'}="module"\` to share one loop per module` +
          (agg.collector === 'class' ? ', or move the tests into a test class.' : ', or make the directory a package with `__init__.py`.'),
        related,
        involves: agg.tests.map((t) => t.file.path),
        ...(fix ? { fix } : {})
      })
    }

    for (const agg of byFixture.values()) {
      const { fx } = agg
      const eras = ctx.paEras.filter((b) => agg.eras.has(b.era))
      const t0 = agg.tests[0] as TestFunc
      const names = agg.tests.slice(0, 3).map((t) => `\`${t.name}\``).join(', ') + (agg.tests.length > 3 ? ` and ${agg.tests.length - 3} more` : '')
      const allowed = ctx.paEras.every((b) => eraAtLeast(b.era, '0.24'))
      let fix: Fix | null = null
      if (allowed && agg.source === 'loop_scope' && agg.value?.kind === 'str' && fx.file.exactText) {
        fix = { title: 'Use `loop_scope="module"`', edits: [replaceValue(fx.file, agg.value, 'module')], applicability: 'safe' }
      } else if (allowed && agg.source === 'fixture-scope') {
        fix = setFixtureLoopScopeFix(fx, 'module')
      }
      const why = agg.source === 'loop_scope' ? `\`loop_scope="${agg.collector}"\`` : agg.source === 'ini' ? `\`asyncio_default_fixture_loop_scope = ${agg.collector}\`` : `its caching scope \`${agg.collector}\``
      ctx.report({
        path: fx.file.path,
        span: fx.func.anchor,
        symbol: fixtureSymbol(fx),
        message:
          `Async fixture \`${fx.name}\` runs in a ${agg.collector}-scoped loop (${why}), but ${names} ${agg.tests.length === 1 ? 'uses' : 'use'} it from outside any ${agg.collector}. ` +
          `On ${affects(ctx, eras.flatMap((b) => b.versions))} the loop is looked up from the test and there is none: \`UsageError: ${t0.name} is marked to be run in an event loop with scope ${agg.collector}, but is not part of any ${agg.collector}.\` ` +
          (fix ? 'Give it a module loop: `loop_scope="module"`.' : `Give it a module loop (\`loop_scope="module"\`, pytest-asyncio>=0.24), or use it only from tests in a ${agg.collector}.`),
        related: agg.tests.slice(0, 5).map((t) => ({
          path: t.file.path,
          line: t.func.anchor.line,
          endLine: t.func.anchor.endLine,
          message: `\`${t.name}\` uses \`${fx.name}\` (${where(fx)}) outside a ${agg.collector}`
        })),
        involves: agg.tests.map((t) => t.file.path),
        ...(fix ? { fix } : {})
      })
    }
  }
}

/** Is a test inside a package: does its directory, or one above it up to the rootdir, have `__init__.py`? */
function packageCheck(ctx: RuleContext): (test: TestFunc) => boolean {
  const cache = new Map<string, boolean>()
  const root = ctx.project.rootdir
  return (test) => {
    const parts = test.file.path.split('/').slice(0, -1)
    for (let i = parts.length; i >= 0; i--) {
      const dir = parts.slice(0, i).join('/')
      if (root && !(dir === root || dir.startsWith(root + '/'))) break
      let has = cache.get(dir)
      if (has === undefined) {
        has = ctx.project.fileExists(dir ? `${dir}/__init__.py` : '__init__.py')
        cache.set(dir, has)
      }
      if (has) return true
    }
    return false
  }
}
