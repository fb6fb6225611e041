import type { Rule, RuleContext } from '../engine.js'
import { fixtureSymbol, where } from '../engine.js'
import type { TextEdit } from '../types.js'
import type { FixtureDef, PyFile, Scope, TestFunc } from '../../model/types.js'
import { isScope, scopeRank } from '../../model/types.js'
import { importEdit, localName, setKwarg, preferredQuote, pyString } from '../../fix/edits.js'
import { affects } from './versions.js'

/**
 * PA103 (pytest-asyncio 0.21): a wider async fixture with no `event_loop` override of at least
 * its scope. Every async fixture runs in the `event_loop` fixture there, so the session fixture
 * requests the plugin's function-scoped loop and pytest refuses.
 */
export const PA103: Rule = {
  meta: {
    code: 'PA103',
    name: 'wide-async-fixture-without-wide-event-loop',
    severity: 'error',
    plugin: 'pytest-asyncio',
    summary: 'pytest-asyncio 0.21: an async fixture wider than `function` has no `event_loop` override of at least its scope.',
    fixable: true,
    docs: {
      what: 'On pytest-asyncio 0.21, flags an async fixture pytest-asyncio runs (`@pytest_asyncio.fixture`, or `@pytest.fixture` in auto mode) with a `class`, `module`, `package` or `session` scope when the tests that use it see no `event_loop` fixture of at least that scope. The fix is the 0.21 pattern: a session-scoped `event_loop` override in the nearest conftest covering those tests (a better fix is upgrading to pytest-asyncio ≥ 0.24 and using `loop_scope=`).',
      why: 'On 0.21 every async fixture is run in the `event_loop` fixture, which pytest-asyncio injects into its arguments. The plugin’s own `event_loop` is function-scoped, and a session fixture may not request a function fixture, so every test using it errors at setup: `ScopeMismatch: You tried to access the function scoped fixture event_loop with a session scoped request object, involved factories`.',
      versions: 'pytest-asyncio 0.21 only (0.23 gives each scope its own loop; 1.0 removed `event_loop`).',
      bad: `# conftest.py
@pytest_asyncio.fixture(scope="session")
async def pool():
    return await create_pool()`,
      good: `# conftest.py
@pytest.fixture(scope="session")
def event_loop():
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


@pytest_asyncio.fixture(scope="session")
async def pool():
    return await create_pool()`,
      references: ['https://pytest-asyncio.readthedocs.io/en/v0.21.2/reference/fixtures.html#event-loop']
    }
  },
  check(ctx) {
    const eras = ctx.paEras.filter((b) => b.era === '0.21')
    if (!eras.length || ctx.project.asyncio.disabled) return
    interface Agg {
      fx: FixtureDef
      scope: Scope
      loop: FixtureDef | undefined
      loopScope: Scope
      tests: TestFunc[]
    }
    const byFixture = new Map<FixtureDef, Agg>()
    for (const test of ctx.targetTests()) {
      const ev = ctx.suite.resolve('event_loop', test)
      const evScope = ev && !ev.builtin ? ev.scope : 'function'
      if (!isScope(evScope)) continue
      for (const { def: fx } of ctx.suite.closure(test)) {
        if (fx.name === 'event_loop' || !fx.func.isAsync || !ctx.asyncio.handlesFixture(fx, '0.21')) continue
        if (!isScope(fx.scope) || scopeRank(fx.scope) <= scopeRank(evScope)) continue
        const agg = byFixture.get(fx) ?? { fx, scope: fx.scope, loop: ev && !ev.builtin ? ev : undefined, loopScope: evScope, tests: [] }
        agg.tests.push(test)
        byFixture.set(fx, agg)
      }
    }
    if (!byFixture.size) return
    const versions = eras.flatMap((b) => b.versions)
    // One override for every affected test (nested overrides would give two live loops).
    const allTests = [...byFixture.values()].flatMap((a) => a.tests)
    const target = ctx.paEras.length === eras.length ? overrideTarget(ctx, allTests) : null
    const edits = target ? eventLoopEdits(target) : null
    for (const agg of byFixture.values()) {
      const { fx, tests } = agg
      const names = tests.slice(0, 3).map((t) => `\`${t.name}\``).join(', ') + (tests.length > 3 ? ` and ${tests.length - 3} more` : '')
      const loopText = agg.loop ? `the nearest \`event_loop\` (${where(agg.loop)}) is ${agg.loopScope}-scoped` : 'the only `event_loop` they see is the plugin’s function-scoped one'
      ctx.report({
        path: fx.file.path,
        span: fx.func.anchor,
        symbol: fixtureSymbol(fx),
        message:
          `On ${affects(ctx, versions)} every async fixture runs in the \`event_loop\` fixture, and for ${names} ${loopText}. ` +
          `The ${agg.scope}-scoped fixture \`${fx.name}\` cannot request it, so each of those tests errors at setup: \`ScopeMismatch: You tried to access the ${agg.loopScope} scoped fixture event_loop with a ${agg.scope} scoped request object\`. ` +
          (target
            ? `Override \`event_loop\` with session scope in ${target.path} (the pytest-asyncio 0.21 pattern)`
            : 'Override `event_loop` with session scope in a conftest covering these tests') +
          `; or upgrade to pytest-asyncio>=0.24 and use \`@pytest_asyncio.fixture(scope="${agg.scope}", loop_scope="${agg.scope}")\` with matching \`loop_scope\` marks on the tests.`,
        related: [
          ...(agg.loop ? [{ path: agg.loop.file.path, line: agg.loop.func.anchor.line, endLine: agg.loop.func.anchor.endLine, message: `\`event_loop\` is ${agg.loopScope}-scoped here` }] : []),
          ...tests.slice(0, 5).map((t) => ({ path: t.file.path, line: t.func.anchor.line, endLine: t.func.anchor.endLine, message: `\`${t.name}\` uses \`${fx.name}\`` }))
        ],
        involves: [...tests.map((t) => t.file.path), ...(target ? [target.path] : [])],
        ...(edits ? { fix: { title: `Add a session-scoped \`event_loop\` fixture to ${target!.path}`, edits, applicability: 'safe' as const } } : {})
      })
    }
  }
}

