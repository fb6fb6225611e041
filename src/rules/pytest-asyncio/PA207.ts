import type { Rule, RuleContext } from '../engine.js'
import type { TextEdit } from '../types.js'
import type { Mark, PyClass, PyFile } from '../../model/types.js'
import { cmpVersion } from '../../model/versions.js'
import { versionsText } from '../engine.js'
import { insertDecorator } from '../../fix/edits.js'
import { markScope, removeMarkEdits } from '../fixes.js'

function asyncioOwn(c: PyClass): Mark[] {
  return c.ownMarks.filter((m) => m.name === 'asyncio')
}

function classesOf(file: PyFile): PyClass[] {
  const out: PyClass[] = []
  const visit = (c: PyClass): void => {
    out.push(c)
    c.classes.forEach(visit)
  }
  file.classes.forEach(visit)
  return out
}

/** PA207: asyncio marks on a base class and a subclass; pytest ≥ 7.4.3 puts the base's first. */
export const PA207: Rule = {
  meta: {
    code: 'PA207',
    name: 'base-class-mark-beats-subclass-mark',
    severity: 'warning',
    plugin: 'pytest-asyncio',
    summary:
      'A test class’s own asyncio mark is ignored because a base class’s asyncio mark comes first.',
    fixable: true,
    docs: {
      what: 'Flags the asyncio mark of a test class (a decorator or its `pytestmark`) when a base class also carries an asyncio mark that selects a different loop. The finding sits on the subclass mark that is ignored.',
      why: 'Since pytest 7.4.3 a class’s marks are gathered in reversed method resolution order, base class first, and pytest-asyncio reads only the first asyncio mark. The base class’s mark therefore wins and the subclass’s mark — usually the more specific intent — is silently ignored: the subclass’s tests (and the ones it inherits) run in the base’s loop. On pytest 7.2.0–7.4.2 the order was the reverse, so the outcome also depends on the pytest version. The fix keeps the mark on one level: the base’s mark is removed and the inherited test methods get the subclasses’ mark.',
      versions: 'pytest ≥ 7.4.3 with any pytest-asyncio that reads mark arguments (0.23–1.4).',
      bad: `@pytest.mark.asyncio(loop_scope="class")
class InboxTests:
    async def test_publish(self, broker): ...

class TestFreshBroker(InboxTests):
    pytestmark = pytest.mark.asyncio(loop_scope="function")`,
      good: `class InboxTests:
    @pytest.mark.asyncio(loop_scope="function")
    async def test_publish(self, broker): ...

class TestFreshBroker(InboxTests):
    pytestmark = pytest.mark.asyncio(loop_scope="function")`
    }
  },
  check(ctx) {
    if (!ctx.asyncio.baseClassMarksFirst || ctx.project.asyncio.disabled) return
    const pytest = ctx.project.versions.pytest.candidates
    const baseFirst = pytest.filter((v) => cmpVersion(v, '7.4.3') >= 0)
    const subFirst = pytest.filter((v) => cmpVersion(v, '7.4.3') < 0 && cmpVersion(v, '7.2.0') >= 0)
    for (const file of ctx.targetFiles()) {
      if (file.kind !== 'test') continue
      const classes = classesOf(file)
      for (const cls of classes) {
        if (!cls.collected) continue
        const own = asyncioOwn(cls)[0]
        if (!own) continue
        const mro = ctx.suite.mro(cls)
        const markedBases = mro.slice(1).filter((b) => asyncioOwn(b).length)
        if (!markedBases.length) continue
        // Reversed MRO: the most basic marked class comes first.
        const base = [...mro].reverse().find((c) => asyncioOwn(c).length) as PyClass
        const winner = asyncioOwn(base)[0] as Mark
        if (markScope(winner) === markScope(own)) continue
        const anchor =
          own.origin === 'pytestmark' && cls.pytestmark ? cls.pytestmark.span : own.span
        const fix = markedBases.length === 1 ? moveBaseMark(ctx, file, classes, base, own) : null
        const winnerScope = markScope(winner)
        const ownScope = markScope(own)
        ctx.report({
          path: file.path,
          span: anchor,
          symbol: `class:${file.path}::${cls.qualName}`,
          message:
            `Class \`${cls.name}\` asks for ${ownScope ? `the ${ownScope} loop` : 'the default loop'} with \`${own.value.text}\`, but it inherits from \`${base.name}\`, whose \`${winner.value.text}\` (line ${winner.span.line}) comes first: ` +
            `since pytest 7.4.3 class marks are gathered base class first, and pytest-asyncio reads only the first asyncio mark. The subclass mark is silently ignored and the tests of \`${cls.name}\` run in ${winnerScope ? `the ${winnerScope} loop` : 'the default loop'}. ` +
            `Affects ${versionsText('pytest', baseFirst)}${ctx.project.versions.pytest.assumed ? ' (no pin found; assumed newest)' : ''}` +
            (subFirst.length
              ? `; on ${versionsText('pytest', subFirst)} the subclass mark wins instead, so the loop depends on the pytest version`
              : '') +
            '. Put the asyncio mark on one class level only, or on the test methods.',
          related: [
            {
              path: file.path,
              line: winner.span.line,
              endLine: winner.span.endLine,
              message: `\`${base.name}\`'s asyncio mark, which wins`
            }
          ],
          ...(fix ? { fix } : {})
        })
      }
    }
  }
}

/**
 * Move the base class's mark out of the way: remove it and give the base's async test methods
 * the mark its subclasses declare. Only when the base is not collected itself and every subclass
 * in the module declares the same mark (each keeps its own; the inherited tests get it too).
 */
function moveBaseMark(
  ctx: RuleContext,
  file: PyFile,
  classes: PyClass[],
  base: PyClass,
  own: Mark
) {
  if (base.collected || asyncioOwn(base).length !== 1 || !file.exactText) return null
  const subs = classes.filter((c) => c !== base && ctx.suite.mro(c).includes(base))
  if (!subs.every((s) => asyncioOwn(s)[0]?.value.text === own.value.text)) return null
  const removal = removeMarkEdits(file, asyncioOwn(base)[0] as Mark, base.pytestmark)
  if (!removal) return null
  const edits: TextEdit[] = [...removal]
  const fixtureFuncs = new Set(base.fixtures.map((fx) => fx.func))
  for (const m of base.methods) {
    if (
      !m.isAsync ||
      !ctx.project.isTestFunction(m.name) ||
      fixtureFuncs.has(m) ||
      m.marks.some((mk) => mk.name === 'asyncio')
    )
      continue
    edits.push(insertDecorator(file, m, own.value.text))
  }
  return {
    title: `Move \`${base.name}\`'s asyncio mark to its test methods as \`${own.value.text}\``,
    edits,
    applicability: 'safe' as const
  }
}
