/**
 * Output safety (issue #6): names and paths from the pull request reach GitHub as text. A fixture
 * named `` `x` <img src=x onerror=alert(1)> ``, directories named `evil](javascript:alert(1))` and
 * `<img src=x onerror=alert(2)>`, and a decorator line holding a run of backticks go through the
 * real action against the emulator; the review comments, the review body and the job summary must
 * contain no live tag or link of the PR's making, and every suggestion must be one intact fence.
 * The reporters are also checked directly on findings with the nastiest paths.
 */
import { Emulator, type Identity } from '../emulator/server.js'
import {
  bundleAction,
  makePull,
  pullRequestPayload,
  runAction
} from '../emulator/action-harness.js'
import { removeTempDirs, tempDir } from '../emulator/git-fixture.js'
import { suggestionOf } from '../emulator/suggestions.js'
import { buildSummary } from '../../src/report/summary.js'
import { codeBlock, inlineCode, renderMessage, tableCell } from '../../src/report/markdown.js'
import { bodyEntry, inlineCommentBody } from '../../src/github/comment.js'
import { pathUri } from '../../src/report/sarif.js'
import type { Finding } from '../../src/rules/types.js'
import {
  EVIL_NAME,
  IMG_DIR,
  LINK_DIR,
  fences,
  hostileFiles,
  liveDangers,
  linkDestinations,
  liveMarkdown,
  writeFiles
} from './hostile.js'

afterAll(removeTempDirs)

const bot: Identity = { login: 'github-actions[bot]', type: 'Bot', id: 41898282, canWrite: true }
const TOKEN = 'ghs_output_token_0123456789abcdef'

let action: string
let emu: Emulator

beforeAll(async () => {
  action = await bundleAction()
}, 120_000)

beforeEach(async () => {
  emu = await new Emulator({ owner: 'acme', repo: 'inventory', tokens: { [TOKEN]: bot } }).start()
})

afterEach(async () => {
  expect(emu.requestProblems).toEqual([])
  expect(emu.responseProblems).toEqual([])
  await emu.close()
})

async function hostilePull(inputs: Record<string, string> = {}) {
  // The pin files are on the base branch already, so the PR's own conftest.py is what is reviewed.
  const files = hostileFiles('/nonexistent/marker')
  const base = tempDir('loopscope-base-')
  const pins = ['pyproject.toml', 'setup.py', 'requirements.txt']
  writeFiles(base, Object.fromEntries(pins.map((p) => [p, files[p] as string])))
  const head = tempDir('loopscope-head-')
  writeFiles(head, files)
  const pr = makePull(base, head)
  emu.addPull(pr.number, pr.origin.bare, pr.base, pr.head)
  const run = await runAction({
    action,
    emu,
    workspace: pr.workspace,
    eventName: 'pull_request',
    payload: pullRequestPayload(pr, emu),
    token: TOKEN,
    inputs
  })
  expect(run.stderr).toBe('')
  return run
}

describe('review comments, review body and job summary from hostile names', () => {
  it('inline comments: names and paths are text, suggestion fences outlast the backticks in the code', async () => {
    const run = await hostilePull()
    expect(emu.reviews).toHaveLength(1)
    const paths = emu.comments.map((c) => c.path).sort()
    expect(paths).toEqual(
      expect.arrayContaining([
        'tests/conftest.py',
        `tests/${LINK_DIR}/test_link.py`,
        `tests/${IMG_DIR}/test_img.py`
      ])
    )
    for (const c of emu.comments) expect(liveDangers(c.body)).toEqual([])
    const evil = emu.comments.find((c) => c.path === 'tests/conftest.py')
    expect(evil?.body).toContain('img src=x onerror=alert(1)') // shown, as text
    // The suggestion replaces the decorator line, whose comment holds five backticks: the
    // fence is longer, and the suggestion parses back to exactly the fixed line.
    const suggestion = fences(evil?.body ?? '').find((f) => f.info === 'suggestion')
    expect(suggestion?.fence.length).toBeGreaterThan(5)
    expect(suggestion?.content).toContain('````` not a fence')
    expect(suggestion?.content).toContain('loop_scope="session"')
    expect(suggestionOf(evil?.body ?? '')).toBeDefined()
    // Every fence opened is closed: nothing after the suggestion leaks into code or out of it.
    for (const c of emu.comments)
      expect(c.body).toMatch(/\n<!-- loopscope:v1 fp=[0-9a-f]{24} data=[\w-]+ -->$/)

    expect(liveDangers(run.summary)).toEqual([])
    expect(run.summary).toContain('onerror') // the summary still names it, inertly
    // Annotations carry the paths as properties, escaped by the workflow-command encoding.
    expect(run.annotations.filter((a) => a.properties.file)).toEqual([])
  })

  it('review body (over max-comments) and annotations fallback keep hostile names inert', async () => {
    const run = await hostilePull({ 'max-comments': '1' })
    expect(emu.reviews).toHaveLength(1)
    const body = emu.reviews[0]?.body ?? ''
    expect(body).toContain('over the limit')
    expect(liveDangers(body)).toEqual([])
    for (const c of emu.comments) expect(liveDangers(c.body)).toEqual([])
    expect(liveDangers(run.summary)).toEqual([])
  })
})

