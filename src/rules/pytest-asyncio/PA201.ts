import type { EraBucket, Rule, RuleContext } from '../engine.js'
import { firstTestOf, versionsText } from '../engine.js'
import type { HookMark, Mark, PyClass, PyFile, Span, Value } from '../../model/types.js'
import { allFunctions } from '../../model/extract.js'
import { eraAtLeast } from '../../resolve/asyncio.js'
import { kwargSpan } from '../fixes.js'
import { MARK_SCOPE_DEPRECATED } from '../messages.js'

/**
 * Where an asyncio mark is written, for the rules about the mark's own arguments (PA201–PA203):
 * test decorators, `pytest.param(marks=...)`, class decorators and class/module `pytestmark`, and
 * `item.add_marker(...)` in collection hooks. Marks on fixtures (PA211) and in package
 * `__init__.py` files (PA209) are left to those rules.
 */
export interface MarkSite {
  mark: Mark
  file: PyFile
  anchor: Pick<Span, 'line' | 'endLine' | 'col'>
  symbol: string
  /** What the mark is on, for messages: "`test_add`", "class `TestCart`", ... */
  where: string
  pytestmark?: { span: Span; value: Value }
  hook?: HookMark
}

const siteCache = new WeakMap<RuleContext, MarkSite[]>()

export function asyncioMarkSites(ctx: RuleContext): MarkSite[] {
  const cached = siteCache.get(ctx)
  if (cached) return cached
  const out: MarkSite[] = []
  siteCache.set(ctx, out)
  const seen = new Map<string, number>()
  const push = (s: MarkSite): void => {
    const same = seen.get(s.symbol) ?? 0
    seen.set(s.symbol, same + 1)
    out.push(same ? { ...s, symbol: `${s.symbol}#${same + 1}` } : s)
  }
  for (const file of ctx.targetFiles()) {
    if (file.kind === 'test') {
      if (file.pytestmark) {
        for (const mark of file.moduleMarks) {
          if (mark.name !== 'asyncio') continue
          push({
            mark,
            file,
            anchor: file.pytestmark.span,
            symbol: `module:${file.path}::pytestmark`,
            where: `the module's \`pytestmark\``,
            pytestmark: file.pytestmark
          })
        }
      }
      const fixtureFuncs = new Set(file.fixtures.map((fx) => fx.func))
      for (const fn of allFunctions(file)) {
        if (fixtureFuncs.has(fn) || !ctx.project.isTestFunction(fn.name)) continue
        const test = firstTestOf(file, fn)
        const symbol = test
          ? test.nodeid
          : `function:${file.path}::${fn.cls ? fn.cls.qualName + '::' : ''}${fn.name}`
        for (const mark of fn.marks) {
          if (mark.name === 'asyncio')
            push({ mark, file, anchor: fn.anchor, symbol, where: `\`${fn.name}\`` })
        }
        for (const mark of fn.paramMarks ?? []) {
          if (mark.name === 'asyncio')
            push({
              mark,
              file,
              anchor: mark.span,
              symbol: `${symbol}[param]`,
              where: `a \`pytest.param\` of \`${fn.name}\``
            })
        }
      }
      const visit = (cls: PyClass): void => {
        for (const mark of cls.ownMarks) {
          if (mark.name !== 'asyncio') continue
          const inBody = mark.origin === 'pytestmark' && cls.pytestmark
          push({
            mark,
            file,
            anchor: inBody ? cls.pytestmark!.span : cls.anchor,
            symbol: `class:${file.path}::${cls.qualName}`,
            where: `class \`${cls.name}\``,
            ...(inBody ? { pytestmark: cls.pytestmark! } : {})
          })
        }
        cls.classes.forEach(visit)
      }
      file.classes.forEach(visit)
    } else if (file.kind === 'conftest' || file.kind === 'plugin') {
      for (const hm of file.hookMarks) {
        if (hm.mark.name !== 'asyncio') continue
        push({
          mark: hm.mark,
          file,
          anchor: hm.call.span,
          symbol: `call:${file.path}::${hm.hook}::${hm.call.callee}`,
          where: `the \`${hm.call.callee}(...)\` call in \`${hm.hook}\``,
          hook: hm
        })
      }
    }
  }
  return out
}

/** "pytest-asyncio 0.24.0–1.4.0" for some release lines, noting an assumed version. */
export function paVersions(ctx: RuleContext, buckets: readonly EraBucket[]): string {
  const versions = buckets.flatMap((b) => b.versions)
  return `${versionsText('pytest-asyncio', versions)}${ctx.project.versions['pytest-asyncio'].assumed ? ' (no pin found; assumed newest)' : ''}`
}

/** When pytest-asyncio reads the mark's arguments: at collection (≤ 1.0, 1.4) or at each test's setup (1.1–1.3). */
export function markParseTiming(
  ctx: RuleContext,
  buckets: readonly EraBucket[],
  outcome: { collection: string; setup: string }
): string {
  const atSetup = buckets.filter((b) => b.era === '1.1' || b.era === '1.2' || b.era === '1.3')
  const atCollection = buckets.filter((b) => !atSetup.includes(b))
  const parts: string[] = []
  if (atCollection.length) parts.push(`${outcome.collection} on ${paVersions(ctx, atCollection)}`)
  if (atSetup.length) parts.push(`${outcome.setup} on ${paVersions(ctx, atSetup)}`)
  return parts.join(', and ')
}

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
    for (const site of asyncioMarkSites(ctx)) {
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
