/** action.yml is the action's contract: it must match what the code reads and writes. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { readInputs } from '../../src/github/inputs.js'
import { repoRoot } from '../emulator/action-harness.js'

interface ActionYml {
  name: string
  description: string
  branding: { icon: string; color: string }
  inputs: Record<string, { description: string; required?: boolean; default?: string }>
  outputs: Record<string, { description: string }>
  runs: { using: string; main: string }
}

const yml = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as ActionYml

describe('action.yml', () => {
  it('runs the bundle on node24 and is ready for the Marketplace', () => {
    expect(yml.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
    expect(yml.description.length).toBeLessThanOrEqual(125 * 2)
    expect([
      'white',
      'black',
      'yellow',
      'blue',
      'green',
      'orange',
      'red',
      'purple',
      'gray-dark'
    ]).toContain(yml.branding.color)
    expect(yml.branding.icon).toMatch(/^[a-z0-9-]+$/)
  })

  it('declares exactly the inputs the action reads, each described', () => {
    const read = new Set<string>()
    readInputs((name) => {
      read.add(name)
      return ''
    })
    expect(Object.keys(yml.inputs).sort()).toEqual([...read].sort())
    for (const input of Object.values(yml.inputs))
      expect(input.description.length).toBeGreaterThan(20)
    expect(yml.inputs['github-token']?.default).toBe('${{ github.token }}')
  })

  it('has defaults that mean what the code assumes when an input is empty', () => {
    const defaults = (name: string) =>
      name === 'github-token' ? 'tok' : (yml.inputs[name]?.default ?? '')
    const empty = (name: string) => (name === 'github-token' ? 'tok' : '')
    expect(readInputs(defaults)).toEqual(readInputs(empty))
    expect(readInputs(defaults)).toMatchObject({
      failOn: 'error',
      maxComments: 30,
      suggestions: true,
      reporter: 'review'
    })
  })

  it('declares exactly the outputs main.ts sets', () => {
    const main = readFileSync(join(repoRoot, 'src', 'main.ts'), 'utf8')
    const set = [...main.matchAll(/core\.setOutput\('([^']+)'/g)].map((m) => m[1])
    expect(Object.keys(yml.outputs).sort()).toEqual(set.sort())
  })
})
