// Bundles the action (dist/index.js) and the CLI (dist/cli.js) with every dependency inlined,
// and copies the two WebAssembly files tree-sitter needs, so dist/ runs with no node_modules.
import { build } from 'esbuild'
import { copyFileSync, mkdirSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
rmSync('dist', { recursive: true, force: true })
mkdirSync('dist', { recursive: true })

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  legalComments: 'none',
  logLevel: 'warning',
  // Some bundled CommonJS dependencies call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __loopscopeCreateRequire } from 'node:module';\nconst require = __loopscopeCreateRequire(import.meta.url);"
  }
}

await build({ ...common, entryPoints: { index: 'src/index.ts', cli: 'src/cli.ts' }, outdir: 'dist' })

copyFileSync(require.resolve('web-tree-sitter/tree-sitter.wasm'), 'dist/tree-sitter.wasm')
copyFileSync(
  require.resolve('tree-sitter-python/tree-sitter-python.wasm'),
  'dist/tree-sitter-python.wasm'
)
