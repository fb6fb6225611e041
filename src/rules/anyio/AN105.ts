import type { Rule } from '../engine.js'
import { fixtureSymbol } from '../engine.js'
import type { FixtureDef, TestFunc } from '../../model/types.js'
import { isScope, scopeRank } from '../../model/types.js'
import { AnyioModel, KNOWN_BACKENDS } from '../../resolve/anyio.js'
import { describeRange } from '../../model/versions.js'
import { addParamEdit } from '../../fix/edits.js'
import { backendsText, cap } from './wording.js'

/**
 * AN105 (labelled runs, RULES.md notes): a class-or-wider async fixture anyio runs that does not
 * depend on `anyio_backend`, in tests whose backend set has several backends. pytest does not
 * tear it down when the backend switches, its runner lease keeps the first backend's loop open,
 * and the following `[trio]` tests silently run on asyncio.
 */
export const AN105: Rule = {
  meta: {
    code: 'AN105',
    name: 'scoped-async-fixture-ignores-backend-switch',
    severity: 'warning',
    plugin: 'anyio',
    summary: 'A class-or-wider async fixture does not request `anyio_backend`, so it survives a backend switch and the next backend’s tests run on the old loop.',
    fixable: true,
    docs: {
      what: 'Flags a class-, module-, package- or session-scoped async fixture that anyio runs, that does not request `anyio_backend` (directly or through its own fixtures), and whose tests run on several backends (the default asyncio and trio, a `params=[...]` override, or a multi-value parametrize).',
      why: 'pytest only tears a cached fixture down when one of its own parameters changes. A fixture that does not depend on `anyio_backend` therefore stays alive from the `[asyncio]` tests into the `[trio]` tests, and so does the anyio runner lease it holds: anyio reuses the open asyncio runner whatever backend a test asks for, so the `[trio]` tests silently run on asyncio (observed with anyio 4.14.2, default backends too). Nothing fails; trio is simply never tested.',
      versions: 'anyio 4.0 onwards (one runner per lease holder); 3.x behaves the same for runners held by a scoped fixture.',
      bad: `pytestmark = pytest.mark.anyio


@pytest.fixture(scope="module")
async def pool():
    yield SessionPool(size=2)`,
      good: `pytestmark = pytest.mark.anyio


@pytest.fixture(scope="module")
async def pool(anyio_backend):
    yield SessionPool(size=2)`
    }
  },
  check(ctx) {
    const anyio = ctx.anyio
    for (const fx of ctx.fixturesInScope()) {
      if (!anyio.runsFixture(fx) || !isScope(fx.scope) || scopeRank(fx.scope) < scopeRank('class')) continue
      if (fx.func.argnames.includes('anyio_backend')) continue
      const users = ctx.usersOf(fx).filter((t) => anyio.hasBackend(t) && anyio.anyioFixtures(t).some((e) => e.def === fx))
      if (!users.length || anyio.dependsOnBackend(fx, users[0]!)) continue
      const backends: string[] = []
      for (const t of users) {
        const b = anyio.backend(t)
        if (!b || !b.exact) continue
        for (const n of b.backends) if (!backends.includes(n)) backends.push(n)
      }
      if (backends.length < 2) continue
      backends.sort((a, b) => order(a) - order(b))
      // AN101 reports this fixture, and its fix adds the parameter.
      if (flaggedByAn101(ctx.anyio, fx, users)) continue
      const edit = fx.file.exactText ? addParamEdit(fx.file, fx.func, 'anyio_backend') : null
      ctx.report({
        path: fx.file.path,
        span: fx.func.anchor,
        symbol: fixtureSymbol(fx),
        message:
          `${cap(fx.scope)}-scoped async fixture \`${fx.name}\` does not request \`anyio_backend\`, but its tests run on ${backendsText(backends)}. ` +
          `pytest keeps it (and the anyio runner it holds) alive when the backend switches, so the tests after the switch silently run on the first backend's loop: the \`[trio]\` items never run on trio (observed with anyio 4.14.2). Here: ${describeRange(ctx.project.versions.anyio)}. ` +
          `Add \`anyio_backend\` to its parameters so it is rebuilt per backend.`,
        involves: users.map((u) => u.file.path),
        ...(edit ? { fix: { title: `Make \`${fx.name}\` request \`anyio_backend\``, edits: [edit], applicability: 'safe' as const } } : {})
      })
    }
  }
}

function order(backend: string): number {
  const i = (KNOWN_BACKENDS as readonly string[]).indexOf(backend)
  return i < 0 ? KNOWN_BACKENDS.length : i
}

/** Does AN101 fire on this fixture (a user with the plugin's default backend, narrower than the fixture)? */
function flaggedByAn101(anyio: AnyioModel, fx: FixtureDef, users: TestFunc[]): boolean {
  return users.some((t) => {
    const b = anyio.backend(t)
    return !!b && b.source === 'plugin' && b.scopes.some((s) => AnyioModel.wider(fx.scope, s.scope))
  })
}
