import type { Rule, RuleContext } from '../engine.js'
import { fixtureSymbol, where } from '../engine.js'
import type { Fix } from '../types.js'
import type { FixtureDef, Scope, TestFunc } from '../../model/types.js'
import { isScope, scopeRank } from '../../model/types.js'
import { describeRange } from '../../model/versions.js'
import { addParamEdit, anyioRunFunctions, isScopeCm } from './portability.js'
import { pushTo } from '../../util/multimap.js'

/**
 * AN403: two scope-holding fixtures (a task group or cancel scope across `yield`) whose
 * lifetimes do not nest on anyio's single runner task (research R15): the narrower one is set up
 * first, the wider one is entered while it is open, and the narrower one exits first.
 */
export const AN403: Rule = {
  meta: {
    code: 'AN403',
    name: 'scoped-cancel-scope-misnesting',
    severity: 'error',
    plugin: 'anyio',
    summary: 'Two higher-scoped async fixtures hold task groups or cancel scopes across `yield` and are set up in an order that does not nest.',
    fixable: true,
    docs: {
      what:
        'Flags a class-, module- or package-scoped async generator fixture N whose `yield` sits inside a task group or cancel scope, when a wider fixture W (package or session scope) that also holds one across `yield` is first requested by a later test while N is already set up, and N does not depend on W. The finding is on N.',
      why:
        'anyio ≥ 4 runs every fixture and test in one runner task, so the scopes the fixtures hold form one stack on that task. N is entered first, W on top of it, and at the end of N’s scope pytest tears N down while W is still open: `RuntimeError: Attempted to exit a cancel scope that isn\'t the current tasks\'s current cancel scope` at N’s teardown on asyncio (later items then get `ClosedResourceError`), a hang on trio. anyio 4.0.0 adds `RuntimeError: Runner is closed`; anyio 3.x fails with `RuntimeError: Event loop is closed` at W’s teardown.',
      versions:
        'Every anyio version with the pytest plugin (the error text differs, see above). The fix makes N request W, so pytest always sets W up first and the lifetimes nest; making W `autouse=True` works too.',
      bad: `# conftest.py
@pytest.fixture(scope="session")
async def service_group():
    async with anyio.create_task_group() as tg:
        yield tg
        tg.cancel_scope.cancel()

# test_resolver.py
@pytest.fixture(scope="module")
async def module_group():
    async with anyio.create_task_group() as tg:
        yield tg
        tg.cancel_scope.cancel()

async def test_cache(module_group): ...
async def test_shared(module_group, service_group): ...`,
      good: `# test_resolver.py
@pytest.fixture(scope="module")
async def module_group(service_group):
    async with anyio.create_task_group() as tg:
        yield tg
        tg.cancel_scope.cancel()`,
      references: ['https://github.com/agronholm/anyio/issues/619', 'https://github.com/agronholm/anyio/issues/555']
    }
  },
  check(ctx) {
    const holders = new Map<FixtureDef, TestFunc[]>()
    for (const rf of anyioRunFunctions(ctx)) {
      const fx = rf.fixture
      if (!fx || !isScope(fx.scope) || fx.scope === 'function') continue
      if (!rf.func.facts.yields.some((y) => y.within.some(isScopeCm))) continue
      holders.set(fx, rf.users)
    }
    if (holders.size < 2) return
    const inScope = new Set(ctx.fixturesInScope())
    const order = pytestOrder(ctx.suite.tests())
    const reported = new Set<FixtureDef>()
    for (const [n, nUsers] of holders) {
      if (!inScope.has(n) || reported.has(n)) continue
      for (const [w] of holders) {
        if (w === n || !isScope(w.scope) || scopeRank(w.scope) <= scopeRank(n.scope as Scope)) continue
        const hit = misnesting(ctx, n, w, nUsers, order)
        if (!hit) continue
        report(ctx, n, w, hit.first, hit.enters)
        reported.add(n)
        break
      }
    }
  }
}

/** pytest's run order: files by path (directory entries sorted by name), then definition order. */
function pytestOrder(tests: TestFunc[]): Map<TestFunc, number> {
  const sorted = [...tests].sort((a, b) => {
    if (a.file !== b.file) {
      const pa = a.file.path.split('/')
      const pb = b.file.path.split('/')
      for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
        if (pa[i] !== pb[i]) return (pa[i] as string) < (pb[i] as string) ? -1 : 1
      }
      return pa.length - pb.length
    }
    return a.func.whole.start - b.func.whole.start
  })
  return new Map(sorted.map((t, i) => [t, i]))
}

function dirOf(p: string): string {
  const i = p.lastIndexOf('/')
  return i < 0 ? '' : p.slice(0, i)
}

