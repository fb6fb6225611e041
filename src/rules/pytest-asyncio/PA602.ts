import type { Rule } from '../engine.js'
import { where, type RuleContext } from '../engine.js'
import type { TextEdit } from '../types.js'
import type { FixtureDef, Scope, TestFunc } from '../../model/types.js'
import { isScope, scopeRank } from '../../model/types.js'
import { effectiveRank, eraAtLeast, isKnown, type PaEra } from '../../resolve/asyncio.js'
import { renderValue } from '../../model/config.js'
import { CROSS_LOOP_ERROR } from '../messages.js'
import { configAnchor } from './options.js'
import { affects } from './versions.js'

/**
 * PA602: `asyncio_default_fixture_loop_scope` is wider than the test default (the ini
 * `asyncio_default_test_loop_scope`, or `function`), so un-annotated fixtures and tests end up in
 * different loops (issue #934).
 */
export const PA602: Rule = {
  meta: {
    code: 'PA602',
    name: 'fixture-default-wider-than-test-default',
    severity: 'error',
    plugin: 'pytest-asyncio',
    summary: 'The default loop scope for fixtures is wider than the default loop scope for tests.',
    fixable: true,
    docs: {
      what: 'Flags `asyncio_default_fixture_loop_scope` set wider than the tests’ default loop scope (`asyncio_default_test_loop_scope`, or `function` when it is unset or before pytest-asyncio 0.26), when at least one asyncio test without its own `loop_scope` uses an async fixture that takes the fixture default. The finding sits on the fixture default; the fix adds (or widens) `asyncio_default_test_loop_scope` to the same scope, which pytest-asyncio reads from 0.26.',
      why: 'The fixture default moves only fixtures: every un-annotated async fixture runs in, say, the session loop, while every un-annotated test keeps a per-test loop. Anything loop-bound a fixture creates then fails in the tests: `RuntimeError: Task … got Future … attached to a different loop` (issue #934).',
      versions: 'pytest-asyncio 0.24–1.4; the test default exists from 0.26, so on 0.24–0.25 mark the tests instead.',
      bad: `[pytest]
asyncio_mode = auto
asyncio_default_fixture_loop_scope = session`,
      good: `[pytest]
asyncio_mode = auto
asyncio_default_fixture_loop_scope = session
asyncio_default_test_loop_scope = session`
    }
  },
  check(ctx) {
    const project = ctx.project
    const fd = project.asyncio.fixtureDefault
    if (!fd || !isScope(fd) || fd === 'function' || project.asyncio.disabled) return
    if (project.settings.asyncioDefaultFixtureLoopScope.origin.kind !== 'ini') return
    const eras = ctx.paEras.filter((b) => eraAtLeast(b.era, '0.24'))
    if (!eras.length) return
    const td = project.asyncio.testDefault
    // An invalid test default is PA109's; pytest-asyncio stops on it.
    if (td && !isScope(td) && eras.some((b) => eraAtLeast(b.era, '0.26'))) return

    // Which release lines mix the loops, and an example of a test that suffers from it.
    const hitEras = new Set<PaEra>()
    let example: { test: TestFunc; fixture: FixtureDef; testScope: string } | null = null
    for (const test of ctx.suite.tests()) {
      if (!ctx.asyncio.isAsyncioTest(test)) continue
      for (const { era } of eras) {
        const tl = ctx.asyncio.testLoop(test, era)
        if (!isKnown(tl) || (tl.source !== 'default' && tl.source !== 'ini')) continue
        for (const { def: fx } of ctx.suite.closure(test)) {
          if (!fx.func.isAsync || !ctx.asyncio.handlesFixture(fx, era)) continue
          const fl = ctx.asyncio.fixtureLoop(fx, era)
          if (fl.source !== 'ini' || !isKnown(fl)) continue
          if (effectiveRank(fl.scope, test) <= effectiveRank(tl.scope, test)) continue
          hitEras.add(era)
          if (!example) example = { test, fixture: fx, testScope: tl.scope }
        }
      }
    }
    if (!example) return
    const loc = configAnchor(ctx, 'asyncio_default_fixture_loop_scope')
    if (!loc) return
    const versions = eras.filter((b) => hitEras.has(b.era)).flatMap((b) => b.versions)
    const testDefaultText = td ? `\`asyncio_default_test_loop_scope = ${td}\`` : '`asyncio_default_test_loop_scope` is unset, so tests default to `function`'
    const canSetTestDefault = ctx.paEras.every((b) => eraAtLeast(b.era, '0.26'))
    const edit = canSetTestDefault ? testDefaultEdit(ctx, fd) : null
    const { test, fixture, testScope } = example
    ctx.report({
      path: loc.path,
      span: loc,
      symbol: `config:${loc.path}::asyncio_default_fixture_loop_scope`,
      message:
        `\`asyncio_default_fixture_loop_scope = ${fd}\` puts every async fixture without a \`loop_scope\` in the ${fd} loop, but ${testDefaultText}` +
        (td && !canSetTestDefault ? ' (read only from pytest-asyncio 0.26)' : '') +
        `: un-annotated tests run in a ${testScope}-scoped loop. ` +
        `E.g. \`${test.name}\` (${test.file.path}:${test.func.defSpan.line}) uses \`${fixture.name}\` (${where(fixture)}); objects the fixture creates fail in the test: \`${CROSS_LOOP_ERROR}\`. ` +
        `Affects ${affects(ctx, versions)}. ` +
        (canSetTestDefault
          ? `Set \`asyncio_default_test_loop_scope = ${fd}\` so tests share the fixtures’ loop, or set the fixture default to \`function\` and give wider fixtures their own \`loop_scope\`.`
          : `\`asyncio_default_test_loop_scope\` needs pytest-asyncio>=0.26: upgrade and set it to \`${fd}\`, or mark the tests with \`@pytest.mark.asyncio(loop_scope="${fd}")\`.`),
      related: [{ path: test.file.path, line: test.func.anchor.line, endLine: test.func.anchor.endLine, message: `\`${test.name}\` runs in a ${testScope} loop and uses \`${fixture.name}\` (${fd} loop)` }],
      involves: [test.file.path, fixture.file.path],
      ...(edit ? { fix: { title: `Set \`asyncio_default_test_loop_scope = ${fd}\``, edits: [edit], applicability: 'safe' as const } } : {})
    })
  }
}

