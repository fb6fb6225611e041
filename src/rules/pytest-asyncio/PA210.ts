import type { Rule } from '../engine.js'
import { testSymbol } from '../engine.js'
import type { TextEdit } from '../types.js'
import type { Mark, PyClass, Span, TestFunc, Value } from '../../model/types.js'
import { insertDecorator } from '../../fix/edits.js'
import { isBareMark, removeMarkEdits } from '../fixes.js'
import { markOnSyncTest } from '../messages.js'
import { markOwner } from './marks.js'

/** How many async tests a class/module mark may be copied onto by the fix before it is left to the user. */
const MAX_MOVED = 8

/** PA210: an asyncio mark on a test that is not a coroutine. */
export const PA210: Rule = {
  meta: {
    code: 'PA210',
    name: 'asyncio-mark-on-sync-test',
    severity: 'warning',
    plugin: 'pytest-asyncio',
    summary: 'A synchronous test carries an asyncio mark.',
    fixable: true,
    docs: {
      what: 'Flags an asyncio mark on a plain `def` test: its own decorator, or a class mark or module `pytestmark` that reaches sync tests. A class or module mark is reported once, on the mark.',
      why: "The mark does nothing for a sync test except make pytest-asyncio warn: `PytestWarning: The test <Function test_x> is marked with '@pytest.mark.asyncio' but it is not an async function. Please remove the asyncio mark.` Suites that turn warnings into errors fail. Often the test was meant to be async, or the mark was copied along with a neighbour.",
      versions: 'All pytest-asyncio versions.',
      bad: `@pytest.mark.asyncio
def test_slugify_basic():
    assert slugify("Hello, World!") == "hello-world"`,
      good: `def test_slugify_basic():
    assert slugify("Hello, World!") == "hello-world"`
    }
  },
  check(ctx) {
    if (ctx.project.asyncio.disabled || !ctx.paEras.length) return
    const era = ctx.paEras[ctx.paEras.length - 1]!.era
    interface Wide {
      mark: Mark
      sync: TestFunc[]
      anchor: Pick<Span, 'line' | 'endLine' | 'col'>
      symbol: string
      subject: string
      pytestmark?: { span: Span; value: Value }
    }
    const wide = new Map<Mark, Wide>()
    for (const test of ctx.targetTests()) {
      if (test.func.isAsync) continue
      const hit = ctx.suite.closestMark(test, 'asyncio', ctx.asyncio.baseClassMarksFirst)
      if (!hit) continue
      if (hit.level === 'function') {
        const own = test.func.marks.filter((m) => m.name === 'asyncio')
        const parts = own.map((m) => removeMarkEdits(test.file, m))
        const edits = parts.every((p) => p) ? parts.flatMap((p) => p as TextEdit[]) : null
        ctx.report({
          path: test.file.path,
          span: test.func.anchor,
          symbol: testSymbol(test),
          message:
            `\`${test.name}\` is a plain \`def\` test but carries \`@${hit.mark.value.text}\`. The mark does nothing for a sync test except make pytest-asyncio warn: \`${markOnSyncTest(era, test.name)}\` (an error under \`-W error\`). ` +
            'Remove the mark — or, if the test was meant to await something, make it `async def`.',
          ...(edits
            ? {
                fix: {
                  title: `Remove the asyncio mark from \`${test.name}\``,
                  edits,
                  applicability: 'safe' as const
                }
              }
            : {})
        })
        continue
      }
      let w = wide.get(hit.mark)
      if (!w) {
        if (hit.level === 'module') {
          w = {
            mark: hit.mark,
            sync: [],
            anchor: test.file.pytestmark!.span,
            symbol: `module:${test.file.path}::pytestmark`,
            subject: "The module's `pytestmark`",
            pytestmark: test.file.pytestmark!
          }
        } else {
          const owner = markOwner(ctx, hit) as PyClass
          const inBody = hit.mark.origin === 'pytestmark' && owner.pytestmark
          w = {
            mark: hit.mark,
            sync: [],
            anchor: inBody ? owner.pytestmark!.span : owner.anchor,
            symbol: `class:${test.file.path}::${owner.qualName}`,
            subject: `The asyncio mark on class \`${owner.name}\``,
            ...(inBody ? { pytestmark: owner.pytestmark! } : {})
          }
        }
        wide.set(hit.mark, w)
      }
      w.sync.push(test)
    }
    for (const w of wide.values()) {
      const file = w.sync[0]!.file
      // The async tests that get their loop from this mark: they keep it on their own decorator.
      const users = ctx.suite
        .tests()
        .filter(
          (t) =>
            t.func.isAsync &&
            ctx.suite.closestMark(t, 'asyncio', ctx.asyncio.baseClassMarksFirst)?.mark === w.mark
        )
      let edits: TextEdit[] | null = null
      if (users.length <= MAX_MOVED && users.every((t) => t.file === file)) {
        const removal = removeMarkEdits(file, w.mark, w.pytestmark)
        // In auto mode a bare mark adds nothing to async tests: it can simply go.
        const copy =
          ctx.asyncio.auto && isBareMark(w.mark)
            ? []
            : users.map((t) => insertDecorator(file, t.func, w.mark.value.text))
        if (removal) edits = [...removal, ...copy]
      }
      const names =
        w.sync
          .slice(0, 3)
          .map((t) => `\`${t.name}\``)
          .join(', ') + (w.sync.length > 3 ? ` and ${w.sync.length - 3} more` : '')
      ctx.report({
        path: file.path,
        span: w.anchor,
        symbol: w.symbol,
        message:
          `${w.subject} (\`${w.mark.value.text}\`) also reaches the sync test${w.sync.length === 1 ? '' : 's'} ${names}. pytest-asyncio warns for each of them: \`${markOnSyncTest(era, w.sync[0]!.name)}\` (an error under \`-W error\`). ` +
          `Mark only the async tests${users.length ? ` (${users.length} here)` : ''}, or move the sync tests to another module or class.`,
        related: w.sync
          .slice(0, 5)
          .map((t) => ({
            path: t.file.path,
            line: t.func.anchor.line,
            endLine: t.func.anchor.endLine,
            message: `\`${t.name}\` is sync`
          })),
        ...(edits
          ? { fix: { title: 'Mark only the async tests', edits, applicability: 'safe' as const } }
          : {})
      })
    }
  }
}
