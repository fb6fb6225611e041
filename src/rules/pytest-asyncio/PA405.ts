import type { Rule } from '../engine.js'
import { versionsText } from '../engine.js'
import type { Mark, PyFile } from '../../model/types.js'
import { eraAtLeast } from '../../resolve/asyncio.js'
import { removeKwarg } from '../../fix/edits.js'
import { erasWhere } from './versions.js'

const NO_HOOK = "UsageError: mark.asyncio 'loop_factories' requires at least one pytest_asyncio_loop_factories hook implementation."

/** PA405: `loop_factories=` on the asyncio mark with no hook implementation in the project. */
export const PA405: Rule = {
  meta: {
    code: 'PA405',
    name: 'loop-factories-without-hook',
    severity: 'error',
    plugin: 'pytest-asyncio',
    summary: '`@pytest.mark.asyncio(loop_factories=[...])` is used but no conftest implements `pytest_asyncio_loop_factories`.',
    fixable: true,
    docs: {
      what: 'Flags an `asyncio` mark (decorator, class or module `pytestmark`, or one added in a collection hook) with a `loop_factories=` argument when no conftest or plugin module of the project defines a `pytest_asyncio_loop_factories` hook.',
      why: 'pytest-asyncio 1.4 resolves the factory names through the hook; with no implementation every marked test fails: `UsageError: mark.asyncio \'loop_factories\' requires at least one pytest_asyncio_loop_factories hook implementation.` Either add the hook (returning the named factories) or drop the argument.',
      versions: 'pytest-asyncio 1.4 (older versions reject the argument itself: PA203).',
      bad: `@pytest.mark.asyncio(loop_factories=["uvloop"])
async def test_fast_path():
    ...`,
      good: `# conftest.py
import uvloop

def pytest_asyncio_loop_factories(config, item):
    return {"uvloop": uvloop.new_event_loop}`
    }
  },
  check(ctx) {
    if (ctx.project.asyncio.disabled) return
    const hit = erasWhere(ctx, (e) => eraAtLeast(e, '1.4'))
    if (!hit.eras.length) return
    for (const f of ctx.suite.files.values()) if ((f.kind === 'conftest' || f.kind === 'plugin') && f.hooks.has('pytest_asyncio_loop_factories')) return
    const seen = new Set<Mark>()
    for (const file of ctx.targetFiles()) {
      for (const { mark, where } of asyncioMarks(file)) {
        if (seen.has(mark) || !mark.kwargs.has('loop_factories')) continue
        seen.add(mark)
        const onlyKw = mark.kwargs.size === 1 && !mark.args.length && mark.value.argList
        const edit = !file.exactText ? null : onlyKw ? { path: file.path, start: mark.value.argList!.start, end: mark.value.argList!.end, text: '' } : removeKwarg(file, mark.value, 'loop_factories')
        ctx.report({
          path: file.path,
          span: mark.span,
          symbol: `mark:${file.path}::${where}::asyncio.loop_factories`,
          message:
            `This \`asyncio\` mark asks for \`loop_factories=${mark.kwargs.get('loop_factories')?.text}\`, but no conftest implements \`pytest_asyncio_loop_factories\`, so every test it marks fails: \`${NO_HOOK}\`. ` +
            `Affects ${versionsText('pytest-asyncio', hit.versions)}. Add the hook to a conftest (returning those factories by name), or drop the argument.`,
          ...(edit ? { fix: { title: 'Remove `loop_factories=` from the mark', edits: [edit], applicability: 'safe' as const } } : {})
        })
      }
    }
  }
}

/** Every asyncio mark written in a file: module pytestmark, class marks, function decorators, hook marks. */
function asyncioMarks(file: PyFile): { mark: Mark; where: string }[] {
  const out: { mark: Mark; where: string }[] = []
  for (const m of file.moduleMarks) if (m.name === 'asyncio') out.push({ mark: m, where: 'pytestmark' })
  const classes = [...file.classes]
  while (classes.length) {
    const c = classes.shift()!
    for (const m of c.ownMarks) if (m.name === 'asyncio') out.push({ mark: m, where: c.qualName })
    for (const fn of c.methods) for (const m of fn.marks) if (m.name === 'asyncio') out.push({ mark: m, where: `${c.qualName}::${fn.name}` })
    classes.push(...c.classes)
  }
  for (const fn of file.functions) for (const m of fn.marks) if (m.name === 'asyncio') out.push({ mark: m, where: fn.name })
  for (const h of file.hookMarks) if (h.mark.name === 'asyncio') out.push({ mark: h.mark, where: h.hook })
  return out
}
