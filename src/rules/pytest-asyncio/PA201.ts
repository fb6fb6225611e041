import type { Rule } from '../engine.js'
import { eraAtLeast } from '../../resolve/asyncio.js'
import { kwargSpan } from '../fixes.js'
import { MARK_SCOPE_DEPRECATED } from '../messages.js'
import { markArgumentSites, markParseTiming } from './marks.js'
import { paVersions } from './versions.js'

/** PA201: `@pytest.mark.asyncio(scope=...)`, the 0.23 spelling, deprecated since 0.24. */
export const PA201: Rule = {
  meta: {
    code: 'PA201',
    name: 'mark-scope-kwarg-deprecated',
    severity: 'warning',
    plugin: 'pytest-asyncio',
    summary: 'The asyncio mark uses the deprecated `scope=` keyword instead of `loop_scope=`.',
    fixable: true,
    docs: {
      what: 'Flags `pytest.mark.asyncio(scope=...)` — on a test, a class, a module `pytestmark`, a `pytest.param`, or in `item.add_marker(...)` — when the pinned pytest-asyncio is 0.24 or newer.',
      why: 'pytest-asyncio 0.24 renamed the keyword to `loop_scope`. The old name still selects the loop, but every marked test emits `PytestDeprecationWarning: The "scope" keyword argument to the asyncio marker has been deprecated. Please use the "loop_scope" argument instead.`, which fails suites that turn warnings into errors, and a future release removes it. On 0.23 `scope=` is the only spelling (`loop_scope=` is silently ignored there), so nothing is reported when only 0.23 is allowed, and no fix is offered when the pins allow both.',
      versions:
        'pytest-asyncio 0.24–1.4 (warning at collection on 0.24–1.0 and 1.4, at each test’s setup on 1.1–1.3).',
      bad: `@pytest.mark.asyncio(scope="module")
async def test_set_get(kv):
    await kv.set("a", 1)`,
      good: `@pytest.mark.asyncio(loop_scope="module")
async def test_set_get(kv):
    await kv.set("a", 1)`
    }
  },
  check(ctx) {
    const newer = ctx.paEras.filter((b) => eraAtLeast(b.era, '0.24'))
    if (!newer.length) return
    const older = ctx.paEras.filter((b) => eraAtLeast(b.era, '0.23') && !eraAtLeast(b.era, '0.24'))
    for (const site of markArgumentSites(ctx)) {
      const sc = site.mark.kwargs.get('scope')
      // Both keywords at once is PA202.
      if (!sc || site.mark.kwargs.has('loop_scope')) continue
      const key = kwargSpan(site.file, sc, 'scope')
      const fix =
        !older.length && key && site.file.exactText
          ? {
              title: `Rename \`scope=\` to \`loop_scope=\` on the asyncio mark`,
              edits: [
                {
                  path: site.file.path,
                  start: key.start,
                  end: key.start + 'scope'.length,
                  text: 'loop_scope'
                }
              ],
              applicability: 'safe' as const
            }
          : null
      const timing = markParseTiming(ctx, newer, {
        collection: 'at collection',
        setup: 'when each marked test is set up'
      })
      ctx.report({
        path: site.file.path,
        span: site.anchor,
        symbol: site.symbol,
        message:
          `The asyncio mark on ${site.where} passes \`scope=${sc.text}\`, the keyword pytest-asyncio 0.24 renamed to \`loop_scope\`. ` +
          `It still selects that loop, but every test the mark applies to emits \`${MARK_SCOPE_DEPRECATED}\` (${timing}), which fails runs with \`-W error\`, and a future release drops the old name. ` +
          (older.length
            ? `The pins also allow ${paVersions(ctx, older)}, where \`scope=\` is the only spelling and \`loop_scope=\` is silently ignored: require pytest-asyncio ≥ 0.24 first, then rename it to \`loop_scope=${sc.text}\`.`
            : `Rename it: \`loop_scope=${sc.text}\`.`),
        ...(fix ? { fix } : {})
      })
    }
  }
}
