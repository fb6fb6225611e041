#!/usr/bin/env node
/**
 * `loopscope check [paths...]`: the analyzer on the command line. Thin: parse arguments, call
 * analyze(), print through a reporter, apply fixes on request, exit with a meaningful status.
 */
import { writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { parseArgs } from 'node:util'
import { analyze, type AnalysisResult } from './analyze.js'
import { formatText } from './report/text.js'
import { toJson } from './report/json.js'
import { editsByPath, applyEdits } from './fix/apply.js'
import { ALL_META } from './rules/index.js'
import { SEVERITY_RANK, type Finding, type Severity } from './rules/types.js'
import { renderRuleDoc } from './rules/docs.js'
import { normalizeRelPath } from './read/workspace.js'
import { pushTo } from './util/multimap.js'

export const VERSION = '0.1.0'

const HELP = `Usage: loopscope check [paths...] [options]
       loopscope rules [CODE]

Find event-loop and fixture-scope mistakes of pytest-asyncio and anyio in a pytest suite.

Options for check:
  --format <text|json|github>   output format (default: text)
  --select <CODES>              only these rule codes (comma-separated; a prefix like PA1 works)
  --ignore <CODES>              skip these rule codes
  --fix                         apply safe fixes in place
  --unsafe-fixes                with --fix, also apply fixes marked unsafe
  --fail-on <error|warning|info|never>
                                exit 1 when a finding at or above this severity remains (default: error)
  --changed <FILE>              PR mode: analyse what a change to FILE affects (repeatable)
  --pytest-asyncio-version <V>  assume this pytest-asyncio version (or specifier) instead of the pins
  --anyio-version <V>           assume this anyio version (or specifier)
  --no-fix-diff                 do not print fixes as diffs
  --no-color                    plain text
  -h, --help                    this help
  --version                     print the version

Exit status: 0 no findings at or above --fail-on, 1 findings, 2 usage or internal error.
Configuration: [tool.loopscope] in pyproject.toml (select, ignore, per-file-ignores, fail-on, versions).`

class UsageError extends Error {}

function splitCodes(v: string | string[] | undefined): string[] | undefined {
  if (v === undefined) return undefined
  const list = (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(/[\s,]+/)).filter(Boolean).map((s) => s.toUpperCase())
  return list.length ? list : undefined
}

export interface CliIO {
  out: (s: string) => void
  err: (s: string) => void
  cwd: string
}

export async function main(argv: string[], io: Partial<CliIO> = {}): Promise<number> {
  const out = io.out ?? ((s: string) => void process.stdout.write(s))
  const err = io.err ?? ((s: string) => void process.stderr.write(s))
  try {
    return await mainInner(argv, out, err, io.cwd ?? process.cwd())
  } catch (e) {
    if (e instanceof UsageError) {
      err(`loopscope: ${e.message}\n\n${HELP}\n`)
      return 2
    }
    err(`loopscope: internal error: ${(e as Error).stack ?? String(e)}\n`)
    return 2
  }
}

async function mainInner(argv: string[], out: (s: string) => void, err: (s: string) => void, cwd: string): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        select: { type: 'string', multiple: true },
        ignore: { type: 'string', multiple: true },
        fix: { type: 'boolean', default: false },
        'unsafe-fixes': { type: 'boolean', default: false },
        'fail-on': { type: 'string' },
        changed: { type: 'string', multiple: true },
        'pytest-asyncio-version': { type: 'string' },
        'anyio-version': { type: 'string' },
        'no-fix-diff': { type: 'boolean', default: false },
        'no-color': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', default: false }
      }
    })
  } catch (e) {
    throw new UsageError((e as Error).message)
  }
  const { values, positionals } = parsed
  if (values.version) {
    out(`loopscope ${VERSION}\n`)
    return 0
  }
  const [command, ...rest] = positionals
  if (values.help || !command) {
    out(`${HELP}\n`)
    return command || values.help ? 0 : 2
  }
  if (command === 'rules') {
    const code = rest[0]?.toUpperCase()
    if (code) {
      const meta = ALL_META.find((m) => m.code === code)
      if (!meta) throw new UsageError(`unknown rule ${code}`)
      out(renderRuleDoc(meta))
      return 0
    }
    for (const m of ALL_META) out(`${m.code}  ${m.severity.padEnd(7)}  ${m.name}: ${m.summary}\n`)
    return 0
  }
  if (command !== 'check') throw new UsageError(`unknown command '${command}'`)
  const format = values.format as string
  if (!['text', 'json', 'github'].includes(format)) throw new UsageError(`--format must be text, json or github, not '${format}'`)
  const rel = (p: string): string => {
    const r = path.relative(cwd, path.resolve(cwd, p)).split(path.sep).join('/')
    if (normalizeRelPath(r) === null) throw new UsageError(`${p} is outside the current directory`)
    return r
  }
  const paths = rest.map(rel)
  const changed = values.changed?.map(rel)
  const versionOverrides: Record<string, string> = {}
  if (values['pytest-asyncio-version']) versionOverrides['pytest-asyncio'] = values['pytest-asyncio-version']
  if (values['anyio-version']) versionOverrides.anyio = values['anyio-version']
  const select = splitCodes(values.select)
  const ignore = splitCodes(values.ignore)
  const run = (): Promise<AnalysisResult> =>
    analyze({
      root: cwd,
      paths,
      ...(changed ? { changed } : {}),
      ...(select ? { select } : {}),
      ...(ignore ? { ignore } : {}),
      versionOverrides
    })

  let result = await run()
  const failOn = (values['fail-on'] ?? result.project.loopscope.failOn ?? 'error') as Severity | 'never'
  if (!['error', 'warning', 'info', 'never'].includes(failOn)) throw new UsageError(`--fail-on must be error, warning, info or never`)

  let fixedCount = 0
  if (values.fix) {
    // Apply, re-analyse, repeat until nothing is left to fix (a fix can expose another).
    for (let round = 0; round < 5; round++) {
      const fixable = result.findings.filter((f) => f.fix && (f.fix.applicability === 'safe' || values['unsafe-fixes']))
      if (!fixable.length) break
      const applied = applyFixes(fixable, result.sources, cwd)
      fixedCount += applied
      if (!applied) break
      result = await run()
    }
  }

  const display = (p: string): string => p
  if (format === 'json') {
    out(JSON.stringify(toJson(result.findings, result.sources, display), null, 2) + '\n')
  } else if (format === 'github') {
    for (const f of result.findings) out(githubCommand(f))
  } else {
    const color = !values['no-color'] && !!process.stdout.isTTY && !process.env.NO_COLOR
    out(formatText(result.findings, result.notices, result.sources, { color, showFixes: !values['no-fix-diff'], displayPath: display }))
    if (values.fix) out(`Fixed ${fixedCount} finding${fixedCount === 1 ? '' : 's'}.\n`)
  }
  if (process.env.LOOPSCOPE_DEBUG) for (const n of result.diagnostics) err(`debug: ${n.path ? `${n.path}:${n.line ?? 1}: ` : ''}${n.message}\n`)
  if (format !== 'text') for (const n of result.notices) err(`${n.level}: ${n.path ? `${n.path}${n.line ? `:${n.line}` : ''}: ` : ''}${n.message}\n`)
  if (failOn === 'never') return 0
  return result.findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]) ? 1 : 0
}

