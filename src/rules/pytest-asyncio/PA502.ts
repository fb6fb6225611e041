import type { Rule } from '../engine.js'
import { testSymbol, versionsText } from '../engine.js'
import type { TextEdit } from '../types.js'
import type { CallFact, PyFile, PyFunction } from '../../model/types.js'
import { deleteLinesEdit, localName } from '../../fix/edits.js'
import { isAsyncioCallText } from './event-loops.js'
import { isBindingStatement, onlyArg } from './loop-driving.js'
import { erasWhere } from './versions.js'

const NO_LOOP = "RuntimeError: There is no current event loop in thread 'MainThread'."

/** PA502: a sync test calls `asyncio.get_event_loop()` in a suite with pytest-asyncio tests. */
export const PA502: Rule = {
  meta: {
    code: 'PA502',
    name: 'sync-test-uses-get-event-loop',
    severity: 'error',
    plugin: 'pytest-asyncio',
    summary: 'A sync test calls `asyncio.get_event_loop()` in a suite that also has pytest-asyncio tests.',
    fixable: true,
    docs: {
      what: 'Flags `asyncio.get_event_loop()` in a sync test (typically `asyncio.get_event_loop().run_until_complete(coro())`) when the suite also runs pytest-asyncio tests and pytest-asyncio 1.4 is allowed.',
      why: 'pytest-asyncio 1.4 leaves no event loop set on the main thread once a loop-scope runner has been torn down (e.g. right after any function-scoped async test). A later sync test calling `asyncio.get_event_loop()` then fails with `RuntimeError: There is no current event loop in thread \'MainThread\'.` — depending on test order. Earlier versions hand it a stale loop. `asyncio.run()` (or `asyncio.Runner`) creates and closes a loop of its own.',
      versions: 'pytest-asyncio 1.4 (earlier versions leave a stale loop set, which works by accident).',
      bad: `def test_parse_empty_stream():
    result = asyncio.get_event_loop().run_until_complete(parse_stream([]))
    assert result == []`,
      good: `def test_parse_empty_stream():
    result = asyncio.run(parse_stream([]))
    assert result == []`
    }
  },
  check(ctx) {
    if (ctx.project.asyncio.disabled) return
    const hit = erasWhere(ctx, (e) => e === '1.4')
    if (!hit.eras.length) return
    const asyncioTests = ctx.suite.tests().filter((t) => ctx.asyncio.isAsyncioTest(t))
    if (!asyncioTests.length) return
    for (const test of ctx.targetTests()) {
      if (test.func.isAsync) continue
      const gets = test.func.facts.calls.filter((c) => c.qual === 'asyncio.get_event_loop')
      if (!gets.length) continue
      const call = gets[0] as CallFact
      const file = test.file
      const fix = gets.length === 1 ? runFix(file, test.func, call) : null
      ctx.report({
        path: file.path,
        span: call.span,
        symbol: `call:${testSymbol(test)}::asyncio.get_event_loop`,
        message:
          `Sync test \`${test.name}\` calls \`asyncio.get_event_loop()\`. ${versionsText('pytest-asyncio', hit.versions)} leaves no current event loop once a pytest-asyncio loop has been torn down (e.g. after \`${(asyncioTests[0] as { name: string }).name}\`), so this fails with \`${NO_LOOP}\` whenever it runs after an async test. ` +
          `Use a loop of its own: \`asyncio.run(...)\` (or \`asyncio.Runner\`), or make it an async test.`,
        ...(fix ? { fix } : {})
      })
    }
  }
}

function runFix(file: PyFile, fn: PyFunction, get: CallFact): { title: string; edits: TextEdit[]; applicability: 'safe' } | null {
  if (!file.exactText) return null
  const calls = fn.facts.calls
  const aio = localName(file, 'asyncio')
  if (!aio) return null
  // `asyncio.get_event_loop().run_until_complete(X)` → `asyncio.run(X)`.
  const chained = calls.find((c) => c.method === 'run_until_complete' && c.receiver !== undefined && c.span.start === get.span.start && isAsyncioCallText(file, c.receiver, ['get_event_loop']))
  if (chained) {
    const arg = onlyArg(chained)
    if (!arg) return null
    return { title: 'Use `asyncio.run(...)`', edits: [{ path: file.path, start: chained.span.start, end: chained.span.end, text: `${aio}.run(${arg.text})` }], applicability: 'safe' }
  }
  // `loop = asyncio.get_event_loop()` used once as `loop.run_until_complete(X)`.
  const name = get.boundTo
  if (!name || !isBindingStatement(file, get, name)) return null
  const uses = calls.filter((c) => c.receiver === name)
  if (uses.length !== 1 || uses[0]?.method !== 'run_until_complete') return null
  const use = uses[0]
  const arg = onlyArg(use)
  if (!arg) return null
  const body = file.text.slice(fn.defSpan.end, fn.whole.end)
  const count = body.match(new RegExp(`(?<![\\w.])${name}(?!\\w)`, 'g'))?.length ?? 0
  if (count !== 2) return null
  return {
    title: 'Use `asyncio.run(...)`',
    edits: [deleteLinesEdit(file, get.span), { path: file.path, start: use.span.start, end: use.span.end, text: `${aio}.run(${arg.text})` }],
    applicability: 'safe'
  }
}
