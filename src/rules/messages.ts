/** Runtime texts users see, quoted in finding messages (research/pytest-asyncio.md §1.1). */
import type { PaEra } from '../resolve/asyncio.js'
import { eraAtLeast } from '../resolve/asyncio.js'

/** pytest's ScopeMismatch for a fixture whose loop scope is narrower than its caching scope. */
export function scopeMismatch(era: PaEra, loopScope: string, scope: string): string {
  let name: string
  if (eraAtLeast(era, '1.1')) name = `_${loopScope}_scoped_runner`
  else if (eraAtLeast(era, '1.0')) name = `_${loopScope}_event_loop`
  else name = loopScope === 'function' ? 'event_loop' : `<${loopScope} node>::<event_loop>`
  return `ScopeMismatch: You tried to access the ${loopScope} scoped fixture ${name} with a ${scope} scoped request object`
}

export const CROSS_LOOP_ERROR = 'RuntimeError: Task <Task pending …> got Future <Future pending> attached to a different loop'

export const MULTIPLE_LOOPS_ERROR = 'MultipleEventLoopsRequestedError: Multiple asyncio event loops with different scopes have been requested'
