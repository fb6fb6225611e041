import type { Rule } from '../engine.js'
import { fixtureSymbol, versionsText } from '../engine.js'
import type { TextEdit } from '../types.js'
import { isScope, scopeRank } from '../../model/types.js'
import { eraAtLeast } from '../../resolve/asyncio.js'
import { scopeMismatch } from '../messages.js'
import { identifierUsedElsewhere, importEdit, localName, replaceCallee } from '../../fix/edits.js'
import { fixtureTargetLoop, setFixtureLoopScopeFix } from '../fixes.js'

/** PA102: the ini fixture default loop scope is narrower than a wider fixture with no `loop_scope`. */
export const PA102: Rule = {
  meta: {
    code: 'PA102',
    name: 'fixture-default-loop-scope-narrower-than-scope',
    severity: 'error',
    plugin: 'pytest-asyncio',
    summary: '`asyncio_default_fixture_loop_scope` is narrower than the caching scope of a fixture that sets no `loop_scope`.',
    fixable: true,
    docs: {
      what: 'Flags a fixture pytest-asyncio runs (an async `@pytest_asyncio.fixture`, an async `@pytest.fixture` in auto mode, or — from 1.1 — even a sync `@pytest_asyncio.fixture`) whose caching scope is wider than the ini option `asyncio_default_fixture_loop_scope` and which sets no `loop_scope` of its own.',
      why: 'With no `loop_scope`, the fixture takes the ini default: a loop that is torn down sooner than the fixture’s cache. pytest refuses the request and every test using it errors at setup: `ScopeMismatch: You tried to access the function scoped fixture _function_scoped_runner with a session scoped request object`. Since pytest-asyncio 1.1 this also hits sync functions decorated with `@pytest_asyncio.fixture` (issue #1175).',
      versions: 'pytest-asyncio 0.24–1.4 (async fixtures); 1.1–1.4 for sync `@pytest_asyncio.fixture`.',
      bad: `# pytest.ini: asyncio_default_fixture_loop_scope = function
@pytest_asyncio.fixture(scope="session")
async def outbox():
    ...`,
      good: `@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def outbox():
    ...`
    }
  },
  check(ctx) {
    const def = ctx.project.asyncio.fixtureDefault
    if (!def || !isScope(def)) return
    const eras = ctx.paEras.filter((b) => eraAtLeast(b.era, '0.24'))
    if (!eras.length) return
    const newest = eras[eras.length - 1]!.era
    const opt = ctx.project.iniOption('asyncio_default_fixture_loop_scope')
    for (const fx of ctx.fixturesInScope()) {
      if (fx.loopScopeValue || !isScope(fx.scope)) continue
      if (scopeRank(fx.scope) <= scopeRank(def)) continue
      const hitEras = eras.filter((b) => ctx.asyncio.handlesFixture(fx, b.era))
      if (!hitEras.length) continue
      const versions = hitEras.flatMap((b) => b.versions)
      const related = opt ? [{ path: opt.path, line: opt.line, endLine: opt.endLine, message: `the default loop scope for fixtures is \`${def}\`` }] : []
      if (!fx.func.isAsync) {
        // A sync fixture needs no loop at all: a plain pytest fixture.
        const file = fx.file
        const edits: TextEdit[] = []
        const dv = fx.decorator.value
        const pa = localName(file, 'pytest_asyncio')
        const py = localName(file, 'pytest')
        edits.push(replaceCallee(file, dv, `${py ?? 'pytest'}.fixture`))
        if (!py) {
          const paImport = /^import pytest_asyncio[ \t]*$/m.exec(file.text)
          const stillUsed = pa ? identifierUsedElsewhere(file, pa, [{ start: dv.span.start, end: dv.argList?.start ?? dv.span.end }]) : true
          if (paImport && !stillUsed) edits.push({ path: file.path, start: paImport.index, end: paImport.index + paImport[0].length, text: 'import pytest' })
          else edits.push(importEdit(file, 'pytest'))
        }
        ctx.report({
          path: fx.file.path,
          span: fx.func.anchor,
          symbol: fixtureSymbol(fx),
          message:
            `Sync fixture \`${fx.name}\` is decorated with \`@pytest_asyncio.fixture(scope="${fx.scope}")\`, so from pytest-asyncio 1.1 it is set up inside the default ${def}-scoped loop, which is torn down sooner than its ${fx.scope} cache: \`${scopeMismatch(newest, def, fx.scope)}\`. ` +
            `Affects ${versionsText('pytest-asyncio', versions)}. It needs no event loop: use \`@pytest.fixture\`.`,
          related,
          ...(fx.file.exactText ? { fix: { title: `Use \`@pytest.fixture\` for the sync fixture \`${fx.name}\``, edits, applicability: 'safe' as const } } : {})
        })
        continue
      }
      const target = fixtureTargetLoop(ctx, fx, newest) ?? fx.scope
      const fix = setFixtureLoopScopeFix(fx, target)
      ctx.report({
        path: fx.file.path,
        span: fx.func.anchor,
        symbol: fixtureSymbol(fx),
        message:
          `Async fixture \`${fx.name}\` is cached per ${fx.scope} but sets no \`loop_scope\`, so it takes \`asyncio_default_fixture_loop_scope = ${def}\`: a loop torn down sooner than its cache. Every test using it errors at setup: \`${scopeMismatch(newest, def, fx.scope)}\`. ` +
          `Affects ${versionsText('pytest-asyncio', versions)}. Give it \`loop_scope="${target}"\`.`,
        related,
        ...(fix ? { fix } : {})
      })
    }
  }
}
