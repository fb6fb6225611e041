import type { Rule, RuleContext } from '../engine.js'
import { fixtureSymbol, versionsText } from '../engine.js'
import type { TextEdit } from '../types.js'
import type { FixtureDef } from '../../model/types.js'
import { isScope } from '../../model/types.js'
import { eraAtLeast } from '../../resolve/asyncio.js'
import { pruneImportEdits, removeFunctionEdit } from '../../fix/edits.js'
import { buildsLoop, isAsyncioCallText } from './event-loops.js'
import { erasWhere } from './versions.js'

/** Does the fixture create a loop of a non-default type (uvloop, a custom policy)? */
function customLoopType(fx: FixtureDef): boolean {
  const file = fx.file
  for (const c of fx.func.facts.calls) {
    const q = c.qual ?? ''
    if (/^uvloop\./.test(q) || q === 'asyncio.set_event_loop_policy') return true
    if (c.method === 'new_event_loop' && q !== 'asyncio.new_event_loop' && c.receiver !== undefined && !isAsyncioCallText(file, c.receiver, ['get_event_loop_policy'])) return true
  }
  return false
}

/** PA401: a user-defined `event_loop` fixture. */
export const PA401: Rule = {
  meta: {
    code: 'PA401',
    name: 'event-loop-fixture-override',
    severity: 'warning',
    plugin: 'pytest-asyncio',
    summary: 'A fixture named `event_loop` overrides pytest-asyncio’s loop: deprecated from 0.23, silently ignored from 1.0.',
    fixable: true,
    docs: {
      what: 'Flags a fixture named `event_loop` that builds an asyncio event loop (the classic `scope="session"` recipe) in a conftest, module or class, when the pinned pytest-asyncio is 0.23 or newer. On 0.21 this override is the documented way to widen the loop and is not flagged.',
      why: 'pytest-asyncio 0.23–0.26 warn `DeprecationWarning: The event_loop fixture provided by pytest-asyncio has been redefined …`, and the override no longer carries wider fixtures into the test loop. From 1.0 the plugin no longer uses any `event_loop` fixture: the override becomes an unused ordinary fixture, so tests run in per-test loops while wider async fixtures run in their own loops, and loop-bound objects fail with `RuntimeError: … attached to a different loop`. The fix deletes it and moves its scope to the `asyncio_default_*_loop_scope` options (or `loop_scope` marks); a custom loop type moves to the `event_loop_policy` fixture (≤ 1.3) or the `pytest_asyncio_loop_factories` hook (≥ 1.4).',
      versions: 'pytest-asyncio 0.23–0.26: warning (deprecated). 1.0–1.4: error (silently ignored). Not flagged on 0.21.',
      bad: `# conftest.py
@pytest.fixture(scope="session")
def event_loop():
    loop = asyncio.get_event_loop_policy().new_event_loop()
    yield loop
    loop.close()`,
      good: `# pytest.ini
[pytest]
asyncio_default_fixture_loop_scope = session
asyncio_default_test_loop_scope = session`,
      references: ['https://pytest-asyncio.readthedocs.io/en/stable/how-to-guides/migrate_from_0_23.html']
    }
  },
  check(ctx) {
    if (ctx.project.asyncio.disabled || !ctx.project.usesPytestAsyncio(ctx.suite)) return
    const deprecated = erasWhere(ctx, (e) => eraAtLeast(e, '0.23') && !eraAtLeast(e, '1.0'))
    const ignored = erasWhere(ctx, (e) => eraAtLeast(e, '1.0'))
    if (!deprecated.eras.length && !ignored.eras.length) return
    const seen = new Set<FixtureDef>()
    for (const fx of [...ctx.targetFiles().flatMap((f) => f.fixtures), ...ctx.fixturesInScope()]) {
      if (seen.has(fx)) continue
      seen.add(fx)
      if (fx.builtin || fx.name !== 'event_loop' || !buildsLoop(fx)) continue
      const parts: string[] = []
      if (ignored.versions.length) {
        parts.push(
          `${versionsText('pytest-asyncio', ignored.versions)} no longer uses an \`event_loop\` fixture, so this override is silently ignored: tests run in the loop of their loop scope (a fresh loop per test unless marked or configured otherwise) and wider async fixtures in their own loops, so objects shared between them fail with \`RuntimeError: … attached to a different loop\``
        )
      }
      if (deprecated.versions.length) {
        parts.push(
          `${versionsText('pytest-asyncio', deprecated.versions)} warns \`DeprecationWarning: The event_loop fixture provided by pytest-asyncio has been redefined in ${fx.file.path}:${fx.func.defSpan.line}\` and no longer carries wider async fixtures into the tests’ loop`
        )
      }
      const scope = isScope(fx.scope) ? fx.scope : null
      const fix = buildFix(ctx, fx)
      const custom = customLoopType(fx)
      const advice =
        scope && scope !== 'function'
          ? `Delete it and ask for the ${scope} loop with \`asyncio_default_fixture_loop_scope = ${scope}\` and \`asyncio_default_test_loop_scope = ${scope}\` (or \`loop_scope="${scope}"\` marks)`
          : 'Delete it'
      const typeAdvice = custom
        ? '; it also picks a custom loop type: move that to an `event_loop_policy` fixture (≤ 1.3) or the `pytest_asyncio_loop_factories` hook (≥ 1.4)'
        : ''
      ctx.report({
        severity: ignored.versions.length ? 'error' : 'warning',
        path: fx.file.path,
        span: fx.func.anchor,
        symbol: fixtureSymbol(fx),
        message: `This \`event_loop\` fixture overrides pytest-asyncio’s loop${scope ? ` (scope ${scope})` : ''}. ${parts.join('; ')}. ${advice}${typeAdvice}.`,
        ...(fix ? { fix } : {})
      })
    }
  }
}

function buildFix(ctx: RuleContext, fx: FixtureDef): { title: string; edits: TextEdit[]; applicability: 'safe' } | null {
  if (!fx.file.exactText || customLoopType(fx)) return null
  // A class that would be left empty.
  if (fx.cls && fx.cls.methods.length <= 1) return null
  const scope = isScope(fx.scope) ? fx.scope : null
  if (!scope) return null
  const edits: TextEdit[] = [removeFunctionEdit(fx.file, fx.func)]
  edits.push(...pruneImportEdits(fx.file, edits))
  let title = 'Delete the `event_loop` override'
  if (scope !== 'function') {
    // Its scope becomes the ini defaults: only when it covered every test and the options exist.
    if (!ctx.paEras.every((b) => eraAtLeast(b.era, '0.26'))) return null
    if (fx.file.kind !== 'conftest') return null
    const dir = fx.file.path.includes('/') ? fx.file.path.slice(0, fx.file.path.lastIndexOf('/')) : ''
    if (dir && !ctx.suite.tests().every((t) => t.file.path.startsWith(`${dir}/`))) return null
    for (const key of ['asyncio_default_fixture_loop_scope', 'asyncio_default_test_loop_scope'] as const) {
      const current = key === 'asyncio_default_fixture_loop_scope' ? ctx.project.asyncio.fixtureDefault : ctx.project.asyncio.testDefault
      if (current === scope) continue
      const e = current === null ? ctx.project.insertIniOptionEdit(key, scope)?.edit : ctx.project.replaceIniValueEdit(key, scope)
      if (!e) return null
      edits.push(e)
    }
    title = `Delete the \`event_loop\` override and set both \`asyncio_default_*_loop_scope\` options to \`${scope}\``
  }
  return { title, edits, applicability: 'safe' }
}
