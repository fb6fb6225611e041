import type { Rule, RuleContext } from '../engine.js'
import { lineOf } from '../../model/extract.js'
import { fixtureSymbol, testSymbol } from '../engine.js'
import type { TextEdit } from '../types.js'
import type { FixtureDef, TestFunc } from '../../model/types.js'
import { describeSet } from '../../model/versions.js'
import { KNOWN_BACKENDS, type BackendSpec, type PyLiteral } from '../../resolve/anyio.js'
import { ANYIO_BAD_BACKEND_SPEC, anyioUnknownBackend, anyioUnknownOption } from '../messages.js'
import { preferredQuote, pyString } from '../../fix/edits.js'

/** Options `TestRunner(**options)` accepts, per backend. */
const ASYNCIO_OPTIONS_4 = ['debug', 'use_uvloop', 'loop_factory']
const ASYNCIO_OPTIONS_3 = ['debug', 'use_uvloop', 'policy']
/** `trio.lowlevel.start_guest_run` keywords anyio does not set itself. */
const TRIO_OPTIONS = ['clock', 'instruments', 'restrict_keyboard_interrupt_to_checkpoints', 'strict_exception_groups', 'host_uses_signal_set_wakeup_fd', 'run_sync_soon_not_threadsafe']

interface Problem {
  spec: BackendSpec
  text: string
  edits: TextEdit[] | null
  /** The anyio versions it fails on (all when empty). */
  versions?: string[]
}

/**
 * AN504 (research/anyio.md R24): a value `anyio_backend` yields that anyio rejects: a list
 * instead of a `(name, options)` tuple, another shape, a backend anyio does not ship, or an option
 * the backend's runner does not take (`policy` became `loop_factory` in anyio 4.0).
 */
export const AN504: Rule = {
  meta: {
    code: 'AN504',
    name: 'bad-backend-spec',
    severity: 'error',
    plugin: 'anyio',
    summary: '`anyio_backend` yields a value anyio rejects: not a string or a `(name, options)` tuple, an unknown backend, or an unknown option.',
    fixable: true,
    docs: {
      what: 'Checks the literal values an `anyio_backend` fixture returns (or its `params`), and the values of a `parametrize("anyio_backend", ...)`: each must be a backend name (`"asyncio"` or `"trio"`) or a tuple `(name, options_dict)` whose options the backend accepts (asyncio on anyio 4: `debug`, `use_uvloop`, `loop_factory`; on anyio 3 `policy` instead of `loop_factory`; trio: `trio.lowlevel.start_guest_run` keywords such as `clock` or `instruments`).',
      why: 'anyio checks the value only when a test asks for the runner, so every anyio test fails: a list or any other shape gives `TypeError: anyio_backend must be either a string or tuple of (string, dict)`; an unknown name gives `ModuleNotFoundError: No module named \'anyio._backends._curio\'`; an unknown option gives `TypeError: TestRunner.__init__() got an unexpected keyword argument \'bogus\'`.',
      versions: 'Every anyio version; the asyncio option `policy` only before anyio 4.0, `loop_factory` only from 4.0.',
      bad: `@pytest.fixture
def anyio_backend():
    return ["asyncio", {"debug": True}]`,
      good: `@pytest.fixture
def anyio_backend():
    return ("asyncio", {"debug": True})`,
      references: ['https://anyio.readthedocs.io/en/stable/testing.html#specifying-the-backends-to-run-on']
    }
  },
  check(ctx) {
    if (!ctx.anyio.enabled) return
    for (const fx of ctx.fixturesInScope()) {
      if (fx.builtin || fx.name !== 'anyio_backend') continue
      const choice = ctx.anyio.backendOf(fx)
      const problems = choice.specs.map((s) => problemOf(ctx, s)).filter((p): p is Problem => !!p)
      if (!problems.length) continue
      report(ctx, { fx }, problems)
    }
    const seenMarks = new Set<unknown>()
    for (const test of ctx.targetTests()) {
      const hit = ctx.anyio.parametrizeHit(test)
      if (!hit || seenMarks.has(hit.mark)) continue
      seenMarks.add(hit.mark)
      const choice = ctx.anyio.backend(test)
      if (!choice || choice.source !== 'parametrize') continue
      const problems = choice.specs.map((s) => problemOf(ctx, s)).filter((p): p is Problem => !!p)
      if (problems.length) report(ctx, { test, markLevel: hit.level, markSpan: hit.mark.span }, problems)
    }
  }
}

