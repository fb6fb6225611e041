import type { Rule, RuleContext } from '../engine.js'
import { testSymbol } from '../engine.js'
import type { Mark, PyClass, Span, TestFunc, Value } from '../../model/types.js'
import type { MarkHit } from '../../resolve/suite.js'
import { eraAtLeast } from '../../resolve/asyncio.js'
import { isBareMark, markScope, removeMarkEdits } from '../fixes.js'
import { markOwner } from './marks.js'
import { paVersions } from './versions.js'

/** Two hits on the same pytest node (the function, one Class node, or the module). */
export function sameNode(a: MarkHit, b: MarkHit): boolean {
  return a.level === b.level && (a.level !== 'class' || a.cls === b.cls)
}

/** "the mark on class `TestX` (line 15)" / "the module's `pytestmark` (line 5)". */
export function describeHit(ctx: RuleContext, hit: MarkHit): string {
  if (hit.level === 'module') return `the module's \`pytestmark\` (line ${hit.mark.span.line})`
  if (hit.level === 'class')
    return `the mark on class \`${markOwner(ctx, hit)?.name ?? hit.cls?.name ?? '?'}\` (line ${hit.mark.span.line})`
  return `its own mark (line ${hit.mark.span.line})`
}

/** PA205: a closer bare asyncio mark hides the `loop_scope` of an outer one. */
export const PA205: Rule = {
  meta: {
    code: 'PA205',
    name: 'closer-asyncio-mark-shadows-loop-scope',
    severity: 'warning',
    plugin: 'pytest-asyncio',
    summary:
      'A bare asyncio mark closer to the test hides the `loop_scope` of an outer asyncio mark.',
    fixable: true,
    docs: {
      what: 'Flags a bare `@pytest.mark.asyncio` on a test (or a class) when an outer asyncio mark — on the class, or the module’s `pytestmark` — selects a loop scope, and the bare mark changes the loop the test runs in.',
      why: 'pytest-asyncio reads only the closest asyncio mark and never merges the arguments of several marks. The inner bare mark therefore wins, and the test runs in the default loop (`function`, or `asyncio_default_test_loop_scope`) instead of the class or module loop the outer mark asks for. Tests that share loop-bound state with class- or module-loop fixtures then fail with `RuntimeError: … attached to a different loop`, or silently stop sharing the loop.',
      versions: 'pytest-asyncio 0.23 (`scope=`) and 0.24–1.4 (`loop_scope=`).',
      bad: `@pytest.mark.asyncio(loop_scope="class")
class TestCartItems:
    @pytest.mark.asyncio
    async def test_items_for_cart(self, cart_db):
        ...`,
      good: `@pytest.mark.asyncio(loop_scope="class")
class TestCartItems:
    async def test_items_for_cart(self, cart_db):
        ...`
    }
  },
  check(ctx) {
    const eras = ctx.paEras.filter((b) => eraAtLeast(b.era, '0.23'))
    if (!eras.length || ctx.project.asyncio.disabled) return
    interface Hit {
      inner: MarkHit
      outer: MarkHit
      tests: TestFunc[]
      actual: string
      intended: string
      versions: typeof eras
    }
    const byMark = new Map<Mark, Hit>()
    for (const test of ctx.targetTests()) {
      if (!test.func.isAsync) continue
      const hits = ctx.suite.marks(test, 'asyncio', ctx.asyncio.baseClassMarksFirst)
      const inner = hits[0]
      if (!inner || inner.level === 'module' || !isBareMark(inner.mark)) continue
      if (ctx.asyncio.asyncioMark(test)?.mark !== inner.mark) continue
      // Two asyncio marks on the closest node is PA206; base- vs subclass marks are PA207.
      if (hits.filter((h) => sameNode(h, inner)).length > 1) continue
      if (
        inner.level === 'function' &&
        (test.func.paramMarks ?? []).some((m) => m.name === 'asyncio')
      )
        continue
      const outer = hits.find((h) => !sameNode(h, inner) && markScope(h.mark) !== undefined)
      if (!outer) continue
      let actual = ''
      let intended = ''
      const affected = eras.filter((b) => {
        const want = markScope(outer.mark, eraAtLeast(b.era, '0.24') ? 'loop_scope' : 'scope')
        if (!want) return false
        const got = ctx.asyncio.testLoop(test, b.era)
        if (got.scope === want) return false
        actual =
          got.source === 'ini'
            ? `${got.scope} loop (\`asyncio_default_test_loop_scope\`)`
            : `${got.scope} loop`
        intended = want
        return true
      })
      if (!affected.length) continue
      const agg = byMark.get(inner.mark)
      if (agg) agg.tests.push(test)
      else
        byMark.set(inner.mark, {
          inner,
          outer,
          tests: [test],
          actual,
          intended,
          versions: affected
        })
    }
    for (const { inner, outer, tests, actual, intended, versions } of byMark.values()) {
      const test = tests[0] as TestFunc
      const file = test.file
      let anchor: Pick<Span, 'line' | 'endLine' | 'col'>
      let symbol: string
      let subject: string
      let pytestmark: { span: Span; value: Value } | undefined
      if (inner.level === 'function') {
        anchor = test.func.anchor
        symbol = testSymbol(test)
        subject = `\`${test.name}\` has its own bare \`@${inner.mark.value.text}\``
      } else {
        const owner = markOwner(ctx, inner) as PyClass
        pytestmark = inner.mark.origin === 'pytestmark' ? owner.pytestmark : undefined
        anchor = pytestmark ? pytestmark.span : owner.anchor
        symbol = `class:${file.path}::${owner.qualName}`
        subject = `Class \`${owner.name}\` has a bare asyncio mark`
      }
      const kw = versions.every((b) => !eraAtLeast(b.era, '0.24')) ? 'scope' : 'loop_scope'
      const edits = removeMarkEdits(file, inner.mark, pytestmark)
      const names = tests.map((t) => `\`${t.name}\``)
      ctx.report({
        path: file.path,
        span: anchor,
        symbol,
        message:
          `${subject}, and pytest-asyncio reads only the closest asyncio mark (the arguments of several marks are never merged), so the \`${kw}="${intended}"\` of ${describeHit(ctx, outer)} does not apply: ` +
          `${names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more run` : `${names.join(', ')} ${names.length === 1 ? 'runs' : 'run'}`} in the ${actual} instead of the ${intended} loop. ` +
          `Affects ${paVersions(ctx, versions)}. Remove the inner mark (the outer one already marks the tests), or repeat the scope on it: \`@pytest.mark.asyncio(${kw}="${intended}")\`.`,
        related: [
          {
            path: file.path,
            line: outer.mark.span.line,
            endLine: outer.mark.span.endLine,
            message: `this mark's \`${kw}="${intended}"\` is hidden by the closer bare mark`
          }
        ],
        ...(edits
          ? {
              fix: {
                title: 'Remove the bare asyncio mark so the outer mark’s loop scope applies',
                edits,
                applicability: 'safe' as const
              }
            }
          : {})
      })
    }
  }
}
