import type { Rule } from '../engine.js'
import { testSymbol } from '../engine.js'
import { eraAtLeast } from '../../resolve/asyncio.js'
import { deleteLines } from '../../fix/edits.js'
import { asyncGeneratorTest } from '../messages.js'
import { paVersions } from './versions.js'

const OTHER_PLUGINS = new Set(['anyio', 'trio'])

/** PA212: `async def test_...` with a `yield`: an async generator, which pytest-asyncio never runs. */
export const PA212: Rule = {
  meta: {
    code: 'PA212',
    name: 'async-generator-test',
    severity: 'error',
    plugin: 'pytest-asyncio',
    summary: 'An async test contains `yield`, so its body never runs.',
    fixable: true,
    docs: {
      what: 'Flags an `async def` test for pytest-asyncio whose body contains `yield` (outside nested functions), which makes it an async generator.',
      why: 'pytest-asyncio does not run async-generator tests. From 0.22 it reports them as xfailed with `PytestCollectionWarning: Tests based on asynchronous generators are not supported. test_x will be ignored.`; the body, assertions included, never executes and the run still passes. On 0.21 the test “passes” without running. A `yield` in a test is usually fixture-style setup/teardown: move that into a fixture, or drop the `yield` when the code after it is plain cleanup.',
      versions: 'All pytest-asyncio versions (xfail + warning from 0.22).',
      bad: `@pytest.mark.asyncio
async def test_write_and_cleanup():
    await write_async(path, "payload")
    yield
    os.remove(path)`,
      good: `@pytest.mark.asyncio
async def test_write_and_cleanup():
    await write_async(path, "payload")
    os.remove(path)`
    }
  },
  check(ctx) {
    if (ctx.project.asyncio.disabled || !ctx.paEras.length) return
    const newer = ctx.paEras.filter((b) => eraAtLeast(b.era, '0.23'))
    for (const test of ctx.targetTests()) {
      const fn = test.func
      if (!fn.isAsync || !fn.facts.yields.length) continue
      // Tests another plugin runs are not pytest-asyncio's (and not this rule's) business.
      if (
        !ctx.asyncio.isAsyncioTest(test) &&
        [...OTHER_PLUGINS].some((p) => ctx.suite.closestMark(test, p))
      )
        continue
      const file = test.file
      // A lone bare `yield` statement can simply go: the code after it runs as the test's last steps.
      let edits = null
      if (fn.facts.yields.length === 1 && file.exactText) {
        const y = fn.facts.yields[0]!
        const lineStart = file.lineStarts[y.span.line - 1] as number
        const lineEnd = file.lineStarts[y.span.line] ?? file.text.length
        const line = file.text.slice(lineStart, lineEnd)
        if (
          y.span.line === y.span.endLine &&
          /^\s*yield\s*(#.*)?\r?\n?$/.test(line) &&
          !y.within.length
        )
          edits = deleteLines(file, [y.span.line])
      }
      ctx.report({
        path: file.path,
        span: fn.anchor,
        symbol: testSymbol(test),
        message:
          `\`${test.name}\` contains \`yield\` (line ${fn.facts.yields[0]!.span.line}), which makes it an async generator. pytest-asyncio does not run such tests: ` +
          (newer.length
            ? `${paVersions(ctx, newer)} marks it xfailed with \`${asyncGeneratorTest(test.name)}\``
            : 'it is reported as passed') +
          ', and its body, assertions included, never executes — the run stays green. ' +
          (edits
            ? 'Remove the `yield` (the code after it still runs, as the last steps of the test), or move setup and teardown into a fixture.'
            : 'Move the setup and teardown around the `yield` into a fixture, and keep the test a plain `async def`.'),
        ...(edits
          ? {
              fix: {
                title: `Remove the \`yield\` from \`${test.name}\``,
                edits,
                applicability: 'safe' as const
              }
            }
          : {})
      })
    }
  }
}
