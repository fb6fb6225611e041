import type { Rule } from '../engine.js'
import { asyncioCode } from './event-loops.js'

/** PA506: `asyncio.get_event_loop()` inside a coroutine (informational). */
export const PA506: Rule = {
  meta: {
    code: 'PA506',
    name: 'get-event-loop-in-async-code',
    severity: 'info',
    plugin: 'pytest-asyncio',
    summary: '`asyncio.get_event_loop()` is used inside an async test or fixture where `asyncio.get_running_loop()` says what is meant.',
    fixable: true,
    docs: {
      what: 'Flags `asyncio.get_event_loop()` called in the body of an async test or async fixture that pytest-asyncio runs (not when it only feeds `run_until_complete` or `close()`: PA504 and PA505 report those).',
      why: 'Inside a coroutine `get_event_loop()` returns the running loop, so the code works, but the function is deprecated style whose behaviour outside a running loop changed across Python versions (a warning on 3.12–3.13, a `RuntimeError` when no loop is set). `asyncio.get_running_loop()` states the intent and can never create or return a stale loop.',
      versions: 'All pytest-asyncio versions (style; no runtime effect).',
      bad: `@pytest.mark.asyncio
async def test_deadline_counts_down():
    loop = asyncio.get_event_loop()
    deadline = Deadline(loop, 0.05)`,
      good: `@pytest.mark.asyncio
async def test_deadline_counts_down():
    loop = asyncio.get_running_loop()
    deadline = Deadline(loop, 0.05)`
    }
  },
  check(ctx) {
    for (const unit of asyncioCode(ctx)) {
      const { fn, file } = unit
      const starts = new Set(fn.facts.calls.filter((c) => c.method === 'run_until_complete' || c.method === 'close').map((c) => c.span.start))
      for (const c of fn.facts.calls) {
        if (c.qual !== 'asyncio.get_event_loop' || starts.has(c.span.start)) continue
        // Fixed only when spelled through the module (`asyncio.get_event_loop`), not a bare imported name.
        const m = /^(.*\.)?get_event_loop$/.exec(c.callee)
        const fix =
          m && m[1] && file.exactText
            ? {
                title: 'Use `asyncio.get_running_loop()`',
                edits: [{ path: file.path, start: c.span.start + c.callee.length - 'get_event_loop'.length, end: c.span.start + c.callee.length, text: 'get_running_loop' }],
                applicability: 'safe' as const
              }
            : null
        ctx.report({
          path: file.path,
          span: c.span,
          symbol: `call:${unit.symbol}::asyncio.get_event_loop`,
          message: `The ${unit.label} calls \`${c.callee}()\` inside a coroutine, where it simply returns the running loop. \`asyncio.get_running_loop()\` says so and cannot fall back to creating or returning a stale loop.`,
          ...(fix ? { fix } : {})
        })
      }
    }
  }
}
