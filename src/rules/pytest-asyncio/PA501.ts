import type { Rule, RuleContext } from '../engine.js'
import { fixtureSymbol, versionsText } from '../engine.js'
import type { CallFact, FixtureDef } from '../../model/types.js'
import { eraAtLeast } from '../../resolve/asyncio.js'
import { isAsyncioCallText } from './event-loops.js'
import { asyncifyFixture, asyncioUsers } from './fixtures.js'
import type { LoopDriving } from './loop-driving.js'
import { erasWhere } from './versions.js'

/** Is a fixture one pytest-asyncio sets up inside its loop (a sync `@pytest_asyncio.fixture` on ≥ 1.4)? */
export function syncFixtureSeesRunnerLoop(ctx: RuleContext, fx: FixtureDef): boolean {
  return fx.decoratorKind === 'pytest_asyncio' && ctx.paEras.every((b) => eraAtLeast(b.era, '1.4'))
}

/** PA501: a sync fixture builds loop-bound objects with `asyncio.get_event_loop()`. */
export const PA501: Rule = {
  meta: {
    code: 'PA501',
    name: 'sync-fixture-uses-get-event-loop',
    severity: 'error',
    plugin: 'pytest-asyncio',
    summary: 'A sync fixture used by asyncio tests calls `asyncio.get_event_loop()` to build or drive loop-bound objects.',
    fixable: true,
    docs: {
      what: 'Flags `asyncio.get_event_loop()` in a sync fixture that pytest-asyncio tests use, typically `loop.run_until_complete(make_client())`.',
      why: 'Since 0.23 a sync fixture is set up before, and outside, the loop the test runs in, so `get_event_loop()` returns some other (or stale) loop, or none at all: pytest-asyncio 1.4 leaves no current loop once a loop-scope runner has been torn down, so the fixture fails at setup with `RuntimeError: There is no current event loop in thread \'MainThread\'.` (Python 3.12–3.13 otherwise warn `DeprecationWarning: There is no current event loop`). Objects it builds are bound to the wrong loop and fail in the test. An async fixture runs in the test’s loop.',
      versions: 'pytest-asyncio 0.23–1.4 (0.21 handed it the test’s `event_loop`). The RuntimeError at setup is 1.4 behaviour.',
      bad: `@pytest.fixture
def broker():
    loop = asyncio.get_event_loop()
    broker = loop.run_until_complete(start_broker())
    yield broker
    loop.run_until_complete(broker.stop())`,
      good: `@pytest_asyncio.fixture
async def broker():
    broker = await start_broker()
    yield broker
    await broker.stop()`
    }
  },
  check(ctx) {
    if (ctx.project.asyncio.disabled) return
    const hit = erasWhere(ctx, (e) => eraAtLeast(e, '0.23'))
    if (!hit.eras.length) return
    const on14 = hit.eras.includes('1.4')
    for (const fx of ctx.fixturesInScope()) {
      if (fx.builtin || fx.func.isAsync || syncFixtureSeesRunnerLoop(ctx, fx)) continue
      const gets = fx.func.facts.calls.filter((c) => c.qual === 'asyncio.get_event_loop')
      if (!gets.length) continue
      const users = asyncioUsers(ctx, fx)
      if (!users.length) continue
      const call = gets[0] as CallFact
      const loop: LoopDriving = call.boundTo
        ? { names: [call.boundTo], bindings: [call] }
        : { names: [], bindings: [], isLoopExpr: (r) => isAsyncioCallText(fx.file, r, ['get_event_loop']) }
      const edits = gets.length === 1 ? asyncifyFixture(ctx, fx, loop) : null
      ctx.report({
        path: fx.file.path,
        span: call.span,
        symbol: `call:${fixtureSymbol(fx)}::asyncio.get_event_loop`,
        message:
          `Sync fixture \`${fx.name}\` calls \`asyncio.get_event_loop()\` and is used by asyncio tests (${users.map((n) => `\`${n}\``).slice(0, 3).join(', ')}${users.length > 3 ? ', …' : ''}). ` +
          `pytest-asyncio sets sync fixtures up outside the loop the test runs in, so this gets another or a stale loop${on14 ? ` — on 1.4, none at all once an earlier test’s loop was torn down: \`RuntimeError: There is no current event loop in thread 'MainThread'.\` at setup` : ''}; whatever it builds is bound to the wrong loop. ` +
          `Affects ${versionsText('pytest-asyncio', hit.versions)}. Make it an async \`@pytest_asyncio.fixture\` that awaits instead.`,
        related: [{ path: fx.file.path, line: fx.func.anchor.line, endLine: fx.func.anchor.endLine, message: `fixture \`${fx.name}\`` }],
        ...(edits ? { fix: { title: `Make \`${fx.name}\` an async \`@pytest_asyncio.fixture\``, edits, applicability: 'safe' as const } } : {})
      })
    }
  }
}
