import type { Rule } from '../engine.js'
import type { TextEdit } from '../types.js'
import { eraAtLeast, paEra, type PaEra } from '../../resolve/asyncio.js'
import { describeSet } from '../../model/versions.js'
import { removeAddoptsArgsEdit } from '../../model/config.js'
import { configAnchor } from './options.js'
import { affects } from './versions.js'

/** PA601: a pytest-asyncio ini option (or flag) newer than the pinned pytest-asyncio. */
export const PA601: Rule = {
  meta: {
    code: 'PA601',
    name: 'unknown-option-for-installed-version',
    severity: 'warning',
    plugin: 'pytest-asyncio',
    summary: 'A pytest-asyncio option is set that the pinned pytest-asyncio version does not have.',
    fixable: true,
    docs: {
      what: 'Flags `asyncio_default_fixture_loop_scope` (added in pytest-asyncio 0.24), `asyncio_default_test_loop_scope` (0.26) and `asyncio_debug` (1.2) in the pytest configuration when the pinned pytest-asyncio predates them, and the `--asyncio-debug` flag in `addopts` before 1.2. When no allowed version knows the option, the fix removes it (it has no effect there); otherwise upgrade the pin.',
      why: 'pytest does not know the option, warns `PytestConfigWarning: Unknown config option: asyncio_default_fixture_loop_scope` (an error with `--strict-config`) and ignores it. The suite then behaves as if the option were not there: tests you expected to share a session loop run in per-test loops and fail with cross-loop errors. An unknown `--asyncio-debug` flag stops pytest at start-up (`error: unrecognized arguments: --asyncio-debug`).',
      versions: '`asyncio_default_fixture_loop_scope` before 0.24, `asyncio_default_test_loop_scope` before 0.26, `asyncio_debug` / `--asyncio-debug` before 1.2.',
      bad: `# requirements-dev.txt: pytest-asyncio==0.23.8
[pytest]
asyncio_mode = strict
asyncio_default_fixture_loop_scope = function`,
      good: `# requirements-dev.txt: pytest-asyncio==0.23.8
[pytest]
asyncio_mode = strict`
    }
  },
  check(ctx) {
    if (!ctx.paEras.length || ctx.project.asyncio.disabled) return
    const s = ctx.project.settings
    const strict = s.strictConfig.value
    const options: { key: string; since: PaEra; sinceText: string; kind: string }[] = [
      { key: 'asyncio_default_fixture_loop_scope', since: '0.24', sinceText: '0.24', kind: s.asyncioDefaultFixtureLoopScope.origin.kind },
      { key: 'asyncio_default_test_loop_scope', since: '0.26', sinceText: '0.26', kind: s.asyncioDefaultTestLoopScope.origin.kind },
      { key: 'asyncio_debug', since: '1.2', sinceText: '1.2', kind: ctx.project.config.options.has('asyncio_debug') ? 'ini' : 'default' }
    ]
    const candidates = ctx.project.versions['pytest-asyncio'].candidates
    for (const o of options) {
      if (o.kind !== 'ini') continue
      const lacking = candidates.filter((v) => !eraAtLeast(paEra(v), o.since))
      if (!lacking.length) continue
      const loc = configAnchor(ctx, o.key)
      if (!loc) continue
      const all = lacking.length === candidates.length
      const edit = all ? ctx.project.removeIniOptionEdit(o.key) : null
      ctx.report({
        severity: strict ? 'error' : 'warning',
        path: loc.path,
        span: loc,
        symbol: `config:${loc.path}::${o.key}`,
        message:
          `\`${o.key}\` was added in pytest-asyncio ${o.sinceText}, so ${affects(ctx, lacking)} does not know it: pytest warns \`PytestConfigWarning: Unknown config option: ${o.key}\`` +
          (strict ? ' (an error here, because `--strict-config` is on)' : '') +
          ` and ignores it, so the suite runs as if it were not set. ` +
          (all
            ? `Remove it, or upgrade to pytest-asyncio>=${o.sinceText} to get its effect${o.key === 'asyncio_debug' ? '' : ' (until then, set loop scopes with `asyncio` marks)'}.`
            : `Require pytest-asyncio>=${o.sinceText} so every allowed version reads it.`),
        ...(edit ? { fix: { title: `Remove \`${o.key}\` (pytest-asyncio ${describeSet(lacking, 'pytest-asyncio')} does not know it)`, edits: [edit], applicability: 'safe' as const } } : {})
      })
    }

    // `--asyncio-debug` in addopts: an unknown command-line flag is a usage error.
    const debug = s.asyncioDebug
    if (debug.origin.kind === 'addopts' && debug.origin.option) {
      const args = debug.origin.args
      const lacking = candidates.filter((v) => !eraAtLeast(paEra(v), '1.2'))
      const loc = configAnchor(ctx, 'addopts', args[0]?.start ?? null)
      if (lacking.length && loc) {
        const all = lacking.length === candidates.length
        const edit: TextEdit | null = all ? removeAddoptsArgsEdit(ctx.project.config, args) : null
        ctx.report({
          severity: 'error',
          path: loc.path,
          span: loc,
          symbol: `config:${loc.path}::addopts::--asyncio-debug`,
          message:
            `\`--asyncio-debug\` in \`addopts\` was added in pytest-asyncio 1.2, so with ${affects(ctx, lacking)} pytest stops at start-up: \`error: unrecognized arguments: --asyncio-debug\`. ` +
            (all ? 'Remove the flag, or upgrade to pytest-asyncio>=1.2.' : 'Require pytest-asyncio>=1.2.'),
          ...(edit ? { fix: { title: 'Remove `--asyncio-debug` from `addopts`', edits: [edit], applicability: 'safe' as const } } : {})
        })
      }
    }
  }
}
