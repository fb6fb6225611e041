/**
 * `npm run demo`: the bundled action reviews a real pull request (examples/demo: a passing suite
 * and a change that breaks it) on the GitHub emulator, exactly as on github.com; the review is
 * printed as a reader sees it; then the reviewer commits the suggestions (and applies the one
 * fix shown as a diff), the action runs again on the push and finds nothing, resolving its
 * threads.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  freshCheckout,
  makePull,
  pullRequestPayload,
  pushToPull,
  runAction,
  type ActionRun
} from './action-harness.js'
import { git, tempDir } from './git-fixture.js'

export { removeTempDirs } from './git-fixture.js'
import { renderReview } from './render.js'
import { Emulator, type Identity } from './server.js'
import { applySuggestions, openSuggestions, suggestionOf } from './suggestions.js'

export interface DemoOptions {
  /** The action's bundle (dist/index.js). */
  action: string
  /** examples/demo */
  example: string
  print: (text: string) => void
}

const BOT: Identity = { login: 'github-actions[bot]', type: 'Bot', id: 41898282, canWrite: true }
const TOKEN = 'ghs_demo_token'

function actionLog(run: ActionRun): string {
  return run.stdout
    .split('\n')
    .filter((l) => l && !l.startsWith('::add-mask::') && !l.startsWith('::debug::'))
    .map(
      (l) =>
        `  ${l.replace(/^::(error|warning|notice)[^:]*::/, (_m, level: string) => `${level}: `)}`
    )
    .join('\n')
}

export async function runDemo(o: DemoOptions): Promise<boolean> {
  const emu = await new Emulator({
    owner: 'acme',
    repo: 'inventory',
    tokens: { [TOKEN]: BOT }
  }).start()
  try {
    const pr = makePull(join(o.example, 'base'), join(o.example, 'head'), { number: 42 })
    emu.addPull(pr.number, pr.origin.bare, pr.base, pr.head)
    o.print(
      `Pull request #42 on the GitHub emulator (${emu.url}): "${git(pr.origin.work, 'log', '-1', '--format=%s', pr.head).trim()}"`
    )
    o.print(
      `${git(pr.origin.work, 'diff', '--stat', pr.base, pr.head).trimEnd().replace(/^/gm, '  ')}\n`
    )

    const payload = (action: string) => pullRequestPayload(pr, emu, { action })
    o.print('$ node dist/index.js    # on: pull_request (opened)\n')
    const first = await runAction({
      action: o.action,
      emu,
      workspace: pr.workspace,
      eventName: 'pull_request',
      payload: payload('opened'),
      token: TOKEN
    })
    o.print(actionLog(first))
    o.print(`  (exit status ${first.exitCode}; outputs: ${JSON.stringify(first.outputs)})\n`)

    const headTree = tempDir('loopscope-demo-head-')
    git(pr.origin.work, 'worktree', 'add', '--quiet', '--detach', headTree, pr.head)
    o.print('What the pull request page shows:\n')
    o.print(renderReview(emu, pr.number, headTree, BOT.login))

    const suggestions = openSuggestions(emu, pr.number, BOT.login)
    const diffs = emu.comments.filter(
      (c) => c.author === BOT && !suggestionOf(c.body) && /```diff\n/.test(c.body)
    )
    o.print(
      `The reviewer commits the ${suggestions.length} suggestions and applies the ${diffs.length} fix(es) shown as a diff.\n`
    )
    pushToPull(
      pr,
      (work) => {
        applySuggestions(work, suggestions)
        for (const c of diffs) {
          const patch = join(tempDir('loopscope-demo-fix-'), 'fix.diff')
          writeFileSync(patch, `${/```diff\n([\s\S]*?)\n```/.exec(c.body)?.[1] ?? ''}\n`)
          git(work, 'apply', patch)
        }
      },
      'Apply Loopscope suggestions'
    )
    emu.pushHead(pr.number, pr.head)
    freshCheckout(pr)

    o.print('$ node dist/index.js    # on: pull_request (synchronize)\n')
    const before = emu.reviews.length
    const second = await runAction({
      action: o.action,
      emu,
      workspace: pr.workspace,
      eventName: 'pull_request',
      payload: payload('synchronize'),
      token: TOKEN
    })
    o.print(actionLog(second))
    const resolved = emu.threadsOf(pr.number).filter((t) => t.isResolved).length
    o.print(`  (exit status ${second.exitCode}; outputs: ${JSON.stringify(second.outputs)})\n`)
    o.print(
      `Re-run: ${second.outputs.findings} findings, ${emu.reviews.length - before} new review(s), ${resolved} of ${emu.threadsOf(pr.number).length} threads resolved.`
    )
    const problems = [...emu.requestProblems, ...emu.responseProblems]
    if (problems.length > 0) o.print(`Emulator found problems:\n${problems.join('\n')}`)
    return (
      first.exitCode === 1 &&
      emu.reviews.length === before &&
      second.exitCode === 0 &&
      second.outputs.findings === '0' &&
      resolved === emu.threadsOf(pr.number).length &&
      problems.length === 0
    )
  } finally {
    await emu.close()
  }
}