describe('reporters on findings with hostile paths (direct)', () => {
  const nasty = [
    `tests/${LINK_DIR}/test_a.py`,
    `tests/${IMG_DIR}/test_b.py`,
    'tests/<img src=x onerror=alert(3)>/test_h.py',
    'tests/a)b](c/test_c.py',
    'tests/x`y``z/test_d.py',
    'tests/@octocat #1/test_e.py',
    'tests/new\nline/test_f.py',
    "tests/it's #2/test_g.py"
  ]
  const finding = (path: string): Finding => ({
    code: 'PA102',
    name: 'fixture-default-loop-scope-narrower-than-scope',
    severity: 'error',
    path,
    line: 3,
    endLine: 4,
    column: 1,
    message: `Async fixture \`${EVIL_NAME}\` is cached per session but sets no \`loop_scope\`.`,
    docsUrl: 'https://github.com/loopscope/loopscope/blob/v1/docs/rules/PA102.md',
    symbol: `fixture:${path}::${EVIL_NAME}`,
    related: [{ path, line: 1, endLine: 1, message: `fixture \`${EVIL_NAME}\` is here` }],
    fix: {
      title: `Set \`loop_scope="session"\` on fixture \`${EVIL_NAME}\``,
      applicability: 'safe',
      edits: [{ path, start: 10, end: 10, text: ', loop_scope="session"' }]
    }
  })

  it.each(nasty)('job summary with blob links: %j', (path) => {
    const f = finding(path)
    const md = buildSummary({
      scope: 'pull request #1',
      findings: [f],
      notices: [{ level: 'warning', path, message: `skipped: ${EVIL_NAME}` }],
      fixDiffs: () => [
        { path, diff: `--- a/${path}\n+++ b/${path}\n@@ -1 +1 @@\n-\`\`\`\n+\`\`\`\`` }
      ],
      link: (p, line, endLine) =>
        `https://github.com/acme/inventory/blob/abc/${pathUri(p)}#L${line}-L${endLine}`,
      status: []
    })
    expect(liveDangers(md)).toEqual([])
    // The location link's destination must end where Loopscope meant it to: at #L<line>.
    const live = liveMarkdown(md)
    const dests = linkDestinations(live).filter((d) => d.startsWith('https://github.com/acme/'))
    expect(dests).toHaveLength(1)
    expect(dests[0]).toMatch(/#L3-L4$/)
    // The diff fence outlasts the backticks in the diff.
    const diff = fences(md).find((x) => x.info === 'diff')
    expect(diff?.content).toContain('+````')
    expect(mentions(md)).toEqual([])
    if (path.includes("'")) expect(md).toContain('it&#39;s') // entities stay intact
  })

  it.each(nasty)('review comment and review-body entry: %j', (path) => {
    const f = finding(path)
    const inline = inlineCommentBody({
      kind: 'inline',
      finding: f,
      path,
      startLine: 3,
      endLine: 4,
      suggestion: {
        path,
        startLine: 3,
        endLine: 4,
        oldLines: ['x = 1', '@fixture'],
        newLines: ['x = "````"', '@fixture(loop_scope="session")']
      },
      diffs: []
    })
    expect(liveDangers(inline)).toEqual([])
    const s = fences(inline).find((x) => x.info === 'suggestion')
    expect(s?.content).toBe('x = "````"\n@fixture(loop_scope="session")')
    expect(mentions(inline)).toEqual([])
    const entry = bodyEntry({
      kind: 'body',
      finding: f,
      reason: 'over-limit',
      diffs: [{ path, diff: '-a\n+```' }]
    })
    expect(liveDangers(entry)).toEqual([])
    expect(mentions(entry)).toEqual([])
  })

  it('markdown primitives: code spans and fences cannot be closed from inside', () => {
    for (const text of ['`', '``x``', '` <b>', '```', 'a`b', EVIL_NAME, '](javascript:alert(1))']) {
      expect(liveMarkdown(inlineCode(text)).trim()).toBe('')
      expect(
        fences(codeBlock(`${text}\n\`\`\`\`\`\`\n<img src=x>`, 'suggestion'))[0]?.content
      ).toBe(`${text}\n\`\`\`\`\`\`\n<img src=x>`)
    }
    for (const m of [
      `odd \` count <img src=x> [a](javascript:x)`,
      `name \`${EVIL_NAME}\` here`,
      '<script>alert(1)</script>'
    ])
      for (const out of [renderMessage(m), tableCell(m)]) expect(liveDangers(out)).toEqual([])
  })
})

/** Live `@user` mentions and `#123` references. */
function mentions(md: string): string[] {
  return [...liveMarkdown(md).matchAll(/(^|[^\w\u200b&])(@[A-Za-z0-9-]+|#\d+)/g)].map(
    (m) => m[2] as string
  )
}
