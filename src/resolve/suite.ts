/**
 * pytest's fixture lookup and marker precedence over the model (research/pytest-asyncio.md
 * §3.3–§3.4): which fixture definition a name resolves to for a given test, the test's closure,
 * and the closest mark of a name.
 */
import type { FixtureDef, HookMark, Mark, PyClass, PyFile, TestFunc, Value } from '../model/types.js'

/** Where a definition sits in pytest's registration order (plugins first, then outer → inner). */
function specificity(fx: FixtureDef): number {
  if (fx.builtin) return 0
  if (fx.file.kind === 'plugin') return 1
  if (fx.file.kind === 'conftest') return 10 + dirDepth(fx.file.path)
  let depth = 0
  for (let c = fx.cls; c; c = c.outer) depth++
  return 1000 + depth
}

function dirOf(p: string): string {
  const i = p.lastIndexOf('/')
  return i < 0 ? '' : p.slice(0, i)
}

function dirDepth(p: string): number {
  const d = dirOf(p)
  return d === '' ? 0 : d.split('/').length
}

export interface ClosureEntry {
  name: string
  def: FixtureDef
  /** The chain of fixture names from the test down to this one (excluding it). */
  via: string[]
}

export interface MarkHit {
  mark: Mark
  level: 'function' | 'class' | 'module'
  cls?: PyClass
}

type NameIndex = Map<string, FixtureDef[]>

function addTo(index: NameIndex, fx: FixtureDef): void {
  const list = index.get(fx.name)
  if (list) list.push(fx)
  else index.set(fx.name, [fx])
}

/** '' then each ancestor directory of a file, outermost first: `a/b/t.py` → ['', 'a', 'a/b']. */
function dirChain(p: string): string[] {
  const parts = dirOf(p).split('/').filter(Boolean)
  const out = ['']
  for (let i = 0; i < parts.length; i++) out.push(parts.slice(0, i + 1).join('/'))
  return out
}

export class Suite {
  /** Every parsed file by path. */
  readonly files = new Map<string, PyFile>()
  /** Every definition by registered name (unordered; for listing). */
  private readonly byName: NameIndex = new Map()
  /** Plugin-provided and `pytest_plugins` definitions: visible everywhere, registered first. */
  private readonly globalDefs: NameIndex = new Map()
  /** conftest.py definitions by the conftest's directory. */
  private readonly conftestDefs = new Map<string, NameIndex>()
  /** Module- and class-level definitions by file. */
  private readonly fileDefs = new Map<string, NameIndex>()
  private readonly closureCache = new Map<TestFunc, ClosureEntry[]>()
  private readonly classMroCache = new Map<PyClass, PyClass[]>()
  private hookMarkCache: HookMark[] | null = null
  private readonly classFile = new Map<PyClass, PyFile>()
  constructor(readonly rootdir: string) {}

  addFile(file: PyFile): void {
    this.files.set(file.path, file)
    this.hookMarkCache = null
    const stack = [...file.classes]
    while (stack.length) {
      const c = stack.pop() as PyClass
      this.classFile.set(c, file)
      stack.push(...c.classes)
    }
    for (const fx of file.fixtures) this.register(fx)
  }

  register(fx: FixtureDef): void {
    addTo(this.byName, fx)
    if (fx.builtin || fx.file.kind === 'plugin') {
      addTo(this.globalDefs, fx)
      this.globalDefs.get(fx.name)!.sort((a, b) => specificity(a) - specificity(b))
    } else if (fx.file.kind === 'conftest') {
      const d = dirOf(fx.file.path)
      let idx = this.conftestDefs.get(d)
      if (!idx) this.conftestDefs.set(d, (idx = new Map()))
      addTo(idx, fx)
    } else {
      let idx = this.fileDefs.get(fx.file.path)
      if (!idx) this.fileDefs.set(fx.file.path, (idx = new Map()))
      addTo(idx, fx)
    }
  }

  definitions(name: string): readonly FixtureDef[] {
    return this.byName.get(name) ?? []
  }

