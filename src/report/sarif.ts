/**
 * SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`): one run, a rule per
 * code with its docs as `helpUri`, results with locations, related locations, line-independent
 * `partialFingerprints` (so alerts follow code that moves) and `fixes` as text replacements.
 * Paths are repository-relative under `%SRCROOT%`; columns count UTF-16 code units.
 */
import type { Log, Region, ReportingDescriptor, Result } from 'sarif'
import type { Finding, Notice, Severity, TextEdit } from '../rules/types.js'
import { fingerprint } from './fingerprint.js'
import { pushTo } from '../util/multimap.js'

export interface SarifOptions {
  version: string
  informationUri: string
}

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' }

/** Repository-relative POSIX path as a relative URI reference. */
export function pathUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/')
}

/** 1-based line and column of a character offset. */
function position(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1
    lineStart = i + 1
  }
  return { line, column: offset - lineStart + 1 }
}

function editRegion(text: string, e: TextEdit): Region {
  const s = position(text, e.start)
  const end = position(text, e.end)
  return { startLine: s.line, startColumn: s.column, endLine: end.line, endColumn: end.column }
}

function location(path: string, line: number, endLine: number, column?: number) {
  const region: Region = { startLine: line, endLine: Math.max(line, endLine) }
  if (column && column > 0) region.startColumn = column
  return {
    physicalLocation: { artifactLocation: { uri: pathUri(path), uriBaseId: '%SRCROOT%' }, region }
  }
}

function toResult(f: Finding, ruleIndex: number, sources: ReadonlyMap<string, string>): Result {
  const result: Result = {
    ruleId: f.code,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [location(f.path, f.line, f.endLine, f.column)],
    partialFingerprints: {
      'loopscope/v1': fingerprint({ code: f.code, path: f.path, symbol: f.symbol })
    }
  }
  if (f.related.length > 0) {
    result.relatedLocations = f.related.map((r, i) => ({
      id: i + 1,
      ...location(r.path, r.line, r.endLine),
      message: { text: r.message }
    }))
  }
  if (f.fix) {
    const byPath = new Map<string, TextEdit[]>()
    for (const e of f.fix.edits) pushTo(byPath, e.path, e)
    const changes = [...byPath].flatMap(([path, edits]) => {
      const text = sources.get(path)
      if (text === undefined) return []
      return [
        {
          artifactLocation: { uri: pathUri(path), uriBaseId: '%SRCROOT%' },
          replacements: edits.map((e) => ({
            deletedRegion: editRegion(text, e),
            insertedContent: { text: e.text }
          }))
        }
      ]
    })
    // A fix is only useful whole: leave it out when a file it edits was not available.
    if (changes.length === byPath.size && changes.length > 0) {
      result.fixes = [{ description: { text: f.fix.title }, artifactChanges: changes }]
    }
  }
  return result
}

export function toSarif(
  findings: readonly Finding[],
  sources: ReadonlyMap<string, string>,
  notices: readonly Notice[],
  opts: SarifOptions
): Log {
  const rules: ReportingDescriptor[] = []
  const index = new Map<string, number>()
  for (const f of findings) {
    if (index.has(f.code)) continue
    index.set(f.code, rules.length)
    const rule: ReportingDescriptor = {
      id: f.code,
      name: f.name,
      shortDescription: { text: f.name.replace(/-/g, ' ') },
      defaultConfiguration: { level: LEVEL[f.severity] },
      properties: { tags: ['pytest', 'asyncio', 'correctness'] }
    }
    if (f.docsUrl) {
      rule.helpUri = f.docsUrl
      rule.help = {
        text: `See ${f.docsUrl}`,
        markdown: `See the [${f.code} documentation](${f.docsUrl}).`
      }
    }
    rules.push(rule)
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Loopscope',
            version: opts.version,
            informationUri: opts.informationUri,
            rules
          }
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The repository root.' } } },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: notices.map((n) => ({
              level: n.level === 'info' ? 'note' : n.level,
              message: { text: n.message },
              ...(n.path ? { locations: [location(n.path, n.line ?? 1, n.line ?? 1)] } : {})
            }))
          }
        ],
        results: findings.map((f) => toResult(f, index.get(f.code) ?? 0, sources))
      }
    ]
  }
}
