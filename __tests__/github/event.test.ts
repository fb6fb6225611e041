import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createRequire } from 'node:module'
import { readEvent } from '../../src/github/event.js'
import { removeTempDirs, tempDir } from '../emulator/git-fixture.js'

afterAll(removeTempDirs)

const require = createRequire(import.meta.url)
interface Example {
  action?: string
  pull_request: {
    number: number
    changed_files: number
    head: { sha: string; repo: { full_name: string } | null }
    base: { sha: string }
  }
}
const examples = require('@octokit/webhooks-examples/api.github.com/index.json') as Array<{
  name: string
  examples: Example[]
}>
const pick = (name: string, action?: string): Example => {
  const list = examples.find((e) => e.name === name)?.examples ?? []
  const ex = action ? list.find((e) => e.action === action) : list[0]
  if (!ex) throw new Error(`no ${name} example`)
  return JSON.parse(JSON.stringify(ex)) as Example
}

function envFor(name: string, payload: unknown) {
  const file = join(tempDir(), 'event.json')
  writeFileSync(file, JSON.stringify(payload))
  return {
    GITHUB_EVENT_NAME: name,
    GITHUB_EVENT_PATH: file,
    GITHUB_REPOSITORY: 'Codertocat/Hello-World',
    GITHUB_SHA: 'f'.repeat(40),
    GITHUB_REF: 'refs/heads/main'
  }
}

describe('readEvent', () => {
  it('reads a real pull_request payload', () => {
    const payload = pick('pull_request', 'synchronize')
    const e = readEvent(envFor('pull_request', payload))
    expect(e).toMatchObject({
      kind: 'pull_request',
      action: 'synchronize',
      isFork: false,
      pr: {
        owner: 'Codertocat',
        repo: 'Hello-World',
        number: payload.pull_request.number,
        headSha: payload.pull_request.head.sha,
        baseSha: payload.pull_request.base.sha,
        changedFiles: payload.pull_request.changed_files
      }
    })
  })

  it('treats pull_request_target like pull_request and recognises forks', () => {
    const payload = pick('pull_request', 'opened')
    payload.pull_request.head.repo = { full_name: 'someone/Hello-World' }
    expect(readEvent(envFor('pull_request_target', payload))).toMatchObject({
      kind: 'pull_request',
      name: 'pull_request_target',
      isFork: true
    })
    payload.pull_request.head.repo = null
    expect(readEvent(envFor('pull_request', payload))).toMatchObject({ isFork: true })
  })

  it('analyses the repository on push and workflow_dispatch', () => {
    expect(readEvent(envFor('push', pick('push')))).toEqual({
      kind: 'repository',
      name: 'push',
      sha: 'f'.repeat(40),
      ref: 'refs/heads/main'
    })
    expect(readEvent(envFor('workflow_dispatch', pick('workflow_dispatch')))).toMatchObject({
      kind: 'repository'
    })
  })

  it('fails clearly on an unreadable payload', () => {
    expect(() =>
      readEvent({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: '/nonexistent/event.json' })
    ).toThrow('Cannot read the event payload')
  })
})