  allFixtures(): FixtureDef[] {
    return [...this.byName.values()].flat()
  }

  /** Marks added in collection hooks of conftests and plugins (they see every collected item). */
  hookMarks(): HookMark[] {
    if (!this.hookMarkCache) {
      this.hookMarkCache = []
      for (const f of this.files.values()) if (f.kind === 'conftest' || f.kind === 'plugin') this.hookMarkCache.push(...f.hookMarks)
    }
    return this.hookMarkCache
  }

  tests(): TestFunc[] {
    const out: TestFunc[] = []
    for (const f of this.files.values()) out.push(...f.tests)
    return out
  }

  /** Is this definition visible to the test (pytest's baseid match)? */
  visible(fx: FixtureDef, test: TestFunc): boolean {
    if (fx.builtin || fx.file.kind === 'plugin') return true
    if (fx.file.kind === 'conftest') {
      const d = dirOf(fx.file.path)
      return d === '' || test.file.path.startsWith(d + '/')
    }
    if (fx.file !== test.file) return false
    if (!fx.cls) return true
    // A class fixture is visible in that class, its nested classes and subclasses in the module.
    for (let c = test.cls; c; c = c.outer) {
      if (c === fx.cls) return true
      if (this.mro(c).includes(fx.cls)) return true
    }
    return false
  }

  /** Visible definitions of a name for a test, least specific first (pytest's registration order). */
  visibleDefs(name: string, test: TestFunc): FixtureDef[] {
    const out: FixtureDef[] = [...(this.globalDefs.get(name) ?? [])]
    for (const d of dirChain(test.file.path)) {
      const defs = this.conftestDefs.get(d)?.get(name)
      if (defs) out.push(...defs)
    }
    const local = this.fileDefs.get(test.file.path)?.get(name)
    if (local) out.push(...local.filter((fx) => this.visible(fx, test)).sort((a, b) => specificity(a) - specificity(b)))
    return out
  }

  /** Names of autouse fixtures registered on the test's chain. */
  private autouseNames(test: TestFunc): string[] {
    const out = new Set<string>()
    const scan = (idx: NameIndex | undefined, filter?: (fx: FixtureDef) => boolean): void => {
      if (!idx) return
      for (const [name, defs] of idx) if (defs.some((fx) => fx.autouse && (!filter || filter(fx)))) out.add(name)
    }
    scan(this.globalDefs)
    for (const d of dirChain(test.file.path)) scan(this.conftestDefs.get(d))
    scan(this.fileDefs.get(test.file.path), (fx) => this.visible(fx, test))
    return [...out]
  }

  /**
   * The definition pytest uses for `name` when `test` (or a fixture in its closure) requests it.
   * `requester` is the fixture asking, so a fixture requesting its own name gets the next outer one.
   */
  resolve(name: string, test: TestFunc, requester?: FixtureDef): FixtureDef | undefined {
    const defs = this.visibleDefs(name, test)
    if (requester && requester.name === name) {
      const i = defs.indexOf(requester)
      return i > 0 ? defs[i - 1] : undefined
    }
    return defs[defs.length - 1]
  }

  /** Names a test gets by direct parametrization (not fixtures), from marks at every level. */
  directParams(test: TestFunc): Set<string> {
    const out = new Set<string>()
    for (const hit of this.marks(test, 'parametrize')) {
      const names = parametrizeArgnames(hit.mark)
      const indirect = hit.mark.kwargs.get('indirect')
      for (const n of names) {
        if (indirect?.kind === 'bool' && indirect.text === 'True') continue
        if (indirect && (indirect.kind === 'list' || indirect.kind === 'tuple') && indirect.items?.some((i) => i.str === n)) continue
        out.add(n)
      }
    }
    return out
  }

  /** usefixtures names from marks at every level (they all apply, not only the closest). */
  usefixtures(test: TestFunc): string[] {
    const out: string[] = []
    for (const hit of this.marks(test, 'usefixtures')) for (const a of hit.mark.args) if (a.str) out.push(a.str)
    return out
  }

