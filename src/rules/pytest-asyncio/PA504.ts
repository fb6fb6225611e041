import type { Rule } from '../engine.js'
import type { CallFact, PyFile } from '../../model/types.js'
import { asyncioCode, isAsyncioCallText } from './event-loops.js'
import { awaitText, onlyArg } from './loop-driving.js'

/** PA504: `asyncio.run` / `run_until_complete` inside a coroutine pytest-asyncio runs. */
export const PA504: Rule = {
  meta: {
    code: 'PA504',
    name: 'blocking-run-inside-async',
    severity: 'error',
    plugin: 'pytest-asyncio',
    summary: '`asyncio.run()` or `loop.run_until_complete()` is called inside an async test or fixture.',
    fixable: true,
    docs: {
      what: 'Flags `asyncio.run(...)`, `loop.run_until_complete(...)` and `asyncio.get_event_loop().run_until_complete(...)` called directly in the body of an async test or async fixture that pytest-asyncio runs.',
      why: 'The test already runs inside pytest-asyncio’s event loop, and a thread can run only one loop at a time: `asyncio.run()` fails with `RuntimeError: asyncio.run() cannot be called from a running event loop` (and the coroutine is never awaited), `run_until_complete` with `RuntimeError: This event loop is already running`. Await the coroutine instead.',
      versions: 'All pytest-asyncio versions.',
      bad: `async def test_crawl_visits_everything():
    pages = asyncio.run(crawl("/"))
    assert pages == {"/", "/a", "/b"}`,
      good: `async def test_crawl_visits_everything():
    pages = await crawl("/")
    assert pages == {"/", "/a", "/b"}`
    }
  },
  check(ctx) {
    for (const unit of asyncioCode(ctx)) {
      for (const call of unit.fn.facts.calls) {
        const kind = blockingKind(unit.file, call)
        if (!kind) continue
        const arg = onlyArg(call)
        const fix = arg && unit.file.exactText && !call.awaited ? { title: 'Await the coroutine instead', edits: [{ path: unit.file.path, start: call.span.start, end: call.span.end, text: awaitText(unit.file, call, arg) }], applicability: 'safe' as const } : null
        const error = kind === 'run' ? 'RuntimeError: asyncio.run() cannot be called from a running event loop' : 'RuntimeError: This event loop is already running'
        ctx.report({
          path: unit.file.path,
          span: call.span,
          symbol: `call:${unit.symbol}::${kind === 'run' ? 'asyncio.run' : 'run_until_complete'}`,
          message:
            `The ${unit.label} runs inside pytest-asyncio’s event loop, so \`${call.callee}(...)\` cannot start another run of a loop on this thread: \`${error}\`${kind === 'run' ? ' (and the coroutine is never awaited)' : ''}. Affects every pytest-asyncio version. ` +
            `Await the coroutine instead${arg ? `: \`await ${arg.text}\`` : ''}.`,
          ...(fix ? { fix } : {})
        })
      }
    }
  }
}

function blockingKind(file: PyFile, call: CallFact): 'run' | 'run_until_complete' | null {
  if (call.qual === 'asyncio.run') return 'run'
  if (call.method === 'run_until_complete' && call.receiver !== undefined) {
    // Any loop: the running one refuses a nested run, another one cannot run while it runs.
    if (/^[A-Za-z_][\w.]*$/.test(call.receiver) || isAsyncioCallText(file, call.receiver, ['get_event_loop', 'get_running_loop', 'new_event_loop'])) return 'run_until_complete'
  }
  return null
}