/**
 * The file for the override: the nearest existing conftest.py at or above the tests' common
 * directory; with none, the test module itself when all the tests are in one module.
 */
function overrideTarget(ctx: RuleContext, tests: TestFunc[]): PyFile | null {
  const dirs = tests.map((t) => t.file.path.split('/').slice(0, -1))
  let common = dirs[0] ?? []
  for (const d of dirs) {
    let i = 0
    while (i < common.length && i < d.length && common[i] === d[i]) i++
    common = common.slice(0, i)
  }
  for (let i = common.length; i >= 0; i--) {
    const dir = common.slice(0, i).join('/')
    const f = ctx.suite.files.get(dir ? `${dir}/conftest.py` : 'conftest.py')
    if (f && f.kind === 'conftest') return f.exactText ? f : null
  }
  const files = new Set(tests.map((t) => t.file))
  if (files.size === 1) {
    const f = [...files][0] as PyFile
    return f.exactText ? f : null
  }
  return null
}

/** Widen the file's own `event_loop` to session, or add the 0.21 override after its imports. */
function eventLoopEdits(file: PyFile): TextEdit[] | null {
  const own = file.fixtures.find((fx) => fx.name === 'event_loop' && !fx.cls)
  if (own) {
    if (own.decoratorKind !== 'pytest') return null
    return [setKwarg(file, own.decorator.value, 'scope', pyString('session', preferredQuote(file, own.decorator.value)))]
  }
  const nl = file.text.includes('\r\n') ? '\r\n' : '\n'
  const asyncioName = localName(file, 'asyncio')
  const pytestName = localName(file, 'pytest')
  const imports = [...(asyncioName ? [] : ['import asyncio']), ...(pytestName ? [] : ['import pytest'])]
  const q = preferredQuote(file)
  const body = [
    `@${pytestName ?? 'pytest'}.fixture(scope=${pyString('session', q)})`,
    'def event_loop():',
    `    loop = ${asyncioName ?? 'asyncio'}.new_event_loop()`,
    '    yield loop',
    '    loop.close()'
  ].join(nl)
  const at = file.imports.insertAt
  if (at > 0) {
    // Missing imports go where isort would put them; the fixture follows the import block.
    const importEdits = [...(asyncioName ? [] : [importEdit(file, 'asyncio')]), ...(pytestName ? [] : [importEdit(file, 'pytest')])]
    return [...importEdits, { path: file.path, start: at, end: at, text: nl + nl + nl + body }]
  }
  // No imports: at the top, after a module docstring.
  const doc = /^(\s*(#[^\n]*\n)*\s*)("""[\s\S]*?"""|'''[\s\S]*?''')[^\n]*\n/.exec(file.text)
  const start = doc ? doc[0].length : 0
  const rest = file.text.slice(start)
  const lead = doc ? nl : ''
  const text = lead + imports.map((i) => i + nl).join('') + nl + nl + body + nl + (rest.trim() ? nl + nl : '')
  return [{ path: file.path, start, end: start, text }]
}
