import type { Rule, RuleContext } from '../engine.js'
import { testSymbol } from '../engine.js'
import type { TextEdit } from '../types.js'
import type { PyFile, TestFunc } from '../../model/types.js'
import { cmpVersion, describeSet } from '../../model/versions.js'
import { addPytestmarkEdits, insertDecorator, markPrefix } from '../../fix/edits.js'
import { unhandledAsyncTest } from '../messages.js'

/**
 * AN305 (research/anyio.md R11): an `async def` test no plugin runs in a suite that uses anyio:
 * no `anyio` mark on it, its class or its module (a `pytestmark` in conftest.py does nothing), no
 * `anyio_backend` in its closure, not anyio's auto mode, and not pytest-asyncio's or
 * pytest-trio's. In a suite that also uses pytest-asyncio it is reported here only when the
 * test's module is an anyio module (otherwise PA301 reports it).
 */
export const AN305: Rule = {
  meta: {
    code: 'AN305',
    name: 'unmarked-async-test',
    severity: 'error',
    plugin: 'anyio',
    summary: 'An `async def` test in an anyio suite has no `anyio` mark, so no plugin runs it.',
    fixable: true,
    docs: {
      what: 'Flags an `async def` test that no async plugin runs, in a suite that uses anyio: it has no `anyio` mark on the function, its class or its module, does not request `anyio_backend`, and neither `anyio_mode = auto`, pytest-asyncio nor pytest-trio takes it. A `pytestmark = pytest.mark.anyio` in conftest.py does not count: pytest ignores `pytestmark` there.',
      why: 'pytest cannot run a coroutine function by itself. Since pytest 8.4 the test FAILS with `async def functions are not natively supported.` and a list of plugins to install; older pytest SKIPS it with `PytestUnhandledCoroutineWarning`, which is silent coverage loss.',
      versions: 'Every anyio version; pytest ≥ 8.4 fails the test, older pytest skips it. Before anyio 4.13 an `anyio` mark added in `pytest_collection_modifyitems` is ignored too (anyio #422).',
      bad: `@pytest.mark.anyio
async def test_success_keeps_circuit_closed():
    ...


async def test_half_open_probe_closes_circuit():
    ...`,
      good: `@pytest.mark.anyio
async def test_success_keeps_circuit_closed():
    ...


@pytest.mark.anyio
async def test_half_open_probe_closes_circuit():
    ...`,
      references: ['https://anyio.readthedocs.io/en/stable/testing.html#creating-asynchronous-tests']
    }
  },
  check(ctx) {
    const anyio = ctx.anyio
    if (!anyio.enabled || !anyio.pluginInUse()) return
    const pa = ctx.project.asyncio
    if (!pa.disabled && pa.mode === 'auto' && anyio.pytestAsyncioActive) return
    const paStrict = !pa.disabled && ctx.project.usesPytestAsyncio(ctx.suite)
    const pytest = ctx.project.versions.pytest.candidates
    const fails = !pytest.length || pytest.some((v) => cmpVersion(v, '8.4') >= 0)
    const skips = pytest.some((v) => cmpVersion(v, '8.4') < 0)
    const byModule = new Map<PyFile, TestFunc[]>()
    const counts = new Map<unknown, { backend: Set<unknown>; asyncio: Set<unknown> }>()
    for (const test of ctx.targetTests()) {
      if (!unhandled(ctx, test)) continue
      // PA301 reports unmarked tests of pytest-asyncio modules.
      if (paStrict) {
        // Counted once per module (not per test: a generated module has thousands of tests).
        let c = counts.get(test.file)
        if (!c) {
          const asyncTests = test.file.tests.filter((t) => t.func.isAsync)
          c = { backend: new Set(asyncTests.filter((t) => anyio.hasBackend(t))), asyncio: new Set(asyncTests.filter((t) => ctx.asyncio.isAsyncioTest(t))) }
          counts.set(test.file, c)
        }
        const others = (set: Set<unknown>): number => set.size - (set.has(test) ? 1 : 0)
        if (!others(c.backend) || others(c.asyncio)) continue
      }
      const list = byModule.get(test.file)
      if (list) list.push(test)
      else byModule.set(test.file, [test])
    }
    for (const [file, tests] of byModule) {
      // Modules that mark nothing get one `pytestmark`; modules that mark tests one by one get one more decorator.
      const marksOneByOne = file.tests.some((t) => t.func.isAsync && anyio.anyioMark(t)?.level !== undefined && anyio.anyioMark(t)?.level !== 'module')
      const moduleMark = !marksOneByOne && !file.pytestmark
      const conftestMark = conftestPytestmark(ctx, file)
      const hookMark = anyio.hookMark(tests[0]!)
      for (const test of tests) {
        let edits: TextEdit[] | null = null
        if (file.exactText) {
          if (moduleMark) edits = addPytestmarkEdits(file, 'anyio')
          else {
            const { prefix, importEdit } = markPrefix(file)
            edits = [insertDecorator(file, test.func, `${prefix}.anyio`)]
            if (importEdit) edits.push(importEdit)
          }
        }
        const outcome = fails
          ? `pytest ${skips ? '8.4 and newer fails' : 'fails'} it: \`${unhandledAsyncTest(true)}\`${skips ? ` (older pytest skips it: \`${unhandledAsyncTest(false)}\`)` : ''}`
          : `pytest skips it: \`${unhandledAsyncTest(false)}\``
        const why = conftestMark
          ? ` The \`pytestmark = pytest.mark.anyio\` in ${conftestMark} does not apply: pytest ignores \`pytestmark\` in conftest.py.`
          : hookMark && anyio.versionsFrom('4.13').length === 0
            ? ` The \`anyio\` mark added in \`${hookMark.hook}\` is ignored before anyio 4.13 (here anyio ${describeSet(anyio.versions, 'anyio')}).`
            : ''
        ctx.report({
          path: test.file.path,
          span: test.func.anchor,
          symbol: testSymbol(test),
          message:
            `\`${test.name}\` is an \`async def\` test with no \`anyio\` mark on it, its class or its module, and no other async plugin runs it.${why} ` +
            `${outcome}; its body never runs. ` +
            (moduleMark ? 'Mark the module: `pytestmark = pytest.mark.anyio` (or set `anyio_mode = auto`, anyio ≥ 4.11).' : 'Mark it `@pytest.mark.anyio`.'),
          ...(edits ? { fix: { title: moduleMark ? `Add \`pytestmark = pytest.mark.anyio\` to ${file.path}` : `Mark \`${test.name}\` with \`@pytest.mark.anyio\``, edits, applicability: 'safe' as const } } : {})
        })
      }
    }
  }
}

/** A coroutine test that no plugin runs (Hypothesis `@given` tests are HY102's). */
function unhandled(ctx: RuleContext, test: TestFunc): boolean {
  if (!test.func.isAsync) return false
  if (test.func.decorators.some((d) => d.qual === 'hypothesis.given')) return false
  if (ctx.anyio.hasBackend(test)) return false
  if (ctx.anyio.pytestAsyncioActive && ctx.asyncio.isAsyncioTest(test)) return false
  if (ctx.anyio.trioMode(test)) return false
  if (!ctx.project.settings.trioDisabled.value && ctx.suite.closestMark(test, 'trio') && ctx.anyio.pytestTrioInstalled) return false
  return true
}

/** A conftest.py above the test with a `pytestmark` holding an anyio mark. */
function conftestPytestmark(ctx: RuleContext, file: PyFile): string | null {
  for (const f of ctx.suite.files.values()) {
    if (f.kind !== 'conftest' || !f.moduleMarks.some((m) => m.name === 'anyio')) continue
    const dir = f.path.includes('/') ? f.path.slice(0, f.path.lastIndexOf('/') + 1) : ''
    if (file.path.startsWith(dir)) return f.path
  }
  return null
}
