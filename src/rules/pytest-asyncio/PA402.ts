import type { Rule } from '../engine.js'
import { fixtureSymbol, testSymbol, versionsText } from '../engine.js'
import type { TextEdit } from '../types.js'
import type { PyFile, PyFunction, TestFunc } from '../../model/types.js'
import { eraAtLeast } from '../../resolve/asyncio.js'
import { aloneOnLines, importEdit, localName, removeParamEdit } from '../../fix/edits.js'
import { removeStatementEdit } from '../fixes.js'
import { buildsLoop, userEventLoop } from './event-loops.js'
import { erasWhere, newestEra } from './versions.js'

/** Uses of a name in a function's body (after its signature), as offsets. */
export function usesInBody(file: PyFile, fn: PyFunction, name: string): number[] {
  const text = file.text.slice(fn.defSpan.end, fn.whole.end)
  const out: number[] = []
  const re = new RegExp(`(?<![\\w.])${name}(?!\\w)`, 'g')
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(fn.defSpan.end + m.index)
  return out
}

/** PA402: an async test or fixture requests the `event_loop` fixture. */
export const PA402: Rule = {
  meta: {
    code: 'PA402',
    name: 'event-loop-requested-by-async-code',
    severity: 'warning',
    plugin: 'pytest-asyncio',
    summary: 'An async test or fixture takes the `event_loop` fixture instead of calling `asyncio.get_running_loop()`.',
    fixable: true,
    docs: {
      what: 'Flags a pytest-asyncio test or async fixture with an `event_loop` parameter, when the pinned pytest-asyncio is 0.23 or newer.',
      why: 'pytest-asyncio 0.23–0.26 warn `… is asynchronous and explicitly requests the "event_loop" fixture. Asynchronous fixtures and test functions should use "asyncio.get_running_loop()" instead.` (and a test with a wider loop scope fails with `MultipleEventLoopsRequestedError`). pytest-asyncio 1.0 removed the fixture: the test errors at setup with `fixture \'event_loop\' not found`. Inside a coroutine the running loop is `asyncio.get_running_loop()`.',
      versions: 'pytest-asyncio 0.23–0.26: warning. 1.0–1.4: error. Correct usage on 0.21.',
      bad: `@pytest.mark.asyncio
async def test_digest_in_executor(event_loop):
    result = await event_loop.run_in_executor(None, digest, b"abc")`,
      good: `@pytest.mark.asyncio
async def test_digest_in_executor():
    result = await asyncio.get_running_loop().run_in_executor(None, digest, b"abc")`
    }
  },
  check(ctx) {
    if (ctx.project.asyncio.disabled) return
    const warn = erasWhere(ctx, (e) => eraAtLeast(e, '0.23') && !eraAtLeast(e, '1.0'))
    const gone = erasWhere(ctx, (e) => eraAtLeast(e, '1.0'))
    if (!warn.eras.length && !gone.eras.length) return
    const era = newestEra(ctx)
    const units: { fn: PyFunction; file: PyFile; label: string; symbol: string; test: TestFunc | undefined }[] = []
    for (const t of ctx.targetTests()) {
      if (t.func.isAsync && t.func.argnames.includes('event_loop') && ctx.asyncio.isAsyncioTest(t)) units.push({ fn: t.func, file: t.file, label: `test \`${t.name}\``, symbol: testSymbol(t), test: t })
    }
    for (const fx of ctx.fixturesInScope()) {
      if (fx.builtin || !fx.func.isAsync || !fx.func.argnames.includes('event_loop') || !ctx.asyncio.handlesFixture(fx, era)) continue
      units.push({ fn: fx.func, file: fx.file, label: `fixture \`${fx.name}\``, symbol: fixtureSymbol(fx), test: ctx.usersOf(fx)[0] })
    }
    for (const u of units) {
      const user = u.test ? userEventLoop(ctx, u.test) : null
      // A project fixture named event_loop that is not a loop is just a domain object.
      if (user && !buildsLoop(user)) continue
      const parts: string[] = []
      if (gone.versions.length) {
        parts.push(
          user
            ? `${versionsText('pytest-asyncio', gone.versions)} no longer uses \`event_loop\`: it gets the override in ${user.file.path}, a loop that is not the one running it`
            : `${versionsText('pytest-asyncio', gone.versions)} removed the \`event_loop\` fixture: setup fails with \`fixture 'event_loop' not found\``
        )
      }
      if (warn.versions.length) {
        parts.push(
          `${versionsText('pytest-asyncio', warn.versions)} warns \`${u.fn.name} is asynchronous and explicitly requests the "event_loop" fixture. Asynchronous fixtures and test functions should use "asyncio.get_running_loop()" instead.\``
        )
      }
      const fix = buildFix(u.file, u.fn)
      ctx.report({
        severity: gone.versions.length ? 'error' : 'warning',
        path: u.file.path,
        span: u.fn.anchor,
        symbol: u.symbol,
        message: `The ${u.label} is a coroutine that takes the \`event_loop\` fixture. ${parts.join('; ')}. Drop the parameter and use \`asyncio.get_running_loop()\`.`,
        ...(fix ? { fix } : {})
      })
    }
  }
}

function buildFix(file: PyFile, fn: PyFunction): { title: string; edits: TextEdit[]; applicability: 'safe' } | null {
  if (!file.exactText) return null
  const param = removeParamEdit(file, fn, 'event_loop')
  if (!param) return null
  const edits: TextEdit[] = [param]
  // `event_loop.close()` closed the running loop (PA505): it goes rather than being rewritten.
  const closes = fn.facts.calls.filter((c) => c.receiver === 'event_loop' && c.method === 'close' && !c.value.items?.length && aloneOnLines(file, c.span))
  for (const c of closes) edits.push(removeStatementEdit(file, fn, c.span))
  const uses = usesInBody(file, fn, 'event_loop').filter((at) => !closes.some((c) => at >= c.span.start && at < c.span.end))
  let aio = localName(file, 'asyncio')
  if (!aio) {
    aio = 'asyncio'
    if (uses.length) edits.push(importEdit(file, 'asyncio'))
  }
  for (const at of uses) edits.push({ path: file.path, start: at, end: at + 'event_loop'.length, text: `${aio}.get_running_loop()` })
  return { title: 'Use `asyncio.get_running_loop()` instead of the `event_loop` fixture', edits, applicability: 'safe' }
}
