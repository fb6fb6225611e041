import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import AjvDraft04 from 'ajv-draft-04'
import ajvFormats from 'ajv-formats'
import { toSarif } from '../../src/report/sarif.js'
import { fingerprint } from '../../src/report/fingerprint.js'
import { finding, insertAtLine, replaceIn } from './helpers.js'

const require = createRequire(import.meta.url)
// The OASIS SARIF 2.1.0 schema, as shipped by Microsoft's SARIF SDK.
const schema = JSON.parse(
  readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')
) as object
// The schema's language-tag pattern is not valid with the u flag, so compile without it.
// CommonJS packages: their ESM default import is module.exports, which carries `.default`.
const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false })
ajvFormats.default(ajv)
const validate = ajv.compile(schema)

const conftest =
  'import pytest_asyncio\n\n@pytest_asyncio.fixture(scope="session", loop_scope="function")\nasync def pool():\n    yield 1\n'
const ini = '[pytest]\nasyncio_mode = strict\n'

describe('SARIF', () => {
  const f1 = finding({
    path: 'sub dir/conftest.py',
    line: 3,
    endLine: 4,
    related: [{ path: 'tests/test_a.py', line: 9, endLine: 9, message: 'used here' }],
    fix: {
      title: 'Set loop_scope="session"',
      edits: [replaceIn('sub dir/conftest.py', conftest, '"function"', '"session"')],
      applicability: 'safe'
    }
  })
  const f2 = finding({
    code: 'PA108',
    name: 'unset-default-fixture-loop-scope',
    severity: 'warning',
    path: 'pytest.ini',
    line: 1,
    column: 1,
    symbol: 'config:pytest.ini::asyncio_default_fixture_loop_scope',
    fix: {
      title: 'Add the option',
      edits: [
        insertAtLine('pytest.ini', ini, 2, 'asyncio_default_fixture_loop_scope = function\n')
      ],
      applicability: 'safe'
    }
  })
  const sources = new Map([
    ['sub dir/conftest.py', conftest],
    ['pytest.ini', ini]
  ])
  const log = toSarif(
    [f1, f2, { ...f1, line: 10, symbol: 'other' }],
    sources,
    [{ level: 'info', message: 'assumed pytest-asyncio 1.4' }],
    {
      version: '0.1.0',
      informationUri: 'https://github.com/loopscope/loopscope'
    }
  )

  it('validates against the SARIF 2.1.0 schema', () => {
    const ok = validate(JSON.parse(JSON.stringify(log)))
    expect(validate.errors ?? []).toEqual([])
    expect(ok).toBe(true)
  })

  it('has one rule per code with its docs, and results pointing at them', () => {
    const run = log.runs[0]
    const rules = run?.tool.driver.rules ?? []
    expect(rules.map((r) => [r.id, r.helpUri])).toEqual([
      ['PA101', 'https://github.com/loopscope/loopscope/blob/v1/docs/rules/PA101.md'],
      ['PA108', 'https://github.com/loopscope/loopscope/blob/v1/docs/rules/PA101.md']
    ])
    expect(run?.results?.map((r) => [r.ruleId, r.ruleIndex, r.level])).toEqual([
      ['PA101', 0, 'error'],
      ['PA108', 1, 'warning'],
      ['PA101', 0, 'error']
    ])
  })

  it('locates results and fixes in repository-relative, URI-encoded paths', () => {
    const r = log.runs[0]?.results?.[0]
    expect(r?.locations?.[0]?.physicalLocation?.artifactLocation).toEqual({
      uri: 'sub%20dir/conftest.py',
      uriBaseId: '%SRCROOT%'
    })
    expect(r?.locations?.[0]?.physicalLocation?.region).toMatchObject({
      startLine: 3,
      endLine: 4,
      startColumn: 1
    })
    expect(r?.relatedLocations?.[0]?.message?.text).toBe('used here')
    const replacement = r?.fixes?.[0]?.artifactChanges[0]?.replacements[0]
    const col = conftest.split('\n')[2]?.indexOf('"function"') ?? -1
    expect(replacement).toEqual({
      deletedRegion: {
        startLine: 3,
        startColumn: col + 1,
        endLine: 3,
        endColumn: col + 1 + '"function"'.length
      },
      insertedContent: { text: '"session"' }
    })
    // An insertion is an empty region at the insertion point.
    const ins =
      log.runs[0]?.results?.[1]?.fixes?.[0]?.artifactChanges[0]?.replacements[0]?.deletedRegion
    expect(ins).toEqual({ startLine: 2, startColumn: 1, endLine: 2, endColumn: 1 })
  })

  it('fingerprints results without line numbers', () => {
    expect(log.runs[0]?.results?.[0]?.partialFingerprints).toEqual({
      'loopscope/v1': fingerprint({ code: 'PA101', path: 'sub dir/conftest.py', symbol: f1.symbol })
    })
  })
})
