/**
 * Fixtures the plugins provide (no source in the repository). They take part in lookup like
 * any plugin fixture: registered first, overridden by any conftest, module or class definition.
 */
import type { FixtureDef, PyFile, PyFunction, Scope } from '../model/types.js'
import type { Project } from '../model/project.js'
import { newPyFile } from '../model/extract.js'
import type { Suite } from './suite.js'

const NO_SPAN = { start: 0, end: 0, line: 1, endLine: 1, col: 1 }

const PLUGIN_FILE: PyFile = newPyFile({
  path: '<plugins>',
  text: '',
  exactText: false,
  kind: 'plugin',
  imports: { names: new Map(), insertAt: 0, modules: new Set() },
  syntaxErrors: [],
  lineStarts: [0]
})

function builtin(name: string, scope: Scope, opts: { isAsync?: boolean; argnames?: string[] } = {}): FixtureDef {
  const func: PyFunction = {
    name,
    defSpan: NO_SPAN,
    anchor: NO_SPAN,
    whole: NO_SPAN,
    indent: '',
    isAsync: opts.isAsync ?? false,
    isGenerator: false,
    params: [],
    argnames: opts.argnames ?? [],
    decorators: [],
    marks: [],
    isStatic: false,
    isClassMethod: false,
    facts: { calls: [], yields: [], assigned: new Set(), hasAwait: false, methodCalls: [] }
  }
  return {
    name,
    func,
    file: PLUGIN_FILE,
    decorator: { span: NO_SPAN, value: { kind: 'attr', text: 'pytest.fixture', span: NO_SPAN, qual: 'pytest.fixture' }, qual: 'pytest.fixture' },
    decoratorKind: 'pytest',
    scope,
    autouse: false,
    builtin: true
  }
}

export function addBuiltinFixtures(suite: Suite, project: Project): void {
  const pa = project.versions['pytest-asyncio']
  // pytest-asyncio < 1.0 provides a function-scoped `event_loop`.
  if (pa.candidates.some((v) => /^0\./.test(v))) suite.register(builtin('event_loop', 'function'))
  suite.register(builtin('event_loop_policy', 'session'))
  // anyio's plugin: `anyio_backend` is module-scoped from 4.0, function-scoped before.
  const anyio = project.versions.anyio
  const anyioModule = anyio.candidates.some((v) => !/^[0-3]\./.test(v))
  suite.register(builtin('anyio_backend', anyioModule ? 'module' : 'function'))
  suite.register(builtin('anyio_backend_name', 'function', { argnames: ['anyio_backend'] }))
  suite.register(builtin('anyio_backend_options', 'function', { argnames: ['anyio_backend'] }))
  for (const [name, scope] of [
    ['request', 'function'],
    ['tmp_path', 'function'],
    ['tmp_path_factory', 'session'],
    ['tmpdir', 'function'],
    ['tmpdir_factory', 'session'],
    ['monkeypatch', 'function'],
    ['capsys', 'function'],
    ['capfd', 'function'],
    ['caplog', 'function'],
    ['recwarn', 'function'],
    ['pytestconfig', 'session'],
    ['cache', 'session'],
    ['record_property', 'function'],
    ['free_tcp_port', 'function'],
    ['free_udp_port', 'function'],
    ['free_tcp_port_factory', 'session'],
    ['free_udp_port_factory', 'session']
  ] as const) {
    suite.register(builtin(name, scope))
  }
}
