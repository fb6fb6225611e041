import type { Rule } from '../engine.js'
import type { TestFunc } from '../../model/types.js'
import { eraAtLeast } from '../../resolve/asyncio.js'
import { setKwarg } from '../../fix/edits.js'
import { markScope } from '../fixes.js'
import { paVersions } from './versions.js'

function dirOf(p: string): string {
  const i = p.lastIndexOf('/')
  return i < 0 ? '' : p.slice(0, i)
}

/** PA208: `item.add_marker(pytest.mark.asyncio(loop_scope=...))` appends behind an existing asyncio mark. */
export const PA208: Rule = {
  meta: {
    code: 'PA208',
    name: 'add-marker-without-append-false',
    severity: 'error',
    plugin: 'pytest-asyncio',
    summary:
      'A collection hook appends an asyncio mark with a loop scope behind the mark the tests already have.',
    fixable: true,
    docs: {
      what: 'Flags `item.add_marker(pytest.mark.asyncio(loop_scope=...))` (or `scope=` on 0.23) in `pytest_collection_modifyitems` / `pytest_itemcollected` without `append=False`, when the items it marks already carry an asyncio mark: always in auto mode, and in strict mode when tests carry their own asyncio decorator.',
      why: '`add_marker` appends by default, and pytest-asyncio reads only the closest asyncio mark. In auto mode every coroutine test already has the bare mark the plugin adds during collection; in strict mode `is_async_test(item)` is only true for marked tests. The appended mark is then never the first one and is silently ignored: the tests keep their function loops, and fixtures in the session loop fail with `RuntimeError: … attached to a different loop`. The pytest-asyncio recipe lacked `append=False` in 0.23.0–0.23.5.',
      versions:
        'pytest-asyncio 0.23–1.4. From 0.26 the ini option `asyncio_default_test_loop_scope` is the simpler way to give every test one loop.',
      bad: `def pytest_collection_modifyitems(items):
    for item in items:
        if pytest_asyncio.is_async_test(item):
            item.add_marker(pytest.mark.asyncio(loop_scope="session"))`,
      good: `def pytest_collection_modifyitems(items):
    for item in items:
        if pytest_asyncio.is_async_test(item):
            item.add_marker(pytest.mark.asyncio(loop_scope="session"), append=False)`
    }
  },
  check(ctx) {
    const eras = ctx.paEras.filter((b) => eraAtLeast(b.era, '0.23'))
    if (!eras.length || ctx.project.asyncio.disabled) return
    for (const file of ctx.targetFiles()) {
      if (file.kind !== 'conftest' && file.kind !== 'plugin') continue
      for (const hm of file.hookMarks) {
        if (hm.mark.name !== 'asyncio' || !hm.append) continue
        const versions = eras.filter(
          (b) =>
            markScope(hm.mark, eraAtLeast(b.era, '0.24') ? 'loop_scope' : 'scope') !== undefined
        )
        if (!versions.length) continue
        const scope = markScope(
          hm.mark,
          eraAtLeast(versions[versions.length - 1]!.era, '0.24') ? 'loop_scope' : 'scope'
        ) as string
        const dir = file.kind === 'conftest' ? dirOf(file.path) : ''
        const covered = ctx.suite
          .tests()
          .filter((t) => t.func.isAsync && (dir === '' || t.file.path.startsWith(dir + '/')))
        const hidden: TestFunc[] = ctx.asyncio.auto
          ? covered
          : covered.filter((t) => t.func.marks.some((m) => m.name === 'asyncio'))
        if (!hidden.length) continue
        const edit =
          file.exactText && hm.call.value.argList
            ? setKwarg(file, hm.call.value, 'append', 'False')
            : null
        const names =
          hidden
            .slice(0, 3)
            .map((t) => `\`${t.name}\``)
            .join(', ') + (hidden.length > 3 ? ` and ${hidden.length - 3} more` : '')
        const why = ctx.asyncio.auto
          ? 'In auto mode every coroutine test already carries the bare asyncio mark pytest-asyncio adds during collection'
          : 'These tests already carry their own asyncio decorator'
        ctx.report({
          path: file.path,
          span: hm.call.span,
          symbol: `call:${file.path}::${hm.hook}::${hm.call.callee}`,
          message:
            `\`${hm.call.callee}(...)\` in \`${hm.hook}\` appends \`${hm.mark.value.text}\` (the default \`append=True\`). ${why}, and pytest-asyncio reads only the closest asyncio mark, so the appended mark is silently ignored: ` +
            `${names} keep${hidden.length === 1 ? 's' : ''} the default loop instead of the ${scope} loop, and anything they share with ${scope}-loop fixtures fails with \`RuntimeError: … attached to a different loop\`. ` +
            `Affects ${paVersions(ctx, versions)}. Pass \`append=False\` so the mark goes first` +
            (versions.some((b) => eraAtLeast(b.era, '0.26'))
              ? `; on pytest-asyncio ≥ 0.26, \`asyncio_default_test_loop_scope = ${scope}\` in the ini section does the same without a hook.`
              : '.'),
          related: hidden
            .slice(0, 3)
            .map((t) => ({
              path: t.file.path,
              line: t.func.anchor.line,
              endLine: t.func.anchor.endLine,
              message: `\`${t.name}\` does not get the ${scope} loop`
            })),
          involves: [...new Set(hidden.map((t) => t.file.path))],
          ...(edit
            ? {
                fix: {
                  title: 'Pass `append=False` so the hook’s asyncio mark comes first',
                  edits: [edit],
                  applicability: 'safe' as const
                }
              }
            : {})
        })
      }
    }
  }
}
