import type { Rule, RuleContext } from '../engine.js'
import type { TextEdit } from '../types.js'
import type { FoundRequirement } from '../../model/versions.js'
import { describeSet } from '../../model/versions.js'
import { NO_MODULE_TRIO } from '../messages.js'

/**
 * AN503 (research/anyio.md R23): tests run on anyio's default backends, but trio is not
 * installed. Before anyio 4.12 every `[trio]` item fails; from 4.12 the plugin silently drops
 * them. Anchored on the anyio requirement the fix extends with the `trio` extra.
 */
export const AN503: Rule = {
  meta: {
    code: 'AN503',
    name: 'trio-missing-default-backends',
    severity: 'warning',
    plugin: 'anyio',
    summary: 'Tests use anyio’s default backends but trio is not installed: the `[trio]` tests fail (anyio < 4.12) or silently vanish.',
    fixable: true,
    docs: {
      what: 'Flags the anyio requirement when tests run on anyio’s built-in `anyio_backend` (no override) and nothing installs trio: no `trio` pin, no `anyio[trio]` extra, no pytest-trio.',
      why: 'anyio before 4.12 always parametrizes the default backend with asyncio and trio, so every `[trio]` item fails with `ModuleNotFoundError: No module named \'trio\'` (an error). From 4.12 the plugin only uses backends that import, so the `[trio]` items silently disappear (a warning): a library that promises trio support is then never tested on it.',
      versions: 'anyio < 4.12: error; anyio ≥ 4.12: warning.',
      bad: `# requirements-dev.txt
pytest==8.4.2
anyio==4.14.2`,
      good: `# requirements-dev.txt
pytest==8.4.2
anyio[trio]==4.14.2`,
      references: ['https://github.com/agronholm/anyio/pull/1021', 'https://github.com/agronholm/anyio/issues/325']
    }
  },
  check(ctx) {
    const anyio = ctx.anyio
    const v = ctx.project.versions
    if (!anyio.enabled || !v.anyio.declared || v.trio.declared) return
    const tests = ctx.targetTests().filter((t) => anyio.hasBackend(t) && anyio.backend(t)?.source === 'plugin')
    if (!tests.length) return
    const req = anchorRequirement(v.anyio.requirements, v.anyio.source)
    if (!req) return
    const { failing, dropped } = anyio.trioMissingVersions()
    const severity = failing.includes(anyio.newest) ? 'error' : 'warning'
    const edit = extraEdit(ctx, req)
    const names = tests.slice(0, 2).map((t) => `\`${t.name}\``).join(', ') + (tests.length > 2 ? ` and ${tests.length - 2} more` : '')
    const parts: string[] = []
    if (failing.length) parts.push(`on anyio ${describeSet(failing, 'anyio')} every \`[trio]\` item fails with \`${NO_MODULE_TRIO}\``)
    if (dropped.length) parts.push(`on anyio ${describeSet(dropped, 'anyio')} the plugin silently drops the \`[trio]\` items, so the suite never runs on trio`)
    ctx.report({
      severity,
      path: req.source.path,
      span: { line: req.source.line, endLine: req.source.line, col: 1 },
      symbol: `requirement:${req.source.path}::anyio`,
      message:
        `${names} run${tests.length === 1 ? 's' : ''} on anyio's default \`anyio_backend\` (asyncio and trio), but nothing installs trio: ${parts.join('; ')}. ` +
        `Install it with the anyio extra (\`anyio[trio]\`), or override \`anyio_backend\` to list the backends the suite really supports.`,
      involves: tests.map((t) => t.file.path),
      ...(edit ? { fix: { title: 'Install trio with `anyio[trio]`', edits: [edit], applicability: 'safe' as const } } : {})
    })
  }
}

/** The requirement a reviewer would extend: the deciding one, else the first direct mention (not a lockfile). */
function anchorRequirement(reqs: FoundRequirement[], source: { path: string; line: number } | null): FoundRequirement | null {
  const direct = reqs.filter((r) => !r.constraintOnly && r.kind !== 'implied' && r.kind !== 'lock' && r.kind !== 'override')
  return direct.find((r) => source && r.source.path === source.path && r.source.line === source.line) ?? direct[0] ?? null
}

/** `anyio==4.14.2` → `anyio[trio]==4.14.2`, `anyio[x]` → `anyio[x,trio]`, in PEP 508 lines and TOML strings. */
function extraEdit(ctx: RuleContext, req: FoundRequirement): TextEdit | null {
  if (req.kind === 'poetry' || req.kind === 'Pipfile') return null
  const text = ctx.project.readText(req.source.path)
  if (text === null) return null
  const starts = [0]
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1)
  const lineStart = starts[req.source.line - 1]
  if (lineStart === undefined) return null
  const lineEnd = text.indexOf('\n', lineStart)
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd)
  const m = /(^|[\s"',[])(anyio)(\[[^\]]*\])?(?=\s*(?:[<>=!~;@"',\]]|$))/i.exec(line)
  if (!m) return null
  const nameEnd = lineStart + m.index + (m[1] as string).length + (m[2] as string).length
  if (m[3]) {
    const close = nameEnd + (m[3] as string).length - 1
    return { path: req.source.path, start: close, end: close, text: ',trio' }
  }
  return { path: req.source.path, start: nameEnd, end: nameEnd, text: '[trio]' }
}
