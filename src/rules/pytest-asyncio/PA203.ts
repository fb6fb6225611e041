import type { Rule } from '../engine.js'
import type { TextEdit } from '../types.js'
import { eraAtLeast } from '../../resolve/asyncio.js'
import { isScope } from '../../model/types.js'
import { kwargSpan } from '../fixes.js'
import { markArgsError } from '../messages.js'
import { markArgumentSites, markParseTiming } from './marks.js'
import { paVersions } from './versions.js'

const KNOWN = new Set(['scope', 'loop_scope', 'loop_factories'])

function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [
    i,
    ...Array<number>(b.length).fill(0)
  ])
  for (let j = 1; j <= b.length; j++) d[0]![j] = j
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(
        d[i - 1]![j]! + 1,
        d[i]![j - 1]! + 1,
        d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)
      )
    }
  }
  return d[a.length]![b.length]!
}

/** A misspelt `loop_scope` (`loop_scop`, `loopscope`, `event_loop_scope`, ...). */
function meantLoopScope(key: string): boolean {
  const k = key.toLowerCase()
  return distance(k, 'loop_scope') <= 3 || k === 'event_loop_scope' || k === 'scope_loop'
}

/** PA203: positional arguments or unknown keywords on the asyncio mark. */
export const PA203: Rule = {
  meta: {
    code: 'PA203',
    name: 'mark-positional-or-unknown-kwarg',
    severity: 'error',
    plugin: 'pytest-asyncio',
    summary: 'The asyncio mark gets a positional argument or a keyword it does not accept.',
    fixable: true,
    docs: {
      what: 'Flags `pytest.mark.asyncio("session")`, misspelt keywords such as `pytest.mark.asyncio(loop_scop="session")`, and `loop_factories=` on pytest-asyncio older than 1.4 — on tests, classes, `pytestmark`, `pytest.param` and `item.add_marker`.',
      why: "From 0.24 pytest-asyncio accepts only keyword arguments (`loop_scope`, the deprecated `scope`, and from 1.4 `loop_factories`) and raises `ValueError: mark.asyncio accepts only keyword arguments 'loop_scope' and 'loop_factories'.` (older texts name only `scope` or `loop_scope`). On 0.24–1.0 and 1.4 that happens while collecting, so the module errors and the run stops; on 1.1–1.3 each marked test errors at setup. pytest-asyncio 0.23 ignores such arguments silently, so the test runs in the function loop instead of the one meant (reported as a warning).",
      versions: 'pytest-asyncio 0.24–1.4 (error); 0.23 (silently ignored: warning).',
      bad: `@pytest.mark.asyncio("session")
async def test_health(client):
    assert (await client.get("/health")).json() == {"ok": True}`,
      good: `@pytest.mark.asyncio(loop_scope="session")
async def test_health(client):
    assert (await client.get("/health")).json() == {"ok": True}`
    }
  },
  check(ctx) {
    const eras = ctx.paEras.filter((b) => eraAtLeast(b.era, '0.23'))
    if (!eras.length) return
    for (const site of markArgumentSites(ctx)) {
      const m = site.mark
      if (!m.called) continue
      const positional = m.args
      const unknown = [...m.kwargs.keys()].filter((k) => !KNOWN.has(k))
      const factories = m.kwargs.has('loop_factories')
      const bad = (withFactories: boolean): boolean =>
        positional.length > 0 || unknown.length > 0 || (withFactories && factories)
      const failing = eras.filter(
        (b) => eraAtLeast(b.era, '0.24') && bad(!eraAtLeast(b.era, '1.4'))
      )
      const ignoring = eras.filter((b) => !eraAtLeast(b.era, '0.24') && bad(false))
      if (!failing.length && !ignoring.length) continue
      const newest = (failing[failing.length - 1] ?? eras[eras.length - 1])!.era
      // The keyword that selects the loop on every allowed version: loop_scope (≥ 0.24) or scope (0.23).
      const kw =
        failing.length && !ignoring.length && eras.every((b) => eraAtLeast(b.era, '0.24'))
          ? 'loop_scope'
          : eras.every((b) => !eraAtLeast(b.era, '0.24'))
            ? 'scope'
            : null
      let edit: TextEdit | null = null
      let meant: string | null = null
      const hasScope = m.kwargs.has('loop_scope') || m.kwargs.has('scope')
      if (kw && site.file.exactText && !hasScope) {
        const arg = positional[0]
        if (
          positional.length === 1 &&
          unknown.length === 0 &&
          arg &&
          arg.kind === 'str' &&
          isScope(arg.str)
        ) {
          meant = `${kw}=${arg.text}`
          edit = { path: site.file.path, start: arg.span.start, end: arg.span.end, text: meant }
        } else if (positional.length === 0 && unknown.length === 1 && meantLoopScope(unknown[0]!)) {
          const key = unknown[0]!
          const v = m.kwargs.get(key)!
          const sp = kwargSpan(site.file, v, key)
          if (sp) {
            meant = `${kw}=${v.text}`
            edit = { path: site.file.path, start: sp.start, end: sp.end, text: meant }
          }
        }
      }
      const what = [
        ...positional.map((a) => `the positional argument \`${a.text}\``),
        ...unknown.map((k) => `the keyword \`${k}=\``),
        ...(factories && failing.some((b) => !eraAtLeast(b.era, '1.4'))
          ? ['`loop_factories=` (new in pytest-asyncio 1.4)']
          : [])
      ].join(', ')
      const parts: string[] = [`The asyncio mark on ${site.where} passes ${what}.`]
      if (failing.length) {
        const timing = markParseTiming(ctx, failing, {
          collection: 'while collecting, which stops the run',
          setup: 'when each test it marks is set up, so those tests error'
        })
        parts.push(
          `pytest-asyncio accepts only keyword arguments it knows and raises \`${markArgsError(newest)}\` ${timing}.`
        )
      }
      if (ignoring.length) {
        parts.push(
          `${paVersions(ctx, ignoring)} ignores such arguments silently, so the tests run in the function loop instead of the one meant.`
        )
      }
      if (meant) parts.push(`Pass the loop scope by keyword: \`${meant}\`.`)
      else if (factories && !positional.length && !unknown.length)
        parts.push(
          'Require pytest-asyncio ≥ 1.4 (with a `pytest_asyncio_loop_factories` hook), or remove `loop_factories=`.'
        )
      else parts.push('Pass the loop scope as `loop_scope="<scope>"` and drop the other arguments.')
      ctx.report({
        path: site.file.path,
        span: site.anchor,
        symbol: site.symbol,
        severity: failing.length ? 'error' : 'warning',
        message: parts.join(' '),
        ...(edit && meant
          ? {
              fix: {
                title: `Pass the loop scope by keyword: \`${meant}\``,
                edits: [edit],
                applicability: 'safe' as const
              }
            }
          : {})
      })
    }
  }
}
