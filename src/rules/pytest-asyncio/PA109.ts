import type { Rule } from '../engine.js'
import { fixtureSymbol } from '../engine.js'
import type { Fix } from '../types.js'
import type { Scope, TestFunc } from '../../model/types.js'
import { isScope, SCOPES } from '../../model/types.js'
import { eraAtLeast, type PaEra } from '../../resolve/asyncio.js'
import { replaceValue } from '../../fix/edits.js'
import { governingMarkSites } from './marks.js'
import { configAnchor } from './options.js'
import { closestName, isFalsy, pyRepr } from './values.js'
import { affects } from './versions.js'

/** Re-exported from ./values.js, where it moved: this rule's unit tests import it from here. */
export { closestName }

/**
 * PA109: a loop scope value pytest-asyncio does not know (`"modul"`, `"Session"`) in an asyncio
 * mark, a fixture's `loop_scope=`, or one of the `asyncio_default_*_loop_scope` ini options.
 */
export const PA109: Rule = {
  meta: {
    code: 'PA109',
    name: 'invalid-loop-scope-value',
    severity: 'error',
    plugin: 'pytest-asyncio',
    summary: 'A loop scope value is not one of `function`, `class`, `module`, `package`, `session`.',
    fixable: true,
    docs: {
      what: 'Flags a loop scope that pytest-asyncio rejects: the `loop_scope=` (or deprecated `scope=`) argument of an `asyncio` mark that decides a test’s loop, the `loop_scope=` argument of `@pytest_asyncio.fixture`, and the ini options `asyncio_default_fixture_loop_scope` and `asyncio_default_test_loop_scope`. Values are case-sensitive, so `"Session"` is as wrong as `"sesion"`. The fix is the valid scope the value most likely meant (lower-cased, or the closest name).',
      why: 'pytest-asyncio validates the value only when it uses it, and each place fails differently. A mark fails the plugin’s assertion (`AssertionError`, a collection error that interrupts the run); a fixture fails at setup (`KeyError` on 0.24–0.26, `fixture \'_modul_scoped_runner\' not found` from 1.1); an ini option stops pytest at start-up from 1.2 (`\'sesion\' is not a valid asyncio_default_test_loop_scope. Valid scopes are: function, class, module, package, session.`), and fails with an `AssertionError` or a missing-fixture error before that.',
      versions: 'pytest-asyncio 0.24–1.4 for marks, fixtures and `asyncio_default_fixture_loop_scope`; 0.26–1.4 for `asyncio_default_test_loop_scope` (older versions do not read these: PA204, PA601).',
      bad: `@pytest.mark.asyncio(loop_scope="Session")
async def test_job_runs_all_steps():
    ...`,
      good: `@pytest.mark.asyncio(loop_scope="session")
async def test_job_runs_all_steps():
    ...`
    }
  },
  check(ctx) {
    const eras24 = ctx.paEras.filter((b) => eraAtLeast(b.era, '0.24'))
    if (!eras24.length || ctx.project.asyncio.disabled) return
    const newest = eras24[eras24.length - 1]!.era
    const versions = eras24.flatMap((b) => b.versions)

    // Marks: the value pytest-asyncio reads is `loop_scope`, else `scope` (`or`: falsy falls through).
    for (const site of governingMarkSites(ctx)) {
      if (!site.tests.length) continue
      const ls = site.mark.kwargs.get('loop_scope')
      const key = ls && !isFalsy(ls) ? 'loop_scope' : 'scope'
      const v = site.mark.kwargs.get(key)
      if (!v || v.kind !== 'str' || v.str === undefined || v.str === '' || isScope(v.str)) continue
      const raw = v.str
      const intended = intendedScope(raw)
      const fix: Fix | undefined =
        intended && site.file.exactText
          ? { title: `Use \`${key}="${intended}"\``, edits: [replaceValue(site.file, v, intended)], applicability: 'safe' }
          : undefined
      const names = testNames(site.tests)
      ctx.report({
        path: site.file.path,
        span: site.anchor,
        symbol: site.symbol,
        message:
          `The \`asyncio\` mark on ${names} sets \`${key}=${v.text}\`, which is not a loop scope (valid: ${SCOPES.join(', ')}; names are case-sensitive). ` +
          `pytest-asyncio rejects it while parsing the mark: \`AssertionError\` (\`assert ${pyRepr(raw)} in {…}\`), ${eraAtLeast(newest, '1.4') || !eraAtLeast(newest, '1.1') ? 'a collection error that interrupts the run' : 'an error at test setup'}. ` +
          `Affects ${affects(ctx, versions)}. ` +
          (intended ? `Use \`${key}="${intended}"\`.` : `Use one of ${SCOPES.join(', ')}.`),
        related: site.related,
        involves: site.tests.map((t) => t.file.path),
        ...(fix ? { fix } : {})
      })
    }

    // Fixtures.
    for (const fx of ctx.fixturesInScope()) {
      const v = fx.loopScopeValue
      if (fx.decoratorKind !== 'pytest_asyncio' || !v || v.kind !== 'str' || v.str === undefined || v.str === '' || isScope(v.str)) continue
      const raw = v.str
      const intended = intendedScope(raw)
      const fix: Fix | undefined =
        intended && fx.file.exactText
          ? { title: `Use \`loop_scope="${intended}"\``, edits: [replaceValue(fx.file, v, intended)], applicability: 'safe' }
          : undefined
      ctx.report({
        path: fx.file.path,
        span: fx.func.anchor,
        symbol: fixtureSymbol(fx),
        message:
          `Fixture \`${fx.name}\` sets \`loop_scope=${v.text}\`, which is not a loop scope (valid: ${SCOPES.join(', ')}; names are case-sensitive). ` +
          `Every test that uses it errors at setup: \`${fixtureValueError(newest, raw)}\`. Affects ${affects(ctx, versions)}. ` +
          (intended ? `Use \`loop_scope="${intended}"\`.` : `Use one of ${SCOPES.join(', ')}.`),
        ...(fix ? { fix } : {})
      })
    }

    // Ini options.
    const options: { key: string; since: PaEra; raw: string | null; origin: string }[] = [
      {
        key: 'asyncio_default_fixture_loop_scope',
        since: '0.24',
        raw: ctx.project.settings.asyncioDefaultFixtureLoopScope.value,
        origin: ctx.project.settings.asyncioDefaultFixtureLoopScope.origin.kind
      },
      {
        key: 'asyncio_default_test_loop_scope',
        since: '0.26',
        raw: ctx.project.settings.asyncioDefaultTestLoopScope.value,
        origin: ctx.project.settings.asyncioDefaultTestLoopScope.origin.kind
      }
    ]
    for (const o of options) {
      if (o.raw === null || o.raw === '' || isScope(o.raw) || o.origin !== 'ini') continue
      const eras = ctx.paEras.filter((b) => eraAtLeast(b.era, o.since))
      if (!eras.length) continue
      const loc = configAnchor(ctx, o.key)
      if (!loc) continue
      const last = eras[eras.length - 1]!.era
      const intended = intendedScope(o.raw)
      const edit = intended ? ctx.project.replaceIniValueEdit(o.key, intended) : null
      const error = iniValueError(last, o.key, o.raw)
      ctx.report({
        path: loc.path,
        span: loc,
        symbol: `config:${loc.path}::${o.key}`,
        message:
          `\`${o.key} = ${o.raw}\` is not a loop scope (valid: ${SCOPES.join(', ')}; names are case-sensitive). ` +
          `${error} Affects ${affects(ctx, eras.flatMap((b) => b.versions))}. ` +
          (intended ? `Use \`${o.key} = ${intended}\`.` : `Use one of ${SCOPES.join(', ')}.`),
        ...(edit ? { fix: { title: `Set \`${o.key} = ${intended}\``, edits: [edit], applicability: 'safe' as const } } : {})
      })
    }
  }
}

function fixtureValueError(era: PaEra, raw: string): string {
  if (eraAtLeast(era, '1.1')) return `fixture '_${raw}_scoped_runner' not found`
  if (eraAtLeast(era, '1.0')) return `fixture '_${raw}_event_loop' not found`
  return `KeyError: ${pyRepr(raw)}`
}

function iniValueError(era: PaEra, key: string, raw: string): string {
  if (eraAtLeast(era, '1.2'))
    return `pytest stops at start-up, before any test runs: \`${pyRepr(raw)} is not a valid ${key}. Valid scopes are: function, class, module, package, session.\``
  if (key === 'asyncio_default_test_loop_scope') return 'Every asyncio test without a `loop_scope` fails with an `AssertionError`.'
  return `Every async fixture without a \`loop_scope\` errors at setup: \`${fixtureValueError(era, raw)}\`.`
}

export function intendedScope(raw: string): Scope | null {
  return closestName(raw, SCOPES)
}

function testNames(tests: TestFunc[]): string {
  const names = tests.slice(0, 3).map((t) => `\`${t.name}\``)
  return names.join(', ') + (tests.length > 3 ? ` and ${tests.length - 3} more tests` : '')
}
