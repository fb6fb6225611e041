import type { Rule } from '../engine.js'
import { versionsText } from '../engine.js'
import type { TextEdit } from '../types.js'
import type { FixtureDef } from '../../model/types.js'
import { isScope, scopeRank } from '../../model/types.js'
import { eraAtLeast } from '../../resolve/asyncio.js'
import { setFixtureLoopScopeFix } from '../fixes.js'

/** PA108: pytest-asyncio ≥ 0.24 with no `asyncio_default_fixture_loop_scope`. */
export const PA108: Rule = {
  meta: {
    code: 'PA108',
    name: 'unset-default-fixture-loop-scope',
    severity: 'warning',
    plugin: 'pytest-asyncio',
    summary: '`asyncio_default_fixture_loop_scope` is not set.',
    fixable: true,
    docs: {
      what: 'Flags a pytest configuration without `asyncio_default_fixture_loop_scope` (in the ini section or as `-o` in `addopts`) when pytest-asyncio 0.24 or newer is in use.',
      why: 'pytest-asyncio warns at start-up (`PytestDeprecationWarning: The configuration option "asyncio_default_fixture_loop_scope" is unset.` — not always visible with pytest ≥ 8.4) and silently gives every async fixture its caching scope as loop scope, so wider fixtures run in wider loops than bare-marked tests. A future version will default to `function`, turning every un-annotated wider fixture into a ScopeMismatch error. The fix sets the option and pins the loop scope of every wider async fixture, so behaviour does not change.',
      versions: 'pytest-asyncio 0.24–1.4.',
      bad: `[pytest]
testpaths = tests`,
      good: `[pytest]
asyncio_default_fixture_loop_scope = function
testpaths = tests`
    }
  },
  check(ctx) {
    const eras = ctx.paEras.filter((b) => eraAtLeast(b.era, '0.24'))
    if (!eras.length || ctx.project.asyncio.disabled) return
    if (ctx.project.asyncio.fixtureDefault !== null) return
    if (!ctx.project.usesPytestAsyncio(ctx.suite)) return
    const versions = eras.flatMap((b) => b.versions)
    const edits: TextEdit[] = []
    const insert = ctx.project.insertIniOptionEdit('asyncio_default_fixture_loop_scope', 'function')
    if (!insert) return
    edits.push(insert.edit)
    // Keep today's behaviour: wider async fixtures keep their caching scope as loop scope.
    const pinned: FixtureDef[] = []
    for (const fx of ctx.suite.allFixtures()) {
      if (fx.builtin || fx.loopScopeValue || !fx.func.isAsync || !isScope(fx.scope)) continue
      if (scopeRank(fx.scope) <= scopeRank('function')) continue
      if (!eras.some((b) => ctx.asyncio.handlesFixture(fx, b.era))) continue
      const before = edits.length
      const fix = setFixtureLoopScopeFix(fx, fx.scope, edits)
      if (!fix) edits.length = before
      else pinned.push(fx)
    }
    const anchor = insert.anchor
    ctx.report({
      path: anchor.path,
      span: anchor,
      symbol: `config:${anchor.path}::asyncio_default_fixture_loop_scope`,
      message:
        `\`asyncio_default_fixture_loop_scope\` is unset, so ${versionsText('pytest-asyncio', versions)} warns at start-up (\`PytestDeprecationWarning: The configuration option "asyncio_default_fixture_loop_scope" is unset.\`) and gives each async fixture its caching scope as loop scope. ` +
        `A future pytest-asyncio defaults it to \`function\`, which turns every wider async fixture without \`loop_scope\` into a ScopeMismatch error. Set it explicitly` +
        (pinned.length ? `, and pin \`loop_scope\` on ${pinned.map((f) => `\`${f.name}\``).join(', ')} so nothing changes today.` : '.'),
      related: pinned.map((fx) => ({
        path: fx.file.path,
        line: fx.func.anchor.line,
        endLine: fx.func.anchor.endLine,
        message: `\`${fx.name}\` (scope ${fx.scope}) gets \`loop_scope="${fx.scope}"\``
      })),
      involves: pinned.map((fx) => fx.file.path),
      fix: { title: 'Set `asyncio_default_fixture_loop_scope = function` and pin wider fixtures’ loop scopes', edits, applicability: 'safe' }
    })
  }
}
