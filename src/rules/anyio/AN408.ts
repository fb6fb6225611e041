import type { Rule, RuleContext } from '../engine.js'
import { fixtureSymbol } from '../engine.js'
import type { Fix } from '../types.js'
import type { FixtureDef, YieldFact } from '../../model/types.js'
import { describeRange } from '../../model/versions.js'
import { preferredQuote, pyString } from '../../fix/edits.js'
import {
  anyioRunFunctions,
  blockEnd,
  eolOf,
  indentOf,
  indentStep,
  isBlank,
  lineText,
  linesOf,
  moveLines,
  replaceLines,
  statementsIn,
  type Stmt
} from './portability.js'

const DID_NOT_STOP = 'RuntimeError: Async generator fixture did not stop'

/**
 * AN408: an async generator fixture that can reach `yield` more than once (a yield in a loop
 * that goes on after teardown, two yields in a row) or not at all (research R20).
 */
export const AN408: Rule = {
  meta: {
    code: 'AN408',
    name: 'asyncgen-fixture-yield-count',
    severity: 'error',
    plugin: 'anyio',
    summary: 'An async generator fixture run by anyio can reach `yield` more than once, or not at all.',
    fixable: true,
    docs: {
      what:
        'Flags an async generator fixture that anyio runs when a path through it reaches `yield` twice — a `yield` inside a loop whose iteration does not end after it (a retry loop), or two `yield`s one after the other — or when every `yield` sits under an `if` with no `else`, so setup can finish without yielding.',
      why:
        'anyio drives an async generator fixture exactly once to its `yield` for setup and once more for teardown, and expects it to finish then. A second `yield` means the teardown never completes: `RuntimeError: Async generator fixture did not stop`, reported as an error at teardown after the test itself passed (a retry loop first closes the resource, then loops, reconnects and yields again). No `yield` at all gives an error at setup with a bare `StopAsyncIteration` (`RuntimeError: Async generator did not yield` on anyio 3.0–3.5).',
      versions:
        'Every anyio version with the pytest plugin. For a retry loop the fix leaves the loop with `break` once setup succeeded, raises from the loop’s `else:` when every attempt failed, and yields once after the loop.',
      bad: `@pytest.fixture
async def connection(broker):
    for attempt in range(3):
        try:
            conn = await broker.connect()
        except ConnectionRefusedError:
            await anyio.sleep(0.01 * (attempt + 1))
            continue
        yield conn
        await conn.close()`,
      good: `@pytest.fixture
async def connection(broker):
    for attempt in range(3):
        try:
            conn = await broker.connect()
            break
        except ConnectionRefusedError:
            await anyio.sleep(0.01 * (attempt + 1))
    else:
        raise ConnectionRefusedError("broker never accepted a connection")
    yield conn
    await conn.close()`
    }
  },
  check(ctx) {
    const inScope = new Set(ctx.fixturesInScope())
    for (const rf of anyioRunFunctions(ctx)) {
      const fx = rf.fixture
      if (!fx || !inScope.has(fx) || !fx.func.isGenerator) continue
      const problem = yieldProblem(fx)
      if (problem) report(ctx, fx, problem)
    }
  }
}

type Problem = { kind: 'loop'; y: YieldFact; loopLine: number } | { kind: 'twice'; a: YieldFact; b: YieldFact } | { kind: 'none'; y: YieldFact; ifLine: number }

