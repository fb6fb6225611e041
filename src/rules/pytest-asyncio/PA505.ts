import type { Rule } from '../engine.js'
import type { CallFact } from '../../model/types.js'
import { aloneOnLines } from '../../fix/edits.js'
import { removeStatementEdit } from '../fixes.js'
import { asyncioCode, buildsLoop, isAsyncioCallText } from './event-loops.js'

/** PA505: async code closes the loop pytest-asyncio runs it in. */
export const PA505: Rule = {
  meta: {
    code: 'PA505',
    name: 'closes-pytest-asyncio-loop',
    severity: 'error',
    plugin: 'pytest-asyncio',
    summary: 'An async test or fixture closes the event loop pytest-asyncio owns.',
    fixable: true,
    docs: {
      what: 'Flags `asyncio.get_running_loop().close()` / `asyncio.get_event_loop().close()`, or `.close()` on a name bound to either (or to the `event_loop` fixture), in an async test or fixture that pytest-asyncio runs.',
      why: 'The loop belongs to pytest-asyncio’s runner and is running the test right now: `close()` raises `RuntimeError: Cannot close a running event loop`, failing the test after its real assertions passed. Closed from teardown code, the next test sharing that loop fails with `RuntimeError: Event loop is closed` (and 1.1+ warns at runner teardown). The runner closes its loop itself.',
      versions: 'All pytest-asyncio versions.',
      bad: `@pytest.mark.asyncio
async def test_echo_upper():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    ...
    await server.wait_closed()
    asyncio.get_running_loop().close()`,
      good: `@pytest.mark.asyncio
async def test_echo_upper():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    ...
    await server.wait_closed()`
    }
  },
  check(ctx) {
    for (const unit of asyncioCode(ctx)) {
      const { fn, file } = unit
      const loopNames = new Set<string>()
      for (const c of fn.facts.calls) {
        if (c.boundTo && (c.qual === 'asyncio.get_running_loop' || c.qual === 'asyncio.get_event_loop')) loopNames.add(c.boundTo)
      }
      if (fn.argnames.includes('event_loop')) {
        // pytest-asyncio's own `event_loop` (< 1.0) or a project override that builds a loop, not a domain object.
        const def = unit.test ? ctx.suite.resolve('event_loop', unit.test) : undefined
        if (def && (def.builtin || buildsLoop(def))) loopNames.add('event_loop')
      }
      for (const c of fn.facts.calls) {
        if (c.method !== 'close' || c.receiver === undefined || c.value.items?.length) continue
        const direct = isAsyncioCallText(file, c.receiver, ['get_running_loop', 'get_event_loop'])
        if (!direct && !loopNames.has(c.receiver)) continue
        const fix = file.exactText && aloneOnLines(file, c.span) && !c.awaited ? { title: 'Do not close pytest-asyncio’s loop', edits: [removeStatementEdit(file, fn, c.span)], applicability: 'safe' as const } : null
        ctx.report({
          path: file.path,
          span: c.span,
          symbol: `call:${unit.symbol}::${closeLabel(c)}`,
          message:
            `The ${unit.label} closes the event loop it is running in (\`${c.callee}()\`). That loop belongs to pytest-asyncio’s runner and is still running the test: \`RuntimeError: Cannot close a running event loop\`, so the test fails after its assertions passed. ` +
            'Affects every pytest-asyncio version. Leave closing to pytest-asyncio; close only loops you created yourself.',
          ...(fix ? { fix } : {})
        })
      }
    }
  }
}

function closeLabel(c: CallFact): string {
  return `${c.receiver?.replace(/\(\s*\)$/, '()')}.close`
}
