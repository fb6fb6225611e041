import { DiffIndex, filesFromGitDiff } from '../../src/github/diff.js'
import { placeFindings, type InlinePlacement } from '../../src/github/placement.js'
import { buildReview, bottomUp, toReviewComment } from '../../src/github/review.js'
import { inlineCommentBody } from '../../src/github/comment.js'
import { readMarkers, fingerprint } from '../../src/report/fingerprint.js'
import { commitAll, git, removeTempDirs, tempDir, writeTree } from '../emulator/git-fixture.js'
import { finding, insertAtLine, lineOf, replaceIn } from './helpers.js'

afterAll(removeTempDirs)

// A base and a head tree, diffed by real git like GitHub diffs a PR.
const baseConftest = `import pytest_asyncio

from crm.db import create_pool


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def pool():
    pool = await create_pool("postgres://crm@localhost/crm")
    await pool.execute("CREATE TABLE contacts")
    yield pool
    await pool.close()
`
const headConftest = baseConftest.replace('loop_scope="session")', 'loop_scope="function")')
const ini = '[pytest]\npythonpath = src\nasyncio_default_test_loop_scope = session\n'
const testFile = `import pytest


@pytest.mark.asyncio
async def test_add(pool):
    await pool.execute("INSERT")
`
const untouched = 'import pytest\n\n\nasync def test_other():\n    pass\n'

function scenario(): { diff: DiffIndex; sources: Map<string, string> } {
  const dir = tempDir()
  git(dir, 'init', '--quiet')
  writeTree(dir, {
    'conftest.py': baseConftest,
    'pytest.ini': ini,
    'tests/test_other.py': untouched
  })
  const base = commitAll(dir, 'base')
  writeTree(dir, { 'conftest.py': headConftest, 'tests/test_contacts.py': testFile })
  const head = commitAll(dir, 'head')
  const diff = new DiffIndex(
    filesFromGitDiff(
      git(dir, 'diff', '-U3', '--find-renames', '--src-prefix=a/', '--dst-prefix=b/', base, head)
    )
  )
  const sources = new Map([
    ['conftest.py', headConftest],
    ['pytest.ini', ini],
    ['tests/test_contacts.py', testFile],
    ['tests/test_other.py', untouched]
  ])
  return { diff, sources }
}

const pa101 = finding({
  path: 'conftest.py',
  line: 6,
  endLine: 7,
  fix: {
    title: 'Set `loop_scope="session"`',
    edits: [
      replaceIn('conftest.py', headConftest, 'loop_scope="function"', 'loop_scope="session"')
    ],
    applicability: 'safe'
  }
})

const pa108 = finding({
  code: 'PA108',
  name: 'unset-default-fixture-loop-scope',
  severity: 'warning',
  path: 'pytest.ini',
  line: 1,
  symbol: 'config:pytest.ini::asyncio_default_fixture_loop_scope',
  related: [
    { path: 'conftest.py', line: 7, endLine: 7, message: 'an async fixture relying on the default' }
  ],
  fix: {
    title: 'Add `asyncio_default_fixture_loop_scope = function`',
    edits: [insertAtLine('pytest.ini', ini, 2, 'asyncio_default_fixture_loop_scope = function\n')],
    applicability: 'safe'
  }
})

const multiFile = finding({
  code: 'PA104',
  name: 'test-runs-in-narrower-loop-than-fixture',
  path: 'tests/test_contacts.py',
  line: lineOf(testFile, '@pytest.mark.asyncio'),
  endLine: lineOf(testFile, 'async def test_add'),
  symbol: 'tests/test_contacts.py::test_add',
  fix: {
    title: 'Run the test in the session loop',
    edits: [
      replaceIn(
        'tests/test_contacts.py',
        testFile,
        '@pytest.mark.asyncio',
        '@pytest.mark.asyncio(loop_scope="session")'
      ),
      replaceIn(
        'pytest.ini',
        ini,
        'pythonpath = src',
        'pythonpath = src\nasyncio_default_fixture_loop_scope = session'
      )
    ],
    applicability: 'unsafe'
  }
})

const outside = finding({
  code: 'PA301',
  name: 'strict-mode-unmarked-async-test',
  path: 'tests/test_other.py',
  line: 4,
  symbol: 'tests/test_other.py::test_other',
  fix: {
    title: 'Add `@pytest.mark.asyncio`',
    edits: [insertAtLine('tests/test_other.py', untouched, 4, '@pytest.mark.asyncio\n')],
    applicability: 'safe'
  }
})

