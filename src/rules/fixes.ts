/**
 * Fixes shared by several rules, built from the model with the edit helpers in ../fix.
 */
import type { Fix, TextEdit } from './types.js'
import type { FixtureDef, PyFile, Scope, TestFunc, Value } from '../model/types.js'
import { isScope, scopeRank } from '../model/types.js'
import { isKnown, type PaEra } from '../resolve/asyncio.js'
import type { RuleContext } from './engine.js'
import { deleteLines, deleteLinesEdit, importEdit, insertDecorator, localName, markPrefix, preferredQuote, pyString, removeKwarg, removeListItem, replaceCallee, setKwarg } from '../fix/edits.js'
import type { Mark, PyFunction, Span } from '../model/types.js'

/** The span of `key=value` for a keyword argument whose value is `v`. */
export function kwargSpan(file: PyFile, v: Value, key: string): { start: number; end: number } | null {
  const before = file.text.slice(0, v.span.start)
  const m = new RegExp(`${key}\\s*=\\s*$`).exec(before)
  if (!m) return null
  return { start: m.index, end: v.span.end }
}

/**
 * Make a test run in the given loop scope: edit its own asyncio mark, or add a mark on the test
 * when the closest one is on the class or module (or implicit in auto mode).
 */
export function setTestLoopScopeFix(ctx: RuleContext, test: TestFunc, scope: Scope, kw: 'loop_scope' | 'scope'): Fix | null {
  const file = test.file
  if (!file.exactText) return null
  const hit = ctx.asyncio.asyncioMark(test)
  // A bare mark (the test's own, its class's or the module's) hides a later mark that already
  // selects this scope (PA205/PA206): removing it is the smaller change, and the same edit those
  // rules suggest.
  if (hit && (hit.mark.origin === 'decorator' || hit.mark.origin === 'pytestmark') && isBareMark(hit.mark) && !ctx.suite.hookMarks().some((h) => h.mark.name === 'asyncio')) {
    const next = ctx.suite.marks(test, 'asyncio', ctx.asyncio.baseClassMarksFirst).find((h) => h.mark !== hit.mark)
    const owner = hit.level === 'class' && hit.cls ? ctx.suite.mro(hit.cls).find((c) => c.ownMarks.includes(hit.mark)) : undefined
    const pytestmark = hit.level === 'module' ? file.pytestmark : owner?.pytestmark
    const removal = next && markScope(next.mark, kw) === scope && (hit.level !== 'class' || owner) ? removeMarkEdits(file, hit.mark, pytestmark) : null
    if (removal) {
      return { title: `Remove the bare asyncio mark that hides the one with \`${kw}="${scope}"\``, edits: removal, applicability: 'safe' }
    }
  }
  const edits: TextEdit[] = []
  const q = preferredQuote(file, hit?.mark.value)
  const valueText = pyString(scope, q)
  if (hit && hit.level === 'function' && hit.mark.origin === 'decorator') {
    const mv = hit.mark.value
    const other = kw === 'loop_scope' ? 'scope' : 'loop_scope'
    const own = mv.kwargs?.get(kw)
    const otherValue = mv.kwargs?.get(other)
    const positional = mv.items ?? []
    const unknown = [...(mv.kwargs?.keys() ?? [])].filter((k) => k !== 'scope' && k !== 'loop_scope' && k !== 'loop_factories')
    const typo = !positional.length && unknown.length === 1 ? mv.kwargs?.get(unknown[0] as string) : undefined
    if (own) {
      edits.push(setKwarg(file, mv, kw, valueText))
      // Both spellings on one mark (PA202): the deprecated one goes.
      const drop = otherValue && kw === 'loop_scope' ? removeKwarg(file, mv, other) : null
      if (drop) edits.push(drop)
    } else if (otherValue) {
      // Replace the other spelling instead of adding a second one (PA202).
      const sp = kwargSpan(file, otherValue, other)
      if (!sp) return null
      edits.push({ path: file.path, start: sp.start, end: sp.end, text: `${kw}=${valueText}` })
    } else if (positional.length === 1 && positional[0]!.kind === 'str' && !unknown.length) {
      // A loop scope passed positionally (PA203) becomes the keyword instead of gaining a second one.
      edits.push({ path: file.path, start: positional[0]!.span.start, end: positional[0]!.span.end, text: `${kw}=${valueText}` })
    } else if (typo && typo.kind === 'str' && isScope(typo.str)) {
      // A misspelt loop-scope keyword (PA203) is replaced rather than joined by the right one.
      const sp = kwargSpan(file, typo, unknown[0] as string)
      if (!sp) return null
      edits.push({ path: file.path, start: sp.start, end: sp.end, text: `${kw}=${valueText}` })
    } else {
      edits.push(setKwarg(file, mv, kw, valueText))
    }
  } else {
    const { prefix, importEdit: imp } = markPrefix(file)
    edits.push(insertDecorator(file, test.func, `${prefix}.asyncio(${kw}=${valueText})`))
    if (imp) edits.push(imp)
  }
  return {
    title: `Run \`${test.name}\` in the ${scope} loop: \`@pytest.mark.asyncio(${kw}="${scope}")\``,
    edits,
    applicability: 'safe'
  }
}

