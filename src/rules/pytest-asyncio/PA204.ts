import type { Rule } from '../engine.js'
import { fixtureSymbol } from '../engine.js'
import type { Fix } from '../types.js'
import { isScope } from '../../model/types.js'
import { eraAtLeast } from '../../resolve/asyncio.js'
import { removeKwarg } from '../../fix/edits.js'
import { kwargSpan } from '../fixes.js'
import { governingMarkSites } from './marks.js'
import { isFalsy } from './values.js'
import { affects } from './versions.js'

/** PA204: `loop_scope=` used while the pins allow pytest-asyncio < 0.24, which does not know it. */
export const PA204: Rule = {
  meta: {
    code: 'PA204',
    name: 'loop-scope-kwarg-on-pre-0-24',
    severity: 'error',
    plugin: 'pytest-asyncio',
    summary: '`loop_scope=` is used, but the pinned pytest-asyncio is older than 0.24 and does not have it.',
    fixable: true,
    docs: {
      what: 'Flags `@pytest_asyncio.fixture(loop_scope=…)` and `@pytest.mark.asyncio(loop_scope=…)` when the project’s pins allow a pytest-asyncio older than 0.24 (code written from the current docs against an old pin). Fixes: on 0.23 the mark’s spelling is `scope=`, so `loop_scope=` becomes `scope=`; a fixture’s `loop_scope=` is removed when its caching scope already gives the same loop on 0.23 (a fixture’s loop *is* its caching scope there); otherwise the message says to upgrade, with no edit.',
      why: 'On a fixture it is a `TypeError: fixture() got an unexpected keyword argument \'loop_scope\'` when the module is imported, so nothing in that module (or below that conftest) is collected. On a mark it is silently ignored: the test runs in the function-scoped `event_loop` while its session fixture lives in the session loop, and fails with `RuntimeError: Task … got Future … attached to a different loop`.',
      versions: 'pytest-asyncio 0.21–0.23 (`loop_scope=` was added in 0.24). On 0.21 marks take no arguments at all.',
      bad: `# requirements-dev.txt: pytest-asyncio==0.23.8
@pytest.mark.asyncio(loop_scope="session")
async def test_open_ticket(db):
    ...`,
      good: `@pytest.mark.asyncio(scope="session")
async def test_open_ticket(db):
    ...`
    }
  },
  check(ctx) {
    const old = ctx.paEras.filter((b) => !eraAtLeast(b.era, '0.24'))
    if (!old.length || ctx.project.asyncio.disabled) return
    const oldVersions = old.flatMap((b) => b.versions)
    const allOld = old.length === ctx.paEras.length
    const only023 = ctx.paEras.every((b) => b.era === '0.23')

    // Fixtures: a TypeError at import time.
    for (const fx of ctx.fixturesInScope()) {
      const v = fx.loopScopeValue
      if (fx.decoratorKind !== 'pytest_asyncio' || !v) continue
      // On 0.23 the fixture's loop is its caching scope: dropping a loop_scope equal to it keeps the behaviour.
      const same = isFalsy(v) || (v.kind === 'str' && v.str === fx.scope)
      const edit = allOld && same && fx.file.exactText ? removeKwarg(fx.file, fx.decorator.value, 'loop_scope') : null
      const where = fx.file.kind === 'conftest' ? `so importing ${fx.file.path} fails and no test below it is collected` : `so importing ${fx.file.path} fails and none of its tests is collected`
      ctx.report({
        path: fx.file.path,
        span: fx.func.anchor,
        symbol: fixtureSymbol(fx),
        message:
          `\`loop_scope=\` on \`@pytest_asyncio.fixture\` was added in pytest-asyncio 0.24. On ${affects(ctx, oldVersions)} the decorator rejects it: \`TypeError: fixture() got an unexpected keyword argument 'loop_scope'\`, ${where}. ` +
          (edit
            ? `There a fixture’s loop is its caching scope (${fx.scope}), so removing \`loop_scope=\` keeps the same loop; or upgrade to pytest-asyncio>=0.24.`
            : `Upgrade to pytest-asyncio>=0.24` + (allOld ? ` (on ${oldVersions.length === 1 ? oldVersions[0] : 'these versions'} a fixture’s loop is always its caching scope, so \`loop_scope=${v.text}\` cannot be expressed).` : ', or drop `loop_scope=` where the caching scope gives the same loop.')),
        ...(edit ? { fix: { title: 'Remove `loop_scope=` (pytest-asyncio < 0.24 does not accept it)', edits: [edit], applicability: 'safe' as const } } : {})
      })
    }

    // Marks: silently ignored.
    for (const site of governingMarkSites(ctx)) {
      const v = site.mark.kwargs.get('loop_scope')
      if (!v || isFalsy(v) || !site.tests.length) continue
      const wanted = v.kind === 'str' ? v.str : undefined
      // Only when ignoring it changes a loop: the tests get another scope on an old release line.
      const differs = site.tests.some((t) =>
        old.some((b) => {
          const tl = ctx.asyncio.testLoop(t, b.era)
          return wanted === undefined || !isScope(wanted) || tl.scope !== wanted
        })
      )
      if (!differs) continue
      let fix: Fix | undefined
      if (only023 && site.file.exactText) {
        if (site.mark.kwargs.has('scope')) {
          const e = removeKwarg(site.file, site.mark.value, 'loop_scope')
          if (e) fix = { title: 'Remove `loop_scope=` (pytest-asyncio 0.23 reads `scope=`)', edits: [e], applicability: 'safe' }
        } else {
          const sp = kwargSpan(site.file, v, 'loop_scope')
          if (sp) fix = { title: `Use \`scope=${v.text}\` (the pytest-asyncio 0.23 spelling)`, edits: [{ path: site.file.path, start: sp.start, end: sp.start + 'loop_scope'.length, text: 'scope' }], applicability: 'safe' }
        }
      }
      const t0 = site.tests[0]!
      const actual = ctx.asyncio.testLoop(t0, old[old.length - 1]!.era)
      const names = site.tests.slice(0, 3).map((t) => `\`${t.name}\``).join(', ') + (site.tests.length > 3 ? ` and ${site.tests.length - 3} more` : '')
      ctx.report({
        severity: 'warning',
        path: site.file.path,
        span: site.anchor,
        symbol: site.symbol,
        message:
          `\`loop_scope=\` on the \`asyncio\` mark was added in pytest-asyncio 0.24; ${affects(ctx, oldVersions)} silently ignores it, so ${names} ${site.tests.length === 1 ? 'runs' : 'run'} in the ${actual.scope === 'invalid' || actual.scope === 'dynamic' ? 'function' : actual.scope}-scoped loop, not the ${wanted ?? v.text} loop. ` +
          `Anything loop-bound that a wider-loop fixture creates then fails in the test: \`RuntimeError: Task … got Future … attached to a different loop\`. ` +
          (old.some((b) => b.era === '0.21')
            ? 'On 0.21 the mark takes no arguments at all (override `event_loop` instead); upgrade to pytest-asyncio>=0.24.'
            : only023
              ? `On 0.23 the argument is \`scope=\`: \`@pytest.mark.asyncio(scope=${v.text})\`; or upgrade to pytest-asyncio>=0.24.`
              : 'Require pytest-asyncio>=0.24.'),
        related: site.related,
        involves: site.tests.map((t) => t.file.path),
        ...(fix ? { fix } : {})
      })
    }
  }
}
