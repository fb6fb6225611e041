import type { Rule, RuleContext } from '../engine.js'
import { fixtureSymbol } from '../engine.js'
import type { TextEdit } from '../types.js'
import type { FixtureDef, TestFunc } from '../../model/types.js'
import { describeRange } from '../../model/versions.js'
import { ANYIO_REQUEST_IS_BACKEND } from '../messages.js'
import { pushTo } from '../../util/multimap.js'

/** Releases whose fixture hookwrapper passed the backend where `request` belongs, and the fix releases. */
const BAD: Record<string, string> = { '4.5.1': '4.5.2', '4.6.1': '4.6.2' }

/**
 * AN502 (research/anyio.md R22): anyio 4.5.1 and 4.6.1 pass the `anyio_backend` value to an async
 * fixture's `request` argument, so parametrized async fixtures (`request.param`) break.
 */
export const AN502: Rule = {
  meta: {
    code: 'AN502',
    name: 'parametrized-async-fixture-bad-version',
    severity: 'error',
    plugin: 'anyio',
    summary: 'An async fixture that uses `request` runs on anyio 4.5.1 or 4.6.1, which pass it the backend instead.',
    fixable: true,
    docs: {
      what: 'Flags an async fixture anyio runs that takes `request` (typically `params=[...]` with `request.param`) when the project installs anyio 4.5.1 or 4.6.1 (the pin, or the newest release a range allows).',
      why: 'The fixture-setup hookwrapper introduced in anyio 4.5.1 / 4.6.1 passed the `anyio_backend` value where `request` belongs, so `request.param` fails at setup: `AttributeError: \'str\' object has no attribute \'param\'`. anyio 4.5.2 and 4.6.2 fixed it.',
      versions: 'anyio 4.5.1 and 4.6.1 only.',
      bad: `# requirements-dev.txt: anyio==4.6.1
@pytest.fixture(params=[1, 4])
async def pool(request):
    return await make_pool(size=request.param)`,
      good: `# requirements-dev.txt: anyio==4.6.2
@pytest.fixture(params=[1, 4])
async def pool(request):
    return await make_pool(size=request.param)`,
      references: ['https://anyio.readthedocs.io/en/stable/versionhistory.html']
    }
  },
  check(ctx) {
    const anyio = ctx.anyio
    const info = ctx.project.versions.anyio
    if (!anyio.enabled || info.assumed) return
    const installed = anyio.newest
    if (!BAD[installed] && !info.candidates.every((v) => BAD[v])) return
    const seen = new Map<FixtureDef, TestFunc[]>()
    for (const t of ctx.targetTests()) {
      for (const e of anyio.anyioFixtures(t)) if (e.def.func.params.some((p) => p.name === 'request')) pushTo(seen, e.def, t)
    }
    if (!seen.size) return
    const edit = pinEdit(ctx)
    for (const [fx, tests] of seen) {
      ctx.report({
        path: fx.file.path,
        span: fx.func.anchor,
        symbol: fixtureSymbol(fx),
        message:
          `Async fixture \`${fx.name}\` takes \`request\`, and ${describeRange(info)} passes the \`anyio_backend\` value in its place, so ${tests.length > 1 ? `the ${tests.length} tests using it error` : `\`${tests[0]!.name}\` errors`} at setup: \`${ANYIO_REQUEST_IS_BACKEND}\` (for \`request.param\`). ` +
          `Avoid anyio 4.5.1 and 4.6.1: ${edit ? `pin \`${edit.to}\`` : 'require anyio ≥ 4.5.2 (or ≥ 4.6.2)'}.`,
        related: info.source ? [{ path: info.source.path, line: info.source.line, endLine: info.source.line, message: `anyio is pinned to ${installed} here` }] : [],
        involves: info.source ? [info.source.path] : [],
        ...(edit ? { fix: { title: `Pin anyio ${edit.to.replace(/^anyio[^=]*==/, '')}`, edits: [edit.edit], applicability: 'safe' as const } } : {})
      })
    }
  }
}

/** `anyio==4.6.1` → `anyio==4.6.2` on the deciding requirement line (not lockfiles). */
function pinEdit(ctx: RuleContext): { edit: TextEdit; to: string } | null {
  const info = ctx.project.versions.anyio
  const src = info.source
  if (!src || info.locked || info.overridden) return null
  const req = info.requirements.find((r) => r.source.path === src.path && r.source.line === src.line)
  const m = req && /^==\s*(4\.[56]\.1)$/.exec(req.specifier.trim())
  if (!m) return null
  const text = ctx.project.readText(src.path)
  if (text === null) return null
  const lines = text.split('\n')
  const lineStart = lines.slice(0, src.line - 1).reduce((n, l) => n + l.length + 1, 0)
  const line = lines[src.line - 1] ?? ''
  const at = line.search(new RegExp(`==\\s*${(m[1] as string).replace(/\./g, '\\.')}(?![\\d.])`))
  if (at < 0) return null
  const from = m[1] as string
  const vAt = line.indexOf(from, at)
  const to = BAD[from] as string
  return { edit: { path: src.path, start: lineStart + vAt, end: lineStart + vAt + from.length, text: to }, to: `anyio==${to}` }
}