function report(ctx: RuleContext, where: { fx?: FixtureDef; test?: TestFunc; markLevel?: string; markSpan?: { line: number; endLine: number; col: number } }, problems: Problem[]): void {
  const fx = where.fx
  const test = where.test
  const file = (fx ?? test)!.file
  let span: { line: number; endLine: number; col: number }
  if (fx) {
    const returns = problems.filter((p) => p.spec.origin === 'return')
    const endLine = Math.max(fx.func.anchor.endLine, ...returns.map((p) => lineOf(file.lineStarts, p.spec.node.end - 1)))
    span = { line: fx.func.anchor.line, endLine, col: fx.func.anchor.col }
  } else if (where.markLevel === 'function') span = test!.func.anchor
  else span = where.markSpan!
  const fixable = problems.every((p) => p.edits) && file.exactText
  const edits = fixable ? problems.flatMap((p) => p.edits as TextEdit[]) : []
  const subject = fx ? '`anyio_backend`' : `The \`anyio_backend\` parametrize of \`${test!.name}\``
  ctx.report({
    path: file.path,
    span,
    symbol: fx ? fixtureSymbol(fx) : `${testSymbol(test!)}::parametrize(anyio_backend)`,
    message: `${subject} yields ${problems.map((p) => p.text).join('; ')}. anyio checks it when a test asks for its runner, so every anyio test using it fails.`,
    ...(fixable && edits.length ? { fix: { title: 'Use a valid `anyio_backend` value', edits, applicability: 'safe' as const } } : {})
  })
}

function problemOf(ctx: RuleContext, spec: BackendSpec): Problem | null {
  const file = spec.file
  const node = spec.node
  const shown = `\`${node.text.length > 60 ? node.text.slice(0, 57) + '…' : node.text}\``
  if (spec.shape === 'list') {
    const items = node.items ?? []
    let edits: TextEdit[] | null = null
    if (items.length === 2 && items[0]?.kind === 'str') {
      edits = [
        { path: file.path, start: node.start, end: node.start + 1, text: '(' },
        { path: file.path, start: node.end - 1, end: node.end, text: ')' }
      ]
    } else if (items.length === 1 && items[0]?.kind === 'str') {
      edits = [{ path: file.path, start: node.start, end: node.end, text: items[0].text }]
    }
    return { spec, text: `${shown}, a list where anyio wants a string or a \`(name, options)\` tuple: \`${ANYIO_BAD_BACKEND_SPEC}\`${edits ? '; use a tuple' : ''}`, edits }
  }
  if (spec.shape === 'bad') return { spec, text: `${shown}, which is neither a backend name nor a \`(name, options)\` tuple: \`${ANYIO_BAD_BACKEND_SPEC}\``, edits: null }
  if (spec.shape === 'dynamic' || spec.name === null) return null
  if (!(KNOWN_BACKENDS as readonly string[]).includes(spec.name)) {
    const close = KNOWN_BACKENDS.find((b) => b === spec.name!.trim().toLowerCase())
    const nameNode = spec.shape === 'str' ? node : node.items?.[0]
    const edits = close && nameNode ? [{ path: file.path, start: nameNode.start, end: nameNode.end, text: pyString(close, preferredQuote(file)) }] : null
    return { spec, text: `the backend \`${spec.name}\`, which anyio does not ship (only \`asyncio\` and \`trio\`): \`${anyioUnknownBackend(spec.name)}\``, edits }
  }
  const opts = spec.options
  if (spec.shape !== 'tuple' || !opts || opts.kind !== 'dict') return null
  const keys = (opts.entries ?? []).map((e) => e.key).filter((k): k is PyLiteral & { str: string } => k.kind === 'str' && k.str !== undefined)
  const anyio = ctx.anyio
  const bad: { key: string; versions: string[] }[] = []
  for (const k of keys) {
    if (spec.name === 'trio') {
      if (!TRIO_OPTIONS.includes(k.str)) bad.push({ key: k.str, versions: anyio.versions })
      continue
    }
    const v4 = anyio.versionsFrom('4.0.0').filter(() => !ASYNCIO_OPTIONS_4.includes(k.str))
    const v3 = anyio.versionsBelow('4.0.0').filter(() => !ASYNCIO_OPTIONS_3.includes(k.str))
    if (v4.length || v3.length) bad.push({ key: k.str, versions: [...v3, ...v4] })
  }
  if (!bad.length) return null
  const all = bad.every((b) => b.versions.length === anyio.versions.length)
  const hint = bad.some((b) => b.key === 'policy') ? ' (`policy` became `loop_factory` in anyio 4.0: pass a callable that returns a new event loop)' : ''
  return {
    spec,
    text: `${spec.name} option${bad.length > 1 ? 's' : ''} ${bad.map((b) => `\`${b.key}\``).join(', ')} that its test runner does not take${all ? '' : ` on anyio ${describeSet([...new Set(bad.flatMap((b) => b.versions))], 'anyio')}`}: \`${anyioUnknownOption(spec.name, bad[0]!.key)}\`${hint}`,
    edits: null
  }
}


