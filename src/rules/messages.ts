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

/** [M02] pytest-asyncio ≥ 0.24: the mark's `scope=` keyword. */
export const MARK_SCOPE_DEPRECATED =
  'PytestDeprecationWarning: The "scope" keyword argument to the asyncio marker has been deprecated. Please use the "loop_scope" argument instead.'

/** [M03] pytest-asyncio ≥ 0.24: `scope=` and `loop_scope=` on one mark. */
export const MARK_BOTH_SCOPES = 'pytest.UsageError: An asyncio pytest marker defines both "scope" and "loop_scope", but it should only use "loop_scope".'

/** [M04] pytest-asyncio ≥ 0.24: positional arguments or unknown keywords on the mark. */
export function markArgsError(era: PaEra): string {
  if (eraAtLeast(era, '1.4')) return "ValueError: mark.asyncio accepts only keyword arguments 'loop_scope' and 'loop_factories'."
  if (eraAtLeast(era, '0.25')) return "ValueError: mark.asyncio accepts only a keyword argument 'loop_scope'."
  return "ValueError: mark.asyncio accepts only a keyword argument 'scope'."
}

/** [M12] pytest-asyncio ≥ 0.22: an async-generator test. */
export function asyncGeneratorTest(name: string): string {
  return `PytestCollectionWarning: Tests based on asynchronous generators are not supported. ${name} will be ignored.`
}

/** [M13] an asyncio mark on a test that is not a coroutine. */
export function markOnSyncTest(era: PaEra, name: string): string {
  if (era === '0.21') return `PytestWarning: The test <Function ${name}> is marked with '@pytest.mark.asyncio' but it is not an async function. Please remove asyncio marker. If the test is not marked explicitly, check for global markers applied via 'pytestmark'.`
  return `PytestWarning: The test <Function ${name}> is marked with '@pytest.mark.asyncio' but it is not an async function. Please remove the asyncio mark. If the test is not marked explicitly, check for global marks applied via 'pytestmark'.`
}

/** [P06] pytest 8 warns about marks on fixtures; pytest 9 fails the module. */
export const MARK_ON_FIXTURE_WARNING = 'PytestRemovedIn9Warning: Marks applied to fixtures have no effect'
export const MARK_ON_FIXTURE_ERROR = 'Failed: Marks cannot be applied to fixtures.'

/** [P02] an async test no plugin runs. */
export function unhandledAsyncTest(pytest84: boolean): string {
  return pytest84 ? 'Failed: async def functions are not natively supported.' : 'PytestUnhandledCoroutineWarning: async def functions are not natively supported and have been skipped.'
}

// anyio's pytest plugin (research/anyio.md §2)

/** pytest's ScopeMismatch when a fixture is requested from a wider-scoped one (common to every pytest version). */
export function fixtureScopeMismatch(fixtureScope: string, fixture: string, requestScope: string): string {
  return `ScopeMismatch: You tried to access the ${fixtureScope} scoped fixture ${fixture} with a ${requestScope} scoped request object`
}

/** [R24] a list or any other shape instead of a string or a (name, options) tuple. */
export const ANYIO_BAD_BACKEND_SPEC = 'TypeError: anyio_backend must be either a string or tuple of (string, dict)'

/** [R24] a backend name anyio does not ship. */
export function anyioUnknownBackend(name: string): string {
  return `ModuleNotFoundError: No module named 'anyio._backends._${name}'`
}

/** [R24] an option the backend's test runner does not take. */
export function anyioUnknownOption(backend: string, option: string): string {
  return backend === 'trio' ? `TypeError: start_guest_run() got an unexpected keyword argument '${option}'` : `TypeError: TestRunner.__init__() got an unexpected keyword argument '${option}'`
}

/** [R9] anyio ≥ 4.11 when both plugins' auto modes are on. */
export const ANYIO_BOTH_AUTO_MODES = 'PytestConfigWarning: AnyIO auto mode has been enabled together with pytest-asyncio auto mode. This may cause unexpected behavior.'

/** [R10] pytest-trio's trio mode running an anyio `[trio]` item. */
export const TRIO_RUN_INSIDE_RUN = 'RuntimeError: Attempted to call run() from inside a run()'

/** [R12] pytest 8.4: a sync test requesting an async fixture no plugin handles (pytest 9 makes it a setup error). */
export function unhandledAsyncFixture(test: string, fixture: string, autouse: boolean): string {
  return `PytestRemovedIn9Warning: '${test}' requested an async fixture '${fixture}'${autouse ? ' with autouse=True' : ''}, with no plugin or hook that handled it. This is usually an error, as pytest does not natively support it. This will turn into an error in pytest 9.`
}

/** [R21] anyio < 4.13: a test or fixture argument named `func`. */
export function anyioFuncArgument(v3: boolean): string {
  return `TypeError: TestRunner.${v3 ? '_call' : '_call_in_runner_task'}() got multiple values for argument 'func'`
}

/** [R22] anyio 4.5.1 / 4.6.1: `request` receives the backend. */
export const ANYIO_REQUEST_IS_BACKEND = "AttributeError: 'str' object has no attribute 'param'"

/** [R23] anyio < 4.12 parametrizes `[trio]` without trio installed. */
export const NO_MODULE_TRIO = "ModuleNotFoundError: No module named 'trio'"

/** [R8] a pytest-asyncio fixture's asyncio objects awaited from an anyio test. */
export const BOUND_TO_OTHER_LOOP = 'RuntimeError: <asyncio.locks.Event object at 0x… [unset]> is bound to a different event loop'
export const NO_RUNNING_LOOP = 'RuntimeError: no running event loop'
