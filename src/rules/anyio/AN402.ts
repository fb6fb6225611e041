import type { Rule, RuleContext } from '../engine.js'
import { fixtureSymbol } from '../engine.js'
import type { Fix, TextEdit } from '../types.js'
import type { CallFact, FixtureDef, PyFile, TestFunc, YieldFact } from '../../model/types.js'
import { isScope } from '../../model/types.js'
import { pruneImportEdits } from '../../fix/edits.js'
import { cmpVersion, describeRange } from '../../model/versions.js'
import {
  TASK_GROUP_CMS,
  anyioRunFunctions,
  blankStringsAndComments,
  bodyStatements,
  eolOf,
  escapeRe,
  indentStep,
  lineText,
  linesOf,
  moveLines,
  nameUsed,
  replaceLines,
  singleItemWith,
  statementsIn,
  withLineOf,
  type RunFunction,
  type Stmt
} from './portability.js'

/**
 * AN402: an async fixture starts background tasks in a task group and yields inside it
 * (research R14). When a background task crashes during a test, the task group cancels the
 * runner task, i.e. the test, and the real exception is lost.
 */
export const AN402: Rule = {
  meta: {
    code: 'AN402',
    name: 'fixture-taskgroup-background-crash',
    severity: 'warning',
    plugin: 'anyio',
    summary: 'An async fixture yields inside a task group in which it started background tasks: a crash in one cancels the test and hides the error.',
    fixable: true,
    docs: {
      what:
        'Flags an async generator fixture that anyio runs whose `yield` sits inside `async with anyio.create_task_group() as tg` (or `trio.open_nursery()`, `asyncio.TaskGroup()`) after the fixture started tasks in it: `tg.start_soon(...)`, `tg.start(...)`, `tg.create_task(...)`, or `tg` passed to a call that starts them. A fixture that only yields the task group for the tests to use is a supported pattern and is not flagged. Severity is warning for a function-scoped fixture and error for a wider one, whose crash cancels whichever test happens to run.',
      why:
        'anyio ≥ 4 runs the fixture and the test in one runner task, and the fixture’s task group is that task’s cancel scope during the test. When a background task raises, the task group cancels the test instead of reporting the exception: on asyncio the test fails with a bare `asyncio.exceptions.CancelledError: Cancelled via cancel scope …` and teardown errors with `anyio.ClosedResourceError` — the original exception is never shown (anyio #805); on trio the test fails with `trio.Cancelled: cancelled due to nursery with reason "child task raised exception …"` and pytest then hangs.',
      versions:
        'anyio 3.6 → 4.16 (on 3.6–3.7 the test passes and teardown errors with a bare `CancelledError`). The fix turns the fixture into a plain factory and opens the task group in each test that uses it, so a crash surfaces as the test’s own `ExceptionGroup` (a `pytest.raises(E)` around it becomes `pytest.RaisesGroup(E)`, pytest ≥ 8.4). Alternatively keep the fixture and make the background task unable to raise (catch, record, assert at teardown).',
      bad: `@pytest.fixture
async def workers():
    pool = WorkerPool(size=2)
    async with anyio.create_task_group() as tg:
        pool.start(tg)
        yield pool
        tg.cancel_scope.cancel()


@pytest.mark.anyio
async def test_thumbnail(workers):
    await workers.submit({"id": 1, "kind": "thumbnail"})
    result = await workers.results.receive()
    assert result["id"] == 1`,
      good: `@pytest.fixture
def workers():
    return WorkerPool(size=2)


@pytest.mark.anyio
async def test_thumbnail(workers):
    async with anyio.create_task_group() as tg:
        workers.start(tg)
        await workers.submit({"id": 1, "kind": "thumbnail"})
        result = await workers.results.receive()
        tg.cancel_scope.cancel()
    assert result["id"] == 1`,
      references: ['https://github.com/agronholm/anyio/issues/805', 'https://anyio.readthedocs.io/en/stable/testing.html']
    }
  },
  check(ctx) {
    if (!ctx.anyio.versionsFrom('3.6').length) return
    const inScope = new Set(ctx.fixturesInScope())
    for (const rf of anyioRunFunctions(ctx)) {
      const fx = rf.fixture
      if (!fx || !inScope.has(fx)) continue
      for (const y of rf.func.facts.yields) {
        const hit = backgroundStart(rf, y)
        if (!hit) continue
        report(ctx, rf, fx, y, hit.tgCm, hit.start)
        break
      }
    }
  }
}

