import type { Rule, RuleContext } from '../engine.js'
import type { TextEdit } from '../types.js'
import { configAnchor } from './options.js'
import { closestName, pyRepr } from './values.js'
import { affects } from './versions.js'

const MODES = ['auto', 'strict'] as const
type Mode = (typeof MODES)[number]

/** PA303: `asyncio_mode` (ini or `--asyncio-mode` in addopts) is neither `auto` nor `strict`. */
export const PA303: Rule = {
  meta: {
    code: 'PA303',
    name: 'invalid-asyncio-mode',
    severity: 'error',
    plugin: 'pytest-asyncio',
    summary: '`asyncio_mode` is neither `auto` nor `strict`.',
    fixable: true,
    docs: {
      what: 'Flags an `asyncio_mode` ini option, or an `--asyncio-mode` flag in `addopts`, whose value is not `auto` or `strict` — typically `legacy`, a mode removed in pytest-asyncio 0.20, or a typo. The fix is the mode the value most likely meant: `auto` for `legacy` (it ran unmarked coroutine tests the way auto mode does), the closest name for a typo, otherwise `auto` when the suite has unmarked async tests and `strict` when it does not.',
      why: 'pytest-asyncio validates the mode at start-up and pytest stops before running anything: `ERROR: \'legacy\' is not a valid asyncio_mode. Valid modes: auto, strict.`',
      versions: 'pytest-asyncio 0.21–1.4 (legacy mode was removed in 0.20).',
      bad: `[pytest]
asyncio_mode = legacy`,
      good: `[pytest]
asyncio_mode = auto`
    }
  },
  check(ctx) {
    if (!ctx.paEras.length || ctx.project.asyncio.disabled) return
    const setting = ctx.project.settings.asyncioMode
    const raw = setting.value
    if ((MODES as readonly string[]).includes(raw)) return
    const mode = intendedMode(ctx, raw)
    const cfg = ctx.project.config
    const origin = setting.origin
    let loc: ReturnType<typeof configAnchor>
    let edit: TextEdit | null = null
    let where: string
    let symbol: string
    if (origin.kind === 'ini') {
      loc = configAnchor(ctx, 'asyncio_mode')
      edit = ctx.project.replaceIniValueEdit('asyncio_mode', mode)
      where = `\`asyncio_mode = ${raw}\``
      symbol = `config:${loc?.path}::asyncio_mode`
    } else if (origin.kind === 'addopts' && origin.option) {
      const arg = origin.args[origin.args.length - 1]
      loc = configAnchor(ctx, 'addopts', origin.args[0]?.start ?? null)
      where = `\`--asyncio-mode=${raw}\` in \`addopts\``
      symbol = `config:${loc?.path}::addopts::--asyncio-mode`
      // Replace just the value at the end of the last argument (`--asyncio-mode=X` or `X`).
      if (arg && arg.start !== null && arg.end !== null && cfg.path && cfg.text !== null && cfg.text.slice(arg.start, arg.end) === arg.text && arg.text.endsWith(raw)) {
        edit = { path: cfg.path, start: arg.end - raw.length, end: arg.end, text: mode }
      }
    } else return
    if (!loc) return
    const legacy = raw.trim().toLowerCase() === 'legacy'
    ctx.report({
      path: loc.path,
      span: loc,
      symbol,
      message:
        `${where} is not a pytest-asyncio mode` +
        (legacy ? ' (legacy mode was removed in pytest-asyncio 0.20)' : '') +
        `, so pytest stops at start-up before running any test: \`${pyRepr(raw)} is not a valid asyncio_mode. Valid modes: auto, strict.\` ` +
        `Affects ${affects(ctx, ctx.paEras.flatMap((b) => b.versions))}. ` +
        `Use \`${mode}\`` +
        (mode === 'auto'
          ? ' (every coroutine test and async fixture is handled without marks, as before); `strict` needs `@pytest.mark.asyncio` on each async test.'
          : ' (tests need `@pytest.mark.asyncio`, async fixtures `@pytest_asyncio.fixture`); `auto` handles every coroutine test without marks.'),
      ...(edit ? { fix: { title: `Set the asyncio mode to \`${mode}\``, edits: [edit], applicability: 'safe' as const } } : {})
    })
  }
}

function intendedMode(ctx: RuleContext, raw: string): Mode {
  const close = closestName(raw, MODES)
  if (close) return close
  if (raw.trim().toLowerCase() === 'legacy') return 'auto'
  // Keep the suite running as written: auto when async tests rely on it (no asyncio/anyio/trio mark).
  let unmarked = false
  for (const t of ctx.suite.tests()) {
    if (!t.func.isAsync) continue
    if (ctx.suite.closestMark(t, 'anyio') || ctx.suite.closestMark(t, 'trio')) return 'strict'
    if (!ctx.asyncio.asyncioMark(t)) unmarked = true
  }
  return unmarked ? 'auto' : 'strict'
}
