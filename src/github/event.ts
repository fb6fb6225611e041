/**
 * What triggered the run, read from the runner's environment and the webhook payload at
 * GITHUB_EVENT_PATH. Pull-request events are reviewed; everything else (push, workflow_dispatch,
 * schedule, ...) analyses the whole repository.
 */
import { readFileSync } from 'node:fs'
import type { PullInfo } from './pull-diff.js'

const PR_EVENTS = ['pull_request', 'pull_request_target'] as const

export type RunEvent =
  | {
      kind: 'pull_request'
      name: string
      action: string
      pr: PullInfo
      /** The head branch lives in another repository (a fork). */
      isFork: boolean
      state: string
    }
  | { kind: 'repository'; name: string; sha: string; ref: string }

interface PullPayload {
  action?: string
  number?: number
  pull_request?: {
    number: number
    state?: string
    commits?: number
    changed_files?: number
    head: { sha: string; repo?: { full_name?: string } | null }
    base: { sha: string; repo?: { full_name?: string } | null }
  }
  repository?: { full_name?: string; name?: string; owner?: { login?: string } }
}

export function readEvent(env: NodeJS.ProcessEnv): RunEvent {
  const name = env.GITHUB_EVENT_NAME ?? ''
  let payload: PullPayload = {}
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as PullPayload
    } catch (error) {
      throw new Error(
        `Cannot read the event payload at GITHUB_EVENT_PATH: ${(error as Error).message}`,
        {
          cause: error
        }
      )
    }
  }
  const pull = payload.pull_request
  if ((PR_EVENTS as readonly string[]).includes(name) && pull) {
    const full = payload.repository?.full_name ?? env.GITHUB_REPOSITORY ?? ''
    const [owner = '', repo = ''] = full.split('/')
    if (!owner || !repo) throw new Error('The event payload names no repository.')
    const headRepo = pull.head.repo?.full_name
    const baseRepo = pull.base.repo?.full_name ?? full
    const pr: PullInfo = {
      owner,
      repo,
      number: pull.number,
      baseSha: pull.base.sha,
      headSha: pull.head.sha,
      commits: pull.commits ?? 1
    }
    if (pull.changed_files !== undefined) pr.changedFiles = pull.changed_files
    return {
      kind: 'pull_request',
      name,
      action: payload.action ?? '',
      pr,
      // A deleted fork has no head repository: treat it as a fork.
      isFork: headRepo === undefined || headRepo.toLowerCase() !== baseRepo.toLowerCase(),
      state: pull.state ?? 'open'
    }
  }
  return { kind: 'repository', name, sha: env.GITHUB_SHA ?? '', ref: env.GITHUB_REF ?? '' }
}
