/**
 * The model of a Python test suite as pytest sees it: files, fixtures, tests, classes, marks.
 * Built from tree-sitter trees by `extract.ts`; the trees themselves are not kept.
 */

export type Scope = 'function' | 'class' | 'module' | 'package' | 'session'
export const SCOPES: readonly Scope[] = ['function', 'class', 'module', 'package', 'session']

export function isScope(s: unknown): s is Scope {
  return typeof s === 'string' && (SCOPES as readonly string[]).includes(s)
}

export function scopeRank(s: Scope): number {
  return SCOPES.indexOf(s)
}

export function widerScope(a: Scope, b: Scope): Scope {
  return scopeRank(a) >= scopeRank(b) ? a : b
}

/** A source range. Offsets index the file text; line and col are 1-based. */
export interface Span {
  start: number
  end: number
  line: number
  endLine: number
  col: number
}

/** A Python expression as data: literals are decoded, names resolved through the imports. */
export interface Value {
  kind: 'str' | 'list' | 'tuple' | 'dict' | 'name' | 'attr' | 'call' | 'num' | 'bool' | 'none' | 'other'
  text: string
  span: Span
  /** Decoded value of a plain (non-f) string literal. */
  str?: string
  /** The quote character a string literal uses (`"` or `'`). */
  quote?: string
  /** Elements of a list/tuple; positional arguments of a call. */
  items?: Value[]
  /** Keyword arguments of a call. */
  kwargs?: Map<string, Value>
  /** Dotted name after import resolution: a name/attribute, or a call's callee. */
  qual?: string
  /** For a call: the span of its `(...)` argument list. */
  argList?: Span
}

export interface Mark {
  /** `asyncio`, `anyio`, `trio`, `usefixtures`, `parametrize`, ... */
  name: string
  /** The whole mark expression, e.g. `pytest.mark.asyncio(loop_scope="module")`. */
  span: Span
  /** The mark expression as a value (its `argList` is set when it is called). */
  value: Value
  called: boolean
  args: Value[]
  kwargs: Map<string, Value>
  origin: 'decorator' | 'pytestmark' | 'param' | 'add_marker'
}

export interface Decorator {
  /** The decorator line(s), from `@` to the end of the expression. */
  span: Span
  /** The decorator expression. */
  value: Value
  /** Resolved dotted name of the callee (or of the bare expression when not called). */
  qual: string
}

export interface CallFact {
  qual: string | null
  /** The callee as written, e.g. `asyncio.get_event_loop` or `loop.run_until_complete`. */
  callee: string
  value: Value
  span: Span
  awaited: boolean
  /** Set when the call is a `with`/`async with` context manager item. */
  withKind?: 'with' | 'async with'
  /** The name bound by `with ... as name` or `name = call(...)`, if any. */
  boundTo?: string
  /** For `obj.method(...)`: the receiver's text and the method name. */
  receiver?: string
  method?: string
}

export interface YieldFact {
  span: Span
  /** Context managers of the `with` statements enclosing the yield, outermost first. */
  within: CallFact[]
  /** Inside a loop, conditional or exception handler (reached zero or several times). */
  conditional: boolean
  inLoop: boolean
}

export interface FunctionFacts {
  calls: CallFact[]
  yields: YieldFact[]
  /** Names assigned in the body (targets of `=` / `as`). */
  assigned: Set<string>
  /** Whether the body contains `await` anywhere (outside nested functions). */
  hasAwait: boolean
  /** Attribute calls on names: `loop.close()` → receiver `loop`, method `close`. */
  methodCalls: { receiver: string; method: string; span: Span; awaited: boolean }[]
}

export interface Param {
  name: string
  hasDefault: boolean
  kind: 'positional' | 'kwonly' | 'varargs' | 'kwargs'
  span: Span
}

