import type { Rule } from '../engine.js'
import { testSymbol, where } from '../engine.js'
import { cmpVersion } from '../../model/versions.js'
import { addParamEdit } from '../../fix/edits.js'
import { unhandledAsyncFixture } from '../messages.js'

/**
 * AN306 (research/anyio.md R12): a sync test whose closure holds an async fixture but no
 * `anyio_backend`, in a suite that uses anyio. anyio only runs async fixtures for tests with
 * `anyio_backend` in their closure, and its mark does nothing on a sync test (anyio #803).
 */
export const AN306: Rule = {
  meta: {
    code: 'AN306',
    name: 'async-fixture-in-sync-test',
    severity: 'error',
    plugin: 'anyio',
    summary: 'A sync test uses an async fixture but has no `anyio_backend`, so no plugin runs the fixture.',
    fixable: true,
    docs: {
      what: 'Flags a plain `def` test that requests an async fixture (directly, through other fixtures, or an autouse one) declared with `@pytest.fixture`, while nothing puts `anyio_backend` in its closure, in a suite that uses anyio. An `anyio` mark on a sync test does not help: anyio only applies it to coroutine functions.',
      why: 'anyio runs an async fixture only for a test whose closure contains `anyio_backend`. Otherwise pytest calls the fixture function itself: before pytest 8.4 the test silently receives a coroutine (or async generator) object (`RuntimeWarning: coroutine … was never awaited`); pytest 8.4 warns `PytestRemovedIn9Warning: \'test_x\' requested an async fixture \'settings\', with no plugin or hook that handled it. …`; pytest 9 makes it a setup error.',
      versions: 'Every anyio version; pytest < 8.4 passes a coroutine object silently, 8.4 warns, 9 errors.',
      bad: `@pytest.fixture
async def settings(tmp_path):
    return await load_settings(tmp_path / "settings.json")


def test_beta_search_flag_is_on(settings):
    assert settings.flag("beta-search")`,
      good: `def test_beta_search_flag_is_on(settings, anyio_backend):
    assert settings.flag("beta-search")`,
      references: ['https://anyio.readthedocs.io/en/stable/testing.html', 'https://github.com/agronholm/anyio/issues/803']
    }
  },
  check(ctx) {
    const anyio = ctx.anyio
    if (!anyio.enabled || !anyio.pluginInUse()) return
    const pytest = ctx.project.versions.pytest.candidates
    const v9 = !pytest.length || pytest.some((v) => cmpVersion(v, '9') >= 0)
    const v84 = pytest.some((v) => cmpVersion(v, '8.4') >= 0 && cmpVersion(v, '9') < 0)
    const old = pytest.some((v) => cmpVersion(v, '8.4') < 0)
    for (const test of ctx.targetTests()) {
      if (test.func.isAsync || anyio.hasBackend(test)) continue
      const asyncFx = ctx.suite.closure(test).filter((e) => anyio.runsFixture(e.def))
      if (!asyncFx.length) continue
      const first = asyncFx[0]!
      const autouse = first.via.length === 0 && first.def.autouse && !test.func.argnames.includes(first.name)
      const marked = anyio.anyioMark(test)
      const outcomes: string[] = []
      if (v9) outcomes.push('pytest 9 errors at setup')
      if (v84) outcomes.push(`pytest 8.4 warns \`${unhandledAsyncFixture(test.name, first.name, autouse)}\``)
      if (old) outcomes.push('older pytest silently passes the un-awaited coroutine object')
      const edit = test.file.exactText ? addParamEdit(test.file, test.func, 'anyio_backend') : null
      const chain = first.via.length ? ` through ${first.via.map((v) => `\`${v}\``).join(' → ')}` : autouse ? ' (autouse)' : ''
      ctx.report({
        path: test.file.path,
        span: test.func.anchor,
        symbol: testSymbol(test),
        message:
          `Sync test \`${test.name}\` uses the async fixture \`${first.name}\`${chain} (${where(first.def)})${asyncFx.length > 1 ? ` and ${asyncFx.length - 1} more` : ''}, but has no \`anyio_backend\` in its closure, so anyio does not run ${asyncFx.length > 1 ? 'them' : 'it'}` +
          (marked ? ' (its `anyio` mark does nothing on a sync test)' : '') +
          `: ${outcomes.join('; ')}. ` +
          `Add \`anyio_backend\` to the test's parameters so anyio runs the fixture${autouse ? ' (or add it to the autouse fixture’s signature)' : ''}, or make the test \`async\` and anyio-marked.`,
        involves: asyncFx.map((e) => e.def.file.path),
        ...(edit ? { fix: { title: `Request \`anyio_backend\` in \`${test.name}\``, edits: [edit], applicability: 'safe' as const } } : {})
      })
    }
  }
}
