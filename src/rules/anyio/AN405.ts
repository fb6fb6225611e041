import type { Rule, RuleContext } from '../engine.js'
import { fixtureSymbol, testSymbol, where } from '../engine.js'
import type { Fix, TextEdit } from '../types.js'
import type { CallFact, FixtureDef, PyFunction, TestFunc } from '../../model/types.js'
import { describeRange } from '../../model/versions.js'
import { deleteLinesEdit } from '../../fix/edits.js'
import { anyioRunFunctions, lineContentEnd, lineStart, nameUsed, type RunFunction } from './portability.js'

const RUNTIME_ERROR =
  'RuntimeError: Cannot schedule a coroutine in the test runner while another is already running; likely caused by request.getfixturevalue() on an async fixture.'

/**
 * AN405: `request.getfixturevalue("<async fixture>")` inside an async test or fixture run by
 * anyio (research R17): the fixture's setup would have to run on the runner that is busy running
 * the caller.
 */
export const AN405: Rule = {
  meta: {
    code: 'AN405',
    name: 'getfixturevalue-async-fixture',
    severity: 'error',
    plugin: 'anyio',
    summary: '`request.getfixturevalue()` is used inside async code run by anyio to set up an async fixture.',
    fixable: true,
    docs: {
      what:
        'Flags `request.getfixturevalue("name")` in an `async def` test or fixture that anyio runs, when `name` resolves to an async fixture the plugin would run (or a fixture that depends on one) that is not already set up for that test.',
      why:
        'anyio runs the test (or fixture) coroutine on its test runner; setting up another async fixture from inside it needs the same runner. From anyio 4.14 this fails on both backends with `RuntimeError: Cannot schedule a coroutine in the test runner while another is already running; likely caused by request.getfixturevalue() on an async fixture.`; before 4.14 asyncio raises `RuntimeError: This event loop is already running` and trio hangs (anyio #1148).',
      versions:
        'Every anyio version with the pytest plugin (the error changes in 4.14.0). `getfixturevalue` on an async fixture is only safe from sync tests and fixtures. The fix requests the fixture as a parameter (replacing `request` when nothing else uses it); for a dynamic choice between fixtures use `parametrize(..., indirect=True)` on a fixture instead.',
      bad: `@pytest.mark.anyio
async def test_transfer_is_audited(accounts, request):
    accounts.audit = request.getfixturevalue("audit_log")
    await accounts.transfer("alice", "bob", 5)`,
      good: `@pytest.mark.anyio
async def test_transfer_is_audited(accounts, audit_log):
    accounts.audit = audit_log
    await accounts.transfer("alice", "bob", 5)`,
      references: ['https://github.com/agronholm/anyio/issues/1148']
    }
  },
  check(ctx) {
    const targets = new Set(ctx.targetFiles().map((f) => f.path))
    for (const rf of anyioRunFunctions(ctx)) {
      if (!targets.has(rf.file.path) || !rf.func.isAsync) continue
      if (!rf.func.params.some((p) => p.name === 'request')) continue
      const hits: { call: CallFact; name: string; def: FixtureDef; test: TestFunc }[] = []
      for (const call of rf.func.facts.calls) {
        if (call.callee !== 'request.getfixturevalue') continue
        const arg = call.value.items?.[0] ?? call.value.kwargs?.get('argname')
        if (!arg || arg.kind !== 'str' || arg.str === undefined) continue
        const found = asyncSetup(ctx, rf, arg.str)
        if (found) hits.push({ call, name: arg.str, ...found })
      }
      if (!hits.length) continue
      const fix = requestAsParamFix(rf.func, rf, hits.map((h) => ({ call: h.call, name: h.name })))
      const seen = new Map<string, number>()
      for (const h of hits) {
        const n = (seen.get(h.name) ?? 0) + 1
        seen.set(h.name, n)
        const owner = rf.test ? testSymbol(rf.test) : fixtureSymbol(rf.fixture as FixtureDef)
        const what = rf.test ? `\`${rf.test.name}\`` : `the async fixture \`${(rf.fixture as FixtureDef).name}\``
        const v14 = ctx.anyio.versionsFrom('4.14')
        const old = ctx.anyio.versionsBelow('4.14')
        const effects: string[] = []
        if (v14.length) effects.push(`\`${RUNTIME_ERROR}\``)
        if (old.length) effects.push(`${v14.length ? 'before anyio 4.14, ' : ''}\`RuntimeError: This event loop is already running\` on asyncio and a hang on trio`)
        const via = h.def.name !== h.name || !h.def.func.isAsync ? ` (it needs the async fixture \`${h.def.name}\`)` : ''
        ctx.report({
          path: rf.file.path,
          span: { line: h.call.span.line, endLine: h.call.span.line, col: h.call.span.col },
          symbol: `call:${owner}::getfixturevalue(${h.name})${n > 1 ? `#${n}` : ''}`,
          message:
            `${what} calls \`request.getfixturevalue("${h.name}")\` while anyio's test runner is running it, and \`${h.name}\`${via} is an async fixture (${where(h.def)}) that is not set up yet for \`${h.test.name}\`: its setup needs the same runner, which is busy. ` +
            `It fails with ${effects.join('; ')} (${describeRange(ctx.project.versions.anyio)}). ` +
            `Request \`${h.name}\` as a parameter instead (or list it in \`@pytest.mark.usefixtures\` if only its side effect is needed).`,
          related: [{ path: h.def.file.path, line: h.def.func.anchor.line, endLine: h.def.func.anchor.endLine, message: `\`${h.def.name}\` is async: anyio must run its setup on the test runner` }],
          involves: [h.def.file.path],
          ...(fix ? { fix } : {})
        })
      }
    }
  }
}

