/**
 * runLoopscope in process, with the analyzer replaced by one returning hand-built findings (real
 * offsets into real files), to pin down what the end-to-end tests do not reach: annotation caps
 * shared with log warnings, path filters and monorepo paths, fail-on, and when a pull request
 * gets annotations instead of a review.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { AnalysisResult, AnalyzeOptions } from '../../src/analyze.js'
import { failMessage, runLoopscope, type ActionIO } from '../../src/github/run.js'
import { readInputs } from '../../src/github/inputs.js'
import type { Annotation } from '../../src/report/annotations.js'
import type { Finding } from '../../src/rules/types.js'
import { commitAll, git, removeTempDirs, tempDir, writeTree } from '../emulator/git-fixture.js'
import { Emulator } from '../emulator/server.js'
import { finding, replaceIn } from './helpers.js'

afterAll(removeTempDirs)

const conftest =
  'import pytest_asyncio\n\n\n@pytest_asyncio.fixture(scope="session", loop_scope="function")\nasync def pool():\n    yield 1\n'

function recorder() {
  const annotations: Annotation[] = []
  const log: string[] = []
  let summary = ''
  const io: ActionIO = {
    info: (m) => log.push(m),
    warning: (m) => log.push(`warning: ${m}`),
    debug: () => {},
    annotate: (a) => annotations.push(a),
    writeSummary: async (md) => {
      summary = md
    }
  }
  return { io, annotations, log, summary: () => summary }
}

function analyzer(findings: Finding[], seen: AnalyzeOptions[] = []) {
  return async (opts: AnalyzeOptions): Promise<AnalysisResult> => {
    seen.push(opts)
    return {
      findings,
      notices: [],
      diagnostics: [],
      sources: new Map([['conftest.py', conftest]]),
      stats: { filesRead: 1, filesParsed: 1, ms: 1 },
      project: undefined as never
    }
  }
}

function repository(): string {
  const dir = tempDir()
  git(dir, 'init', '--quiet')
  writeTree(dir, { 'services/api/conftest.py': conftest, 'README.md': 'x\n' })
  commitAll(dir, 'c')
  return dir
}

const inputs = (values: Record<string, string> = {}) =>
  readInputs((n) => values[n] ?? (n === 'github-token' ? 't' : ''))

const many = (n: number, severity: Finding['severity']) =>
  Array.from({ length: n }, (_, i) =>
    finding({ path: `tests/t${i}.py`, line: i + 1, severity, symbol: `s${severity}${i}` })
  )

describe('runLoopscope', () => {
  it('analyses the working directory on push and reports repository-relative paths, capped annotations and fail-on', async () => {
    const ws = repository()
    const r = recorder()
    const pa101 = finding({
      path: 'conftest.py',
      line: 4,
      endLine: 5,
      fix: {
        title: 'fix',
        edits: [replaceIn('conftest.py', conftest, '"function"', '"session"')],
        applicability: 'safe'
      }
    })
    const seen: AnalyzeOptions[] = []
    const result = await runLoopscope(
      inputs({ 'working-directory': 'services/api', 'sarif-file': 'out/l.sarif' }),
      {
        analyze: analyzer([pa101, ...many(12, 'warning')], seen),
        io: r.io,
        env: {
          GITHUB_EVENT_NAME: 'push',
          GITHUB_WORKSPACE: ws,
          GITHUB_SHA: 'a'.repeat(40),
          GITHUB_REPOSITORY: 'o/r',
          GITHUB_SERVER_URL: 'https://github.example'
        },
        cwd: ws,
        version: '0.0.0'
      }
    )
    expect(seen[0]?.root.endsWith(join('services', 'api'))).toBe(true)
    expect(seen[0]?.changed).toBeUndefined()
    expect(result.counts).toEqual({ errors: 1, warnings: 12, infos: 0, findings: 13 })
    expect(result.failMessage).toBe('Loopscope found 1 error (fail-on: error).')
    expect(result.sarifFile).toBe(join(ws, 'out', 'l.sarif'))
    expect(r.annotations.filter((a) => a.level === 'warning')).toHaveLength(10)
    expect(r.annotations.find((a) => a.level === 'error')?.file).toBe('services/api/conftest.py')
    expect(r.summary()).toContain('2 more are listed here only')
    expect(r.summary()).toContain('(https://github.example/o/r/blob/aaaaaaa')
    expect(r.summary()).toContain('--- a/services/api/conftest.py')
  })

  it('filters findings with paths and exclude globs', async () => {
    const ws = repository()
    const r = recorder()
    const findings = [
      finding({ path: 'tests/unit/test_a.py', line: 1, symbol: 'a' }),
      finding({ path: 'tests/legacy/test_b.py', line: 1, symbol: 'b' }),
      finding({ path: 'other/test_c.py', line: 1, symbol: 'c' })
    ]
    const seen: AnalyzeOptions[] = []
    const result = await runLoopscope(
      inputs({ paths: 'tests/**', exclude: 'tests/legacy/**', 'fail-on': 'never' }),
      {
        analyze: analyzer(findings, seen),
        io: r.io,
        env: { GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_WORKSPACE: ws },
        cwd: ws,
        version: '0'
      }
    )
    expect(result.counts.findings).toBe(1)
    expect(result.failMessage).toBeUndefined()
    expect(r.annotations.map((a) => a.file)).toEqual(['tests/unit/test_a.py'])
    // Globs filter findings; they do not narrow the analysis.
    expect(seen[0]?.paths).toBeUndefined()
  })

  it('passes plain paths to the analyzer', async () => {
    const ws = repository()
    const seen: AnalyzeOptions[] = []
    await runLoopscope(inputs({ paths: 'tests/unit, tests/api/' }), {
      analyze: analyzer([], seen),
      io: recorder().io,
      env: { GITHUB_EVENT_NAME: 'push', GITHUB_WORKSPACE: ws },
      cwd: ws,
      version: '0'
    })
    expect(seen[0]?.paths).toEqual(['tests/unit', 'tests/api/'])
  })

  it('counts the log warnings of a pull request run against the annotation cap', async () => {
    // A closed pull request in a workspace that is not a git checkout: two reasons to skip the review.
    const ws = tempDir()
    mkdirSync(join(ws, 'tests'))
    const event = join(ws, 'event.json')
    writeFileSync(
      event,
      JSON.stringify({
        action: 'closed',
        repository: { full_name: 'o/r' },
        pull_request: {
          number: 3,
          state: 'closed',
          head: { sha: 'b'.repeat(40), repo: { full_name: 'o/r' } },
          base: { sha: 'c'.repeat(40), repo: { full_name: 'o/r' } }
        }
      })
    )
    const r = recorder()
    // GitHub knows no such pull request (404): the diff cannot be read either.
    const emu = await new Emulator({
      owner: 'o',
      repo: 'r',
      tokens: { t: { login: 'github-actions[bot]', type: 'Bot', id: 1, canWrite: true } }
    }).start()
    try {
      await runLoopscope(inputs(), {
        analyze: analyzer(many(12, 'warning')),
        io: r.io,
        env: {
          GITHUB_EVENT_NAME: 'pull_request',
          GITHUB_EVENT_PATH: event,
          GITHUB_WORKSPACE: ws,
          GITHUB_API_URL: emu.url,
          GITHUB_GRAPHQL_URL: emu.graphqlUrl
        },
        cwd: ws,
        version: '0'
      })
    } finally {
      await emu.close()
    }
    const logWarnings = r.log.filter((l) => l.startsWith('warning: ')).length
    expect(logWarnings).toBeGreaterThan(0)
    expect(logWarnings + r.annotations.filter((a) => a.level === 'warning').length).toBe(10)
    expect(r.summary()).toContain('Reported through annotations')
  })

  it('fails by severity threshold', () => {
    const fs = [
      finding({ path: 'a', line: 1, severity: 'warning' }),
      finding({ path: 'b', line: 1, severity: 'info', symbol: 'x' })
    ]
    expect(failMessage(fs, 'error')).toBeUndefined()
    expect(failMessage(fs, 'warning')).toBe(
      'Loopscope found 1 finding at or above warning (fail-on: warning).'
    )
    expect(failMessage(fs, 'info')).toBe(
      'Loopscope found 2 findings at or above info (fail-on: info).'
    )
    expect(failMessage(fs, 'never')).toBeUndefined()
  })
})