/** The task-group CM around the yield and the first call that starts a task in it before the yield. */
function backgroundStart(rf: RunFunction, y: YieldFact): { tgCm: CallFact; start: CallFact } | null {
  for (let i = y.within.length - 1; i >= 0; i--) {
    const cm = y.within[i] as CallFact
    if (cm.withKind !== 'async with' || !cm.qual || !TASK_GROUP_CMS.has(cm.qual) || !cm.boundTo) continue
    const tg = cm.boundTo
    for (const c of rf.func.facts.calls) {
      if (c.span.start <= cm.span.end || c.span.start >= y.span.start) continue
      if (new RegExp(`^${escapeRe(tg)}\\.(start_soon|start|create_task)$`).test(c.callee)) return { tgCm: cm, start: c }
      const args = [...(c.value.items ?? []), ...(c.value.kwargs?.values() ?? [])]
      if (args.some((a) => a.kind === 'name' && a.text === tg)) return { tgCm: cm, start: c }
    }
  }
  return null
}

function report(ctx: RuleContext, rf: RunFunction, fx: FixtureDef, y: YieldFact, tgCm: CallFact, start: CallFact): void {
  const wide = isScope(fx.scope) && fx.scope !== 'function'
  const backends = new Set(rf.users.flatMap((u) => ctx.anyio.backend(u)?.backends ?? []))
  const v4 = ctx.anyio.versionsFrom('4.0').length > 0
  const effects: string[] = []
  if (backends.has('asyncio') || !backends.size)
    effects.push(v4 ? 'on asyncio the test fails with a bare `asyncio.exceptions.CancelledError: Cancelled via cancel scope …` and its teardown errors with `anyio.ClosedResourceError`' : 'on asyncio the teardown errors with a bare `CancelledError`')
  if (backends.has('trio')) effects.push('on trio the test fails with `trio.Cancelled: cancelled due to nursery with reason "child task raised exception …"` and pytest then hangs')
  const fix = taskGroupFix(ctx, rf, fx, y, tgCm)
  const startText = start.callee
  ctx.report({
    severity: wide ? 'error' : 'warning',
    path: fx.file.path,
    span: fx.func.anchor,
    symbol: fixtureSymbol(fx),
    message:
      `The fixture \`${fx.name}\` starts background tasks in a task group (\`${startText}(…)\`, line ${start.span.line}) and yields inside it (line ${y.span.line}). ` +
      `anyio runs the fixture and ${rf.users.length === 1 ? `\`${rf.users[0]?.name}\`` : 'its tests'} in one runner task (${describeRange(ctx.project.versions.anyio)}), so when a background task raises during a test the task group cancels the test: ${effects.join('; ')}. The task's own exception is never shown` +
      (wide ? `, and because the fixture is ${fx.scope}-scoped the crash cancels whichever test happens to run.` : '.') +
      ` Open the task group in the test instead (or make the background task unable to raise: catch, record, and assert at teardown).`,
    ...(fix ? { fix } : {})
  })
}

