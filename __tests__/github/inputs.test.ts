import { readInputs } from '../../src/github/inputs.js'

const get = (values: Record<string, string>) => (name: string) => values[name] ?? ''

describe('inputs', () => {
  it('applies action.yml defaults', () => {
    expect(readInputs(get({ 'github-token': 't' }))).toEqual({
      token: 't',
      workingDirectory: '.',
      paths: [],
      exclude: [],
      failOn: 'error',
      maxComments: 30,
      suggestions: true,
      reporter: 'review',
      versionOverrides: {}
    })
  })

  it('parses lists, booleans, numbers and version overrides', () => {
    const i = readInputs(
      get({
        paths: 'tests/**\n# a comment\nintegration/**, e2e',
        exclude: 'tests/legacy/**',
        'fail-on': 'Warning',
        'max-comments': '5',
        suggestions: 'false',
        reporter: 'annotations',
        'sarif-file': 'out/loopscope.sarif',
        'pytest-asyncio-version': '0.23.8',
        'anyio-version': '>=4,<5'
      })
    )
    expect(i).toMatchObject({
      paths: ['tests/**', 'integration/**', 'e2e'],
      exclude: ['tests/legacy/**'],
      failOn: 'warning',
      maxComments: 5,
      suggestions: false,
      reporter: 'annotations',
      sarifFile: 'out/loopscope.sarif',
      versionOverrides: { 'pytest-asyncio': '0.23.8', anyio: '>=4,<5' }
    })
  })

  it('rejects bad values with a clear message', () => {
    expect(() => readInputs(get({ 'fail-on': 'fatal' }))).toThrow(
      "Input 'fail-on' must be one of error, warning, info, never"
    )
    expect(() => readInputs(get({ 'max-comments': '-1' }))).toThrow("Input 'max-comments'")
    expect(() => readInputs(get({ suggestions: 'maybe' }))).toThrow("Input 'suggestions'")
    expect(() => readInputs(get({ 'anyio-version': '4; rm -rf /' }))).toThrow(
      "Input 'anyio-version'"
    )
  })
})