/** The nearest line above `line` with less indentation than `indent` (an enclosing block header), or null. */
function headerAbove(fx: FixtureDef, line: number, indent: number): number | null {
  const file = fx.file
  for (let l = line - 1; l > fx.func.defSpan.endLine; l--) {
    const t = lineText(file, l)
    if (isBlank(t) || /^\s*#/.test(t)) continue
    if (indentOf(t).length < indent) return l
  }
  return null
}

/** The innermost loop header enclosing a line (within the function), and the block header chain. */
function enclosing(fx: FixtureDef, line: number): { headers: number[] } {
  const file = fx.file
  const headers: number[] = []
  let indent = indentOf(lineText(file, line)).length
  let l = line
  for (;;) {
    const h = headerAbove(fx, l, indent)
    if (h === null) break
    headers.push(h)
    indent = indentOf(lineText(file, h)).length
    l = h
  }
  return { headers }
}

const LOOP = /^\s*(async\s+)?(for|while)\b/
const EXITS = /^\s*(break|return|raise)\b/

function yieldProblem(fx: FixtureDef): Problem | null {
  const file = fx.file
  const ys = fx.func.facts.yields
  if (!ys.length) return null
  // A yield in a loop: the iteration must end (break/return/raise) after it, in its own block.
  for (const y of ys) {
    if (!y.inLoop) continue
    const { headers } = enclosing(fx, y.span.line)
    const loopLine = headers.find((h) => LOOP.test(lineText(file, h)))
    if (!loopLine) continue
    // From the yield's own block up to the loop body: a break/return/raise after it ends the iteration.
    let exits = false
    let at = y.span.line
    for (const h of headers) {
      const after = statementsIn(file, h + 1, blockEnd(file, h)).filter((s) => s.first > at)
      if (after.some((s) => EXITS.test(lineText(file, s.first)))) {
        exits = true
        break
      }
      if (h === loopLine) break
      at = blockEnd(file, h)
    }
    if (!exits) return { kind: 'loop', y, loopLine }
  }
  // Two yields on one path: two unconditional ones, or two in the same block.
  const plain = ys.filter((y) => !y.conditional && !y.inLoop)
  if (plain.length >= 2) return { kind: 'twice', a: plain[0] as YieldFact, b: plain[1] as YieldFact }
  for (let i = 0; i < ys.length; i++) {
    for (let j = i + 1; j < ys.length; j++) {
      const a = ys[i] as YieldFact
      const b = ys[j] as YieldFact
      if (a.inLoop || b.inLoop) continue
      const ha = enclosing(fx, a.span.line).headers[0]
      const hb = enclosing(fx, b.span.line).headers[0]
      if (ha !== undefined && ha === hb && indentOf(lineText(file, a.span.line)) === indentOf(lineText(file, b.span.line))) {
        const between = statementsIn(file, a.span.line + 1, b.span.line - 1)
        if (!between.some((s) => EXITS.test(lineText(file, s.first)))) return { kind: 'twice', a, b }
      }
    }
  }
  // No yield on some path: every yield under an `if` chain without `else`.
  if (ys.every((y) => y.conditional && !y.inLoop)) {
    const y = ys[0] as YieldFact
    const h = enclosing(fx, y.span.line).headers[0]
    if (h === undefined || !/^\s*(if|elif)\b/.test(lineText(file, h))) return null
    const hIndent = indentOf(lineText(file, h))
    // Walk back to the `if` of the chain, then forward over its elif/else clauses.
    let l = h
    while (/^\s*elif\b/.test(lineText(file, l))) {
      const prev = headerAbove(fx, l, hIndent.length + 1)
      if (prev === null) break
      l = prev
    }
    let clause: number | null = l
    while (clause !== null) {
      const end = blockEnd(file, clause)
      let next: number | null = null
      for (let k = end + 1; k <= file.lineStarts.length; k++) {
        const t = lineText(file, k)
        if (isBlank(t) || /^\s*#/.test(t)) continue
        if (indentOf(t) === hIndent && /^\s*(elif\b|else\s*:)/.test(t)) next = k
        break
      }
      if (next !== null && /^\s*else\s*:/.test(lineText(file, next))) return null
      clause = next
    }
    return { kind: 'none', y, ifLine: l }
  }
  return null
}

function report(ctx: RuleContext, fx: FixtureDef, p: Problem): void {
  const file = fx.file
  const fix = p.kind === 'loop' ? retryLoopFix(fx, p.y, p.loopLine) : null
  const old = ctx.anyio.versionsBelow('3.6').length
  let what: string
  if (p.kind === 'loop')
    what =
      `its \`yield\` (line ${p.y.span.line}) is inside the loop on line ${p.loopLine}, and nothing ends the iteration after it: after the test, teardown resumes the generator, runs the rest of the iteration and loops on to the next \`yield\`. ` +
      `The test passes and then errors at teardown with \`${DID_NOT_STOP}\`.`
  else if (p.kind === 'twice')
    what = `it reaches \`yield\` on line ${p.a.span.line} and again on line ${p.b.span.line}: teardown stops at the second one, so the test passes and then errors at teardown with \`${DID_NOT_STOP}\`.`
  else
    what =
      `its only \`yield\` (line ${p.y.span.line}) is under the \`if\` on line ${p.ifLine}, which has no \`else\`: when the condition is false setup ends without yielding and every test using it errors at setup with a bare \`StopAsyncIteration\`` +
      (old ? ` (\`RuntimeError: Async generator did not yield\` on anyio 3.0–3.5)` : '') +
      '.'
  ctx.report({
    path: file.path,
    span: fx.func.anchor,
    symbol: fixtureSymbol(fx),
    message:
      `anyio drives an async generator fixture once for setup and once for teardown (${describeRange(ctx.project.versions.anyio)}), so \`${fx.name}\` must reach exactly one \`yield\`, but ${what} ` +
      (p.kind === 'loop' ? 'Leave the loop once setup succeeded (`break`), raise when every attempt failed, and yield once after the loop.' : p.kind === 'twice' ? 'Keep a single `yield`.' : 'Yield on every path (or raise / `pytest.skip()` in the `else` branch).'),
    ...(fix ? { fix } : {})
  })
}

/**
 * The retry-loop shape:
 *
 *     for ...:
 *         try:
 *             <setup>
 *         except E:
 *             <retry wait>
 *             continue
 *         yield X
 *         <teardown>
 *
 * becomes `break` at the end of the `try`, `else: raise E(...)` on the loop, and the yield and
 * teardown after the loop.
 */
function retryLoopFix(fx: FixtureDef, y: YieldFact, loopLine: number): Fix | null {
  const file = fx.file
  if (!file.exactText || !/^\s*for\b.*:\s*(#.*)?$/.test(lineText(file, loopLine))) return null
  const loopEnd = blockEnd(file, loopLine)
  const body = statementsIn(file, loopLine + 1, loopEnd)
  const yi = body.findIndex((s) => s.first === y.span.line)
  if (yi < 2) return null
  const tryStmt = body[yi - 2] as Stmt
  const exceptStmt = body[yi - 1] as Stmt
  if (!/^\s*try\s*:\s*(#.*)?$/.test(lineText(file, tryStmt.first))) return null
  const em = /^\s*except\s+([A-Za-z_][\w.]*)(\s+as\s+\w+)?\s*:\s*(#.*)?$/.exec(lineText(file, exceptStmt.first))
  if (!em) return null
  // No other clause of this try (a second except, else, finally) and no other break in the loop.
  if (body.some((s, i) => i !== yi - 1 && /^\s*(except|else|finally)\b/.test(lineText(file, s.first)))) return null
  if (/\bbreak\b/.test(linesOf(file, loopLine + 1, loopEnd).join('\n'))) return null
  // A loop `else:` already there (a sibling after the loop at the loop's indentation).
  const loopIndent = indentOf(lineText(file, loopLine))
  for (let k = loopEnd + 1; k <= file.lineStarts.length; k++) {
    const t = lineText(file, k)
    if (isBlank(t)) continue
    if (indentOf(t) === loopIndent && /^\s*else\s*:/.test(t)) return null
    break
  }
  const tryBody = statementsIn(file, tryStmt.first + 1, tryStmt.last)
  const exceptBody = statementsIn(file, exceptStmt.first + 1, exceptStmt.last)
  const lastExcept = exceptBody[exceptBody.length - 1]
  if (!tryBody.length || !lastExcept || !/^\s*continue\s*(#.*)?$/.test(lineText(file, lastExcept.first))) return null
  const eol = eolOf(file)
  const step = indentStep(file)
  const tryIndent = (tryBody[0] as Stmt).indent
  const exc = em[1] as string
  // What the loop was trying to do, for the error message.
  const setupText = linesOf(file, tryStmt.first + 1, tryStmt.last).join('\n')
  const connect = /\bawait\s+([A-Za-z_]\w*)\.connect\s*\(/.exec(setupText)
  const rangeN = /\bin\s+range\(\s*(\d+)\s*\)/.exec(lineText(file, loopLine))
  const reason = connect ? `${connect[1]} never accepted a connection` : rangeN ? `gave up after ${rangeN[1]} attempts` : 'no attempt succeeded'
  const q = preferredQuote(file)
  const out: string[] = []
  out.push(...linesOf(file, loopLine, tryStmt.last))
  out.push(`${tryIndent}break`)
  const keepContinue = exceptBody.length === 1
  out.push(...linesOf(file, exceptStmt.first, keepContinue ? exceptStmt.last : lastExcept.first - 1).filter((l, i, all) => !(i === all.length - 1 && isBlank(l))))
  // Anything between the except clause and the yield (comments) stays in the loop.
  out.push(`${loopIndent}else:`)
  out.push(`${loopIndent}${step}raise ${exc}(${pyString(reason, q)})`)
  out.push(moveLines(file, y.span.line, loopEnd, (body[yi] as Stmt).indent, loopIndent))
  return {
    title: `Yield once after the retry loop in \`${fx.name}\``,
    edits: [replaceLines(file, loopLine, loopEnd, out.join(eol))],
    applicability: 'safe'
  }
}
