import type { Rule, RuleContext } from '../engine.js'
import type { TestFunc } from '../../model/types.js'
import { trioModeLine } from '../../resolve/anyio.js'
import { TRIO_RUN_INSIDE_RUN } from '../messages.js'
import { deleteLines } from '../../fix/edits.js'

/**
 * AN304 (research/anyio.md R10): pytest-trio's trio mode where anyio tests live. Trio mode marks
 * every coroutine test for pytest-trio, which then runs anyio's items inside its own `trio.run`.
 */
export const AN304: Rule = {
  meta: {
    code: 'AN304',
    name: 'pytest-trio-trio-mode',
    severity: 'error',
    plugin: 'anyio',
    summary: 'pytest-trio’s trio mode is on where anyio tests live: `[trio]` items fail and `[asyncio]` items run under trio.',
    fixable: true,
    docs: {
      what: 'Flags `trio_mode = true` in the pytest configuration, or `from pytest_trio.enable_trio_mode import *` in a conftest.py (or that module in its `pytest_plugins`), when anyio runs tests in its reach.',
      why: 'Trio mode marks every `async def` test for pytest-trio. For an anyio test, pytest-trio calls `trio.run` around the test while anyio runs it too: the `[trio]` item fails with `RuntimeError: Attempted to call run() from inside a run()`, and the `[asyncio]` item passes with its body running under trio, not asyncio.',
      versions: 'Every anyio version with pytest-trio 0.6 onwards (trio mode).',
      bad: `# conftest.py
from pytest_trio.enable_trio_mode import *`,
      good: `# conftest.py
# trio tests are marked with @pytest.mark.trio; anyio tests with @pytest.mark.anyio`,
      references: ['https://pytest-trio.readthedocs.io/en/stable/reference.html#trio-mode']
    }
  },
  check(ctx) {
    const anyio = ctx.anyio
    if (!anyio.enabled || ctx.project.settings.trioDisabled.value) return
    const anyioTests = ctx.targetTests().filter((t) => anyio.isAnyioTest(t))
    if (!anyioTests.length) return
    // The ini option (only read when pytest-trio is installed).
    if (anyio.trioModeIni && anyio.pytestTrioInstalled) {
      const opt = ctx.project.iniOption('trio_mode')
      if (opt) {
        const edit = ctx.project.removeIniOptionEdit('trio_mode')
        const others = otherAsyncTests(ctx, ctx.targetTests(), anyioTests)
        report(ctx, opt.path, { line: opt.line, endLine: opt.endLine, col: opt.col }, `config:${opt.path}::trio_mode`, '`trio_mode = true`', anyioTests, others, edit ? [edit] : null)
      }
    }
    for (const f of ctx.suite.files.values()) {
      if (f.kind !== 'conftest') continue
      const hit = trioModeLine(f)
      if (!hit) continue
      const dir = f.path.includes('/') ? f.path.slice(0, f.path.lastIndexOf('/') + 1) : ''
      const covered = anyioTests.filter((t) => t.file.path.startsWith(dir))
      if (!covered.length) continue
      const others = otherAsyncTests(ctx, ctx.targetTests().filter((t) => t.file.path.startsWith(dir)), covered)
      const single = !f.pytestPlugins?.names.includes('pytest_trio.enable_trio_mode') || f.pytestPlugins.names.length === 1
      const edits = f.exactText && single ? deleteLines(f, range(hit.line, hit.endLine)) : null
      report(ctx, f.path, hit, `conftest:${f.path}::enable_trio_mode`, hit.what, covered, others, edits)
    }
  }
}

function report(ctx: RuleContext, path: string, span: { line: number; endLine: number; col: number }, symbol: string, what: string, tests: TestFunc[], others: TestFunc[], edits: import('../types.js').TextEdit[] | null): void {
  const names = tests.slice(0, 2).map((t) => `\`${t.name}\``).join(', ') + (tests.length > 2 ? ` and ${tests.length - 2} more` : '')
  const fixable = edits && !others.length
  ctx.report({
    path,
    span,
    symbol,
    message:
      `${what} turns on pytest-trio's trio mode, which takes every \`async def\` test, including the anyio tests here (${names}): their \`[trio]\` items fail with \`${TRIO_RUN_INSIDE_RUN}\` and their \`[asyncio]\` items run under trio. ` +
      (others.length
        ? `Trio mode also runs ${others.length} unmarked trio test${others.length > 1 ? 's' : ''} here (${others
            .slice(0, 2)
            .map((t) => `\`${t.name}\``)
            .join(', ')}): mark ${others.length > 1 ? 'them' : 'it'} \`@pytest.mark.trio\` before turning trio mode off, or move the anyio tests to a directory without it.`
        : 'Turn trio mode off; mark tests meant for pytest-trio with `@pytest.mark.trio`.'),
    involves: tests.map((t) => t.file.path),
    ...(fixable ? { fix: { title: 'Turn off pytest-trio’s trio mode', edits, applicability: 'safe' as const } } : {})
  })
}

/** Coroutine tests no plugin but trio mode would run (they need `@pytest.mark.trio` once it is off). */
function otherAsyncTests(ctx: RuleContext, tests: TestFunc[], anyioTests: TestFunc[]): TestFunc[] {
  return tests.filter((t) => t.func.isAsync && !anyioTests.includes(t) && !ctx.anyio.hasBackend(t) && !ctx.suite.closestMark(t, 'trio') && !ctx.anyio.takenOver(t))
}

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a + 1 }, (_, i) => a + i)
}
