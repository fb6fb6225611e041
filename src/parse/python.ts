/**
 * tree-sitter's Python grammar through web-tree-sitter (WebAssembly): chosen over the native
 * binding because the committed dist/ must run on any runner with no compiler and no
 * node_modules; docs/design.md has the measurements behind the choice.
 */
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Language, Parser, type Node, type Tree } from 'web-tree-sitter'

export type { Node, Tree, Parser }

let parser: Parser | null = null
let initPromise: Promise<Parser> | null = null

/** Finds a wasm file next to the running bundle (dist/) or in node_modules (source runs, tests). */
function locate(file: string, pkgPath: string): string {
  const here = path.dirname(fileURLToPath(import.meta.url))
  for (const candidate of [path.join(here, file), path.join(here, '..', file), path.join(here, '..', '..', 'dist', file)]) {
    if (existsSync(candidate)) return candidate
  }
  const require = createRequire(import.meta.url)
  return require.resolve(pkgPath)
}

export async function initParser(): Promise<Parser> {
  if (parser) return parser
  if (!initPromise) {
    initPromise = (async () => {
      const runtime = locate('tree-sitter.wasm', 'web-tree-sitter/tree-sitter.wasm')
      await Parser.init({ locateFile: () => runtime })
      const lang = await Language.load(locate('tree-sitter-python.wasm', 'tree-sitter-python/tree-sitter-python.wasm'))
      const p = new Parser()
      p.setLanguage(lang)
      parser = p
      return p
    })()
  }
  return initPromise
}

/** Parses Python source. The caller must `tree.delete()` when done (trees live in wasm memory). */
export function parsePython(p: Parser, text: string): Tree {
  const tree = p.parse(text)
  if (!tree) throw new Error('tree-sitter returned no tree')
  return tree
}
