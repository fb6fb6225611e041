import type { Rule, RuleContext } from '../engine.js'
import { testSymbol, where } from '../engine.js'
import type { Fix, TextEdit } from '../types.js'
import type { FixtureDef, PyFile, TestFunc } from '../../model/types.js'
import { isScope } from '../../model/types.js'
import { describeRange } from '../../model/versions.js'
import {
  anyioRunFunctions,
  blankStringsAndComments,
  dropImportedNames,
  eolOf,
  importStatements,
  isBlank,
  lineAt,
  lineNext,
  lineStart,
  lineText,
  linesOf,
  nameUsed,
  type ImportStmt
} from './portability.js'

/**
 * AN404: a test asks for another backend (a direct `parametrize("anyio_backend", …)`) while a
 * higher-scoped async fixture still holds anyio's runner (research R16): anyio reuses the live
 * runner whatever backend the test asked for, so the test silently runs on the other backend.
 */
export const AN404: Rule = {
  meta: {
    code: 'AN404',
    name: 'mixed-backend-with-live-runner',
    severity: 'warning',
    plugin: 'anyio',
    summary: 'A test parametrized to another anyio backend runs while a higher-scoped async fixture keeps a runner of the first backend alive, so it silently runs on that one.',
    fixable: true,
    docs: {
      what:
        'Flags an anyio test whose own `parametrize("anyio_backend", …)` asks for a backend that differs from the backend of a class-, module-, package- or session-scoped async fixture that an earlier test set up and that is still alive when this test runs (same class, module, package, or the session). The test does not use that fixture itself (if it did, pytest would raise AN103’s ScopeMismatch).',
      why:
        'Every anyio-run async fixture holds a lease on the test runner until its teardown, and anyio reuses a runner that exists whatever backend the next test requests (`get_runner` only uses the backend name when it creates a runner). The test therefore runs on the live runner’s backend: a `[trio]` test runs on asyncio (`sniffio.current_async_library()` says `asyncio`) and its trio calls fail with `RuntimeError: must be called from async context`, or it passes without testing trio at all.',
      versions:
        'Every anyio version with the pytest plugin (observed on 3.7.1, 4.0.0, 4.14.2 and master). The fix moves the test to a new module next to it, where no fixture of the other backend is alive (for a module- or class-scoped fixture); alternatively parametrize the module’s `anyio_backend` itself.',
      bad: `@pytest.fixture(scope="module")
def anyio_backend():
    return "asyncio"


@pytest.fixture(scope="module")
async def store():
    yield QuotaStore(per_minute=5)


@pytest.mark.anyio
async def test_quota_is_enforced(store): ...


@pytest.mark.parametrize("anyio_backend", ["trio"])
async def test_refill_schedule(anyio_backend):
    start = trio.current_time()`,
      good: `# test_quota_schedule.py (its own module: no asyncio runner is alive here)
@pytest.mark.parametrize("anyio_backend", ["trio"])
async def test_refill_schedule(anyio_backend):
    start = trio.current_time()`,
      references: ['https://github.com/agronholm/anyio/issues/686']
    }
  },
  check(ctx) {
    const targets = new Set(ctx.targetTests())
    const holders = anyioRunFunctions(ctx).filter((rf) => rf.fixture && isScope(rf.fixture.scope) && rf.fixture.scope !== 'function')
    if (!holders.length) return
    const order = runOrder(ctx.suite.tests())
    for (const t of targets) {
      if (!ctx.anyio.isAnyioTest(t)) continue
      const choice = ctx.anyio.backend(t)
      if (!choice || choice.source !== 'parametrize' || !choice.exact) continue
      const mine = new Set(choice.backends)
      const closure = new Set(ctx.anyio.closure(t).map((e) => e.def))
      for (const h of holders) {
        const fx = h.fixture as FixtureDef
        if (closure.has(fx)) continue
        const live = liveBefore(ctx, fx, h.users, t, order)
        if (!live) continue
        const theirs = ctx.anyio.backend(live)?.backends ?? []
        if (theirs.length !== 1) continue
        const runner = theirs[0] as string
        const wanted = [...mine].filter((b) => b !== runner)
        if (!wanted.length) continue
        report(ctx, t, fx, live, runner, wanted)
        break
      }
    }
  }
}

