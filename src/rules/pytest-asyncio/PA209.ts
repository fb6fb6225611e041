import type { Rule } from '../engine.js'
import { pushTo } from '../../util/multimap.js'
import { versionsText } from '../engine.js'
import type { TextEdit } from '../types.js'
import type { Mark, PyFile, TestFunc } from '../../model/types.js'
import { cmpVersion } from '../../model/versions.js'
import {
  addPytestmarkEdits,
  deleteLines,
  identifierUsedElsewhere,
  insertDecorator,
  localName,
  markPrefix,
  scanImports,
  sortedImportEdit
} from '../../fix/edits.js'
import { unhandledAsyncTest } from '../messages.js'

function dirOf(p: string): string {
  const i = p.lastIndexOf('/')
  return i < 0 ? '' : p.slice(0, i)
}

/** PA209: `pytestmark` with an asyncio mark in a package `__init__.py`, which pytest ≥ 8 never applies. */
export const PA209: Rule = {
  meta: {
    code: 'PA209',
    name: 'package-pytestmark-in-init',
    severity: 'error',
    plugin: 'pytest-asyncio',
    summary: 'An asyncio mark in a package’s `__init__.py` `pytestmark` is never applied.',
    fixable: true,
    docs: {
      what: 'Flags `pytestmark = pytest.mark.asyncio(...)` in a test package’s `__init__.py` (a pattern pytest-asyncio’s own how-to guide shows for package loops) when pytest 8 or newer is allowed.',
      why: 'Since pytest 8.0 a `Package` is no longer a `Module`, so nothing reads `pytestmark` from `__init__.py`. In strict mode the async tests below it are unmarked: pytest ≥ 8.4 fails them with `async def functions are not natively supported.` (older pytest skips them). In auto mode they silently run in the default function loop instead of the package loop. The fix moves the mark into each test module (`pytestmark`), or onto each async test in modules that also hold sync tests.',
      versions: 'pytest ≥ 8.0, any pytest-asyncio. Error in strict mode, warning in auto mode.',
      bad: `# tests/__init__.py
import pytest

pytestmark = pytest.mark.asyncio(loop_scope="package")`,
      good: `# tests/test_timeouts.py
import asyncio

import pytest

pytestmark = pytest.mark.asyncio(loop_scope="package")`
    }
  },
  check(ctx) {
    const pytest = ctx.project.versions.pytest.candidates
    const newer = pytest.filter((v) => cmpVersion(v, '8.0.0') >= 0)
    if (pytest.length && !newer.length) return
    if (ctx.project.asyncio.disabled) return
    const inits = ctx
      .targetFiles()
      .filter(
        (f) => f.kind === 'init' && f.pytestmark && f.moduleMarks.some((m) => m.name === 'asyncio')
      )
    const markedDirs = inits.map((f) => dirOf(f.path))
    for (const init of inits) {
      const mark = init.moduleMarks.find((m) => m.name === 'asyncio') as Mark
      const dir = dirOf(init.path)
      // Tests below this package and not below a deeper package with its own such init.
      const under = (t: TestFunc): boolean => {
        if (dir !== '' && !t.file.path.startsWith(dir + '/')) return false
        const tdir = dirOf(t.file.path)
        return !markedDirs.some(
          (d) => d !== dir && d.length > dir.length && (tdir === d || tdir.startsWith(d + '/'))
        )
      }
      // Only tests with no asyncio mark of their own depended on the package mark.
      const needing = ctx.suite
        .tests()
        .filter((t) => under(t) && t.func.isAsync && !ctx.suite.marks(t, 'asyncio').length)
        .sort((a, b) =>
          a.file.path < b.file.path
            ? -1
            : a.file.path > b.file.path
              ? 1
              : a.func.anchor.line - b.func.anchor.line
        )
      const strict = !ctx.asyncio.auto
      const pytest84 = newer.some((v) => cmpVersion(v, '8.4.0') >= 0)
      const names =
        needing
          .slice(0, 3)
          .map((t) => `\`${t.name}\``)
          .join(', ') + (needing.length > 3 ? ` and ${needing.length - 3} more` : '')
      const effect = !needing.length
        ? 'No test below it depends on it (they all have their own asyncio marks), so it is dead code.'
        : strict
          ? `In strict mode the async tests below it (${names}) are unmarked, so pytest does not run them: \`${unhandledAsyncTest(pytest84)}\``
          : `In auto mode the async tests below it (${names}) silently run in the default loop instead of the one the mark asks for.`
      const fix = buildFix(init, mark, ctx.suite.files, needing)
      ctx.report({
        path: init.path,
        span: init.pytestmark!.span,
        symbol: `module:${init.path}::pytestmark`,
        severity: strict && needing.length ? 'error' : 'warning',
        message:
          `\`pytestmark = ${init.pytestmark!.value.text}\` in the package's \`__init__.py\` is never applied: since pytest 8.0 a package is no longer a module, and nothing reads \`pytestmark\` from \`__init__.py\`. ${effect} ` +
          `Affects ${versionsText('pytest', newer.length ? newer : pytest)}${ctx.project.versions.pytest.assumed ? ' (no pin found; assumed newest)' : ''}. ` +
          `Mark the test modules instead: \`pytestmark = ${init.pytestmark!.value.text}\` in each module, or the mark on each async test in modules that also hold sync tests.`,
        related: needing
          .slice(0, 5)
          .map((t) => ({
            path: t.file.path,
            line: t.func.anchor.line,
            endLine: t.func.anchor.endLine,
            message: `\`${t.name}\` does not get the package's asyncio mark`
          })),
        involves: [...new Set(needing.map((t) => t.file.path))],
        ...(fix ? { fix } : {})
      })
    }
  }
}

