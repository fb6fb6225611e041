import type { Rule } from '../engine.js'
import { fixtureSymbol, versionsText } from '../engine.js'
import type { CallFact } from '../../model/types.js'
import { CROSS_LOOP_ERROR } from '../messages.js'
import { asyncifyFixture, asyncioUsers } from './fixtures.js'

/** PA503: a sync fixture runs coroutines on its own new loop and hands the result to asyncio tests. */
export const PA503: Rule = {
  meta: {
    code: 'PA503',
    name: 'fixture-builds-private-loop',
    severity: 'error',
    plugin: 'pytest-asyncio',
    summary: 'A sync fixture creates its own event loop, builds objects on it and hands them to asyncio tests.',
    fixable: true,
    docs: {
      what: 'Flags a sync fixture that calls `asyncio.new_event_loop()` and drives coroutines on that loop with `run_until_complete`, when pytest-asyncio tests use the fixture.',
      why: 'Whatever the fixture builds on its private loop (pools, clients, queues, locks) is bound to that loop, while the test runs in the loop pytest-asyncio gives it. The first await on such an object fails with `RuntimeError: Task … got Future … attached to a different loop` (or `… is bound to a different event loop`), and the private loop leaks `ResourceWarning`s when it is not closed. An async fixture builds them in the test’s loop.',
      versions: 'All pytest-asyncio versions.',
      bad: `@pytest.fixture
def pool():
    loop = asyncio.new_event_loop()
    pool = loop.run_until_complete(create_pool())
    yield pool
    loop.run_until_complete(pool.close())
    loop.close()`,
      good: `@pytest_asyncio.fixture
async def pool():
    pool = await create_pool()
    yield pool
    await pool.close()`
    }
  },
  check(ctx) {
    if (ctx.project.asyncio.disabled) return
    for (const fx of ctx.fixturesInScope()) {
      if (fx.builtin || fx.func.isAsync) continue
      const creates = fx.func.facts.calls.filter((c) => c.qual === 'asyncio.new_event_loop' && c.boundTo)
      if (creates.length !== 1) continue
      const create = creates[0] as CallFact
      const name = create.boundTo as string
      const drives = fx.func.facts.calls.filter((c) => c.method === 'run_until_complete' && c.receiver === name)
      if (!drives.length) continue
      const users = asyncioUsers(ctx, fx)
      if (!users.length) continue
      const edits = asyncifyFixture(ctx, fx, { names: [name], bindings: [create] })
      ctx.report({
        path: fx.file.path,
        span: fx.func.anchor,
        symbol: fixtureSymbol(fx),
        message:
          `Fixture \`${fx.name}\` creates its own loop (\`${name} = asyncio.new_event_loop()\`, line ${create.span.line}) and builds its value with \`${name}.run_until_complete(...)\`, but asyncio tests (${users.map((n) => `\`${n}\``).slice(0, 3).join(', ')}${users.length > 3 ? ', …' : ''}) await it in pytest-asyncio’s loop. ` +
          `Its futures belong to the private loop, so the first await fails: \`${CROSS_LOOP_ERROR}\`. ` +
          `Affects ${versionsText('pytest-asyncio', ctx.paEras.flatMap((b) => b.versions))}. Make it an async \`@pytest_asyncio.fixture\` that awaits instead.`,
        related: [{ path: fx.file.path, line: create.span.line, endLine: create.span.endLine, message: 'the private loop' }],
        ...(edits ? { fix: { title: `Make \`${fx.name}\` an async \`@pytest_asyncio.fixture\``, edits, applicability: 'safe' as const } } : {})
      })
    }
  }
}
