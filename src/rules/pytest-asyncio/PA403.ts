import type { Rule, RuleContext } from '../engine.js'
import { fixtureSymbol, testSymbol, versionsText } from '../engine.js'
import type { TextEdit } from '../types.js'
import type { FixtureDef, PyFile, PyFunction, TestFunc } from '../../model/types.js'
import { eraAtLeast } from '../../resolve/asyncio.js'
import { pruneImportEdits, removeParamEdit } from '../../fix/edits.js'
import { userEventLoop } from './event-loops.js'
import { toPytestAsyncioFixtureEdits } from './fixtures.js'
import { asyncifyEdits } from './loop-driving.js'
import { addAsyncioMarkEdits } from './marks.js'
import { erasWhere } from './versions.js'

/** PA403: a sync test or fixture takes the `event_loop` fixture, which 1.0 removed. */
export const PA403: Rule = {
  meta: {
    code: 'PA403',
    name: 'event-loop-requested-by-sync-code',
    severity: 'error',
    plugin: 'pytest-asyncio',
    summary: 'A sync test or fixture takes the `event_loop` fixture, which pytest-asyncio 1.0 removed.',
    fixable: true,
    docs: {
      what: 'Flags a sync test or sync fixture with an `event_loop` parameter (typically to call `event_loop.run_until_complete(...)`) when pytest-asyncio 1.0 or newer is allowed and the project defines no `event_loop` fixture of its own.',
      why: 'Sync tests used to borrow pytest-asyncio’s `event_loop` fixture to drive coroutines. pytest-asyncio 1.0 removed it, so the test errors at setup with `fixture \'event_loop\' not found`. The migration guide’s fix is an async test (or `asyncio.Runner` when it must stay sync).',
      versions: 'pytest-asyncio 1.0–1.4 (0.21–0.26 provide the fixture).',
      bad: `def test_resolve_known(event_loop):
    assert event_loop.run_until_complete(resolve("example.test")) == "192.0.2.10"`,
      good: `@pytest.mark.asyncio
async def test_resolve_known():
    assert await resolve("example.test") == "192.0.2.10"`,
      references: ['https://pytest-asyncio.readthedocs.io/en/stable/how-to-guides/migrate_from_0_21.html']
    }
  },
  check(ctx) {
    if (ctx.project.asyncio.disabled) return
    const gone = erasWhere(ctx, (e) => eraAtLeast(e, '1.0'))
    if (!gone.eras.length) return
    for (const t of ctx.targetTests()) {
      if (t.func.isAsync || !t.func.argnames.includes('event_loop') || userEventLoop(ctx, t)) continue
      report(ctx, t.file, t.func, `test \`${t.name}\``, testSymbol(t), gone.versions, testFix(ctx, t))
    }
    for (const fx of ctx.fixturesInScope()) {
      if (fx.builtin || fx.func.isAsync || !fx.func.argnames.includes('event_loop')) continue
      const users = ctx.usersOf(fx)
      if (!users.length || users.some((u) => userEventLoop(ctx, u))) continue
      report(ctx, fx.file, fx.func, `fixture \`${fx.name}\``, fixtureSymbol(fx), gone.versions, fixtureFix(ctx, fx))
    }
  }
}

function report(ctx: RuleContext, file: PyFile, fn: PyFunction, label: string, symbol: string, versions: string[], fix: TextEdit[] | null): void {
  ctx.report({
    path: file.path,
    span: fn.anchor,
    symbol,
    message:
      `The sync ${label} takes the \`event_loop\` fixture, which ${versionsText('pytest-asyncio', versions)} no longer provides: setup fails with \`fixture 'event_loop' not found\`. ` +
      'Make it async and await the coroutines instead (or, if it must stay sync, drive them with `asyncio.Runner`).',
    ...(fix ? { fix: { title: `Make the ${label} async and await instead of \`event_loop.run_until_complete\``, edits: fix, applicability: 'safe' as const } } : {})
  })
}

function testFix(ctx: RuleContext, t: TestFunc): TextEdit[] | null {
  const body = asyncifyEdits(t.file, t.func, { names: ['event_loop'], bindings: [] })
  const param = removeParamEdit(t.file, t.func, 'event_loop')
  if (!body || !param) return null
  // The mark goes in before `async ` when both are inserted at the start of the `def` line.
  return [...(ctx.asyncio.auto ? [] : addAsyncioMarkEdits(ctx, t).edits), ...body, param]
}

function fixtureFix(ctx: RuleContext, fx: FixtureDef): TextEdit[] | null {
  const body = asyncifyEdits(fx.file, fx.func, { names: ['event_loop'], bindings: [] })
  const param = removeParamEdit(fx.file, fx.func, 'event_loop')
  if (!body || !param) return null
  const edits = toPytestAsyncioFixtureEdits(ctx, fx, [...body, param])
  return [...edits, ...pruneImportEdits(fx.file, edits)]
}
