import type { Rule } from '../engine.js'
import { fixtureSymbol, versionsText } from '../engine.js'
import type { TextEdit } from '../types.js'
import { cmpVersion } from '../../model/versions.js'
import { markScope, removeMarkEdits } from '../fixes.js'
import { MARK_ON_FIXTURE_ERROR, MARK_ON_FIXTURE_WARNING } from '../messages.js'

/** PA211: an asyncio mark on a fixture (no effect; a collection error on pytest 9). */
export const PA211: Rule = {
  meta: {
    code: 'PA211',
    name: 'asyncio-mark-on-fixture',
    severity: 'error',
    plugin: 'pytest-asyncio',
    summary: 'A fixture carries an asyncio mark.',
    fixable: true,
    docs: {
      what: 'Flags `@pytest.mark.asyncio` stacked on a fixture definition, above or below the fixture decorator.',
      why: 'Marks have no effect on fixtures: the asyncio mark neither makes pytest-asyncio run the fixture nor chooses its loop (that is `@pytest_asyncio.fixture(loop_scope=...)`). pytest 8 warns `PytestRemovedIn9Warning: Marks applied to fixtures have no effect`; pytest 9 refuses the module at collection with `Failed: Marks cannot be applied to fixtures.`, so none of its tests run. Error when pytest 9 is allowed, else a warning.',
      versions:
        'pytest ≥ 9: collection error; pytest 8: deprecation warning; older: silently ignored.',
      bad: `@pytest.mark.asyncio
@pytest_asyncio.fixture
async def hooks():
    broker = await start_broker()
    yield broker`,
      good: `@pytest_asyncio.fixture
async def hooks():
    broker = await start_broker()
    yield broker`
    }
  },
  check(ctx) {
    const pytest = ctx.project.versions.pytest.candidates
    const v9 = pytest.filter((v) => cmpVersion(v, '9.0.0') >= 0)
    const v8 = pytest.filter((v) => cmpVersion(v, '8.0.0') >= 0 && cmpVersion(v, '9.0.0') < 0)
    const assumed = ctx.project.versions.pytest.assumed ? ' (no pin found; assumed newest)' : ''
    for (const file of ctx.targetFiles()) {
      for (const fx of file.fixtures) {
        const marks = fx.func.marks.filter((m) => m.name === 'asyncio')
        if (!marks.length) continue
        const parts = marks.map((m) => removeMarkEdits(file, m))
        const edits = parts.every((p) => p) ? parts.flatMap((p) => p as TextEdit[]) : null
        const scope = marks.map((m) => markScope(m)).find((s) => s)
        const outcome: string[] = []
        if (v9.length || !pytest.length)
          outcome.push(
            `${versionsText('pytest', v9)}${assumed} refuses the module at collection with \`${MARK_ON_FIXTURE_ERROR}\`, so none of its tests run`
          )
        if (v8.length)
          outcome.push(`${versionsText('pytest', v8)} warns \`${MARK_ON_FIXTURE_WARNING}\``)
        if (!outcome.length) outcome.push('this pytest ignores it silently')
        ctx.report({
          path: file.path,
          span: fx.func.anchor,
          symbol: fixtureSymbol(fx),
          severity: v9.length || !pytest.length ? 'error' : 'warning',
          message:
            `Fixture \`${fx.name}\` carries \`@${marks[0]!.value.text}\`, but marks have no effect on fixtures: it neither makes pytest-asyncio run the fixture nor chooses its loop. ${outcome.join('; ')}. ` +
            `Remove the mark${scope ? `; to choose the fixture's loop, use \`@pytest_asyncio.fixture(loop_scope="${scope}")\`` : ''}.`,
          ...(edits
            ? {
                fix: {
                  title: `Remove the asyncio mark from fixture \`${fx.name}\``,
                  edits,
                  applicability: 'safe' as const
                }
              }
            : {})
        })
      }
    }
  }
}
