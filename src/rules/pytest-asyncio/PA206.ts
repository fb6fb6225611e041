import type { Rule } from '../engine.js'
import { firstTestOf } from '../engine.js'
import type { TextEdit } from '../types.js'
import type { Mark, PyClass, PyFile, Span, Value } from '../../model/types.js'
import { allFunctions } from '../../model/extract.js'
import { isBareMark, removeMarkEdits } from '../fixes.js'

/** How a mark is written, for messages: `@pytest.mark.asyncio` or `pytest.mark.asyncio(...)`. */
function shown(m: Mark): string {
  return m.origin === 'decorator' ? `@${m.value.text}` : m.value.text
}

interface Node {
  file: PyFile
  marks: Mark[]
  paramMarks: Mark[]
  anchor: Pick<Span, 'line' | 'endLine' | 'col'>
  symbol: string
  subject: string
  winnerWhy: string
  pytestmark?: { span: Span; value: Value }
}

/** PA206: two asyncio marks on one node; only the first pytest stores counts. */
export const PA206: Rule = {
  meta: {
    code: 'PA206',
    name: 'multiple-asyncio-marks-on-one-node',
    severity: 'warning',
    plugin: 'pytest-asyncio',
    summary: 'A test, class or module carries more than one asyncio mark.',
    fixable: true,
    docs: {
      what: 'Flags a test with two stacked asyncio decorators (or an asyncio decorator plus a `pytest.param(..., marks=pytest.mark.asyncio(...))`), a class with two asyncio marks, or a `pytestmark` list with two asyncio marks.',
      why: 'pytest-asyncio reads only the first asyncio mark of a node, and which one is first is easy to get wrong: decorators apply bottom-up, so the decorator closest to `def` wins; in a `pytestmark` list the first element wins; a function’s decorator wins over a `pytest.param` mark. The other mark — often the one with the intended `loop_scope` — is silently ignored, and the test runs in another loop than it declares.',
      versions: 'All pytest-asyncio versions that read the mark’s arguments (0.23–1.4).',
      bad: `@pytest.mark.asyncio(loop_scope="session")
@pytest.mark.asyncio
async def test_follower_sees_post(feed):
    ...`,
      good: `@pytest.mark.asyncio(loop_scope="session")
async def test_follower_sees_post(feed):
    ...`
    }
  },
  check(ctx) {
    const nodes: Node[] = []
    for (const file of ctx.targetFiles()) {
      if (file.kind !== 'test') continue
      if (file.pytestmark) {
        const marks = file.moduleMarks.filter((m) => m.name === 'asyncio')
        nodes.push({
          file,
          marks,
          paramMarks: [],
          anchor: file.pytestmark.span,
          symbol: `module:${file.path}::pytestmark`,
          subject: "The module's `pytestmark` list",
          winnerWhy: 'the first element of the list',
          pytestmark: file.pytestmark
        })
      }
      const fixtureFuncs = new Set(file.fixtures.map((fx) => fx.func))
      for (const fn of allFunctions(file)) {
        if (fixtureFuncs.has(fn) || !ctx.project.isTestFunction(fn.name)) continue
        const test = firstTestOf(file, fn)
        nodes.push({
          file,
          marks: fn.marks.filter((m) => m.name === 'asyncio'),
          paramMarks: (fn.paramMarks ?? []).filter((m) => m.name === 'asyncio'),
          anchor: fn.anchor,
          symbol: test
            ? test.nodeid
            : `function:${file.path}::${fn.cls ? fn.cls.qualName + '::' : ''}${fn.name}`,
          subject: `\`${fn.name}\``,
          winnerWhy: 'the decorator closest to `def` (decorators apply bottom-up)'
        })
      }
      const visit = (cls: PyClass): void => {
        const marks = cls.ownMarks.filter((m) => m.name === 'asyncio')
        const allBody = marks.every((m) => m.origin === 'pytestmark')
        const allDecorators = marks.every((m) => m.origin === 'decorator')
        nodes.push({
          file,
          marks,
          paramMarks: [],
          anchor: allBody && cls.pytestmark ? cls.pytestmark.span : cls.anchor,
          symbol: `class:${file.path}::${cls.qualName}`,
          subject: `Class \`${cls.name}\``,
          winnerWhy: allBody
            ? 'the first element of its `pytestmark` list'
            : allDecorators
              ? 'the decorator closest to `class` (decorators apply bottom-up)'
              : 'its body’s `pytestmark` comes before its decorators',
          ...(cls.pytestmark ? { pytestmark: cls.pytestmark } : {})
        })
        cls.classes.forEach(visit)
      }
      file.classes.forEach(visit)
    }
    for (const node of nodes) {
      const { file, marks, paramMarks } = node
      if (marks.length + (marks.length ? paramMarks.length : 0) < 2) continue
      const winner = marks[0] as Mark
      const ignored = [...marks.slice(1), ...paramMarks]
      let edits: TextEdit[] | null = null
      let keep: Mark | null = null
      if (!paramMarks.length) {
        // Keep the mark that says something (a loop scope) when only one does; else the one in force.
        const speaking = marks.filter((m) => !isBareMark(m))
        keep = speaking.length === 1 ? (speaking[0] as Mark) : winner
        const parts = marks
          .filter((m) => m !== keep)
          .map((m) => removeMarkEdits(file, m, node.pytestmark))
        if (parts.every((p) => p)) edits = parts.flatMap((p) => p as TextEdit[])
        // Two elements of one list removed separately would leave a dangling comma: one at a time is fine, more is not.
        if (edits && marks.filter((m) => m !== keep && m.origin === 'pytestmark').length > 1)
          edits = null
      }
      ctx.report({
        path: file.path,
        span: node.anchor,
        symbol: node.symbol,
        message:
          `${node.subject} carries ${marks.length + paramMarks.length} asyncio marks: ${[...marks, ...paramMarks].map((m) => `\`${shown(m)}\` (line ${m.span.line})`).join(', ')}. ` +
          `pytest-asyncio reads only the first one pytest stores — ${paramMarks.length && marks.length === 1 ? 'the function’s decorator, before any `pytest.param` mark' : node.winnerWhy} — so \`${shown(winner)}\` decides the loop and ${ignored.map((m) => `\`${shown(m)}\``).join(', ')} ${ignored.length === 1 ? 'is' : 'are'} silently ignored. ` +
          (keep
            ? `Keep a single mark: \`${shown(keep)}\`.`
            : 'Keep a single asyncio mark: move the loop scope the parameter set needs to the decorator, or split the test.'),
        ...(edits && keep
          ? {
              fix: { title: `Keep only \`${shown(keep)}\``, edits, applicability: 'safe' as const }
            }
          : {})
      })
    }
  }
}