  /**
   * The fixture closure of a test: autouse fixtures visible to it, usefixtures, its arguments,
   * expanded transitively through each chosen definition's own arguments.
   */
  closure(test: TestFunc): ClosureEntry[] {
    const cached = this.closureCache.get(test)
    if (cached) return cached
    const direct = this.directParams(test)
    const out: ClosureEntry[] = []
    const seenDefs = new Set<FixtureDef>()
    const requested = new Set<string>()
    const queue: { name: string; via: string[]; requester?: FixtureDef }[] = []
    const request = (name: string, via: string[]): void => {
      if (name === 'request' || direct.has(name) || requested.has(name)) return
      requested.add(name)
      queue.push({ name, via })
    }
    // pytest requests every autouse name registered on the test's chain, then resolves it.
    for (const name of this.autouseNames(test)) request(name, [])
    for (const name of this.usefixtures(test)) request(name, [])
    for (const name of test.func.argnames) request(name, [])
    while (queue.length) {
      const item = queue.shift() as { name: string; via: string[]; requester?: FixtureDef }
      const def = this.resolve(item.name, test, item.requester)
      if (!def || seenDefs.has(def)) continue
      seenDefs.add(def)
      out.push({ name: item.name, def, via: item.via })
      for (const arg of def.func.argnames) {
        if (arg === def.name) queue.push({ name: arg, via: [...item.via, item.name], requester: def })
        else request(arg, [...item.via, item.name])
      }
    }
    this.closureCache.set(test, out)
    return out
  }

  /** Method resolution order of a class among classes defined in the same module (self first). */
  mro(cls: PyClass): PyClass[] {
    const cached = this.classMroCache.get(cls)
    if (cached) return cached
    const out: PyClass[] = [cls]
    this.classMroCache.set(cls, out)
    const file = this.fileOfClass(cls)
    for (const b of cls.bases) {
      const base = file ? findClass(file, b) : undefined
      if (!base) continue
      for (const c of this.mro(base)) if (!out.includes(c)) out.push(c)
    }
    return out
  }

  private fileOfClass(cls: PyClass): PyFile | undefined {
    return this.classFile.get(cls)
  }

  /**
   * Marks of a name applying to a test, closest first: the function's own (bottom decorator
   * first), then each enclosing class (with base-class marks first, pytest ≥ 7.4.3), then the
   * module's pytestmark.
   */
  marks(test: TestFunc, name: string, baseFirst = true): MarkHit[] {
    const out: MarkHit[] = []
    for (const m of test.func.marks) if (m.name === name) out.push({ mark: m, level: 'function' })
    for (let c = test.cls; c; c = c.outer) {
      for (const m of this.classMarks(c, baseFirst)) if (m.name === name) out.push({ mark: m, level: 'class', cls: c })
    }
    for (const m of test.file.moduleMarks) if (m.name === name) out.push({ mark: m, level: 'module' })
    return out
  }

  /** A class node's own markers: reversed MRO (base first) on pytest ≥ 7.4.3, else MRO order. */
  classMarks(cls: PyClass, baseFirst = true): Mark[] {
    const mro = this.mro(cls)
    const order = baseFirst ? [...mro].reverse() : mro
    return order.flatMap((c) => c.ownMarks)
  }

  closestMark(test: TestFunc, name: string, baseFirst = true): MarkHit | undefined {
    return this.marks(test, name, baseFirst)[0]
  }
}

export function findClass(file: PyFile, v: Value): PyClass | undefined {
  if (v.kind !== 'name') return undefined
  return file.classes.find((c) => c.name === v.text)
}

/** Argument names of a parametrize mark: `"a, b"` or `["a", "b"]`. */
export function parametrizeArgnames(mark: Mark): string[] {
  const first = mark.args[0] ?? mark.kwargs.get('argnames')
  if (!first) return []
  if (first.kind === 'str' && first.str !== undefined) {
    return first.str
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
  }
  if (first.kind === 'list' || first.kind === 'tuple') return (first.items ?? []).map((i) => i.str ?? '').filter(Boolean)
  return []
}
