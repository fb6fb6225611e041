import type { Rule, RuleContext } from '../engine.js'
import { testSymbol, where } from '../engine.js'
import type { TextEdit } from '../types.js'
import type { Decorator, FixtureDef, TestFunc } from '../../model/types.js'
import { fromImportEdits, localName, setKwarg, usesName } from '../../fix/edits.js'
import { isGiven, pluginRuns } from '../pytest-asyncio/plugins.js'

/** Builtin function-scoped fixtures whose value is safe to share between examples. */
const IMMUTABLE_BUILTINS = new Set(['anyio_backend_name', 'anyio_backend_options'])

/** Does a `@settings(...)` (or a registered profile) already suppress the health check? */
function suppressed(ctx: RuleContext, test: TestFunc): boolean {
  for (const d of test.func.decorators) {
    if (d.qual !== 'hypothesis.settings') continue
    const v = d.value.kwargs?.get('suppress_health_check')
    if (v && /function_scoped_fixture|\.all\(\)|list\(\s*\w*\.?HealthCheck\s*\)/.test(v.text)) return true
  }
  for (const f of ctx.suite.files.values()) {
    if (f.kind !== 'conftest' && f.kind !== 'plugin') continue
    if (/suppress_health_check/.test(f.text) && /function_scoped_fixture|HealthCheck\.all\(\)|list\(\s*\w*\.?HealthCheck\s*\)/.test(f.text) && /load_profile|settings\.default/.test(f.text)) return true
  }
  return false
}

/** The function-scoped fixtures a `@given` test requests by parameter (what Hypothesis checks). */
function functionScoped(ctx: RuleContext, test: TestFunc): FixtureDef[] {
  const direct = ctx.suite.directParams(test)
  const out: FixtureDef[] = []
  for (const name of test.func.argnames) {
    if (name === 'request' || direct.has(name)) continue
    const def = ctx.suite.resolve(name, test)
    if (def && def.scope === 'function') out.push(def)
  }
  return out
}

/** HY101: `@given` async test using a function-scoped fixture. */
export const HY101: Rule = {
  meta: {
    code: 'HY101',
    name: 'given-with-function-scoped-fixture',
    severity: 'error',
    plugin: 'hypothesis',
    summary: 'An async `@given` test requests a function-scoped fixture, which fails Hypothesis’s `function_scoped_fixture` health check.',
    fixable: true,
    docs: {
      what: 'Flags an async test decorated with Hypothesis’s `@given` (run by pytest-asyncio or anyio) that takes a function-scoped fixture as a parameter — a project fixture, or a plugin one such as `tmp_path`, `monkeypatch` or anyio’s `anyio_backend_name` — unless the health check is already suppressed.',
      why: 'pytest sets a function-scoped fixture up once per test, but Hypothesis runs the body once per example, so every example shares one instance. Hypothesis refuses that by default: `hypothesis.errors.FailedHealthCheck: \'tests/test_frames.py::test_round_trip\' uses a function-scoped fixture \'codec\'.` (`HealthCheck.function_scoped_fixture`), for async tests exactly as for sync ones. Either widen the fixture (with a matching `loop_scope` and a test mark with that loop scope) or, when sharing it between examples is safe (an immutable value), suppress the check on that test.',
      versions: 'Every Hypothesis version with the health check (since 6.x), with pytest-asyncio or anyio.',
      bad: `@pytest_asyncio.fixture
async def codec():
    return await load_codec()

@pytest.mark.asyncio
@given(kind=st.sampled_from(["ping", "data"]), payload=st.binary())
async def test_round_trip(codec, kind, payload):
    ...`,
      good: `@pytest.mark.asyncio
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])  # codec is immutable
@given(kind=st.sampled_from(["ping", "data"]), payload=st.binary())
async def test_round_trip(codec, kind, payload):
    ...`,
      references: ['https://hypothesis.readthedocs.io/en/latest/reference/api.html#hypothesis.HealthCheck.function_scoped_fixture']
    }
  },
  check(ctx) {
    for (const test of ctx.targetTests()) {
      if (!test.func.isAsync || !isGiven(test.func) || !pluginRuns(ctx, test)) continue
      const fixtures = functionScoped(ctx, test)
      if (!fixtures.length || suppressed(ctx, test)) continue
      const names = fixtures.map((f) => f.name)
      const list = names.map((n) => `\`${n}\``).join(', ')
      const fix = fixtures.every((f) => !f.builtin || IMMUTABLE_BUILTINS.has(f.name)) ? suppressFix(test, names) : null
      ctx.report({
        path: test.file.path,
        span: test.func.anchor,
        symbol: testSymbol(test),
        message:
          `\`${test.name}\` runs Hypothesis examples but takes the function-scoped fixture${names.length > 1 ? 's' : ''} ${list}: pytest sets ${names.length > 1 ? 'them' : 'it'} up once for all examples, so Hypothesis fails the test: \`hypothesis.errors.FailedHealthCheck: '${test.nodeid}' uses a function-scoped fixture '${names[0]}'.\` (\`HealthCheck.function_scoped_fixture\`). ` +
          `If sharing ${names.length > 1 ? 'them' : 'it'} between examples is safe (an immutable value), suppress the check on this test; otherwise widen the fixture’s scope (with a matching \`loop_scope\`, and the test marked with that loop scope).`,
        related: fixtures.filter((f) => !f.builtin).map((f) => ({ path: f.file.path, line: f.func.anchor.line, endLine: f.func.anchor.endLine, message: `\`${f.name}\` is function-scoped (${where(f)})` })),
        involves: fixtures.filter((f) => !f.builtin).map((f) => f.file.path),
        ...(fix ? { fix } : {})
      })
    }
  }
}