/** Writes fixed files; returns how many findings' fixes were applied. */
function applyFixes(findings: Finding[], sources: ReadonlyMap<string, string>, root: string): number {
  // Take findings one by one, skipping any whose edits overlap edits already taken.
  const taken: Finding[] = []
  const ranges = new Map<string, [number, number][]>()
  for (const f of findings) {
    const edits = f.fix?.edits ?? []
    const clash = edits.some((e) => (ranges.get(e.path) ?? []).some(([s, en]) => e.start < en && s < e.end && !(e.start === s && e.end === en)))
    if (clash) continue
    taken.push(f)
    for (const e of edits) pushTo(ranges, e.path, [e.start, e.end])
  }
  for (const [p, edits] of editsByPath(taken)) {
    const before = sources.get(p) ?? ''
    writeFileSync(path.join(root, p), applyEdits(before, edits))
  }
  return taken.length
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/** A workflow command (`::error file=…::…`) for CI logs. */
function githubCommand(f: Finding): string {
  const level = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice'
  return `::${level} file=${escapeProperty(f.path)},line=${f.line},endLine=${f.endLine},col=${f.column},title=${escapeProperty(`${f.code} ${f.name}`)}::${escapeData(f.message)}\n`
}

const isMain = (() => {
  try {
    const invoked = process.argv[1] ? path.resolve(process.argv[1]) : ''
    return invoked.endsWith('cli.js') || invoked.endsWith('cli.ts') || invoked.endsWith('loopscope')
  } catch {
    return false
  }
})()

if (isMain) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code
  })
}