/**
 * The async fixture that `getfixturevalue(name)` would have to set up from inside the runner, for
 * some anyio test this code runs for: the named fixture or one it needs, not already in the test's
 * closure (a fixture already set up is returned from the cache).
 */
function asyncSetup(ctx: RuleContext, rf: RunFunction, name: string): { def: FixtureDef; test: TestFunc } | null {
  for (const t of rf.users) {
    const closure = new Set(ctx.anyio.closure(t).map((e) => e.def))
    const requester = rf.fixture && rf.fixture.name === name ? rf.fixture : undefined
    const root = ctx.suite.resolve(name, t, requester)
    if (!root) continue
    const seen = new Set<FixtureDef>()
    const stack: FixtureDef[] = [root]
    while (stack.length) {
      const d = stack.pop() as FixtureDef
      if (seen.has(d) || closure.has(d)) continue
      seen.add(d)
      if (ctx.anyio.runsFixture(d)) return { def: d, test: t }
      for (const arg of d.func.argnames) {
        if (arg === 'request') continue
        const dep = ctx.suite.resolve(arg, t, arg === d.name ? d : undefined)
        if (dep) stack.push(dep)
      }
    }
  }
  return null
}

/**
 * Request the fixtures as parameters: each `request.getfixturevalue("x")` becomes `x` (a bare
 * call statement is deleted), and `request` is replaced by the new parameters when nothing else
 * uses it.
 */
function requestAsParamFix(fn: PyFunction, rf: RunFunction, calls: { call: CallFact; name: string }[]): Fix | null {
  const file = rf.file
  if (!file.exactText) return null
  const names = [...new Set(calls.map((c) => c.name))]
  if (names.some((n) => !/^[A-Za-z_]\w*$/.test(n))) return null
  const bodyStart = fn.defSpan.end
  const bodyEnd = fn.whole.end
  const body = file.text.slice(bodyStart, bodyEnd)
  const callRanges = calls.map((c) => ({ start: c.call.span.start - bodyStart, end: c.call.span.end - bodyStart }))
  // A local of the same name would shadow the new parameter.
  for (const n of names) if (nameUsed(body, n, callRanges) && !fn.params.some((p) => p.name === n)) return null
  const edits: TextEdit[] = []
  for (const c of calls) {
    const ls = lineStart(file, c.call.span.line)
    const le = lineContentEnd(file, c.call.span.endLine)
    const alone = /^\s*$/.test(file.text.slice(ls, c.call.span.start)) && /^\s*(#.*)?$/.test(file.text.slice(c.call.span.end, le))
    if (alone) edits.push(deleteLinesEdit(file, { line: c.call.span.line, endLine: c.call.span.endLine }))
    else edits.push({ path: file.path, start: c.call.span.start, end: c.call.span.end, text: c.name })
  }
  const missing = names.filter((n) => !fn.params.some((p) => p.name === n))
  const requestParam = fn.params.find((p) => p.name === 'request')
  const requestStillUsed = nameUsed(body, 'request', callRanges)
  if (requestParam && !requestStillUsed && requestParam.kind === 'positional' && !requestParam.hasDefault) {
    edits.push({ path: file.path, start: requestParam.span.start, end: requestParam.span.end, text: missing.join(', ') })
    if (!missing.length) return null
  } else if (missing.length) {
    const last = fn.params[fn.params.length - 1]
    if (!last || fn.params.some((p) => p.kind !== 'positional' || p.hasDefault)) return null
    edits.push({ path: file.path, start: last.span.end, end: last.span.end, text: `, ${missing.join(', ')}` })
  }
  return { title: `Request ${names.map((n) => `\`${n}\``).join(', ')} as ${names.length > 1 ? 'parameters' : 'a parameter'} instead of \`request.getfixturevalue\``, edits, applicability: 'safe' }
}
