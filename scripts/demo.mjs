// `npm run demo`: run the bundled CLI on a realistic broken suite (examples/demo/head), print the
// findings with their fixes, apply the fixes to a scratch copy and show that a re-run is clean.
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { spawnSync } from 'node:child_process'

const root = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..')
const cli = join(root, 'dist', 'cli.js')
const work = mkdtempSync(join(tmpdir(), 'loopscope-demo-'))
cpSync(join(root, 'examples', 'demo', 'head'), work, { recursive: true })

const run = (args) => spawnSync(process.execPath, [cli, ...args], { cwd: work, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
try {
  console.log('$ loopscope check    # examples/demo/head: a PR that shares the database fixture across the session\n')
  const first = run(['check'])
  process.stdout.write(first.stdout + first.stderr)
  console.log(`(exit status ${first.status})\n`)
  console.log('$ loopscope check --fix\n')
  const fix = run(['check', '--fix', '--no-fix-diff'])
  process.stdout.write(fix.stdout + fix.stderr)
  console.log(`(exit status ${fix.status})`)
  if (first.status !== 1 || fix.status !== 0) process.exitCode = 1
} finally {
  rmSync(work, { recursive: true, force: true })
}