const BUILTINS = new Set(
  'True False None self print len range list dict set tuple str int float bool bytes min max sum any all sorted reversed enumerate zip map filter isinstance getattr setattr hasattr id type object super Exception ValueError KeyError RuntimeError TypeError'.split(' ')
)
const KEYWORDS = new Set('and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(' '))

/** Identifiers a code fragment uses as names (not attributes, not keywords). */
function namesIn(text: string): Set<string> {
  const out = new Set<string>()
  const clean = blankStringsAndComments(text)
  const re = /(?<![A-Za-z0-9_.])([A-Za-z_]\w*)/g
  let m: RegExpExecArray | null
  while ((m = re.exec(clean))) {
    const n = m[1] as string
    if (!KEYWORDS.has(n)) out.add(n)
  }
  // Keyword argument names (`f(x=1)`) are not name uses.
  for (const k of clean.matchAll(/[(,]\s*([A-Za-z_]\w*)\s*=(?!=)/g)) out.delete(k[1] as string)
  return out
}

function rename(text: string, from: string, to: string): string {
  if (from === to) return text
  const clean = blankStringsAndComments(text)
  const re = new RegExp(`(?<![A-Za-z0-9_.])${escapeRe(from)}(?![A-Za-z0-9_])`, 'g')
  let out = ''
  let pos = 0
  let m: RegExpExecArray | null
  while ((m = re.exec(clean))) {
    out += text.slice(pos, m.index) + to
    pos = m.index + from.length
  }
  return out + text.slice(pos)
}

/** Names a module binds at top level (imports, defs, classes, simple assignments). */
function moduleNames(file: PyFile): Set<string> {
  const out = new Set<string>(file.imports.names.keys())
  for (const f of file.functions) out.add(f.name)
  for (const c of file.classes) out.add(c.name)
  for (const m of file.text.matchAll(/^([A-Za-z_]\w*)\s*(?::[^=\n]+)?=/gm)) out.add(m[1] as string)
  return out
}

function hasAwait(text: string): boolean {
  return /\bawait\b|\basync\s+(with|for)\b/.test(blankStringsAndComments(text))
}

/**
 * Turn the fixture into a plain factory and open its task group in each test that requests it:
 *
 *     async with <task group> as tg:
 *         <what the fixture started>
 *         <the test body>
 *         <the fixture's teardown>
 *     <trailing asserts>
 *
 * A body that ends in `with pytest.raises(E):` becomes `with pytest.RaisesGroup(E):` around the
 * task group (the crash now arrives as an ExceptionGroup). Returns null for any other shape.
 */
function taskGroupFix(ctx: RuleContext, rf: RunFunction, fx: FixtureDef, y: YieldFact, tgCm: CallFact): Fix | null {
  const file = fx.file
  if (!file.exactText) return null
  const tg = tgCm.boundTo as string
  const wl = withLineOf(file, tgCm)
  if (!wl || !singleItemWith(file, wl)) return null
  const body = bodyStatements(file, fx.func)
  if (!body) return null
  const stmts = body.stmts
  const w = stmts[stmts.length - 1]
  if (!w || w.first !== wl) return null
  const setup = stmts.slice(0, -1)
  const children = statementsIn(file, wl + 1, w.last)
  const k = children.findIndex((s) => s.first === y.span.line)
  const ys = children[k]
  if (k < 1 || !ys || ys.last !== ys.first) return null
  const ym = /^\s*yield\s+(.+?)\s*(#.*)?$/.exec(lineText(file, ys.first))
  if (!ym) return null
  const yieldExpr = ym[1] as string
  const startStmts = children.slice(0, k)
  const teardown = children.slice(k + 1)
  const childIndent = ys.indent
  const varName = /^[A-Za-z_]\w*$/.test(yieldExpr) ? yieldExpr : null
  const textOf = (ss: Stmt[]): string => ss.map((s) => linesOf(file, s.first, s.last).join('\n')).join('\n')
  const moved = textOf([...startStmts, ...teardown])
  const setupText = textOf(setup)
  // What the moved lines may use: the task group, the yielded value (renamed to the fixture's
  // name), and module-level names available where the tests live; nothing else from the fixture.
  const assignedInSetup = [...fx.func.facts.assigned].filter((n) => n !== tg && n !== varName && nameUsed(setupText, n))
  if (assignedInSetup.some((n) => nameUsed(moved, n))) return null
  if (fx.func.argnames.some((a) => nameUsed(moved, a))) return null
  if (!varName && setup.length && [...fx.func.facts.assigned].some((n) => n !== tg && nameUsed(moved, n))) return null
  const eol = eolOf(file)
  const renameOut = (t: string): string => (varName ? rename(t, varName, fx.name) : t)

  // The fixture: `return <value>` instead of the task group.
  const bodyIndent = w.indent
  let newBody: string
  const single = setup.length === 1 && setup[0]!.first === setup[0]!.last ? lineText(file, setup[0]!.first) : null
  const assign = single && varName ? new RegExp(`^\\s*${escapeRe(varName)}\\s*=(?!=)\\s*(.+?)\\s*$`).exec(single) : null
  if (assign && !nameUsed(assign[1] as string, varName as string)) newBody = `${bodyIndent}return ${assign[1]}`
  else newBody = (setup.length ? moveLines(file, setup[0]!.first, setup[setup.length - 1]!.last, bodyIndent, bodyIndent) + eol : '') + `${bodyIndent}return ${yieldExpr}`
  const edits: TextEdit[] = [replaceLines(file, setup[0]?.first ?? w.first, w.last, newBody)]
  if (!hasAwait(setupText)) {
    const m = /^async\s+/.exec(file.text.slice(fx.func.defSpan.start))
    if (m) edits.push({ path: file.path, start: fx.func.defSpan.start, end: fx.func.defSpan.start + m[0].length, text: '' })
  }

  // The tests.
  const users = ctx.usersOf(fx)
  if (!users.length) return null
  const tgCall = file.text.slice(tgCm.value.span.start, tgCm.value.span.end)
  const tgRoot = (/^([A-Za-z_]\w*)/.exec(tgCall)?.[1] ?? '') as string
  const pytestOk = ctx.project.versions.pytest.candidates.every((v) => cmpVersion(v, '8.4.0') >= 0)
  for (const t of users) {
    const te = testEdit(ctx, t, fx, { tg, tgCall, tgRoot, startStmts, teardown, childIndent, renameOut, moved, varName, pytestOk })
    if (!te) return null
    edits.push(te)
  }
  // Imports the fixture's module no longer needs (the task group moved to the tests).
  edits.push(...pruneImportEdits(file, edits.filter((e) => e.path === file.path)))
  return { title: `Open the task group in the tests that use \`${fx.name}\``, edits, applicability: 'unsafe' }
}

interface Moved {
  tg: string
  tgCall: string
  tgRoot: string
  startStmts: Stmt[]
  teardown: Stmt[]
  childIndent: string
  renameOut: (t: string) => string
  moved: string
  varName: string | null
  pytestOk: boolean
}

function testEdit(ctx: RuleContext, t: TestFunc, fx: FixtureDef, m: Moved): TextEdit | null {
  const file = t.file
  if (!file.exactText || !t.func.isAsync || !ctx.anyio.isAnyioTest(t)) return null
  // The fixture must be requested by the test itself (not through another fixture).
  const entry = ctx.suite.closure(t).find((e) => e.def === fx)
  if (!entry || entry.via.length || !t.func.argnames.includes(fx.name)) return null
  const tb = bodyStatements(file, t.func)
  if (!tb || !tb.stmts.length) return null
  const B = tb.stmts
  const bodyText = linesOf(file, B[0]!.first, B[B.length - 1]!.last).join('\n')
  if (nameUsed(bodyText, m.tg)) return null
  // Names the moved lines need must exist in the test's module.
  if (file !== fx.file) {
    const avail = moduleNames(file)
    for (const n of namesIn(m.moved)) if (n !== m.tg && n !== fx.name && n !== m.varName && !BUILTINS.has(n) && !avail.has(n)) return null
    if (file.imports.names.get(m.tgRoot) !== fx.file.imports.names.get(m.tgRoot)) return null
  }
  const isAssert = (s: Stmt): boolean => /^\s*assert\b/.test(lineText(file, s.first)) && !hasAwait(linesOf(file, s.first, s.last).join('\n'))
  let j = B.length
  while (j > 0 && isAssert(B[j - 1] as Stmt)) j--
  if (j === 0) j = B.length
  const core = B.slice(0, j)
  const I = B[0]!.indent
  const step = indentStep(file)
  const eol = eolOf(file)
  const fxFile = fx.file
  const startText = (to: string): string[] => m.startStmts.map((s) => m.renameOut(moveLines(fxFile, s.first, s.last, m.childIndent, to)))
  const teardownText = (to: string): string[] => m.teardown.map((s) => m.renameOut(moveLines(fxFile, s.first, s.last, m.childIndent, to)))
  const last = core[core.length - 1] as Stmt
  const raises = last.last > last.first ? /^(\s*)with\s+([A-Za-z_][\w.]*)\.raises\(\s*([A-Za-z_][\w.]*)\s*\)\s*:\s*(#.*)?$/.exec(lineText(file, last.first)) : null
  const raisesOk = raises && ctx.suite.files.get(file.path)?.imports.names.get((raises[2] as string).split('.')[0] as string) === 'pytest'
  const out: string[] = []
  if (raises && raisesOk) {
    if (!m.pytestOk) return null
    const inner = I + step
    const deep = inner + step
    out.push(`${I}with ${raises[2]}.RaisesGroup(${raises[3]}):`)
    out.push(`${inner}async with ${m.tgCall} as ${m.tg}:`)
    out.push(...startText(deep))
    for (const s of core.slice(0, -1)) out.push(moveLines(file, s.first, s.last, I, deep))
    const rb = statementsIn(file, last.first + 1, last.last)
    if (!rb.length) return null
    out.push(moveLines(file, rb[0]!.first, last.last, rb[0]!.indent, deep))
  } else {
    const inner = I + step
    out.push(`${I}async with ${m.tgCall} as ${m.tg}:`)
    out.push(...startText(inner))
    out.push(moveLines(file, core[0]!.first, last.last, I, inner))
    out.push(...teardownText(inner))
  }
  return replaceLines(file, core[0]!.first, last.last, out.join(eol))
}
