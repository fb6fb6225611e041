import type { Rule } from '../engine.js'
import { fixtureSymbol, versionsText } from '../engine.js'
import type { TextEdit } from '../types.js'
import type { FixtureDef } from '../../model/types.js'
import { eraAtLeast } from '../../resolve/asyncio.js'
import { preferredQuote, pruneImportEdits, pyString } from '../../fix/edits.js'
import { erasWhere } from './versions.js'

const DEPRECATION =
  'PytestDeprecationWarning: Overriding the "event_loop_policy" fixture is deprecated and will be removed in a future version of pytest-asyncio. Use the "pytest_asyncio_loop_factories" hook to customize event loop creation.'

/** PA404: a user `event_loop_policy` fixture (deprecated in 1.4). */
export const PA404: Rule = {
  meta: {
    code: 'PA404',
    name: 'event-loop-policy-override',
    severity: 'warning',
    plugin: 'pytest-asyncio',
    summary: 'A fixture overrides `event_loop_policy`, deprecated in pytest-asyncio 1.4 in favour of the `pytest_asyncio_loop_factories` hook.',
    fixable: true,
    docs: {
      what: 'Flags a project fixture named `event_loop_policy` when pytest-asyncio 1.4 or newer is allowed.',
      why: 'pytest-asyncio 1.4 warns `PytestDeprecationWarning: Overriding the "event_loop_policy" fixture is deprecated and will be removed in a future version of pytest-asyncio. Use the "pytest_asyncio_loop_factories" hook to customize event loop creation.` (an error under `-W error`), and asyncio’s policy system itself is deprecated from Python 3.14. The hook in a conftest returns named loop factories; with a single factory test IDs stay unchanged.',
      versions: 'pytest-asyncio 1.4 (the hook does not exist before).',
      bad: `# conftest.py
@pytest.fixture(scope="session")
def event_loop_policy():
    return DebugPolicy()`,
      good: `# conftest.py
def pytest_asyncio_loop_factories(config, item):
    return {"debug": DebugPolicy().new_event_loop}`,
      references: ['https://pytest-asyncio.readthedocs.io/en/stable/how-to-guides/uvloop.html']
    }
  },
  check(ctx) {
    if (ctx.project.asyncio.disabled) return
    const hit = erasWhere(ctx, (e) => eraAtLeast(e, '1.4'))
    if (!hit.eras.length) return
    for (const fx of ctx.fixturesInScope()) {
      if (fx.builtin || fx.name !== 'event_loop_policy') continue
      const all14 = hit.eras.length === ctx.paEras.length
      const fix = all14 ? hookFix(fx) : null
      ctx.report({
        path: fx.file.path,
        span: fx.func.anchor,
        symbol: fixtureSymbol(fx),
        message:
          `This fixture overrides \`event_loop_policy\` to choose the loop implementation. ${versionsText('pytest-asyncio', hit.versions)} warns \`${DEPRECATION}\`` +
          `${all14 ? '' : ' (older pinned versions have no hook: keep the fixture until the pin is raised)'}. Return the loop factory from a \`pytest_asyncio_loop_factories(config, item)\` hook in a conftest instead.`,
        ...(fix ? { fix } : {})
      })
    }
  }
}

/** `def pytest_asyncio_loop_factories(config, item): return {"name": <policy>.new_event_loop}` in place of a one-line fixture. */
function hookFix(fx: FixtureDef): { title: string; edits: TextEdit[]; applicability: 'safe' } | null {
  const file = fx.file
  if (!file.exactText || file.kind !== 'conftest' || fx.cls || fx.params || fx.func.argnames.length || fx.func.isAsync || fx.func.isGenerator) return null
  if (file.hooks.has('pytest_asyncio_loop_factories')) return null
  // The body must be exactly `return <call>` (a docstring allowed).
  const body = file.text.slice(fx.func.defSpan.end, fx.func.whole.end)
  const lines = body
    .replace(/^\s*:/, '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
  const stmts = lines.filter((l, i) => !(i === 0 && /^[rRuU]?("""|'''|"|').*\1$/.test(l)))
  if (stmts.length !== 1 || !/^return\s/.test(stmts[0] as string)) return null
  // Where the returned expression is (the body is not always walked for facts).
  const retText = (stmts[0] as string).replace(/^return\s+/, '')
  const retStart = file.text.indexOf(retText, file.text.indexOf('return', fx.func.defSpan.end))
  if (retStart < 0 || retStart > fx.func.whole.end || !/^[\w.]+(\(.*\))?$/.test(retText)) return null
  const name = factoryName(retText)
  const defStart = file.lineStarts[fx.func.anchor.line - 1] as number
  const q = preferredQuote(file)
  const edits: TextEdit[] = [
    { path: file.path, start: defStart + fx.func.indent.length, end: fx.func.defSpan.end, text: 'def pytest_asyncio_loop_factories(config, item)' },
    { path: file.path, start: retStart, end: retStart + retText.length, text: `{${pyString(name, q)}: ${retText}.new_event_loop}` }
  ]
  edits.push(...pruneImportEdits(file, edits))
  return { title: 'Replace the `event_loop_policy` fixture with a `pytest_asyncio_loop_factories` hook', edits, applicability: 'safe' }
}

/** `DebugPolicy()` → `debug`; `uvloop.EventLoopPolicy()` → `uvloop`. */
function factoryName(expr: string): string {
  const parts = expr.replace(/\(.*$/, '').split('.')
  const last = (parts[parts.length - 1] ?? '').replace(/(EventLoopPolicy|LoopPolicy|Policy)$/, '')
  const base = last || (parts.length > 1 ? (parts[0] as string) : '') || 'custom'
  return base
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9_]/g, '_')
    .toLowerCase()
}
