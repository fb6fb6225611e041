import type { Rule, RuleContext } from '../engine.js'
import { fixtureSymbol } from '../engine.js'
import type { Fix } from '../types.js'
import type { FixtureDef, TestFunc } from '../../model/types.js'
import { isScope, scopeRank } from '../../model/types.js'
import { describeRange } from '../../model/versions.js'
import { contextVarReadLine, contextVarsSet, sameContextVar } from './portability.js'

/**
 * AN407: a context variable set in a sync fixture and read by an async anyio test (research
 * R19). anyio ≥ 4 runs async tests in its runner task, which copied the thread's context when it
 * was created; once an async fixture created the runner before the sync fixture ran, the test
 * sees the variable's default.
 */
export const AN407: Rule = {
  meta: {
    code: 'AN407',
    name: 'contextvar-from-sync-fixture',
    severity: 'warning',
    plugin: 'anyio',
    summary: 'A context variable set in a sync fixture is read by an async anyio test whose runner was created before the fixture ran.',
    fixable: true,
    docs: {
      what:
        'Flags a sync fixture that sets a `contextvars.ContextVar` which an async anyio test reads (`var.get()`), when the test’s runner already exists by the time the sync fixture runs: an async fixture of the test is set up before it, or a class-, module-, package- or session-scoped async fixture set up by an earlier test is still alive.',
      why:
        'From anyio 4.0 async tests and fixtures run in the runner’s task, which copies the thread’s context once, when the runner is created. A variable the sync fixture sets afterwards is set in the main thread’s context only, so the test silently reads the default value (observed on both backends with anyio 4.14.2); the same test passes when it runs alone without the async fixture, which makes the failure order-dependent.',
      versions: 'anyio 4.0 → 4.16 (before 4.0 each test ran in a fresh task copying the current context). The fix makes the fixture `async def`, so it runs in the runner task and the value reaches the test.',
      bad: `@pytest.fixture
def tenant():
    token = current_tenant.set("acme")
    yield "acme"
    current_tenant.reset(token)


@pytest.mark.anyio
async def test_scoped_query(db, tenant):   # db: an async fixture
    assert current_tenant.get() == "acme"`,
      good: `@pytest.fixture
async def tenant():
    token = current_tenant.set("acme")
    yield "acme"
    current_tenant.reset(token)`,
      references: ['https://anyio.readthedocs.io/en/stable/testing.html']
    }
  },
  check(ctx) {
    if (!ctx.anyio.versionsFrom('4.0').length) return
    const inScope = new Set(ctx.fixturesInScope())
    const order = runOrder(ctx.suite.tests())
    const done = new Set<FixtureDef>()
    for (const t of ctx.anyio.anyioTests()) {
      for (const e of ctx.anyio.closure(t)) {
        const s = e.def
        if (s.builtin || s.func.isAsync || done.has(s) || !inScope.has(s)) continue
        const sets = contextVarsSet(ctx, s.file, s.func)
        let read: { name: string; setLine: number; readLine: number } | null = null
        for (const [sid, v] of sets) {
          const readLine = contextVarReadLine(t.file, t.func, v.name)
          if (readLine !== null && sameContextVar(ctx, s.file, t.file, v.name, sid)) {
            read = { name: v.name, setLine: v.line, readLine }
            break
          }
        }
        if (!read) continue
        const cause = runnerBefore(ctx, t, s, order)
        if (!cause) continue
        done.add(s)
        report(ctx, s, t, read.name, read.setLine, read.readLine, cause)
      }
    }
  }
}

function runOrder(tests: TestFunc[]): Map<TestFunc, number> {
  const sorted = [...tests].sort((a, b) => (a.file !== b.file ? (a.file.path < b.file.path ? -1 : 1) : a.func.whole.start - b.func.whole.start))
  return new Map(sorted.map((t, i) => [t, i]))
}

const rank = (fx: FixtureDef): number => (isScope(fx.scope) ? scopeRank(fx.scope) : 0)

