// `npm run demo`: the bundled action (dist/index.js) reviews a pull request on the in-repo GitHub
// emulator: examples/demo/base is a passing async suite, examples/demo/head the change that
// breaks it. It prints the review as the pull request page shows it, commits the suggestions,
// and shows that the re-run on the push finds nothing and resolves its threads.
//
// The emulator is TypeScript (__tests__/emulator); esbuild bundles it next to node_modules so
// its dependencies (GitHub's OpenAPI and GraphQL descriptions) resolve.
import { build } from 'esbuild'
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const root = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..')
const out = join(root, 'node_modules', '.cache', 'loopscope-demo', 'demo.mjs')
mkdirSync(join(out, '..'), { recursive: true })
await build({
  entryPoints: [join(root, '__tests__', 'emulator', 'demo.ts')],
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning'
})
const { runDemo, removeTempDirs } = await import(pathToFileURL(out).href)
const ok = await runDemo({
  action: join(root, 'dist', 'index.js'),
  example: join(root, 'examples', 'demo'),
  print: (text) => console.log(text)
}).finally(removeTempDirs)
if (!ok) {
  console.error('\nThe demo did not end as expected (see above).')
  process.exitCode = 1
}