function suppressFix(test: TestFunc, names: string[]): { title: string; edits: TextEdit[]; applicability: 'unsafe' } | null {
  const file = test.file
  if (!file.exactText) return null
  const edits: TextEdit[] = []
  let settingsName = localName(file, 'hypothesis.settings')
  let hc = localName(file, 'hypothesis.HealthCheck')
  const mod = localName(file, 'hypothesis')
  const fromStyle = !!localName(file, 'hypothesis.given')
  const need: string[] = []
  if (!settingsName) {
    if (fromStyle && !usesName(file.text, 'settings')) {
      settingsName = 'settings'
      need.push('settings')
    } else if (mod) settingsName = `${mod}.settings`
    else return null
  }
  if (!hc) {
    if (fromStyle && !usesName(file.text, 'HealthCheck')) {
      hc = 'HealthCheck'
      need.push('HealthCheck')
    } else if (mod) hc = `${mod}.HealthCheck`
    else return null
  }
  const check = `${hc}.function_scoped_fixture`
  const existing = test.func.decorators.find((d: Decorator) => d.qual === 'hypothesis.settings')
  if (existing) {
    if (existing.value.kind !== 'call') return null
    const v = existing.value.kwargs?.get('suppress_health_check')
    if (!v) edits.push(setKwarg(file, existing.value, 'suppress_health_check', `[${check}]`))
    else if (v.kind === 'list' && v.items?.length) {
      const last = v.items[v.items.length - 1]!
      edits.push({ path: file.path, start: last.span.end, end: last.span.end, text: `, ${check}` })
    } else if (v.kind === 'list') edits.push({ path: file.path, start: v.span.start, end: v.span.end, text: `[${check}]` })
    else return null
  } else {
    const given = test.func.decorators.find((d) => d.qual === 'hypothesis.given') as Decorator
    const ls = file.lineStarts[given.span.line - 1] as number
    const eol = file.text.includes('\r\n') ? '\r\n' : '\n'
    const subject = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} are` : `${names[0]} is`
    edits.push({ path: file.path, start: ls, end: ls, text: `${test.func.indent}@${settingsName}(suppress_health_check=[${check}])  # ${subject} immutable${eol}` })
  }
  if (need.length) edits.push(...fromImportEdits(file, 'hypothesis', need))
  return { title: `Suppress \`function_scoped_fixture\` on \`${test.name}\` (only if ${names.join(', ')} can be shared between examples)`, edits, applicability: 'unsafe' }
}