function buildFix(
  init: PyFile,
  mark: Mark,
  files: ReadonlyMap<string, PyFile>,
  needing: TestFunc[]
) {
  if (!init.exactText || !init.pytestmark) return null
  const v = init.pytestmark.value
  // Only a lone asyncio mark moves cleanly (other package marks are not ours to move).
  if ((v.kind === 'list' || v.kind === 'tuple') && (v.items ?? []).length !== 1) return null
  const lineOf = (offset: number): number => init.lineStarts.filter((s) => s <= offset).length
  const remove = new Set<number>()
  for (let l = init.pytestmark.span.line; l <= init.pytestmark.span.endLine; l++) remove.add(l)
  const py = localName(init, 'pytest')
  if (py && !identifierUsedElsewhere(init, py, [init.pytestmark.span])) {
    const stmt = scanImports(init.text).find(
      (s) => s.entries.length === 1 && s.entries[0]!.local === py
    )
    if (stmt)
      for (let l = lineOf(stmt.lineStart); l <= lineOf(Math.max(stmt.lineStart, stmt.end - 1)); l++)
        remove.add(l)
  }
  const edits: TextEdit[] = deleteLines(init, remove)
  const args = mark.value.argList
    ? init.text.slice(mark.value.argList.start, mark.value.argList.end)
    : ''
  const suffix = `asyncio${args}`
  const byFile = new Map<PyFile, TestFunc[]>()
  for (const t of needing) pushTo(byFile, t.file, t)
  for (const [file, tests] of byFile) {
    if (!file.exactText || !files.has(file.path)) return null
    // A module-wide mark would also reach its sync tests (PA210).
    const hasSync = file.tests.some((t) => !t.func.isAsync)
    if (!file.pytestmark && !hasSync) {
      edits.push(...addPytestmarkEdits(file, suffix))
      continue
    }
    const { prefix, importEdit: imp } = markPrefix(file)
    if (imp) edits.push(sortedImportEdit(file, 'pytest'))
    for (const t of tests) edits.push(insertDecorator(file, t.func, `${prefix}.${suffix}`))
  }
  return {
    title: 'Move the asyncio mark from `__init__.py` into the test modules',
    edits,
    applicability: 'safe' as const
  }
}