/** The cached instance of a fixture a test gets: one per class, module, package, or session. */
function instanceKey(fx: FixtureDef, t: TestFunc): string | null {
  switch (fx.scope) {
    case 'class':
      return t.cls ? `${t.file.path}::${t.cls.qualName}` : null
    case 'module':
      return t.file.path
    case 'package':
      return fx.file.kind === 'conftest' ? dirOf(fx.file.path) : dirOf(t.file.path)
    default:
      return 'session'
  }
}

/**
 * Walk each instance of N in run order: N set up by a test that does not have W (and W not set
 * up before), then W requested by a later test while N is alive.
 */
function misnesting(ctx: RuleContext, n: FixtureDef, w: FixtureDef, nUsers: TestFunc[], order: Map<TestFunc, number>): { first: TestFunc; enters: TestFunc } | null {
  if (w.autouse) return null
  const groups = new Map<string, TestFunc[]>()
  for (const t of ctx.suite.tests()) {
    const key = instanceKey(n, t)
    if (key === null) continue
    pushTo(groups, key, t)
  }
  const users = new Set(nUsers)
  for (const tests of groups.values()) {
    tests.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
    let nFirst: TestFunc | null = null
    for (const t of tests) {
      if (!ctx.anyio.hasBackend(t)) continue
      const closure = ctx.anyio.closure(t)
      const hasW = closure.some((e) => e.def === w)
      const hasN = users.has(t) && closure.some((e) => e.def === n)
      if (!nFirst) {
        if (hasW) break // W is alive before N: the scopes nest.
        if (hasN) {
          if (dependsOn(ctx, n, w, t)) break
          nFirst = t
        }
        continue
      }
      if (hasW) return { first: nFirst, enters: t }
    }
  }
  return null
}

/** Does `fx` (as resolved for the test) request `dep`, directly or through other fixtures? */
function dependsOn(ctx: RuleContext, fx: FixtureDef, dep: FixtureDef, t: TestFunc): boolean {
  const seen = new Set<FixtureDef>()
  const visit = (d: FixtureDef): boolean => {
    if (d === dep) return true
    if (seen.has(d)) return false
    seen.add(d)
    for (const arg of d.func.argnames) {
      if (arg === 'request') continue
      const r = ctx.suite.resolve(arg, t, arg === d.name ? d : undefined)
      if (r && visit(r)) return true
    }
    return false
  }
  return [...fx.func.argnames].some((arg) => {
    const r = ctx.suite.resolve(arg, t, arg === fx.name ? fx : undefined)
    return !!r && visit(r)
  })
}

function report(ctx: RuleContext, n: FixtureDef, w: FixtureDef, first: TestFunc, enters: TestFunc): void {
  const v = ctx.anyio
  const effects: string[] = []
  if (v.versionsFrom('4.1').length) effects.push("`RuntimeError: Attempted to exit a cancel scope that isn't the current tasks's current cancel scope` at its teardown on asyncio (later items then get `ClosedResourceError`), and a hang on trio")
  if (v.versions.includes('4.0.0')) effects.push('on anyio 4.0.0 the same `RuntimeError` followed by `RuntimeError: Runner is closed`')
  if (v.versionsBelow('4.0').length) effects.push('on anyio 3.x `RuntimeError: Event loop is closed` at the teardown of the wider fixture')
  const file = n.file
  let fix: Fix | undefined
  if (file.exactText) {
    const e = addParamEdit(file, n.func, w.name)
    if (e) fix = { title: `Make \`${n.name}\` request \`${w.name}\` so their scopes nest`, edits: [e], applicability: 'safe' }
  }
  ctx.report({
    path: file.path,
    span: n.func.anchor,
    symbol: fixtureSymbol(n),
    message:
      `\`${n.name}\` (${n.scope} scope) and \`${w.name}\` (${w.scope} scope, ${where(w)}) both hold a task group or cancel scope across their \`yield\`, and anyio runs every fixture and test in one runner task (${describeRange(ctx.project.versions.anyio)}), so those scopes form one stack. ` +
      `\`${first.name}\` sets up \`${n.name}\` first, \`${enters.name}\` then enters \`${w.name}\` on top of it, and at the end of its ${n.scope} \`${n.name}\` is torn down while \`${w.name}\` is still open: ${effects.join('; ')}. ` +
      `Make \`${n.name}\` request \`${w.name}\` (or make \`${w.name}\` autouse) so pytest sets the wider fixture up first and the scopes nest.`,
    related: [{ path: w.file.path, line: w.func.anchor.line, endLine: w.func.anchor.endLine, message: `\`${w.name}\` is entered while \`${n.name}\` is still open (first requested by \`${enters.name}\`)` }],
    involves: [w.file.path, enters.file.path],
    ...(fix ? { fix } : {})
  })
}
