import type { Rule } from '../engine.js'
import type { TextEdit } from '../types.js'
import type { SettingOrigin } from '../../model/config.js'
import { removeAddoptsArgsEdit } from '../../model/config.js'
import { describeSet } from '../../model/versions.js'
import { ANYIO_BOTH_AUTO_MODES } from '../messages.js'

/**
 * AN303 (research/anyio.md R9): `anyio_mode = auto` and pytest-asyncio's auto mode together.
 * pytest-asyncio claims every coroutine test and plain async fixture first, so anyio's auto mode
 * only parametrizes them: every `[trio]` item runs on asyncio. (pytest-asyncio's auto mode
 * without anyio's is PA701.)
 */
export const AN303: Rule = {
  meta: {
    code: 'AN303',
    name: 'both-auto-modes',
    severity: 'warning',
    plugin: 'anyio',
    summary: '`anyio_mode = auto` and `asyncio_mode = auto` are both set: pytest-asyncio runs every async test, including the `[trio]` items.',
    fixable: true,
    docs: {
      what: 'Flags the `asyncio_mode` and `anyio_mode` settings (ini options, `-o`, or `--asyncio-mode=`/`--anyio-mode=` in `addopts`) when both select `auto`, on anyio 4.11 or newer (where `anyio_mode` exists) with pytest-asyncio installed.',
      why: 'Both plugins then claim every coroutine test. pytest-asyncio wins: it wraps the test and its plain async fixtures before anyio sees them, while anyio still parametrizes the test over its backends, so every `[trio]` item silently runs on asyncio. anyio warns `PytestConfigWarning: AnyIO auto mode has been enabled together with pytest-asyncio auto mode. This may cause unexpected behavior.` (for ini settings; anyio 4.11–4.14.2 does not notice command-line flags).',
      versions: 'anyio 4.11 onwards (the `anyio_mode` option) with any pytest-asyncio.',
      bad: `[pytest]
asyncio_mode = auto
anyio_mode = auto`,
      good: `[pytest]
anyio_mode = auto`,
      references: ['https://anyio.readthedocs.io/en/stable/testing.html']
    }
  },
  check(ctx) {
    const anyio = ctx.anyio
    const s = ctx.project.settings
    if (!anyio.enabled || !anyio.autoMode || !ctx.asyncio.auto || s.asyncioDisabled.value) return
    if (!anyio.pytestAsyncioActive) return
    const cfg = ctx.project.config
    const a = originLines(s.asyncioMode.origin)
    const b = originLines(s.anyioMode.origin)
    const anchors = [a, b].filter((x): x is { line: number; endLine: number; col: number } => !!x)
    if (!cfg.path || !anchors.length) return
    const line = Math.min(...anchors.map((x) => x.line))
    const endLine = Math.max(...anchors.map((x) => x.endLine))
    const col = anchors.find((x) => x.line === line)?.col ?? 1
    let edit: TextEdit | null = null
    const o = s.asyncioMode.origin
    if (o.kind === 'ini') edit = ctx.project.removeIniOptionEdit('asyncio_mode')
    else if (o.kind === 'addopts') edit = removeAddoptsArgsEdit(cfg, o.args)
    const versions = anyio.versionsFrom('4.11')
    const tests = anyio.suite.tests().filter((t) => t.func.isAsync).length
    ctx.report({
      path: cfg.path,
      span: { line, endLine, col },
      symbol: `config:${cfg.path}::asyncio_mode+anyio_mode`,
      message:
        `Both auto modes are on: \`asyncio_mode = auto\` and \`anyio_mode = auto\`. pytest-asyncio claims every coroutine test${tests ? ` (${tests} here)` : ''} and plain async fixture before anyio sees them, while anyio still parametrizes them over its backends, so every \`[trio]\` item silently runs on asyncio. ` +
        `anyio ${describeSet(versions, 'anyio')} warns \`${ANYIO_BOTH_AUTO_MODES}\`. Drop \`asyncio_mode = auto\` (pytest-asyncio falls back to strict mode and runs only \`@pytest.mark.asyncio\` tests), or drop \`anyio_mode = auto\` if the suite is meant for pytest-asyncio.`,
      ...(edit ? { fix: { title: 'Remove `asyncio_mode = auto` (keep anyio’s auto mode)', edits: [edit], applicability: 'safe' as const } } : {})
    })
  }
}

/** The config line(s) a setting comes from, when it is written in the config file. */
function originLines(o: SettingOrigin): { line: number; endLine: number; col: number } | null {
  if (o.kind === 'ini' || (o.kind === 'addopts' && o.option)) {
    const opt = o.option as NonNullable<typeof o.option>
    return { line: opt.span.line, endLine: opt.span.endLine, col: opt.span.col }
  }
  return null
}
