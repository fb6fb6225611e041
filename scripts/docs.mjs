// Regenerates docs/rules/*.md and the README rules table from the rules' metadata.
// The TypeScript generator is bundled in memory with esbuild, so no build step is needed.
import { build } from 'esbuild'
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const out = await build({ entryPoints: ['scripts/gen-docs.ts'], bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'warning' })
const dir = mkdtempSync(join(tmpdir(), 'loopscope-docs-'))
const file = join(dir, 'gen-docs.mjs')
writeFileSync(file, out.outputFiles[0].text)
try {
  await import(file)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
console.log('docs/rules and the README rules table are up to date.')