describe('placing findings against the diff', () => {
  it('puts a fix whose lines are in a hunk in a suggestion that replaces exactly the commented lines', () => {
    const { diff, sources } = scenario()
    const [p] = placeFindings([pa101], sources, diff, { suggestions: true, maxComments: 30 })
    expect(p).toMatchObject({ kind: 'inline', path: 'conftest.py', startLine: 6, endLine: 6 })
    const inline = p as InlinePlacement
    expect(inline.suggestion?.newLines).toEqual([
      '@pytest_asyncio.fixture(scope="session", loop_scope="session")'
    ])
    const comment = toReviewComment(inline)
    expect(comment).toEqual({ path: 'conftest.py', line: 6, side: 'RIGHT', body: comment.body })
    expect(comment.body).toContain('**PA101**')
    expect(comment.body).toContain(
      '(https://github.com/loopscope/loopscope/blob/v1/docs/rules/PA101.md)'
    )
    expect(comment.body).toContain(
      '```suggestion\n@pytest_asyncio.fixture(scope="session", loop_scope="session")\n```'
    )
    expect(readMarkers(comment.body).map((m) => m.fingerprint)).toEqual([
      fingerprint({ code: 'PA101', path: 'conftest.py', symbol: pa101.symbol })
    ])
  })

  it('comments on the nearest diff line a finding concerns when its fix is outside the diff', () => {
    const { diff, sources } = scenario()
    const [p] = placeFindings([pa108], sources, diff, { suggestions: true, maxComments: 30 })
    expect(p).toMatchObject({ kind: 'inline', path: 'conftest.py', startLine: 7, endLine: 7 })
    const body = inlineCommentBody(p as InlinePlacement)
    expect(body).not.toContain('```suggestion')
    expect(body).toContain('```diff\n--- a/pytest.ini')
    expect(body).toContain('+asyncio_default_fixture_loop_scope = function')
    expect(body).toContain('Reported at `pytest.ini:1`')
  })

  it('suggests the part of a multi-file fix that is in the diff and shows the rest as a diff', () => {
    const { diff, sources } = scenario()
    const [p] = placeFindings([multiFile], sources, diff, { suggestions: true, maxComments: 30 })
    const inline = p as InlinePlacement
    expect(inline).toMatchObject({
      kind: 'inline',
      path: 'tests/test_contacts.py',
      startLine: 4,
      endLine: 4
    })
    expect(inline.diffs.map((d) => d.path)).toEqual(['pytest.ini'])
    const body = inlineCommentBody(inline)
    expect(body).toContain('```suggestion\n@pytest.mark.asyncio(loop_scope="session")\n```')
    expect(body).toContain('The fix also changes:')
    expect(body).toContain('In `pytest.ini`:')
    expect(body).toContain('review it before committing')
  })

  it('sends a finding with no diff line to the review body', () => {
    const { diff, sources } = scenario()
    const [p] = placeFindings([outside], sources, diff, { suggestions: true, maxComments: 30 })
    expect(p).toMatchObject({ kind: 'body', reason: 'outside-diff' })
  })

  it('never places two suggestions on the same lines', () => {
    const { diff, sources } = scenario()
    const rival = finding({
      ...pa101,
      code: 'PA109',
      severity: 'warning',
      symbol: 'other',
      fix: {
        title: 'another fix of the same line',
        edits: [replaceIn('conftest.py', headConftest, 'scope="session"', 'scope="module"')],
        applicability: 'safe'
      }
    })
    const placements = placeFindings([rival, pa101], sources, diff, {
      suggestions: true,
      maxComments: 30
    })
    const withSuggestion = placements.filter((p) => p.kind === 'inline' && p.suggestion)
    expect(withSuggestion.map((p) => p.finding.code)).toEqual(['PA101'])
    const demoted = placements.find((p) => p.finding.code === 'PA109') as InlinePlacement
    expect(demoted.kind).toBe('inline')
    expect(demoted.diffs).toHaveLength(1)
  })

  it('offers diffs instead of suggestions when suggestions are off', () => {
    const { diff, sources } = scenario()
    const [p] = placeFindings([pa101], sources, diff, { suggestions: false, maxComments: 30 })
    expect(p).toMatchObject({ kind: 'inline', path: 'conftest.py', startLine: 6, endLine: 7 })
    expect((p as InlinePlacement).suggestion).toBeUndefined()
    expect(inlineCommentBody(p as InlinePlacement)).toContain('```diff')
  })

  it('keeps the most severe findings inline when over max-comments', () => {
    const { diff, sources } = scenario()
    const placements = placeFindings([pa108, multiFile, pa101], sources, diff, {
      suggestions: true,
      maxComments: 1
    })
    expect(placements.map((p) => [p.finding.code, p.kind])).toEqual([
      ['PA101', 'inline'],
      ['PA104', 'body'],
      ['PA108', 'body']
    ])
  })

  it('skips a fix that changes nothing on its lines', () => {
    const { diff, sources } = scenario()
    const noop = finding({
      ...pa101,
      fix: {
        title: 'nothing',
        edits: [replaceIn('conftest.py', headConftest, 'async def', 'async def')],
        applicability: 'safe'
      }
    })
    const [p] = placeFindings([noop], sources, diff, { suggestions: true, maxComments: 30 })
    expect(p).toMatchObject({ kind: 'inline', startLine: 6, endLine: 7, diffs: [] })
    expect((p as InlinePlacement).suggestion).toBeUndefined()
  })
})

