import type { Rule, RuleContext } from '../engine.js'
import { fixtureSymbol } from '../engine.js'
import type { Fix } from '../types.js'
import type { FixtureDef, TestFunc } from '../../model/types.js'
import { describeRange, describeSet } from '../../model/versions.js'
import { anyioRunFunctions, contextVarReadLine, contextVarsSet, isScopeCm, sameContextVar } from './portability.js'

/**
 * AN406: the project allows an anyio whose plugin runs fixture setup, teardown and the test in
 * different tasks (research R18): a task group or cancel scope across `yield` breaks before 3.6,
 * and a context variable set in an async fixture is invisible to the test before 4.0.
 */
export const AN406: Rule = {
  meta: {
    code: 'AN406',
    name: 'old-anyio-cross-task-fixture-scope',
    severity: 'error',
    plugin: 'anyio',
    summary: 'A fixture relies on anyio ≥ 3.6 / ≥ 4 task semantics (a scope across `yield`, a context variable for the test), but the pins allow an older anyio.',
    fixable: true,
    docs: {
      what:
        'Flags an async generator fixture that anyio runs and that holds a task group or cancel scope across its `yield` when the pins allow anyio < 3.6, and an async fixture that sets a context variable an anyio test reads when the pins allow anyio < 4.0.',
      why:
        'Before 3.6 the plugin ran an async generator fixture’s setup and teardown as separate calls, in different tasks: leaving the scope at teardown fails with `RuntimeError: Attempted to exit cancel scope in a different task than it was entered in` (asyncio; trio hangs). Before 4.0 every test and fixture ran in a task of its own, so a context variable a fixture sets is not visible in the test (`assert \'unset\' == \'from-fixture\'`), and on < 3.6 the teardown’s `var.reset(token)` raises `ValueError: <Token …> was created in a different Context`. anyio 4.0 runs fixtures and tests in one runner task.',
      versions:
        'anyio 3.0–3.5 (scopes across `yield`) and 3.0–3.7 (context variables). The fix raises the requirement (`>=3.6` or `>=4`) where the pin is declared; with a lockfile, upgrade and re-lock.',
      bad: `# requirements-dev.txt
anyio==3.5.0

# conftest.py
@pytest.fixture
async def server():
    async with anyio.create_task_group() as tg:
        await tg.start(serve)
        yield
        tg.cancel_scope.cancel()`,
      good: `# requirements-dev.txt
anyio>=3.6`,
      references: ['https://anyio.readthedocs.io/en/stable/versionhistory.html', 'https://anyio.readthedocs.io/en/stable/testing.html']
    }
  },
  check(ctx) {
    const below36 = ctx.anyio.versionsBelow('3.6')
    const below4 = ctx.anyio.versionsBelow('4.0')
    if (!below4.length) return
    const inScope = new Set(ctx.fixturesInScope())
    for (const rf of anyioRunFunctions(ctx)) {
      const fx = rf.fixture
      if (!fx || !inScope.has(fx)) continue
      const scopeYield = below36.length ? rf.func.facts.yields.find((y) => y.within.some(isScopeCm)) : undefined
      if (scopeYield) {
        const cm = scopeYield.within.find(isScopeCm)!
        const fix = pinFix(ctx, '3.6')
        ctx.report({
          path: fx.file.path,
          span: fx.func.anchor,
          symbol: fixtureSymbol(fx),
          message:
            `\`${fx.name}\` yields inside \`${cm.callee}(…)\` (line ${cm.span.line}), but the pins allow anyio ${describeSet(below36, 'anyio')} (${describeRange(ctx.project.versions.anyio)}), whose plugin runs a fixture's setup and teardown in different tasks: ` +
            `leaving the scope at teardown fails with \`RuntimeError: Attempted to exit cancel scope in a different task than it was entered in\` (asyncio; trio hangs). anyio 3.6 runs each async generator fixture in one task; require \`anyio>=3.6\` (4.x for context variables too).`,
          ...(fix ? { fix } : {})
        })
        continue
      }
      const sets = contextVarsSet(ctx, fx.file, rf.func)
      if (!sets.size) continue
      const reader = readerOf(ctx, fx, rf.users, sets)
      if (!reader) continue
      const fix = pinFix(ctx, '4')
      ctx.report({
        path: fx.file.path,
        span: fx.func.anchor,
        symbol: fixtureSymbol(fx),
        message:
          `\`${fx.name}\` sets the context variable \`${reader.name}\` (line ${reader.setLine}) and \`${reader.test.name}\` reads it (line ${reader.readLine}), but the pins allow anyio ${describeSet(below4, 'anyio')} (${describeRange(ctx.project.versions.anyio)}), which runs each fixture and test in a task of its own: ` +
          `the test sees the variable's default, not the fixture's value` +
          (below36.length ? `, and on anyio < 3.6 the teardown's \`reset(token)\` raises \`ValueError: <Token …> was created in a different Context\`` : '') +
          `. anyio 4.0 runs fixtures and tests in one task, so the value carries over; require \`anyio>=4\`.`,
        related: [{ path: reader.test.file.path, line: reader.readLine, endLine: reader.readLine, message: `\`${reader.test.name}\` reads \`${reader.name}\` here` }],
        involves: [reader.test.file.path],
        ...(fix ? { fix } : {})
      })
    }
  }
}

function readerOf(ctx: RuleContext, fx: FixtureDef, users: TestFunc[], sets: Map<string, { name: string; line: number }>): { test: TestFunc; name: string; setLine: number; readLine: number } | null {
  for (const t of users) {
    if (!t.func.isAsync) continue
    for (const [sid, s] of sets) {
      const readLine = contextVarReadLine(t.file, t.func, s.name)
      if (readLine === null) continue
      if (sameContextVar(ctx, fx.file, t.file, s.name, sid)) return { test: t, name: s.name, setLine: s.line, readLine }
    }
  }
  return null
}

/** Raise the declared anyio requirement to `>=<min>` where it is a single clause on one line (unsafe: a dependency change). */
export function pinFix(ctx: RuleContext, min: string): Fix | null {
  const info = ctx.project.versions.anyio
  if (info.locked || !info.source || !info.spec || info.overridden) return null
  const spec = info.spec
  if (spec.includes(',') || !/^(==|>=|~=|<=|<|>|===)/.test(spec.trim())) return null
  const path = info.source.path
  const text = ctx.project.readText(path)
  if (text === null) return null
  const lines = text.split('\n')
  const lineText = lines[info.source.line - 1]
  if (lineText === undefined) return null
  const at = lineText.indexOf(spec)
  if (at < 0 || lineText.indexOf(spec, at + 1) >= 0) return null
  let start = 0
  for (let i = 0; i < info.source.line - 1; i++) start += (lines[i] as string).length + 1
  start += at
  return {
    title: `Require \`anyio>=${min}\``,
    edits: [{ path, start, end: start + spec.length, text: `>=${min}` }],
    applicability: 'unsafe'
  }
}

export type { FixtureDef }
