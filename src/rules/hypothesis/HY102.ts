import type { Rule } from '../engine.js'
import { testSymbol } from '../engine.js'
import type { TextEdit } from '../types.js'
import { insertDecorator, markPrefix } from '../../fix/edits.js'
import { addAsyncioMarkEdits } from '../pytest-asyncio/marks.js'
import { isGiven, modeOrigin, pluginRuns } from '../pytest-asyncio/plugins.js'

const INVALID = "hypothesis.errors.InvalidArgument: Hypothesis doesn't know how to run async test functions like"

/** HY102: `@given` on a coroutine test that no async plugin runs. */
export const HY102: Rule = {
  meta: {
    code: 'HY102',
    name: 'given-async-test-not-handled',
    severity: 'error',
    plugin: 'hypothesis',
    summary: 'A Hypothesis `@given` test is `async def`, but no async plugin runs it.',
    fixable: true,
    docs: {
      what: 'Flags an `async def` test decorated with Hypothesis’s `@given` that neither pytest-asyncio (asyncio mark, or auto mode) nor anyio (anyio mark, anyio auto mode) nor pytest-trio runs.',
      why: '`@given` wraps the coroutine function in a plain function, so pytest’s “not natively supported” check does not see a coroutine and pytest-asyncio’s strict mode does not claim it. Hypothesis calls it, gets a coroutine back and fails every run with `InvalidArgument: Hypothesis doesn\'t know how to run async test functions like …`. An asyncio (or anyio) mark hands the test to the plugin, which drives Hypothesis’s examples inside its loop.',
      versions: 'All pytest-asyncio versions in strict mode; every Hypothesis version.',
      bad: `@given(st.lists(titles, max_size=15))
async def test_claims_are_unique(batch):
    registry = SlugRegistry()
    slugs = await asyncio.gather(*(registry.claim(t) for t in batch))
    assert len(set(slugs)) == len(slugs)`,
      good: `@pytest.mark.asyncio
@given(st.lists(titles, max_size=15))
async def test_claims_are_unique(batch):
    registry = SlugRegistry()
    slugs = await asyncio.gather(*(registry.claim(t) for t in batch))
    assert len(set(slugs)) == len(slugs)`
    }
  },
  check(ctx) {
    const pa = !ctx.project.asyncio.disabled && ctx.project.usesPytestAsyncio(ctx.suite)
    if (pa && ctx.project.asyncio.mode !== 'strict' && ctx.project.asyncio.mode !== 'auto') return
    const anyio = !ctx.project.settings.anyioDisabled.value && ctx.project.versions.anyio.declared
    for (const test of ctx.targetTests()) {
      if (!test.func.isAsync || !isGiven(test.func) || pluginRuns(ctx, test)) continue
      let edits: TextEdit[] = []
      let mark = ''
      if (pa) ({ edits, mark } = addAsyncioMarkEdits(ctx, test))
      else if (anyio) {
        const { prefix, importEdit } = markPrefix(test.file)
        mark = `${prefix}.anyio`
        edits = [insertDecorator(test.file, test.func, mark), ...(importEdit ? [importEdit] : [])]
      }
      const plugin = pa ? `pytest-asyncio runs in ${modeOrigin(ctx)} and the test has no \`asyncio\` mark` : 'no async plugin is set up to run it'
      ctx.report({
        path: test.file.path,
        span: test.func.anchor,
        symbol: testSymbol(test),
        message:
          `\`${test.name}\` is an \`async def\` test under Hypothesis’s \`@given\`, and ${plugin}. \`@given\` hides the coroutine from pytest, so Hypothesis calls it, gets a coroutine back and fails every run: \`${INVALID} ${test.name}.\`. ` +
          (mark ? `Mark it \`@${mark}\` so the plugin runs each example in its loop.` : 'Run it with pytest-asyncio or anyio (add the plugin and its mark).'),
        ...(mark && test.file.exactText ? { fix: { title: `Mark \`${test.name}\` with \`@${mark}\``, edits, applicability: 'safe' as const } } : {})
      })
    }
  }
}