describe('the review', () => {
  it('is one COMMENT review, bottom-up, with single-line comments lacking start_line', () => {
    const { diff, sources } = scenario()
    const placements = placeFindings([pa101, pa108, multiFile, outside], sources, diff, {
      suggestions: true,
      maxComments: 30
    })
    const review = buildReview(placements, {
      runKey: '1.1.abc',
      maxComments: 30,
      alreadyReported: 0
    })
    expect(review).toBeDefined()
    const comments = review?.comments ?? []
    expect(comments.map((c) => [c.path, c.line, c.start_line])).toEqual([
      ['conftest.py', 7, undefined],
      ['conftest.py', 6, undefined],
      ['tests/test_contacts.py', 4, undefined]
    ])
    expect([...comments].sort(bottomUp)).toEqual(comments)
    expect(review?.body).toContain('4 new findings')
    expect(review?.body).toContain('1 finding outside the lines this pull request changes')
    expect(review?.body).toContain('`tests/test_other.py:4`')
    expect(review?.body).toContain('<!-- loopscope:review run=1.1.abc -->')
    expect(readMarkers(review?.body).map((m) => m.fingerprint)).toEqual([
      fingerprint({ code: outside.code, path: outside.path, symbol: outside.symbol })
    ])
  })

  it('uses start_line for a multi-line range', () => {
    const { diff, sources } = scenario()
    const [p] = placeFindings([pa101], sources, diff, { suggestions: false, maxComments: 30 })
    expect(toReviewComment(p as InlinePlacement)).toMatchObject({
      start_line: 6,
      start_side: 'RIGHT',
      line: 7,
      side: 'RIGHT'
    })
  })

  it('is not built when nothing is new', () => {
    expect(buildReview([], { runKey: 'k', maxComments: 30, alreadyReported: 3 })).toBeUndefined()
  })

  it('keeps its body under GitHub’s limit, dropping diffs first and then entries', () => {
    const { diff, sources } = scenario()
    const big = 'x = 1\n'.repeat(4000)
    const many = Array.from({ length: 40 }, (_, i) =>
      finding({
        code: 'PA301',
        path: `tests/gen_${i}.py`,
        line: 1,
        symbol: `s${i}`,
        fix: {
          title: 't',
          edits: [
            { path: `tests/gen_${i}.py`, start: 0, end: big.length, text: big.replace(/1/g, '2') }
          ],
          applicability: 'safe'
        }
      })
    )
    const bigSources = new Map(sources)
    for (let i = 0; i < 40; i++) bigSources.set(`tests/gen_${i}.py`, big)
    const review = buildReview(
      placeFindings(many, bigSources, diff, { suggestions: true, maxComments: 30 }),
      {
        runKey: 'k',
        maxComments: 30,
        alreadyReported: 0
      }
    )
    expect(review?.body.length).toBeLessThanOrEqual(65536)
    expect((review?.listed.length ?? 0) + (review?.omitted.length ?? 0)).toBe(40)
    expect(review?.body).toContain('job summary')
  })
})