export interface PyFunction {
  name: string
  /** The `def` line(s) through the parameters and colon. */
  defSpan: Span
  /** From the first decorator's line to the `def` line: where findings about it are anchored. */
  anchor: Span
  /** The whole definition including decorators and body. */
  whole: Span
  /** Leading whitespace of the `def` line (also the decorators' indentation). */
  indent: string
  isAsync: boolean
  isGenerator: boolean
  params: Param[]
  /** What pytest requests for it: parameters without defaults, minus `self`/`cls` for methods. */
  argnames: string[]
  decorators: Decorator[]
  /** pytest marks applied by decorators, in pytest's order (bottom-most decorator first). */
  marks: Mark[]
  /**
   * Marks given to single parameter sets by `pytest.param(..., marks=...)` in the function's own
   * `parametrize` decorators (origin `param`). Each applies only to its parameter set's items,
   * after the decorator marks.
   */
  paramMarks?: Mark[]
  isStatic: boolean
  isClassMethod: boolean
  facts: FunctionFacts
  cls?: PyClass
}

export type FixtureDecoratorKind = 'pytest' | 'pytest_asyncio' | 'pytest_trio'

export interface FixtureDef {
  /** The registered name (`name=` wins over the function name). */
  name: string
  func: PyFunction
  file: PyFile
  cls?: PyClass
  decorator: Decorator
  decoratorKind: FixtureDecoratorKind
  /** Caching scope: a literal scope, `dynamic` (a callable or non-literal), or `invalid`. */
  scope: Scope | 'dynamic' | 'invalid'
  scopeValue?: Value
  /** The `loop_scope=` argument, when given. */
  loopScopeValue?: Value
  autouse: boolean
  params?: Value
  nameValue?: Value
  /** For plugin-provided fixtures with no source. */
  builtin?: boolean
}

export interface TestFunc {
  name: string
  func: PyFunction
  file: PyFile
  cls?: PyClass
  /** pytest node id, e.g. `tests/test_x.py::TestA::test_b`. */
  nodeid: string
}

export interface PyClass {
  name: string
  /** `Outer::Inner` within the module. */
  qualName: string
  /** From the first decorator's line to the `class` line. */
  anchor: Span
  whole: Span
  indent: string
  /** Indentation of the class body's statements. */
  bodyIndent: string
  /** Body start offset (first statement). */
  bodyStart: number
  decorators: Decorator[]
  /** Own marks in pytest's order: the body's `pytestmark` list, then decorators bottom-up. */
  ownMarks: Mark[]
  pytestmark?: { span: Span; value: Value }
  bases: Value[]
  outer?: PyClass
  hasInit: boolean
  methods: PyFunction[]
  classes: PyClass[]
  fixtures: FixtureDef[]
  /** pytest collects it (name matches python_classes and it has no __init__). */
  collected: boolean
}

export interface HookMark {
  mark: Mark
  /** `add_marker(..., append=False)` puts the mark first; the default appends it. */
  append: boolean
  hook: string
  /** The `add_marker(...)` call. */
  call: CallFact
}

export type FileKind = 'test' | 'conftest' | 'init' | 'plugin' | 'other'

export interface ImportInfo {
  /** local name → dotted qualified name (`afixture` → `pytest_asyncio.fixture`). */
  names: Map<string, string>
  /** Offset just after the last top-level import statement (0 when none), for adding imports. */
  insertAt: number
  /** Modules imported with plain `import X` (so `X.attr` resolves). */
  modules: Set<string>
}

export interface PyFile {
  path: string
  text: string
  exactText: boolean
  kind: FileKind
  imports: ImportInfo
  functions: PyFunction[]
  classes: PyClass[]
  /** Every fixture defined in the file (module and class level). */
  fixtures: FixtureDef[]
  tests: TestFunc[]
  moduleMarks: Mark[]
  pytestmark?: { span: Span; value: Value }
  /** `pytest_plugins = [...]` module names. */
  pytestPlugins: { names: string[]; span: Span } | null
  /** Module-level hook implementations (`pytest_*` functions). */
  hooks: Map<string, PyFunction>
  /** Marks added by `item.add_marker(...)` in collection hooks (`pytest_collection_modifyitems`). */
  hookMarks: HookMark[]
  /** Ranges tree-sitter could not parse. */
  syntaxErrors: Span[]
  lineStarts: number[]
}
