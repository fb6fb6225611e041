import type { Rule } from '../engine.js'
import { eraAtLeast } from '../../resolve/asyncio.js'
import { removeKwarg } from '../../fix/edits.js'
import { MARK_BOTH_SCOPES } from '../messages.js'
import { markArgumentSites, markParseTiming } from './marks.js'
import { paVersions } from './versions.js'

/** PA202: `scope=` and `loop_scope=` on one asyncio mark (a UsageError from 0.24). */
export const PA202: Rule = {
  meta: {
    code: 'PA202',
    name: 'mark-scope-and-loop-scope',
    severity: 'error',
    plugin: 'pytest-asyncio',
    summary: 'An asyncio mark passes both `scope=` and `loop_scope=`.',
    fixable: true,
    docs: {
      what: 'Flags `pytest.mark.asyncio(scope=..., loop_scope=...)` wherever the mark is written (test, class, module `pytestmark`, `pytest.param`, `item.add_marker`) when pytest-asyncio 0.24 or newer is allowed.',
      why: 'pytest-asyncio refuses a mark that names the loop scope twice: `pytest.UsageError: An asyncio pytest marker defines both "scope" and "loop_scope", but it should only use "loop_scope".` On 0.24–1.0 and 1.4 the marker is parsed during collection, so the whole run stops; on 1.1–1.3 every test it marks errors at setup. The fix keeps `loop_scope`.',
      versions:
        'pytest-asyncio 0.24–1.4. 0.23 reads only `scope=` (a `loop_scope=` there is PA204).',
      bad: `@pytest.mark.asyncio(scope="module", loop_scope="module")
async def test_publish(channel):
    channel.put_nowait("hello")`,
      good: `@pytest.mark.asyncio(loop_scope="module")
async def test_publish(channel):
    channel.put_nowait("hello")`
    }
  },
  check(ctx) {
    const newer = ctx.paEras.filter((b) => eraAtLeast(b.era, '0.24'))
    if (!newer.length) return
    const older = ctx.paEras.filter((b) => !eraAtLeast(b.era, '0.24'))
    for (const site of markArgumentSites(ctx)) {
      const sc = site.mark.kwargs.get('scope')
      const ls = site.mark.kwargs.get('loop_scope')
      if (!sc || !ls) continue
      const edit =
        !older.length && site.file.exactText
          ? removeKwarg(site.file, site.mark.value, 'scope')
          : null
      const differ = sc.text !== ls.text
      const timing = markParseTiming(ctx, newer, {
        collection: 'while collecting, which stops the run',
        setup: 'when each test it marks is set up, so those tests error'
      })
      ctx.report({
        path: site.file.path,
        span: site.anchor,
        symbol: site.symbol,
        message:
          `The asyncio mark on ${site.where} passes both \`scope=${sc.text}\` and \`loop_scope=${ls.text}\`. pytest-asyncio rejects it with \`${MARK_BOTH_SCOPES}\` ${timing}. ` +
          (differ
            ? `The two values differ: \`loop_scope=${ls.text}\` is the one pytest-asyncio ≥ 0.24 reads, so check it is the loop the tests need. `
            : '') +
          (older.length
            ? `The pins also allow ${paVersions(ctx, older)}, which reads only \`scope=\`: require pytest-asyncio ≥ 0.24 and keep only \`loop_scope=\`.`
            : `Remove the deprecated \`scope=\` and keep \`loop_scope=${ls.text}\`.`),
        ...(edit
          ? {
              fix: {
                title: 'Remove `scope=` and keep `loop_scope=`',
                edits: [edit],
                applicability: 'safe' as const
              }
            }
          : {})
      })
    }
  }
}