/** Widen an existing `asyncio_default_test_loop_scope`, or add it right after the fixture default. */
function testDefaultEdit(ctx: RuleContext, scope: Scope): TextEdit | null {
  const project = ctx.project
  const key = 'asyncio_default_test_loop_scope'
  const td = project.asyncio.testDefault
  if (td !== null) {
    if (project.settings.asyncioDefaultTestLoopScope.origin.kind !== 'ini') return null
    if (isScope(td) && scopeRank(td) >= scopeRank(scope)) return null
    return project.replaceIniValueEdit(key, scope)
  }
  const cfg = project.config
  const opt = cfg.options.get('asyncio_default_fixture_loop_scope')
  if (!opt || !cfg.path || cfg.text === null) return null
  if (cfg.syntax === 'toml' && opt.writtenKeyPath === undefined) return null // inline table
  const text = cfg.text
  const nl = cfg.lineEnding
  const lineStart = text.lastIndexOf('\n', opt.span.start - 1) + 1
  const indent = text.slice(lineStart, opt.span.start)
  if (!/^[ \t]*$/.test(indent)) return null
  let at = opt.span.end
  while (at < text.length && text[at] !== '\n' && text[at] !== '\r') at++
  const atEnd = at >= text.length
  if (!atEnd) at += text[at] === '\r' && text[at + 1] === '\n' ? 2 : 1
  const prefix = opt.writtenKeyPath && opt.writtenKeyPath.length > 1 ? opt.writtenKeyPath.slice(0, -1).join('.') + '.' : ''
  const quote = opt.quote === "'" || opt.quote === "'''" ? "'" : '"'
  const line = `${indent}${prefix}${key} = ${renderValue(cfg, scope, quote)}`
  return { path: cfg.path, start: at, end: at, text: atEnd ? `${nl}${line}${nl}` : `${line}${nl}` }
}