/**
 * What created the runner before the sync fixture ran: an async fixture set up before it for
 * this test (pytest sets wider scopes first, then each fixture's dependencies first), or a wider
 * async fixture an earlier test set up that is still alive.
 */
function runnerBefore(ctx: RuleContext, t: TestFunc, s: FixtureDef, order: Map<TestFunc, number>): { fixture: FixtureDef; by?: TestFunc } | null {
  const closure = ctx.anyio.closure(t)
  const byName = new Map(closure.map((e) => [e.name, e.def]))
  const names = [...closure].sort((a, b) => rank(b.def) - rank(a.def)).map((e) => e.def)
  const seq: FixtureDef[] = []
  const seen = new Set<FixtureDef>()
  const visit = (d: FixtureDef): void => {
    if (seen.has(d)) return
    seen.add(d)
    for (const arg of d.func.argnames) {
      const dep = arg === d.name ? ctx.suite.resolve(arg, t, d) : byName.get(arg)
      if (dep) visit(dep)
    }
    seq.push(d)
  }
  for (const d of names) visit(d)
  const at = seq.indexOf(s)
  for (const d of seq.slice(0, Math.max(0, at))) if (ctx.anyio.runsFixture(d)) return { fixture: d }
  // A wider async fixture from an earlier test in the same module (or session) still holds the runner.
  const mine = order.get(t) ?? 0
  for (const u of ctx.anyio.anyioTests()) {
    if ((order.get(u) ?? 0) >= mine) continue
    for (const e of ctx.anyio.anyioFixtures(u)) {
      const f = e.def
      if (!isScope(f.scope) || f.scope === 'function') continue
      const alive = f.scope === 'module' ? u.file === t.file : f.scope === 'class' ? !!t.cls && u.cls === t.cls : true
      if (alive) return { fixture: f, by: u }
    }
  }
  return null
}

function report(ctx: RuleContext, s: FixtureDef, t: TestFunc, name: string, setLine: number, readLine: number, cause: { fixture: FixtureDef; by?: TestFunc }): void {
  const why = cause.by
    ? `the ${cause.fixture.scope}-scoped async fixture \`${cause.fixture.name}\`, set up by \`${cause.by.name}\`, still holds the runner`
    : `the async fixture \`${cause.fixture.name}\` is set up before \`${s.name}\` and creates the runner`
  const fix = asyncFixtureFix(ctx, s)
  ctx.report({
    path: s.file.path,
    span: s.func.anchor,
    symbol: fixtureSymbol(s),
    message:
      `The sync fixture \`${s.name}\` sets the context variable \`${name}\` (line ${setLine}) and \`${t.name}\` reads it (line ${readLine}), but anyio runs the test in its runner task, which copied the context when the runner was created (${describeRange(ctx.project.versions.anyio)}): here ${why}, so the test silently sees the variable's default. ` +
      `The test passes when run without that fixture, so the failure depends on what else the suite sets up. Set the variable in an async fixture, which runs in the runner task.`,
    related: [{ path: t.file.path, line: readLine, endLine: readLine, message: `\`${t.name}\` reads \`${name}\` here` }],
    involves: [t.file.path],
    ...(fix ? { fix } : {})
  })
}

/** `def` → `async def` when every user is an anyio coroutine test and the fixture is function-scoped. */
function asyncFixtureFix(ctx: RuleContext, s: FixtureDef): Fix | null {
  const file = s.file
  if (!file.exactText || s.decoratorKind !== 'pytest' || s.scope !== 'function') return null
  const users = ctx.usersOf(s)
  if (!users.length || users.some((u) => !ctx.anyio.isAnyioTest(u))) return null
  if (!/^def\s/.test(file.text.slice(s.func.defSpan.start))) return null
  return {
    title: `Make \`${s.name}\` an async fixture so it runs in anyio's runner task`,
    edits: [{ path: file.path, start: s.func.defSpan.start, end: s.func.defSpan.start, text: 'async ' }],
    applicability: 'safe'
  }
}
