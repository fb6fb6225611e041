/**
 * What the end-to-end tests share: the identities and tokens of the emulated GitHub, the demo
 * pull request (examples/demo with one more edit so every fix lies inside its diff), the real
 * checker on a tree, and the check that every finding reached at least one of the channels a
 * run reports through (the review, workflow annotations, the job summary, SARIF).
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fingerprint, readMarkers, readReviewRun } from '../../src/report/fingerprint.js'
import { repoRoot, type ActionRun } from './action-harness.js'
import type { Emulator, Identity } from './server.js'

export const DEMO_BASE = join(repoRoot, 'examples', 'demo', 'base')
export const DEMO_HEAD = join(repoRoot, 'examples', 'demo', 'head')

export const bot: Identity = {
  login: 'github-actions[bot]',
  type: 'Bot',
  id: 41898282,
  canWrite: true
}
export const forkToken: Identity = { ...bot, canWrite: false }
export const WRITE = 'ghs_write_token_0123456789'
export const READ = 'ghs_fork_token_0123456789'
export const TOKENS: Record<string, Identity> = { [WRITE]: bot, [READ]: forkToken }

/** The head tree with one more edit, so every fix of the PR lies inside its diff. */
export const touchReceiveGoods = (dir: string): void => {
  const file = join(dir, 'tests', 'db', 'test_stock.py')
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace(
      'await db.execute("stock", sku, 5)',
      'await db.execute("stock", sku, 5)  # five units'
    )
  )
}

/** A finding as `loopscope check --format json` prints it. */
export interface CheckedFinding {
  code: string
  severity: string
  path: string
  line: number
  endLine: number
  symbol: string
}

/** The real checker (the bundled CLI next to the bundled action) on a tree. */
export function check(action: string, dir: string): { status: number; findings: CheckedFinding[] } {
  const cli = join(action, '..', 'cli.js')
  try {
    const out = execFileSync(process.execPath, [cli, 'check', '--format', 'json'], {
      cwd: dir,
      encoding: 'utf8'
    })
    return { status: 0, findings: JSON.parse(out) }
  } catch (e) {
    const err = e as { status: number; stdout: string }
    return { status: err.status, findings: JSON.parse(err.stdout) }
  }
}

export type Channel = 'review' | 'annotations' | 'summary' | 'sarif'

interface SarifLog {
  runs: Array<{
    results: Array<{
      ruleId: string
      locations?: Array<{
        physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number } }
      }>
    }>
  }>
}

/** Reviews written by `author` that carry Loopscope's run marker. */
export function ourReviews(emu: Emulator, author: Identity = bot) {
  return emu.reviews.filter((r) => r.author.login === author.login && readReviewRun(r.body))
}

/** How often each finding fingerprint appears in what `author` wrote (comments and review bodies). */
export function reportedFingerprints(emu: Emulator, author: Identity = bot): Map<string, number> {
  const counts = new Map<string, number>()
  const bodies = [
    ...ourReviews(emu, author).map((r) => r.body),
    ...emu.comments.filter((c) => c.author.login === author.login).map((c) => c.body)
  ]
  for (const body of bodies)
    for (const m of readMarkers(body))
      counts.set(m.fingerprint, (counts.get(m.fingerprint) ?? 0) + 1)
  return counts
}

const findingKey = (f: CheckedFinding) => `${f.code} ${f.path}:${f.line}`

/** The channels through which one finding reached the user in a run. */
export function channelsOf(
  f: CheckedFinding,
  run: ActionRun,
  emu: Emulator,
  sarif?: SarifLog
): Channel[] {
  const out: Channel[] = []
  const fp = fingerprint({ code: f.code, path: f.path, symbol: f.symbol })
  if ((reportedFingerprints(emu).get(fp) ?? 0) > 0) out.push('review')
  if (
    run.annotations.some(
      (a) =>
        a.properties.file === f.path &&
        Number(a.properties.line) === f.line &&
        (a.properties.title ?? '').startsWith(`${f.code} `)
    )
  )
    out.push('annotations')
  const span = f.endLine > f.line ? `${f.path}:${f.line}-${f.endLine}` : `${f.path}:${f.line}`
  if (
    run.summary
      .split('\n')
      .some((l) => l.startsWith('| ') && l.includes(`[${f.code}](`) && l.includes(`\`${span}\``))
  )
    out.push('summary')
  if (
    sarif?.runs.some((r) =>
      r.results.some((x) => {
        const loc = x.locations?.[0]?.physicalLocation
        return (
          x.ruleId === f.code &&
          loc?.artifactLocation?.uri === f.path &&
          loc.region?.startLine === f.line
        )
      })
    )
  )
    out.push('sarif')
  return out
}

/**
 * Assert that every finding reached at least one channel in `run` (and each channel of `via`,
 * when given). The review channel counts what is on the pull request, whichever run posted it.
 * Returns the channels per finding.
 */
export function expectEveryFindingReported(
  findings: readonly CheckedFinding[],
  run: ActionRun,
  emu: Emulator,
  opts: { sarifFile?: string; via?: Channel[] } = {}
): Record<string, Channel[]> {
  const sarif = opts.sarifFile
    ? (JSON.parse(readFileSync(opts.sarifFile, 'utf8')) as SarifLog)
    : undefined
  const table: Record<string, Channel[]> = {}
  const missing: string[] = []
  for (const f of findings) {
    const channels = channelsOf(f, run, emu, sarif)
    table[findingKey(f)] = channels
    const lacking = (opts.via ?? []).filter((c) => !channels.includes(c))
    if (channels.length === 0) missing.push(`${findingKey(f)}: reported nowhere`)
    else if (lacking.length > 0) missing.push(`${findingKey(f)}: not in ${lacking.join(', ')}`)
  }
  expect({ missing, table }).toEqual({ missing: [], table })
  return table
}
