import type { Rule } from '../engine.js'
import type { FixtureDef, TestFunc } from '../../model/types.js'
import { describeSet } from '../../model/versions.js'
import { backendsText } from './wording.js'

/**
 * AN505 (research/anyio.md R25): an `anyio` mark added in `pytest_collection_modifyitems`. From
 * anyio 4.13 the plugin parametrizes such tests itself after collection, with every available
 * backend and ignoring the project's `anyio_backend` override, whose value they then all get.
 * (Before 4.13 the mark is ignored: the tests are unmarked, AN305.)
 */
export const AN505: Rule = {
  meta: {
    code: 'AN505',
    name: 'programmatic-mark-with-override',
    severity: 'warning',
    plugin: 'anyio',
    summary: 'An `anyio` mark added in a collection hook ignores the project’s `anyio_backend` override: tests run twice, both times on the override’s backend.',
    fixable: false,
    docs: {
      what: 'Flags `item.add_marker(pytest.mark.anyio)` in `pytest_collection_modifyitems` (or `pytest_itemcollected`) in a project that overrides `anyio_backend` for the tests it marks, on anyio 4.13 or newer.',
      why: 'anyio only honours marks added after collection from 4.13, through `pytest_collection_finish`: it clones each such test into one item per available backend (`[asyncio]`, `[trio]`) without consulting the `anyio_backend` override, and every clone then runs on the override’s backend. The test IDs claim trio coverage that does not exist and the suite runs twice as long. Marking at collection time (`pytestmark`, a class or function mark, or `anyio_mode = auto`) lets pytest parametrize by the override.',
      versions: 'anyio 4.13 onwards (before 4.13 the hook mark is ignored entirely, see AN305).',
      bad: `# conftest.py
@pytest.fixture
def anyio_backend():
    return "asyncio"


def pytest_collection_modifyitems(items):
    for item in items:
        if "integration" in item.nodeid:
            item.add_marker(pytest.mark.anyio)`,
      good: `# tests/integration/conftest.py is not needed: mark the modules
# tests/integration/test_api.py
pytestmark = pytest.mark.anyio`,
      references: ['https://github.com/agronholm/anyio/issues/422']
    }
  },
  check(ctx) {
    const anyio = ctx.anyio
    const from = anyio.versionsFrom('4.13')
    if (!anyio.enabled || !from.length) return
    const hooks = ctx.suite.hookMarks().filter((h) => h.mark.name === 'anyio')
    if (!hooks.length) return
    // Tests that only the hook marks (the plugin's post-collection parametrization applies to them).
    const affected: { test: TestFunc; override: FixtureDef }[] = []
    for (const t of ctx.suite.tests()) {
      if (!t.func.isAsync || anyio.anyioMark(t) || anyio.autoMode || anyio.requestsBackend(t)) continue
      const def = ctx.suite.resolve('anyio_backend', t)
      if (def && !def.builtin) affected.push({ test: t, override: def })
    }
    if (!affected.length) return
    const override = affected[0]!.override
    const choice = anyio.backendOf(override)
    const available = anyio.pluginDefault().backends
    for (const h of hooks) {
      const file = [...ctx.suite.files.values()].find((f) => f.hookMarks.includes(h))
      if (!file || !ctx.targets.has(file.path)) continue
      const names = affected.slice(0, 2).map((a) => `\`${a.test.name}\``).join(', ') + (affected.length > 2 ? ` and ${affected.length - 2} more` : '')
      ctx.report({
        path: file.path,
        span: h.call.span,
        symbol: `hook:${file.path}::${h.hook}::add_marker(anyio)`,
        message:
          `This \`${h.hook}\` adds the \`anyio\` mark after collection. On anyio ${describeSet(from, 'anyio')} the plugin then clones each such test (${names}) into ${available.map((b) => `\`[${b}]\``).join(' and ')} items itself, ignoring the \`anyio_backend\` override (${override.file.path}:${override.func.anchor.line}), ` +
          `and every clone runs on the override's ${backendsText(choice.backends)}: misleading test IDs and ${available.length > 1 ? 'twice the run time' : 'no effect of the override on the IDs'}. ` +
          'Mark the tests at collection time instead (`pytestmark = pytest.mark.anyio` in their modules, a class or function mark, or `anyio_mode = auto`), so pytest parametrizes them by the override.',
        related: [{ path: override.file.path, line: override.func.anchor.line, endLine: override.func.anchor.endLine, message: 'the `anyio_backend` override the post-collection items ignore' }],
        involves: affected.map((a) => a.test.file.path)
      })
    }
  }
}
