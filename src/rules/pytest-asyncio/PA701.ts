import type { Rule, RuleContext } from '../engine.js'
import type { TextEdit } from '../types.js'
import type { FixtureDef, PyFile, TestFunc } from '../../model/types.js'
import { addPytestmarkEdits } from '../../fix/edits.js'
import { toPytestAsyncioFixtureEdits } from './fixtures.js'
import { addAsyncioMarkEdits, neededTestLoop } from './marks.js'
import { anyioRuns, trioRuns } from './plugins.js'
import { newestEra } from './versions.js'
import { pushTo } from '../../util/multimap.js'

/** PA701: asyncio auto mode in a suite with anyio-marked tests. */
export const PA701: Rule = {
  meta: {
    code: 'PA701',
    name: 'auto-mode-with-anyio-tests',
    severity: 'warning',
    plugin: 'pytest-asyncio',
    summary: '`asyncio_mode = auto` in a suite that also has `@pytest.mark.anyio` tests: pytest-asyncio takes them over.',
    fixable: true,
    docs: {
      what: 'Flags pytest-asyncio’s auto mode (`asyncio_mode = auto` or `--asyncio-mode=auto` in `addopts`) when the suite has anyio-marked coroutine tests and anyio’s own auto mode is not on (both auto modes is AN303).',
      why: 'In auto mode pytest-asyncio claims every coroutine test, anyio-marked ones included: their bodies run in pytest-asyncio’s loop, so the `[trio]` parametrizations silently run on asyncio and backend-specific code is never exercised (their async fixtures may even run in a different loop than the test). Strict mode is meant for projects that use several async libraries: anyio keeps its tests, and the remaining pytest-asyncio tests need an `asyncio` mark (the fix adds them).',
      versions: 'All pytest-asyncio versions with anyio’s pytest plugin.',
      bad: `# pytest.ini
[pytest]
asyncio_mode = auto

# test_backend_neutral.py
@pytest.mark.anyio
async def test_fan_in(anyio_backend):
    assert await fan_in(3, 1, 2) == [1, 2, 3]`,
      good: `# pytest.ini
[pytest]
asyncio_mode = strict

# test_asyncio_only.py
pytestmark = pytest.mark.asyncio`
    }
  },
  check(ctx) {
    const s = ctx.project.settings
    if (s.asyncioMode.value !== 'auto' || ctx.project.asyncio.disabled) return
    if (s.anyioMode.value === 'auto' && !s.anyioDisabled.value) return
    if (s.anyioDisabled.value) return
    const anyioTests = ctx.suite.tests().filter((t) => t.func.isAsync && ctx.suite.closestMark(t, 'anyio'))
    if (!anyioTests.length) return
    const cfgPath = ctx.project.configPath
    const cfg = ctx.project.config
    if (!cfgPath || cfg.text === null) return
    const origin = s.asyncioMode.origin
    let line: number
    let edit: TextEdit | null = null
    let where: string
    if (origin.kind === 'ini') {
      line = origin.option.span.line
      edit = ctx.project.replaceIniValueEdit('asyncio_mode', 'strict')
      where = '`asyncio_mode = auto`'
    } else if (origin.kind === 'addopts' && origin.args.length && origin.args[0]?.start !== null) {
      const first = origin.args[0]!
      line = cfg.text.slice(0, first.start as number).split('\n').length
      const last = origin.args[origin.args.length - 1]!
      if (last.start !== null && last.end !== null) {
        const text = cfg.text.slice(last.start, last.end)
        const replaced = text.replace(/auto$/, 'strict')
        if (replaced !== text) edit = { path: cfgPath, start: last.start, end: last.end, text: replaced }
      }
      where = '`--asyncio-mode=auto` in `addopts`'
    } else return
    const edits: TextEdit[] = edit ? [edit] : []
    const adopted = edit ? strictModeEdits(ctx, edits) : []
    const names = anyioTests.map((t) => `\`${t.name}\``)
    ctx.report({
      path: cfgPath,
      span: { line, endLine: line, col: 1 },
      symbol: `config:${cfgPath}::asyncio_mode`,
      message:
        `${where} makes pytest-asyncio claim every coroutine test, including ${anyioTests.length} anyio-marked one${anyioTests.length === 1 ? '' : 's'} (${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''}): ` +
        'their bodies run in pytest-asyncio’s loop, so `[trio]` parametrizations silently run on asyncio and their async fixtures may run in another loop than the test. ' +
        `Use \`asyncio_mode = strict\`, meant for suites that use several async libraries${adopted.length ? `; the fix also marks the tests pytest-asyncio should keep (${adopted.slice(0, 3).join(', ')}${adopted.length > 3 ? ', …' : ''})` : ''}.`,
      related: anyioTests.slice(0, 5).map((t) => ({ path: t.file.path, line: t.func.anchor.line, endLine: t.func.anchor.endLine, message: `\`${t.name}\` is anyio-marked but run by pytest-asyncio` })),
      involves: [...new Set(anyioTests.map((t) => t.file.path))],
      ...(edit ? { fix: { title: 'Use `asyncio_mode = strict` (and mark the pytest-asyncio tests)', edits, applicability: 'safe' as const } } : {})
    })
  }
}

/**
 * The edits that keep today's pytest-asyncio tests running once strict mode is on: an asyncio
 * mark for every coroutine test no plugin would run (module `pytestmark` when it covers the whole
 * module), and `@pytest_asyncio.fixture` for async `@pytest.fixture`s only those tests use.
 * Appends to `edits`; returns the names of the marked tests.
 */
function strictModeEdits(ctx: RuleContext, edits: TextEdit[]): string[] {
  const era = newestEra(ctx)
  const orphans = ctx.suite.tests().filter((t) => t.func.isAsync && !ctx.asyncio.asyncioMark(t) && !anyioRuns(ctx, t) && !trioRuns(ctx, t))
  const byFile = new Map<PyFile, TestFunc[]>()
  for (const t of orphans) pushTo(byFile, t.file, t)
  const add = (more: TextEdit[]): void => {
    for (const e of more) if (!edits.some((x) => x.path === e.path && x.start === e.start && x.end === e.end && x.text === e.text)) edits.push(e)
  }
  for (const [file, tests] of byFile) {
    if (!file.exactText) continue
    const wholeModule = !file.pytestmark && file.tests.filter((t) => t.func.isAsync).every((t) => tests.includes(t)) && tests.every((t) => !neededTestLoop(ctx, t, era))
    if (wholeModule) add(addPytestmarkEdits(file, 'asyncio'))
    else for (const t of tests) add(addAsyncioMarkEdits(ctx, t).edits)
  }
  const fixtures = new Set<FixtureDef>()
  for (const t of orphans) for (const e of ctx.suite.closure(t)) if (!e.def.builtin && e.def.decoratorKind === 'pytest' && e.def.func.isAsync) fixtures.add(e.def)
  for (const fx of fixtures) {
    if (!fx.file.exactText) continue
    if (ctx.usersOf(fx).some((u) => u.func.isAsync && anyioRuns(ctx, u))) continue
    add(toPytestAsyncioFixtureEdits(ctx, fx, []))
  }
  return orphans.map((t) => `\`${t.name}\``)
}