/**
 * The loop scope a fixture should have so that neither pytest (loop ≥ caching scope) nor its
 * asyncio users (same loop as theirs) complain: the widest of its scope and its users' loops.
 */
export function fixtureTargetLoop(ctx: RuleContext, fx: FixtureDef, era: PaEra): Scope | null {
  let target: Scope = isScope(fx.scope) ? fx.scope : 'function'
  for (const t of ctx.usersOf(fx)) {
    if (!ctx.asyncio.isAsyncioTest(t)) continue
    const tl = ctx.asyncio.testLoop(t, era)
    if (!isKnown(tl)) continue
    if (scopeRank(tl.scope) > scopeRank(target)) target = tl.scope
  }
  return target
}

/**
 * Give a fixture an explicit `loop_scope`. A `@pytest.fixture` (auto mode) becomes a
 * `@pytest_asyncio.fixture` (the only decorator that takes `loop_scope`), importing
 * pytest_asyncio once when the file lacks it.
 */
export function setFixtureLoopScopeFix(fx: FixtureDef, scope: Scope, edits: TextEdit[] = []): Fix | null {
  const file = fx.file
  if (!file.exactText || fx.builtin) return null
  const dv = fx.decorator.value
  const q = preferredQuote(file, dv)
  const valueText = pyString(scope, q)
  if (fx.decoratorKind === 'pytest') {
    let pa = localName(file, 'pytest_asyncio')
    if (!pa) {
      pa = 'pytest_asyncio'
      if (!edits.some((e) => e.path === file.path && e.text.includes('import pytest_asyncio'))) edits.push(importEdit(file, 'pytest_asyncio'))
    }
    edits.push(replaceCallee(file, dv, `${pa}.fixture`))
  }
  edits.push(setKwarg(file, dv, 'loop_scope', valueText))
  return {
    title: `Set \`loop_scope="${scope}"\` on fixture \`${fx.name}\``,
    edits,
    applicability: 'safe'
  }
}

/** A mark with no arguments (`@pytest.mark.asyncio` or `@pytest.mark.asyncio()`). */
export function isBareMark(m: Mark): boolean {
  return m.args.length === 0 && m.kwargs.size === 0
}

/**
 * The loop scope an asyncio mark selects as literal text: `loop_scope`, else `scope` (≥ 0.24,
 * `kw = 'loop_scope'`), or only `scope` (0.23, `kw = 'scope'`). Undefined when it selects none.
 */
export function markScope(m: Mark, kw: 'loop_scope' | 'scope' = 'loop_scope'): string | undefined {
  const truthy = (v: Value | undefined): string | undefined => (v && v.kind === 'str' && v.str ? v.str : undefined)
  if (kw === 'loop_scope') return truthy(m.kwargs.get('loop_scope')) ?? truthy(m.kwargs.get('scope'))
  return truthy(m.kwargs.get('scope'))
}

/**
 * Edits removing a mark where it is written: its decorator line(s), its element of a
 * `pytestmark` list, or the whole `pytestmark = <mark>` statement. Null when the mark does not
 * stand on its own lines (it cannot be removed without rewriting the code around it).
 */
export function removeMarkEdits(file: PyFile, mark: Mark, pytestmark?: { span: Span; value: Value }): TextEdit[] | null {
  if (!file.exactText) return null
  const alone = (sp: Span): boolean => {
    const ls = file.lineStarts[sp.line - 1] as number
    const le = file.text.indexOf('\n', sp.end)
    return /^[ \t]*$/.test(file.text.slice(ls, sp.start)) && /^[ \t]*(#.*)?\r?$/.test(file.text.slice(sp.end, le < 0 ? undefined : le))
  }
  const lines = (sp: Span): number[] => Array.from({ length: sp.endLine - sp.line + 1 }, (_, i) => sp.line + i)
  if (mark.origin === 'decorator') return alone(mark.span) ? deleteLines(file, lines(mark.span)) : null
  if (mark.origin === 'pytestmark' && pytestmark) {
    const v = pytestmark.value
    if (v.kind === 'list' || v.kind === 'tuple') {
      const item = (v.items ?? []).find((i) => i.span.start === mark.span.start && i.span.end === mark.span.end)
      if (!item) return null
      if ((v.items ?? []).length > 1) return [removeListItem(file, v, item)]
    }
    return alone(pytestmark.span) ? deleteLines(file, lines(pytestmark.span)) : null
  }
  return null
}

/** Delete a statement alone on its lines; `pass` when it is the function's whole body. */
export function removeStatementEdit(file: PyFile, fn: PyFunction, span: Span): TextEdit {
  const rest = file.text.slice(fn.defSpan.end, span.start) + file.text.slice(span.end, fn.whole.end)
  const code = rest.replace(/^\s*:/, '').replace(/^[ \t]*(#.*)?$/gm, '')
  if (!/\S/.test(code)) return { path: file.path, start: span.start, end: span.end, text: 'pass' }
  return deleteLinesEdit(file, span)
}
