import type { Rule } from '../engine.js'
import { fixtureSymbol, testSymbol } from '../engine.js'
import type { TextEdit } from '../types.js'
import type { Mark, PyFunction, TestFunc } from '../../model/types.js'
import { describeSet } from '../../model/versions.js'
import { codeOnly } from '../../resolve/anyio.js'
import { parametrizeArgnames } from '../../resolve/suite.js'
import { anyioFuncArgument } from '../messages.js'

/**
 * AN501 (research/anyio.md R21): before anyio 4.13 the runner passes the test or fixture
 * function to itself as `func`, so an argument named `func` collides with it.
 */
export const AN501: Rule = {
  meta: {
    code: 'AN501',
    name: 'param-named-func',
    severity: 'error',
    plugin: 'anyio',
    summary: 'A test or async fixture anyio runs has an argument named `func`, which anyio before 4.13 cannot pass.',
    fixable: true,
    docs: {
      what: 'Flags an anyio test, or an async fixture anyio runs, with an argument named `func` (often from `@pytest.mark.parametrize("func", ...)`), when the project allows anyio older than 4.13.',
      why: 'anyio’s runner calls `_call_in_runner_task(func, **kwargs)` with the test’s arguments as keywords, so a `func` argument collides: `TypeError: TestRunner._call_in_runner_task() got multiple values for argument \'func\'` (anyio 4.0–4.12; 3.x: `TestRunner._call()`, on the trio backend). anyio 4.13 fixed it (#1068).',
      versions: 'anyio 3.x–4.12.',
      bad: `@pytest.mark.anyio
@pytest.mark.parametrize("func", [str.upper, str.lower])
async def test_transform(func):
    assert await apply(func, "Ab")`,
      good: `@pytest.mark.anyio
@pytest.mark.parametrize("fn", [str.upper, str.lower])
async def test_transform(fn):
    assert await apply(fn, "Ab")`,
      references: ['https://github.com/agronholm/anyio/pull/1068']
    }
  },
  check(ctx) {
    const anyio = ctx.anyio
    const bad = anyio.versionsBelow('4.13')
    if (!anyio.enabled || !bad.length) return
    const v3 = bad.some((v) => v.startsWith('3.'))
    const v4 = bad.some((v) => !v.startsWith('3.'))
    const err = [v4 ? `\`${anyioFuncArgument(false)}\`` : '', v3 ? `\`${anyioFuncArgument(true)}\` (3.x, trio backend)` : ''].filter(Boolean).join('; ')
    // Only older releases the pins allow fail: what an installer picks today works.
    const severity = bad.includes(anyio.newest) ? 'error' : 'warning'
    const fixtures = new Set<string>()
    for (const test of ctx.targetTests()) {
      if (!anyio.isAnyioTest(test)) continue
      if (test.func.argnames.includes('func')) {
        const fix = renameFix(test)
        ctx.report({
          severity,
          path: test.file.path,
          span: test.func.anchor,
          symbol: testSymbol(test),
          message:
            `\`${test.name}\` takes an argument named \`func\`, and anyio ${describeSet(bad, 'anyio')} passes the test function to its runner as \`func\` too: the test fails with ${err}. ` +
            `Rename the argument${fix ? ` (to \`${fix.name}\`)` : ''}, or require anyio ≥ 4.13.`,
          ...(fix ? { fix: { title: `Rename \`func\` to \`${fix.name}\` in \`${test.name}\``, edits: fix.edits, applicability: 'safe' as const } } : {})
        })
      }
      for (const e of anyio.anyioFixtures(test)) {
        const fx = e.def
        const key = fixtureSymbol(fx)
        if (!fx.func.argnames.includes('func') || fixtures.has(key)) continue
        fixtures.add(key)
        ctx.report({
          severity,
          path: fx.file.path,
          span: fx.func.anchor,
          symbol: key,
          message: `Async fixture \`${fx.name}\` takes an argument named \`func\`, and anyio ${describeSet(bad, 'anyio')} passes the fixture function to its runner as \`func\` too: setting it up fails with ${err}. Rename the fixture it requests, or require anyio ≥ 4.13.`
        })
      }
    }
  }
}

/** Rename a directly parametrized `func` in the test's own parametrize, signature and body. */
function renameFix(test: TestFunc): { name: string; edits: TextEdit[] } | null {
  const file = test.file
  if (!file.exactText) return null
  const fn = test.func
  const mark = fn.marks.find((m: Mark) => m.name === 'parametrize' && m.origin === 'decorator' && parametrizeArgnames(m).includes('func'))
  if (!mark) return null
  const names = mark.args[0] ?? mark.kwargs.get('argnames')
  if (!names) return null
  const body = codeOnly(file.text.slice(fn.defSpan.end, fn.whole.end))
  const name = ['fn', 'function', 'func_'].find((n) => !new RegExp(`(?<![\\w.])${n}(?!\\w)`).test(body) && !fn.argnames.includes(n)) as string
  const edits: TextEdit[] = []
  // In the argnames literal(s).
  const lits = names.kind === 'str' ? [names] : (names.items ?? []).filter((i) => i.kind === 'str')
  for (const lit of lits) {
    const re = /(?<![\w.])func(?!\w)/g
    let m: RegExpExecArray | null
    while ((m = re.exec(lit.text))) edits.push({ path: file.path, start: lit.span.start + m.index, end: lit.span.start + m.index + 4, text: name })
  }
  const p = fn.params.find((x) => x.name === 'func')
  if (!p) return null
  edits.push({ path: file.path, start: p.span.start, end: p.span.start + 4, text: name })
  edits.push(...renameInBody(file.path, file.text, fn, 'func', name))
  return { name, edits }
}

/** Uses of a local name in a body (not attributes `.func`, not keyword arguments `func=`). */
function renameInBody(path: string, text: string, fn: PyFunction, from: string, to: string): TextEdit[] {
  const start = fn.defSpan.end
  const body = codeOnly(text.slice(start, fn.whole.end))
  const out: TextEdit[] = []
  const re = new RegExp(`(?<![\\w.])${from}(?!\\w)`, 'g')
  let m: RegExpExecArray | null
  while ((m = re.exec(body))) {
    const before = body.slice(0, m.index).replace(/\s+$/, '')
    const after = body.slice(m.index + from.length)
    if (/^\s*=(?!=)/.test(after) && /[(,]$/.test(before)) continue
    out.push({ path, start: start + m.index, end: start + m.index + from.length, text: to })
  }
  return out
}
