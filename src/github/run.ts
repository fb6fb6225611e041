/**
 * One run of the action, independent of @actions/core (main.ts adapts it): decide what to analyse
 * from the event, call the analyzer, and report through the review, annotations, the job summary
 * and SARIF. Nothing here knows how findings are computed.
 *
 * Pull request events: the diff comes from the API (or git), the analysis runs on the PR head
 * commit, and one review is posted. Any other event: the whole working directory is analysed and
 * reported through annotations, the summary and SARIF.
 */
import { mkdirSync, realpathSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import picomatch from 'picomatch'
import type { AnalysisResult, AnalyzeOptions } from '../analyze.js'
import { capAnnotations, type Annotation } from '../report/annotations.js'
import { escapeMarkdown } from '../report/markdown.js'
import { buildSummary } from '../report/summary.js'
import { pathUri, toSarif } from '../report/sarif.js'
import { SEVERITY_RANK, type Finding, type Notice } from '../rules/types.js'
import { createClient, tuningFromEnv } from './client.js'
import { describeFailure, howToEnableComments } from './errors.js'
import { readEvent, type RunEvent } from './event.js'
import { runKey } from '../report/fingerprint.js'
import { Git } from './git.js'
import { prepareHeadTree, type HeadTree } from './head.js'
import type { Inputs } from './inputs.js'
import { fixDiffs } from './placement.js'
import { publishReview, type Logger } from './publish.js'
import { loadPullDiff, type PullDiff } from './pull-diff.js'

export type Analyze = (opts: AnalyzeOptions) => Promise<AnalysisResult>

export interface ActionIO extends Logger {
  annotate(a: Annotation): void
  writeSummary(markdown: string): Promise<void>
}

export interface RunDeps {
  analyze: Analyze
  io: ActionIO
  env: NodeJS.ProcessEnv
  cwd: string
  version: string
}

export interface Counts {
  errors: number
  warnings: number
  infos: number
  findings: number
}

export interface RunResult {
  counts: Counts
  reviewId?: number
  sarifFile?: string
  /** Set when `fail-on` makes the job fail. */
  failMessage?: string
}

const REMOTE = 'origin'

/** A finding with its paths made repository-relative. */
function relocate(f: Finding, prefix: string): Finding {
  if (!prefix) return f
  const p = (x: string): string => path.posix.join(prefix, x)
  const out: Finding = {
    ...f,
    path: p(f.path),
    related: f.related.map((r) => ({ ...r, path: p(r.path) }))
  }
  if (f.fix) out.fix = { ...f.fix, edits: f.fix.edits.map((e) => ({ ...e, path: p(e.path) })) }
  return out
}

function relocateNotice(n: Notice, prefix: string): Notice {
  return prefix && n.path ? { ...n, path: path.posix.join(prefix, n.path) } : n
}

function hasGlob(p: string): boolean {
  return picomatch.scan(p).isGlob
}

function pathFilter(inputs: Inputs): (p: string) => boolean {
  const include = inputs.paths.map((g) => (hasGlob(g) ? g : `${g.replace(/\/+$/, '')}{,/**}`))
  const inc = include.length > 0 ? picomatch(include, { dot: true }) : () => true
  const exc = inputs.exclude.length > 0 ? picomatch(inputs.exclude, { dot: true }) : () => false
  return (p) => inc(p) && !exc(p)
}

export function countFindings(findings: readonly Finding[]): Counts {
  const c: Counts = { errors: 0, warnings: 0, infos: 0, findings: findings.length }
  for (const f of findings) {
    if (f.severity === 'error') c.errors += 1
    else if (f.severity === 'warning') c.warnings += 1
    else c.infos += 1
  }
  return c
}

export function failMessage(
  findings: readonly Finding[],
  failOn: Inputs['failOn']
): string | undefined {
  if (failOn === 'never') return undefined
  const threshold = SEVERITY_RANK[failOn]
  const failing = findings.filter((f) => SEVERITY_RANK[f.severity] >= threshold)
  if (failing.length === 0) return undefined
  const n = failing.length
  const what =
    failOn === 'error'
      ? `error${n === 1 ? '' : 's'}`
      : `finding${n === 1 ? '' : 's'} at or above ${failOn}`
  return `Loopscope found ${n} ${what} (fail-on: ${failOn}).`
}

interface Reported {
  findings: Finding[]
  notices: Notice[]
  sources: Map<string, string>
  stats: AnalysisResult['stats']
}

/** Run the analyzer on `root`, keep what the path inputs select, and make paths repository-relative. */
async function analyzeAt(
  deps: RunDeps,
  inputs: Inputs,
  root: string,
  prefix: string,
  changed: string[] | undefined
): Promise<Reported> {
  const opts: AnalyzeOptions = { root }
  // Plain paths narrow the analysis itself; globs only filter the findings.
  if (inputs.paths.length > 0 && !inputs.paths.some(hasGlob)) opts.paths = inputs.paths
  if (changed) opts.changed = changed
  if (Object.keys(inputs.versionOverrides).length > 0)
    opts.versionOverrides = inputs.versionOverrides
  const result = await deps.analyze(opts)
  const keep = pathFilter(inputs)
  const sources = new Map<string, string>()
  for (const [p, text] of result.sources) sources.set(prefix ? path.posix.join(prefix, p) : p, text)
  return {
    findings: result.findings.filter((f) => keep(f.path)).map((f) => relocate(f, prefix)),
    notices: result.notices.map((n) => relocateNotice(n, prefix)),
    sources,
    stats: result.stats
  }
}

function annotate(
  io: ActionIO,
  findings: readonly Finding[],
  notices: readonly Notice[],
  warningsSoFar: number
): string[] {
  const capped = capAnnotations(findings, notices, { warning: warningsSoFar })
  for (const a of capped.shown) io.annotate(a)
  const lost = capped.overflow.length + capped.noticeOverflow.length
  return lost > 0
    ? [
        `GitHub shows at most 10 annotations per level in a step: ${lost} more are listed here only.`
      ]
    : []
}

/** Where the analysed project is: the repository root and the working directory within it. */
interface Place {
  workspace: string
  workDir: string
  git: Git
  /** The repository root when the workspace is a git checkout. */
  topLevel?: string
  repoRoot: string
  /** working-directory relative to the repository root ('' at the root), `/`-separated. */
  prefix: string
}

async function locate(inputs: Inputs, deps: RunDeps): Promise<Place> {
  const workspace = deps.env.GITHUB_WORKSPACE || deps.cwd
  const workDir = path.resolve(workspace, inputs.workingDirectory)
  if (!statSync(workDir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(
      `working-directory '${inputs.workingDirectory}' is not a directory (${workDir}).`
    )
  }
  const git = new Git(workDir)
  const topLevel = await git.toplevel()
  const repoRoot = topLevel ?? realpathSync(workspace)
  const prefix = path.relative(repoRoot, realpathSync(workDir)).split(path.sep).join('/')
  if (prefix.startsWith('..')) {
    throw new Error(
      `working-directory '${inputs.workingDirectory}' is outside the repository (${repoRoot}).`
    )
  }
  return { workspace, workDir, git, repoRoot, prefix, ...(topLevel ? { topLevel } : {}) }
}

/** What a run reports, whatever the event. */
interface Report {
  reported: Reported
  /** What was analysed, for the summary. */
  scope: string
  /** The commit analysed (for links). */
  sha: string
  /** What the run did with the findings, for the summary. */
  status: string[]
  reviewId?: number
}

/** Warning annotations the step has emitted so far (each log warning is one). */
type WarningCount = () => number

async function pullRequestRun(
  event: Extract<RunEvent, { kind: 'pull_request' }>,
  place: Place,
  inputs: Inputs,
  deps: RunDeps,
  io: ActionIO,
  warnings: WarningCount
): Promise<Report> {
  const { pr } = event
  const { env } = deps
  io.info(`Reviewing pull request #${pr.number} at head ${pr.headSha} (${event.name}).`)
  const client = createClient({
    token: inputs.token,
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    graphqlUrl: env.GITHUB_GRAPHQL_URL || 'https://api.github.com/graphql',
    log: (m) => io.info(m),
    ...tuningFromEnv(env, (m) => io.warning(m))
  })

  let diff: PullDiff | undefined
  try {
    diff = await loadPullDiff(client, place.git, REMOTE, pr, io)
    io.info(
      `The pull request changes ${diff.index.files.length} file(s) (diff from ${diff.source}).`
    )
  } catch (error) {
    io.warning(
      `Could not read the pull request's diff (${(error as Error).message}); analysing the whole suite.`
    )
  }

  const head: HeadTree = place.topLevel
    ? await prepareHeadTree(
        place.git,
        place.repoRoot,
        REMOTE,
        pr.headSha,
        env.RUNNER_TEMP || tmpdir()
      )
    : {
        root: place.repoRoot,
        how: 'unverified',
        warning: 'The working directory is not a git checkout.',
        cleanup: async () => {}
      }
  if (head.warning) io.warning(head.warning)
  if (head.how === 'worktree')
    io.info(`Checked out the head commit in a temporary worktree (${head.root}).`)
  let reported: Reported
  try {
    const { prefix } = place
    const changed = diff?.index
      .touchedPaths()
      .filter((p) => !prefix || p.startsWith(`${prefix}/`))
      .map((p) => (prefix ? p.slice(prefix.length + 1) : p))
    reported = await analyzeAt(deps, inputs, path.join(head.root, prefix), prefix, changed)
  } finally {
    await head.cleanup()
  }

  const report: Report = {
    reported,
    scope: `pull request #${pr.number} (head ${pr.headSha.slice(0, 7)})`,
    sha: pr.headSha,
    status: []
  }
  // Why the findings go to annotations instead of a review, when they do.
  let fallback: string | undefined
  if (inputs.reporter === 'summary') return report
  if (inputs.reporter === 'annotations') fallback = 'reporter: annotations'
  else if (event.state !== 'open') fallback = `the pull request is ${event.state}`
  else if (!diff) fallback = 'the pull request diff could not be read'
  else if (diff.unavailable) fallback = escapeMarkdown(diff.unavailable)
  else if (head.how === 'unverified')
    fallback = 'the analysed files may not be the pull request head'
  else if (!inputs.token) fallback = 'no github-token was given'

  if (diff && !fallback) {
    const outcome = await publishReview(reported.findings, reported.sources, diff.index, {
      client,
      pr,
      headSha: pr.headSha,
      runKey: runKey(env.GITHUB_RUN_ID || 'local', env.GITHUB_RUN_ATTEMPT || '1', pr.headSha),
      maxComments: inputs.maxComments,
      suggestions: inputs.suggestions,
      log: io
    })
    if (outcome.kind === 'published') {
      report.reviewId = outcome.reviewId
      report.status.push(
        outcome.reviewId !== undefined
          ? `Posted a review with ${outcome.inline} inline comment(s) and ${outcome.listedInBody} finding(s) in its body.`
          : 'No new findings to post: no review was written.',
        ...(outcome.demoted
          ? [
              `GitHub refused the inline comments (${escapeMarkdown(describeFailure(outcome.demoted.failure))}) without saying which anchor was wrong: the ${outcome.demoted.comments} finding(s) are listed in the review body instead.`
            ]
          : []),
        ...(outcome.alreadyReported > 0
          ? [`${outcome.alreadyReported} finding(s) were already reported by an earlier run.`]
          : []),
        ...(outcome.resolved > 0
          ? [`Resolved ${outcome.resolved} thread(s) whose finding is fixed.`]
          : []),
        ...(outcome.omitted.length > 0
          ? [`${outcome.omitted.length} new finding(s) did not fit in the review: see below.`]
          : [])
      )
      return report
    }
    const how = howToEnableComments(outcome.failure.kind, event.isFork)
    const what = outcome.stage === 'read' ? 'read the earlier review comments' : 'post the review'
    io.warning(
      `Could not ${what} (${describeFailure(outcome.failure)}). Reporting through annotations and the job summary instead. ${how}`
    )
    const said = escapeMarkdown(describeFailure(outcome.failure))
    report.status.push(
      `**Review comments could not be posted:** ${outcome.failure.status ? `GitHub answered ${said}` : said}.`,
      '',
      how
    )
  } else {
    report.status.push(`Reported through annotations: ${fallback ?? 'no diff'}.`)
  }
  report.status.push(...annotate(io, reported.findings, reported.notices, warnings()))
  return report
}

async function repositoryRun(
  event: Extract<RunEvent, { kind: 'repository' }>,
  place: Place,
  inputs: Inputs,
  deps: RunDeps,
  io: ActionIO,
  warnings: WarningCount
): Promise<Report> {
  io.info(
    `Analysing ${path.relative(place.workspace, place.workDir) || 'the workspace'} (${event.name || 'no event'}).`
  )
  const reported = await analyzeAt(deps, inputs, place.workDir, place.prefix, undefined)
  const report: Report = {
    reported,
    scope: `the repository${event.sha ? ` at ${event.sha.slice(0, 7)}` : ''}`,
    sha: event.sha,
    status: []
  }
  if (inputs.reporter !== 'summary')
    report.status.push(...annotate(io, reported.findings, reported.notices, warnings()))
  return report
}

function writeSarif(file: string, reported: Reported, version: string): void {
  mkdirSync(path.dirname(file), { recursive: true })
  const log = toSarif(reported.findings, reported.sources, reported.notices, {
    version,
    informationUri: 'https://github.com/loopscope/loopscope'
  })
  writeFileSync(file, `${JSON.stringify(log, null, 2)}\n`)
}

export async function runLoopscope(inputs: Inputs, deps: RunDeps): Promise<RunResult> {
  // Log warnings are annotations too: count them against the step's cap.
  let warnings = 0
  const io: ActionIO = {
    ...deps.io,
    warning: (m) => {
      warnings += 1
      deps.io.warning(m)
    }
  }
  const event = readEvent(deps.env)
  const place = await locate(inputs, deps)
  const report =
    event.kind === 'pull_request'
      ? await pullRequestRun(event, place, inputs, deps, io, () => warnings)
      : await repositoryRun(event, place, inputs, deps, io, () => warnings)
  const { reported } = report

  io.info(
    `${reported.findings.length} finding(s); read ${reported.stats.filesRead} file(s), parsed ${reported.stats.filesParsed} in ${reported.stats.ms} ms.`
  )
  const [owner = '', repo = ''] = (deps.env.GITHUB_REPOSITORY ?? '').split('/')
  const serverUrl = (deps.env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
  await io.writeSummary(
    buildSummary({
      scope: report.scope,
      findings: reported.findings,
      notices: reported.notices,
      fixDiffs: (f) => fixDiffs(f, reported.sources),
      link: (p, line, endLine) =>
        owner && repo && report.sha
          ? `${serverUrl}/${owner}/${repo}/blob/${report.sha}/${pathUri(p)}#L${line}${endLine > line ? `-L${endLine}` : ''}`
          : undefined,
      status: report.status,
      stats: reported.stats
    })
  )

  const result: RunResult = { counts: countFindings(reported.findings) }
  if (report.reviewId !== undefined) result.reviewId = report.reviewId
  if (inputs.sarifFile) {
    const file = path.resolve(place.workspace, inputs.sarifFile)
    writeSarif(file, reported, deps.version)
    io.info(`Wrote SARIF to ${file}.`)
    result.sarifFile = file
  }
  const fail = failMessage(reported.findings, inputs.failOn)
  if (fail) result.failMessage = fail
  return result
}
