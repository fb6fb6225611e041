/**
 * Fixes shared by several rules, built from the model with the edit helpers in ../fix.
 */
import type { Fix, TextEdit } from './types.js'
import type { FixtureDef, PyFile, Scope, TestFunc, Value } from '../model/types.js'
import { isScope, scopeRank } from '../model/types.js'
import { isKnown, type PaEra } from '../resolve/asyncio.js'
import type { RuleContext } from './engine.js'
import { importEdit, insertDecorator, localName, markPrefix, preferredQuote, pyString, replaceCallee, setKwarg } from '../fix/edits.js'

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
  const edits: TextEdit[] = []
  const q = preferredQuote(file, hit?.mark.value)
  const valueText = pyString(scope, q)
  if (hit && hit.level === 'function' && hit.mark.origin === 'decorator') {
    const mv = hit.mark.value
    const other = kw === 'loop_scope' ? 'scope' : 'loop_scope'
    const otherValue = mv.kwargs?.get(other)
    if (otherValue) {
      // Replace the other spelling instead of adding a second one (PA202).
      const sp = kwargSpan(file, otherValue, other)
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