function runOrder(tests: TestFunc[]): Map<TestFunc, number> {
  const sorted = [...tests].sort((a, b) => (a.file !== b.file ? (a.file.path < b.file.path ? -1 : 1) : a.func.whole.start - b.func.whole.start))
  return new Map(sorted.map((t, i) => [t, i]))
}

function dirOf(p: string): string {
  const i = p.lastIndexOf('/')
  return i < 0 ? '' : p.slice(0, i)
}

/** The earlier test (in the same instance of the fixture) that set it up, if it is still alive when `t` runs. */
function liveBefore(ctx: RuleContext, fx: FixtureDef, users: TestFunc[], t: TestFunc, order: Map<TestFunc, number>): TestFunc | null {
  const at = order.get(t) ?? 0
  const same = (u: TestFunc): boolean => {
    switch (fx.scope) {
      case 'class':
        return !!t.cls && u.cls === t.cls && u.file === t.file
      case 'module':
        return u.file === t.file
      case 'package':
        return dirOf(u.file.path).startsWith(fx.file.kind === 'conftest' ? dirOf(fx.file.path) : dirOf(t.file.path))
      default:
        return true
    }
  }
  const earlier = users.filter((u) => u !== t && same(u) && (order.get(u) ?? 0) < at && ctx.anyio.isAnyioTest(u))
  earlier.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
  return earlier[0] ?? null
}

function report(ctx: RuleContext, t: TestFunc, fx: FixtureDef, live: TestFunc, runner: string, wanted: string[]): void {
  const fix = fx.scope === 'module' || fx.scope === 'class' ? moveTestFix(ctx, t, wanted[0] as string) : null
  const newPath = fix?.edits.find((e) => e.path !== t.file.path)?.path
  ctx.report({
    path: t.file.path,
    span: t.func.anchor,
    symbol: testSymbol(t),
    message:
      `\`${t.name}\` asks for the ${wanted.join('/')} backend (its \`parametrize("anyio_backend", …)\`), but when it runs the ${fx.scope}-scoped async fixture \`${fx.name}\` (${where(fx)}), set up on ${runner} by \`${live.name}\`, still holds anyio's test runner. ` +
      `anyio reuses a live runner whatever backend a test requests (${describeRange(ctx.project.versions.anyio)}), so this test silently runs on ${runner} (\`sniffio.current_async_library()\` is \`"${runner}"\`)` +
      (wanted.includes('trio') ? ` and its trio calls fail with \`RuntimeError: must be called from async context\`` : '') +
      `. ` +
      (newPath
        ? `Move it to its own module (\`${newPath}\`), where no ${runner} runner is alive, or parametrize the module's \`anyio_backend\` instead.`
        : `Give it a module (or conftest directory) of its own with a matching \`anyio_backend\` and no higher-scoped ${runner} fixtures alive, or parametrize the shared \`anyio_backend\` instead.`),
    related: [{ path: fx.file.path, line: fx.func.anchor.line, endLine: fx.func.anchor.endLine, message: `\`${fx.name}\` keeps the ${runner} runner alive until the end of its ${fx.scope}` }],
    involves: [fx.file.path],
    ...(fix ? { fix } : {})
  })
}

const KEYWORDS = new Set('and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield True False None'.split(' '))

function namesIn(text: string): Set<string> {
  const out = new Set<string>()
  for (const m of blankStringsAndComments(text).matchAll(/(?<![A-Za-z0-9_.])([A-Za-z_]\w*)/g)) if (!KEYWORDS.has(m[1] as string)) out.add(m[1] as string)
  return out
}

/** A free name for the new module: `test_<stem>_<word>.py` from the test's longest name word. */
function newModulePath(ctx: RuleContext, t: TestFunc, backend: string): string | null {
  const path = t.file.path
  const dir = dirOf(path)
  const base = path.slice(dir ? dir.length + 1 : 0).replace(/\.py$/, '')
  const stemWords = new Set(base.split('_'))
  const words = t.name
    .replace(/^test_?/, '')
    .split('_')
    .filter((w) => w && !stemWords.has(w))
  const word = words.reduce((best, w) => (w.length > best.length ? w : best), '')
  const candidates = [word, backend, word && `${word}_${backend}`].filter(Boolean)
  for (const c of candidates) {
    const name = base.endsWith('_test') && !base.startsWith('test') ? `${base.slice(0, -5)}_${c}_test` : `${base}_${c}`
    const p = `${dir ? dir + '/' : ''}${name}.py`
    if (ctx.project.isTestFile(`${name}.py`) && !ctx.suite.files.has(p) && !ctx.project.fileExists(p)) return p
  }
  return null
}

