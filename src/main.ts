/**
 * The action's entry: read the inputs, run Loopscope, set the outputs, and turn a failure (or
 * findings at the `fail-on` level) into a failed step. Everything else lives in src/github/run.ts.
 */
import * as core from '@actions/core'
import { analyze } from './analyze.js'
import { readInputs } from './github/inputs.js'
import { runLoopscope, type ActionIO } from './github/run.js'
import pkg from '../package.json' with { type: 'json' }

const io: ActionIO = {
  info: (m) => core.info(m),
  warning: (m) => core.warning(m),
  debug: (m) => core.debug(m),
  annotate: (a) => {
    const props: core.AnnotationProperties = { title: a.title }
    if (a.file) props.file = a.file
    if (a.startLine) props.startLine = a.startLine
    if (a.endLine) props.endLine = a.endLine
    if (a.startColumn) props.startColumn = a.startColumn
    if (a.level === 'error') core.error(a.message, props)
    else if (a.level === 'warning') core.warning(a.message, props)
    else core.notice(a.message, props)
  },
  writeSummary: async (markdown) => {
    if (!process.env.GITHUB_STEP_SUMMARY) {
      core.info('GITHUB_STEP_SUMMARY is not set: no job summary written.')
      return
    }
    await core.summary.addRaw(markdown).write()
  }
}

export async function run(): Promise<void> {
  try {
    const token = core.getInput('github-token')
    if (token) core.setSecret(token)
    const inputs = readInputs((name) => core.getInput(name))
    const result = await runLoopscope(inputs, {
      analyze,
      io,
      env: process.env,
      cwd: process.cwd(),
      version: pkg.version
    })
    core.setOutput('errors', result.counts.errors)
    core.setOutput('warnings', result.counts.warnings)
    core.setOutput('infos', result.counts.infos)
    core.setOutput('findings', result.counts.findings)
    core.setOutput('review-id', result.reviewId ?? '')
    core.setOutput('sarif-file', result.sarifFile ?? '')
    if (result.failMessage) core.setFailed(result.failMessage)
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error))
  }
}
