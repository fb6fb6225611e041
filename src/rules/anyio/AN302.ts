import type { Rule } from '../engine.js'
import { fixtureSymbol } from '../engine.js'
import type { Fix, TextEdit } from '../types.js'
import type { FixtureDef, TestFunc } from '../../model/types.js'
import { addParamEdit, identifierUsedElsewhere, importEdit, localName, pruneImportEdits, removeKwarg, replaceCallee } from '../../fix/edits.js'
import { isScope, scopeRank } from '../../model/types.js'
import { AnyioModel } from '../../resolve/anyio.js'
import { BOUND_TO_OTHER_LOOP, NO_RUNNING_LOOP } from '../messages.js'
import { pushTo } from '../../util/multimap.js'

/**
 * AN302 (research/anyio.md R8; PA702 retired into it): an async `@pytest_asyncio.fixture` in the
 * closure of a test anyio runs. pytest-asyncio sets it up in its own loop; the test body runs in
 * anyio's runner (or under trio).
 */
export const AN302: Rule = {
  meta: {
    code: 'AN302',
    name: 'pytest-asyncio-fixture-in-anyio-test',
    severity: 'error',
    plugin: 'anyio',
    summary: 'An anyio test uses an async `@pytest_asyncio.fixture`, which runs in pytest-asyncio’s loop instead of the test’s.',
    fixable: true,
    docs: {
      what: 'Flags an async fixture declared with `@pytest_asyncio.fixture` that a test run by anyio requests, directly or through other fixtures.',
      why: 'pytest-asyncio sets the fixture up in its own event loop, and anyio runs the test in its runner loop (or under trio), so whatever the fixture creates belongs to another loop. On `[asyncio]` awaiting it fails with `… is bound to a different event loop` or hangs (a serving task on a loop that never runs again); on `[trio]` it fails with `RuntimeError: no running event loop` or `AttributeError: \'NoneType\' object has no attribute \'create_future\'`. A fixture that yields inside a task group or cancel scope also fails at teardown, because pytest-asyncio runs setup and teardown in different tasks. A plain `@pytest.fixture` lets anyio run the fixture in the test’s runner.',
      versions: 'Every anyio version with every pytest-asyncio version (both the strict and the auto mode).',
      bad: `import pytest_asyncio


@pytest_asyncio.fixture
async def room():
    r = Room("general")
    yield r
    await r.close()`,
      good: `import pytest


@pytest.fixture
async def room():
    r = Room("general")
    yield r
    await r.close()`,
      references: ['https://anyio.readthedocs.io/en/stable/testing.html', 'https://github.com/pytest-dev/pytest-asyncio/issues/1191']
    }
  },
  check(ctx) {
    const anyio = ctx.anyio
    if (!anyio.enabled) return
    const users = new Map<FixtureDef, TestFunc[]>()
    for (const t of ctx.targetTests()) {
      for (const e of anyio.pytestAsyncioFixtures(t)) pushTo(users, e.def, t)
    }
    for (const [fx, tests] of users) {
      const asyncioUsers = ctx.usersOf(fx).filter((t) => anyio.takenOver(t) || (!t.func.isAsync && !anyio.hasBackend(t)))
      const backends = new Set(tests.flatMap((t) => anyio.backend(t)?.backends ?? []))
      // As a plain fixture anyio resolves `anyio_backend` at its scope (AN101/AN102/AN103) ...
      const narrow = tests
        .map((t) => anyio.backend(t))
        .find((b) => b && b.scopes.some((x) => AnyioModel.wider(fx.scope, x.scope)))
      // ... and a scoped one must request it to follow backend switches (AN105).
      const switches = isScope(fx.scope) && scopeRank(fx.scope) >= scopeRank('class') && backends.size > 1 && !anyio.dependsOnBackend(fx, tests[0]!)
      const fix = asyncioUsers.length || narrow ? null : plainFixtureFix(fx, switches)
      const names = tests.slice(0, 2).map((t) => `\`${t.name}\``).join(', ') + (tests.length > 2 ? ` and ${tests.length - 2} more` : '')
      ctx.report({
        path: fx.file.path,
        span: fx.func.anchor,
        symbol: fixtureSymbol(fx),
        message:
          `\`${fx.name}\` is a \`@pytest_asyncio.fixture\`, but anyio runs the test${tests.length > 1 ? 's' : ''} using it (${names}). pytest-asyncio sets it up in its own event loop while anyio runs the test body in its runner` +
          (backends.has('trio') ? ' or under trio' : '') +
          `, so what the fixture creates belongs to another loop: awaiting it fails (\`${BOUND_TO_OTHER_LOOP}\`${backends.has('trio') ? `; on \`[trio]\`: \`${NO_RUNNING_LOOP}\`` : ''}) or hangs. ` +
          (asyncioUsers.length
            ? `It cannot simply become a plain \`@pytest.fixture\`: pytest-asyncio tests use it too (${asyncioUsers
                .slice(0, 2)
                .map((t) => `\`${t.name}\``)
                .join(', ')}), and in strict mode they would lose it. Give the anyio tests a separate plain \`@pytest.fixture\` version of it.`
            : narrow
              ? `Declare it with plain \`@pytest.fixture\` (dropping \`loop_scope\`) so anyio runs it in the test’s runner; as a ${fx.scope}-scoped anyio fixture it also needs an \`anyio_backend\` override with \`scope="${fx.scope}"\` (the one it gets is ${narrow.scope}-scoped).`
              : `Declare it with plain \`@pytest.fixture\` (dropping \`loop_scope\`${switches ? ', and requesting `anyio_backend` so it follows backend switches' : ''}) so anyio runs it in the test’s runner.`),
        involves: tests.map((t) => t.file.path),
        ...(fix ? { fix } : {})
      })
    }
  }
}

/** `@pytest_asyncio.fixture(...)` → `@pytest.fixture(...)` without `loop_scope`, fixing the imports. */
function plainFixtureFix(fx: FixtureDef, addBackend: boolean): Fix | null {
  const file = fx.file
  if (!file.exactText) return null
  const dv = fx.decorator.value
  const edits: TextEdit[] = []
  const py = localName(file, 'pytest')
  edits.push(replaceCallee(file, dv, `${py ?? 'pytest'}.fixture`))
  if (dv.kwargs?.has('loop_scope')) {
    const e = removeKwarg(file, dv, 'loop_scope')
    if (!e) return null
    edits.push(e)
  }
  const pa = localName(file, 'pytest_asyncio')
  const stillUsed = pa ? identifierUsedElsewhere(file, pa, [{ start: dv.span.start, end: dv.argList?.start ?? dv.span.end }]) : true
  const paImport = /^import pytest_asyncio[ \t]*(\r?\n|$)/m.exec(file.text)
  if (!py) {
    if (paImport && !stillUsed) {
      const lineEnd = paImport.index + paImport[0].length - (paImport[1] ?? '').length
      edits.push({ path: file.path, start: paImport.index, end: lineEnd, text: 'import pytest' })
    } else edits.push(importEdit(file, 'pytest'))
  } else if (paImport && !stillUsed) {
    edits.push({ path: file.path, start: paImport.index, end: paImport.index + paImport[0].length, text: '' })
  }
  if (addBackend) {
    const e = addParamEdit(file, fx.func, 'anyio_backend')
    if (!e) return null
    edits.push(e)
  }
  // `from pytest_asyncio import fixture` and the like, left unused.
  if (!paImport) edits.push(...pruneImportEdits(file, edits))
  return { title: `Declare \`${fx.name}\` with plain \`@pytest.fixture\``, edits, applicability: 'safe' }
}