/**
 * Move the test to a new module beside its own: the test (with the comment lines right above
 * it), the imports it needs, and the module's `pytestmark`; the old module loses the imports only
 * the test used.
 */
function moveTestFix(ctx: RuleContext, t: TestFunc, backend: string): Fix | null {
  const file = t.file
  if (!file.exactText || t.cls) return null
  // Fixtures defined in this module would not be visible from the new one.
  if (ctx.suite.closure(t).some((e) => e.def.file === file)) return null
  let first = t.func.anchor.line
  while (first > 1 && /^\s*#/.test(lineText(file, first - 1))) first--
  const last = lineAt(file, Math.max(t.func.whole.start, t.func.whole.end - 1))
  const testText = linesOf(file, first, last).join(eolOf(file))
  // Module-level names (not imports) the test uses cannot follow it.
  const stmts = importStatements(file)
  const imported = new Set(stmts.flatMap((s) => s.names.map((n) => n.local)))
  const defined = new Set<string>([...file.functions.map((f) => f.name), ...file.classes.map((c) => c.name)])
  for (const m of file.text.matchAll(/^([A-Za-z_]\w*)\s*(?::[^=\n]+)?=/gm)) defined.add(m[1] as string)
  defined.delete('pytestmark')
  // Fixture functions are requested by name, not referenced (those the test uses were checked above).
  for (const fx of file.fixtures) if (!file.functions.some((f) => f !== fx.func && f.name === fx.func.name)) defined.delete(fx.func.name)
  const used = namesIn(testText)
  for (const n of used) if (defined.has(n) && !imported.has(n) && n !== t.name) return null
  const newPath = newModulePath(ctx, t, backend)
  if (!newPath) return null
  const eol = eolOf(file)

  // Removal: the blank lines before the test (or after it, at the top of the module) and the test.
  let start = first
  while (start > 1 && isBlank(lineText(file, start - 1))) start--
  let end = last
  if (start === 1) {
    // Nothing above it: take the blank lines after it instead.
    start = first
    while (end < file.lineStarts.length && isBlank(lineText(file, end + 1))) end++
  }
  const removal: TextEdit = { path: file.path, start: lineStart(file, start), end: lineNext(file, end), text: '' }

  // Imports: what the test (and the copied pytestmark) needs goes along; what only it used leaves.
  const markText = file.pytestmark ? file.text.slice(file.pytestmark.span.start, file.pytestmark.span.end) : ''
  const needed = namesIn(testText + '\n' + markText)
  const kept: string[] = []
  let prev: ImportStmt | null = null
  for (const s of stmts) {
    const names = s.names.filter((n) => needed.has(n.local))
    if (!names.length) continue
    if (prev && linesOf(file, prev.endLine + 1, s.line - 1).some(isBlank) && kept.length) kept.push('')
    const spell = names.map((n) => (n.asname ? `${n.name} as ${n.asname}` : n.name)).join(', ')
    kept.push(s.kind === 'import' ? `import ${spell}` : `from ${s.module} import ${spell}`)
    prev = s
  }
  const future = file.text.match(/^from __future__ import [^\n]+$/m)?.[0]
  const head = [...(future ? [future, ''] : []), ...kept].join(eol)
  const parts = [head]
  if (markText) parts.push(`${eol}${eol}${markText}`)
  const content = `${parts.join('')}${eol}${eol}${eol}${testText}${eol}`

  const removedRange = { start: removal.start, end: removal.end }
  const leaving = new Set<string>()
  for (const local of imported) {
    if (!nameUsed(testText, local)) continue
    const stmtRanges = stmts.map((s) => ({ start: s.start, end: s.end }))
    if (!nameUsed(file.text, local, [removedRange, ...stmtRanges])) leaving.add(local)
  }
  const edits: TextEdit[] = [removal, ...dropImportedNames(file, leaving, true), { path: newPath, start: 0, end: 0, text: content }]
  return { title: `Move \`${t.name}\` to \`${newPath}\``, edits, applicability: 'unsafe' }
}

export type { PyFile }
