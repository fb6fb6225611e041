import type { Rule, RuleContext } from '../engine.js'
import { fixtureSymbol, versionsText } from '../engine.js'
import type { TestFunc } from '../../model/types.js'
import { eraAtLeast } from '../../resolve/asyncio.js'
import { loopScopeAfterConversion, toPytestAsyncioFixtureEdits } from './fixtures.js'
import { anyioRuns, modeOrigin } from './plugins.js'
import { newestEra, pytestAtLeast } from './versions.js'

/** Is the test one pytest-asyncio runs (and not one anyio would run)? */
function asyncioUser(ctx: RuleContext, t: TestFunc): boolean {
  return t.func.isAsync && ctx.asyncio.isAsyncioTest(t)
}

/** PA302: strict mode, an async `@pytest.fixture` requested by asyncio tests. */
export const PA302: Rule = {
  meta: {
    code: 'PA302',
    name: 'strict-mode-async-pytest-fixture',
    severity: 'error',
    plugin: 'pytest-asyncio',
    summary: 'In strict mode an async fixture declared with `@pytest.fixture` is not run by pytest-asyncio.',
    fixable: true,
    docs: {
      what: 'Flags an `async def` fixture (coroutine or async generator) declared with plain `@pytest.fixture` in strict mode when pytest-asyncio tests request it (directly or through other fixtures). Fixtures used by anyio tests are left alone: anyio runs those.',
      why: 'In strict mode pytest-asyncio only runs fixtures declared with `@pytest_asyncio.fixture`. The test receives the coroutine or async-generator object instead of its value (`RuntimeWarning: coroutine … was never awaited`); pytest-asyncio ≥ 0.25 warns `asyncio test … requested async @pytest.fixture … in strict mode`, and pytest ≥ 8.4 reports `… requested an async fixture …, with no plugin or hook that handled it`, an error from pytest 9.',
      versions: 'All pytest-asyncio versions in strict mode; the setup error comes from pytest 9 (a warning on 8.4).',
      bad: `@pytest.fixture
async def client():
    async with AsyncClient(server) as c:
        yield c

@pytest.mark.asyncio
async def test_avatar_url(client):
    assert (await client.get("/avatars/ada")).status_code == 200`,
      good: `import pytest_asyncio

@pytest_asyncio.fixture
async def client():
    async with AsyncClient(server) as c:
        yield c`
    }
  },
  check(ctx) {
    // Only a valid strict mode (an invalid one stops pytest at start-up: PA303).
    if (ctx.project.asyncio.mode !== 'strict' || ctx.project.asyncio.disabled) return
    if (!ctx.project.usesPytestAsyncio(ctx.suite)) return
    const era = newestEra(ctx)
    const pytest9 = pytestAtLeast(ctx, '9.0')
    const pytest84 = pytestAtLeast(ctx, '8.4')
    for (const fx of ctx.fixturesInScope()) {
      if (fx.builtin || fx.decoratorKind !== 'pytest' || !fx.func.isAsync) continue
      const users = ctx.usersOf(fx)
      const asyncioUsers = users.filter((t) => asyncioUser(ctx, t))
      if (!asyncioUsers.length) continue
      // anyio runs async fixtures of its own tests: converting would break those (AN302).
      if (users.some((t) => t.func.isAsync && !ctx.asyncio.isAsyncioTest(t) && anyioRuns(ctx, t))) continue
      const first = asyncioUsers[0] as TestFunc
      const kind = fx.func.isGenerator ? 'async-generator' : 'coroutine'
      const pieces: string[] = []
      if (eraAtLeast(era, '0.25')) {
        pieces.push(
          `pytest-asyncio warns \`asyncio test '${first.name}' requested async @pytest.fixture '${fx.name}' in strict mode. You might want to use @pytest_asyncio.fixture or switch to auto mode.\``
        )
      }
      if (pytest84) {
        pieces.push(
          `pytest ${pytest9 ? 'errors at setup' : '8.4+ warns (an error from pytest 9)'}: \`'${first.name}' requested an async fixture '${fx.name}', with no plugin or hook that handled it.\``
        )
      }
      const edits = fx.file.exactText ? toPytestAsyncioFixtureEdits(ctx, fx) : []
      const ls = loopScopeAfterConversion(ctx, fx)
      const loopNote = ls ? ` with \`loop_scope="${ls}"\` (the loop its tests run in)` : ''
      ctx.report({
        path: fx.file.path,
        span: fx.func.anchor,
        symbol: fixtureSymbol(fx),
        message:
          `Async fixture \`${fx.name}\` is declared with \`@pytest.fixture\`, and pytest-asyncio runs in ${modeOrigin(ctx)}, so it does not run this fixture: ` +
          `${asyncioUsers.length === 1 ? `\`${first.name}\` receives` : `${asyncioUsers.map((t) => `\`${t.name}\``).slice(0, 3).join(', ')}${asyncioUsers.length > 3 ? ', …' : ''} receive`} the ${kind} object instead of its value. ` +
          (pieces.length ? `${pieces.join('; ')}. ` : '') +
          `Affects ${versionsText('pytest-asyncio', ctx.paEras.flatMap((b) => b.versions))}. Declare it with \`@pytest_asyncio.fixture\`${loopNote}, or switch to \`asyncio_mode = auto\`.`,
        ...(edits.length ? { fix: { title: `Declare \`${fx.name}\` with \`@pytest_asyncio.fixture\``, edits, applicability: 'safe' as const } } : {})
      })
    }
  }
}
