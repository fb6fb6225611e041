import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Workspace } from '../src/read/workspace.js'
import type { FileSource } from '../src/read/workspace.js'
import {
  addoptsArgs,
  findPytestConfig,
  fnmatch,
  getEffectiveSettings,
  insertOptionEdit,
  matchesNorecursedirs,
  matchesPythonClasses,
  matchesPythonFiles,
  matchesPythonFunctions,
  optionArgs,
  optionLines,
  parseIni,
  readConfigFile,
  removeAddoptsArgsEdit,
  removeOptionEdit,
  replaceOptionValueEdit,
  scanToml,
  shlexSplit,
  type PytestConfig
} from '../src/model/config.js'
import { applyEdits } from '../src/fix/apply.js'

const here = fileURLToPath(new URL('.', import.meta.url))
const fixture = (name: string): Workspace => new Workspace(join(here, 'fixtures', 'config', name))

/** An in-memory FileSource for small layouts. */
function memfs(files: Record<string, string>): FileSource {
  return {
    read: (p) => files[p] ?? null,
    exists: (p) => p in files
  }
}

/** The file text after applying a config edit (the edit must target the config file itself). */
function edited(
  cfg: PytestConfig,
  edit: { path: string; start: number; end: number; text: string } | null
): string {
  expect(edit).not.toBeNull()
  const e = edit as { path: string; start: number; end: number; text: string }
  expect(e.path).toBe(cfg.path)
  return applyEdits(cfg.text as string, [e])
}

describe('INI reading follows iniconfig', () => {
  const ws = fixture('ini-continuation')
  const cfg = findPytestConfig(ws, [''])

  test('picks pytest.ini and reads every option with continuation lines joined', () => {
    expect(cfg.path).toBe('pytest.ini')
    expect(cfg.rootdir).toBe('')
    expect(cfg.rootdirReason).toBe('configfile')
    expect(cfg.section?.name).toBe('pytest')
    expect(cfg.section?.header?.line).toBe(2)
    expect([...cfg.options.keys()]).toEqual([
      'testpaths',
      'pythonpath',
      'addopts',
      'markers',
      'asyncio_mode',
      'asyncio_default_fixture_loop_scope',
      'filterwarnings'
    ])
    // blank and comment lines inside a continuation are skipped, not ends of the value
    expect(cfg.options.get('addopts')?.value).toBe('-ra\n--strict-markers\n-p no:cacheprovider')
    expect(optionLines(cfg.options.get('markers'))).toEqual([
      'slow: tests that take more than a second',
      'audit(level): tests that need the audit log wired in'
    ])
    expect(cfg.problems).toEqual([])
  })

  test('`key: value` works and inline comments stay in the value (as in pytest)', () => {
    expect(cfg.options.get('asyncio_mode')?.value).toBe('auto')
    expect(cfg.options.get('asyncio_default_fixture_loop_scope')?.value).toBe(
      'function  # keep fixtures per test'
    )
  })

  test('locations cover key through last continuation line', () => {
    const addopts = cfg.options.get('addopts')
    expect(addopts?.span.line).toBe(5)
    expect(addopts?.span.endLine).toBe(10)
    const text = cfg.text as string
    expect(text.slice(addopts?.span.start, addopts?.span.end)).toBe(
      'addopts =\n    -ra\n    --strict-markers\n\n    ; coverage is configured in CI\n    -p no:cacheprovider'
    )
    const mode = cfg.options.get('asyncio_mode')
    expect(text.slice(mode?.valueSpan.start, mode?.valueSpan.end)).toBe('auto')
    expect(mode?.span.line).toBe(14)
    expect(mode?.span.col).toBe(1)
  })

  test('effective settings: markers, strict markers from addopts, mode from the ini', () => {
    const s = getEffectiveSettings(cfg)
    expect(s.asyncioMode.value).toBe('auto')
    expect(s.asyncioMode.origin.kind).toBe('ini')
    expect(s.markers.value).toEqual(['slow', 'audit'])
    expect(s.strictMarkers.value).toBe(true)
    expect(s.strictMarkers.origin.kind).toBe('addopts')
    expect(s.testpaths.value).toEqual(['tests'])
    expect(s.pythonFiles.value).toEqual(['test_*.py', '*_test.py'])
    expect(s.pythonFiles.origin.kind).toBe('default')
    expect(s.asyncioDisabled.value).toBe(false)
    expect(s.addopts.plugins).toEqual([
      expect.objectContaining({ name: 'cacheprovider', disabled: true })
    ])
  })
})

describe('parseIni edge cases', () => {
  test('header comments, colon inside value, "=" before ":" rules', () => {
    const doc = parseIni('[pytest] # main\na:b = c\nx = y:z\nurl: http://h/p?a=1\n')
    const s = doc.sections[0]
    expect(s?.name).toBe('pytest')
    expect(s?.entries.map((e) => [e.key, e.value, e.separator])).toEqual([
      ['a', 'b = c', ':'],
      ['x', 'y:z', '='],
      ['url', 'http://h/p?a=1', ':']
    ])
    expect(doc.problems).toEqual([])
  })

  test('errors iniconfig raises are reported, reading goes on', () => {
    const doc = parseIni('orphan = 1\n[pytest]\n  early continuation\nk = v\n[pytest]\nk = w\n[]\n')
    expect(doc.problems.map((p) => [p.line, p.message])).toEqual([
      [1, 'no section header defined'],
      [3, 'unexpected value continuation'],
      [5, "duplicate section 'pytest'"],
      [6, "duplicate name 'k'"],
      [7, 'empty section name']
    ])
    expect(doc.sections).toHaveLength(1)
    expect(doc.sections[0]?.entries[0]?.value).toBe('v')
    expect(doc.sections[0]?.entries[0]?.duplicates.map((d) => d.line)).toEqual([6])
  })

  test('CRLF text keeps exact offsets', () => {
    const text = '[pytest]\r\naddopts =\r\n  -ra\r\n  -q\r\nasyncio_mode = auto\r\n'
    const doc = parseIni(text)
    const [addopts, mode] = doc.sections[0]?.entries ?? []
    expect(addopts?.value).toBe('-ra\n-q')
    expect(text.slice(addopts?.span.start, addopts?.span.end)).toBe('addopts =\r\n  -ra\r\n  -q')
    expect(mode?.span.line).toBe(5)
    expect(doc.lineEnding).toBe('\r\n')
  })
})

describe('precedence', () => {
  test('pytest.ini beats pyproject.toml and tox.ini in the same directory', () => {
    const cfg = findPytestConfig(fixture('precedence-same-dir'), [''])
    expect(cfg.path).toBe('pytest.ini')
    expect(cfg.options.get('asyncio_mode')?.value).toBe('strict')
    expect(cfg.ignoredFiles).toEqual(['pyproject.toml', 'tox.ini'])
    expect(getEffectiveSettings(cfg).asyncioMode.value).toBe('strict')
  })

  test('a nearer file beats a farther one', () => {
    const ws = fixture('nearer-wins')
    const near = findPytestConfig(ws, ['tests/unit'])
    expect(near.path).toBe('tests/pytest.ini')
    expect(near.rootdir).toBe('tests')
    expect(getEffectiveSettings(near).asyncioMode.value).toBe('strict') // the root pyproject is not merged
    expect(getEffectiveSettings(near).asyncioDefaultFixtureLoopScope.value).toBe('session')
    const far = findPytestConfig(ws, [''])
    expect(far.path).toBe('pyproject.toml')
    expect(getEffectiveSettings(far).asyncioMode.value).toBe('auto')
  })

  test('the common ancestor of several start dirs is searched, never above the root', () => {
    const fs = memfs({
      'a/pytest.ini': '[pytest]\nasyncio_mode = auto\n',
      'a/x/test_1.py': '',
      'b/test_2.py': '',
      'tox.ini': '[pytest]\nasyncio_mode = strict\n'
    })
    const cfg = findPytestConfig(fs, ['a/x', 'b'])
    expect(cfg.ancestor).toBe('')
    expect(cfg.path).toBe('tox.ini')
    expect(findPytestConfig(fs, ['a/x']).path).toBe('a/pytest.ini')
  })

  test('pyproject.toml without a pytest table is skipped; a farther setup.cfg wins', () => {
    const cfg = findPytestConfig(fixture('pyproject-without-table'), ['sub'])
    expect(cfg.path).toBe('setup.cfg')
    expect(cfg.section?.name).toBe('tool:pytest')
    const s = getEffectiveSettings(cfg)
    expect(s.asyncioDefaultFixtureLoopScope.value).toBe('session')
    expect(s.asyncioDefaultTestLoopScope.value).toBe('sesion')
    const origin = s.asyncioDefaultTestLoopScope.origin
    expect(origin.kind === 'ini' && origin.option.span.line).toBe(12)
  })

  test('with no match the nearest pyproject.toml is still the config file (pytest ≥ 8.1)', () => {
    const cfg = findPytestConfig(fixture('pyproject-fallback'), ['tests'])
    expect(cfg.path).toBe('pyproject.toml')
    expect(cfg.rootdirReason).toBe('pyproject-fallback')
    expect(cfg.section).toBeNull()
    expect(cfg.options.size).toBe(0)
    expect(getEffectiveSettings(cfg).asyncioMode).toEqual({
      value: 'strict',
      origin: { kind: 'default' }
    })
  })

  test('an empty .pytest.ini matches and beats pyproject.toml', () => {
    const cfg = findPytestConfig(fixture('dot-pytest-ini-empty'), [''])
    expect(cfg.path).toBe('.pytest.ini')
    expect(cfg.section).toBeNull()
    expect(cfg.options.size).toBe(0)
    expect(cfg.ignoredFiles).toEqual(['pyproject.toml'])
  })

  test('pytest.ini without [pytest] still matches; tox.ini without [pytest] does not', () => {
    const fs = memfs({
      'pytest.ini': '[flake8]\nmax-line-length = 100\n',
      'tox.ini': '[pytest]\nasyncio_mode = auto\n'
    })
    expect(findPytestConfig(fs, ['']).path).toBe('pytest.ini')
    const fs2 = memfs({
      'tox.ini': '[tox]\nenvlist = py311\n',
      'setup.cfg': '[tool:pytest]\nasyncio_mode = auto\n'
    })
    expect(findPytestConfig(fs2, ['']).path).toBe('setup.cfg')
  })

  test('setup.cfg with a plain [pytest] section does not match and is reported', () => {
    const cfg = findPytestConfig(memfs({ 'setup.cfg': '[pytest]\nasyncio_mode = auto\n' }), [''])
    expect(cfg.path).toBeNull()
    expect(cfg.problems).toEqual([
      expect.objectContaining({
        path: 'setup.cfg',
        line: 1,
        message: expect.stringContaining('[tool:pytest]')
      })
    ])
  })

  test('no config file: setup.py decides the rootdir, else the start dirs', () => {
    const withSetup = findPytestConfig(memfs({ 'pkg/setup.py': '', 'pkg/tests/test_a.py': '' }), [
      'pkg/tests'
    ])
    expect(withSetup.path).toBeNull()
    expect(withSetup.rootdir).toBe('pkg')
    expect(withSetup.rootdirReason).toBe('setup.py')
    const none = findPytestConfig(fixture('no-config'), ['tests'])
    expect(none.path).toBeNull()
    expect(none.rootdir).toBe('')
    expect(none.rootdirReason).toBe('ancestor')
    expect(none.options.size).toBe(0)
  })
})

describe('TOML formats', () => {
  test('pytest.toml: native types, addopts as a list, quote styles recorded', () => {
    const cfg = findPytestConfig(fixture('pytest-toml'), [''])
    expect(cfg.path).toBe('pytest.toml')
    expect(cfg.mode).toBe('toml')
    expect(cfg.options.get('addopts')?.value).toEqual([
      '-ra',
      '--asyncio-mode=auto',
      '-p',
      'no:anyio'
    ])
    expect(cfg.options.get('asyncio_debug')?.value).toBe(true)
    expect(cfg.options.get('testpaths')?.span.line).toBe(5)
    expect(cfg.options.get('testpaths')?.span.endLine).toBe(8)
    expect(cfg.options.get('asyncio_default_fixture_loop_scope')?.quote).toBe("'")
    const s = getEffectiveSettings(cfg)
    expect(s.asyncioMode.value).toBe('auto')
    expect(s.asyncioMode.origin.kind).toBe('addopts')
    expect(s.anyioDisabled.value).toBe(true)
    expect(s.asyncioDebug.value).toBe(true)
    expect(s.testpaths.value).toEqual(['tests', 'integration'])
    expect(s.asyncioDefaultFixtureLoopScope.value).toBe('module')
    // list items are mapped back to the file
    const text = cfg.text as string
    const args = addoptsArgs(cfg).args
    expect(args.map((a) => text.slice(a.start as number, a.end as number))).toEqual([
      '"-ra"',
      '"--asyncio-mode=auto"',
      '"-p"',
      '"no:anyio"'
    ])
  })

  test('pyproject [tool.pytest]: native table, -p anyio is an explicit plugin', () => {
    const cfg = findPytestConfig(fixture('pyproject-native'), [''])
    expect(cfg.section?.name).toBe('tool.pytest')
    expect(cfg.mode).toBe('toml')
    expect([...cfg.options.keys()]).toEqual([
      'addopts',
      'testpaths',
      'anyio_mode',
      'trio_mode',
      'python_files'
    ])
    const s = getEffectiveSettings(cfg)
    expect(s.anyioMode.value).toBe('auto')
    expect(s.trioMode.value).toBe(false)
    expect(s.trioMode.origin.kind).toBe('ini')
    expect(s.explicitPlugins.map((p) => p.name)).toEqual(['anyio'])
    expect(s.pythonFiles.value).toEqual(['check_*.py'])
    expect(s.strictMarkers.value).toBe(true)
  })

  test('pyproject [tool.pytest.ini_options]: strings, lists kept, addopts string split', () => {
    const cfg = findPytestConfig(fixture('pyproject-ini-options'), [''])
    expect(cfg.mode).toBe('ini')
    expect(cfg.options.get('xfail_strict')?.value).toBe('True') // str(True), as pytest does
    expect(cfg.options.get('testpaths')?.value).toEqual(['tests'])
    expect(optionArgs(cfg.options.get('addopts')).args).toEqual([
      '-ra',
      '--strict-markers',
      '-p',
      'no:asyncio'
    ])
    const s = getEffectiveSettings(cfg)
    expect(s.asyncioDisabled.value).toBe(true)
    expect(s.asyncioDisabled.origin.kind).toBe('addopts')
    expect(s.asyncioDefaultFixtureLoopScope.value).toBe('function')
    const o = cfg.options.get('asyncio_default_fixture_loop_scope')
    expect(o?.span.line).toBe(14)
    expect((cfg.text as string).slice(o?.valueSpan.start, o?.valueSpan.end)).toBe('"function"')
  })

  test('[tool.pytest] and [tool.pytest.ini_options] together is a usage error', () => {
    const cfg = findPytestConfig(
      memfs({
        'pyproject.toml':
          '[tool.pytest]\naddopts = ["-q"]\n\n[tool.pytest.ini_options]\nasyncio_mode = "auto"\n'
      }),
      ['']
    )
    expect(cfg.section?.name).toBe('tool.pytest')
    expect(cfg.problems[0]?.message).toMatch(/Cannot use both/)
  })

  test('dotted keys and quoted keys are located', () => {
    const text =
      '[tool]\npytest.ini_options.asyncio_mode = "auto"\n"pytest".ini_options.addopts = "-q"\n'
    const cfg = findPytestConfig(memfs({ 'pyproject.toml': text }), [''])
    expect(cfg.section).toEqual({
      name: 'tool.pytest.ini_options',
      header: null,
      tablePath: ['tool', 'pytest', 'ini_options']
    })
    expect(cfg.options.get('asyncio_mode')?.span.line).toBe(2)
    expect(cfg.options.get('addopts')?.span.line).toBe(3)
    // a new option goes next to them as a dotted key
    expect(
      edited(cfg, insertOptionEdit(cfg, 'asyncio_default_fixture_loop_scope', 'function'))
    ).toBe(
      '[tool]\npytest.ini_options.asyncio_mode = "auto"\n"pytest".ini_options.addopts = "-q"\n' +
        'pytest.ini_options.asyncio_default_fixture_loop_scope = "function"\n'
    )
  })

  test('scanToml ignores brackets and # inside strings and handles multi-line values', () => {
    const text =
      'a = "x # [y]"\nb = [\n  "c", # note ]\n  \'d\',\n]\nc = """\nq = 1\n"""\n[t]\nd = 1\n'
    const stmts = scanToml(text).statements
    expect(
      stmts.map((s) =>
        s.kind === 'kv'
          ? `${s.table.join('.')}:${s.keyPath.join('.')}@${s.span.line}-${s.span.endLine}`
          : `[${s.path.join('.')}]`
      )
    ).toEqual([':a@1-1', ':b@2-5', ':c@6-8', '[t]', 't:d@10-10'])
  })
})

describe('other INI formats', () => {
  test('setup.cfg [tool:pytest]: -o in addopts is recorded but does not override the ini', () => {
    const cfg = findPytestConfig(fixture('setup-cfg'), [''])
    expect(cfg.path).toBe('setup.cfg')
    const s = getEffectiveSettings(cfg)
    expect(s.asyncioMode.value).toBe('auto')
    expect(s.asyncioMode.origin.kind).toBe('addopts')
    expect(s.ignoredOverrides).toEqual([
      expect.objectContaining({ key: 'asyncio_mode', value: 'strict', applied: false })
    ])
  })

  test('tox.ini [pytest]', () => {
    const cfg = findPytestConfig(fixture('tox-ini'), [''])
    expect(cfg.path).toBe('tox.ini')
    expect(cfg.section?.header?.line).toBe(8)
    const s = getEffectiveSettings(cfg)
    expect(s.asyncioMode.value).toBe('auto')
    expect(s.asyncioDefaultFixtureLoopScope.value).toBe('function')
  })
})

describe('addopts flags', () => {
  const cfg = findPytestConfig(fixture('addopts-flags'), [''])
  const s = getEffectiveSettings(cfg)

  test('every spelling is recognised', () => {
    expect(s.addopts.args.map((a) => a.text)).toEqual([
      '-ra',
      '--asyncio-mode',
      'strict',
      '-pno:pytest_asyncio',
      '-p',
      'no:asyncio',
      '--anyio-mode=auto',
      '--override-ini=asyncio_mode=auto',
      '-o',
      'python_files=check_*.py',
      '--strict-config',
      '-m',
      'not slow and not network'
    ])
    expect(s.addopts.plugins.map((p) => [p.name, p.disabled, p.args.length])).toEqual([
      ['pytest_asyncio', true, 1],
      ['asyncio', true, 2]
    ])
    expect(s.addopts.overrides.map((o) => [o.key, o.value, o.applied])).toEqual([
      ['asyncio_mode', 'auto', false],
      ['python_files', 'check_*.py', false]
    ])
  })

  test('--asyncio-mode in addopts beats the ini; -o in addopts changes nothing', () => {
    expect(s.asyncioMode.value).toBe('strict')
    expect(s.asyncioMode.origin.kind).toBe('addopts')
    expect(s.pythonFiles.value).toEqual(['test_*.py', '*_test.py'])
    expect(s.anyioMode.value).toBe('auto')
    expect(s.strictConfig.value).toBe(true)
    expect(s.asyncioDisabled.value).toBe(true)
  })

  test('command-line arguments come last: -o applies, -p re-enables', () => {
    const cli = getEffectiveSettings(cfg, {
      cliArgs: [
        '-o',
        'asyncio_default_fixture_loop_scope=module',
        '-p',
        'asyncio',
        '--asyncio-mode=auto'
      ]
    })
    expect(cli.asyncioDefaultFixtureLoopScope.value).toBe('module')
    expect(cli.asyncioDefaultFixtureLoopScope.origin.kind).toBe('override')
    expect(cli.asyncioDisabled.value).toBe(false)
    expect(cli.asyncioMode.value).toBe('auto')
    expect(cli.asyncioMode.origin.kind).toBe('cli')
  })

  test('tokens are located in the file and can be removed', () => {
    const text = cfg.text as string
    const quoted = s.addopts.args.find((a) => a.text === 'not slow and not network')
    expect(text.slice(quoted?.start as number, quoted?.end as number)).toBe(
      '"not slow and not network"'
    )
    const pno = s.addopts.plugins[1]?.args ?? []
    expect(edited(cfg, removeAddoptsArgsEdit(cfg, pno))).toBe(
      '[pytest]\naddopts = -ra --asyncio-mode strict -pno:pytest_asyncio\n    --anyio-mode=auto\n' +
        '    --override-ini=asyncio_mode=auto -o "python_files=check_*.py"\n' +
        '    --strict-config -m "not slow and not network"\nasyncio_mode = auto\n'
    )
  })

  test('removing the last argument removes the option', () => {
    const small = findPytestConfig(
      memfs({ 'pytest.ini': '[pytest]\naddopts = --asyncio-mode=auto\nasyncio_mode = auto\n' }),
      ['']
    )
    const args = getEffectiveSettings(small).addopts.asyncioMode?.args ?? []
    expect(edited(small, removeAddoptsArgsEdit(small, args))).toBe(
      '[pytest]\nasyncio_mode = auto\n'
    )
  })

  test('removing an item from a TOML addopts list', () => {
    const cfg2 = findPytestConfig(fixture('pytest-toml'), [''])
    const flag = getEffectiveSettings(cfg2).addopts.asyncioMode
    expect(edited(cfg2, removeAddoptsArgsEdit(cfg2, flag?.args ?? []))).toContain(
      'addopts = ["-ra", "-p", "no:anyio"]'
    )
  })
})

describe('shlexSplit matches Python shlex.split', () => {
  test.each([
    ['-ra -q', ['-ra', '-q']],
    ['-m "not slow"', ['-m', 'not slow']],
    ["-k 'a and b'", ['-k', 'a and b']],
    ['a"b c"d', ['ab cd']],
    ['""', ['']],
    ['a\\ b', ['a b']],
    ['"a\\"b"', ['a"b']],
    ['"a\\nb"', ['a\\nb']],
    ["'a\\b'", ['a\\b']],
    ['x # not a comment', ['x', '#', 'not', 'a', 'comment']],
    ["$'a'", ['$a']]
  ])('%s', (input, expected) => {
    expect(shlexSplit(input)).toEqual({
      tokens: expected.map((t) => expect.objectContaining({ text: t })),
      error: null
    })
  })

  test('errors', () => {
    expect(shlexSplit('"open').error).toBe('No closing quotation')
    expect(shlexSplit('trail\\').error).toBe('No escaped character')
  })
})

describe('broken files never throw', () => {
  test('broken pytest.ini: problems listed, first value of a duplicate kept', () => {
    const cfg = findPytestConfig(fixture('broken-ini'), [''])
    expect(cfg.path).toBe('pytest.ini')
    expect(cfg.problems.map((p) => [p.line, p.message])).toEqual([
      [3, "unexpected line: 'this line has no separator'"],
      [4, "duplicate name 'asyncio_mode'"]
    ])
    const mode = cfg.options.get('asyncio_mode')
    expect(mode?.value).toBe('auto')
    expect(mode?.duplicates.map((d) => [d.line, d.endLine])).toEqual([[4, 5]])
    expect(cfg.options.get('asyncio_default_fixture_loop_scope')?.value).toBe('function')
  })

  test('broken pyproject.toml: the parse error and every readable option', () => {
    const cfg = findPytestConfig(fixture('broken-toml'), [''])
    expect(cfg.path).toBe('pyproject.toml')
    expect(cfg.section?.name).toBe('tool.pytest.ini_options')
    expect(cfg.problems.length).toBeGreaterThan(0)
    expect(cfg.problems.every((p) => p.path === 'pyproject.toml')).toBe(true)
    expect(cfg.options.get('asyncio_mode')?.value).toBe('auto')
    expect(cfg.options.get('testpaths')?.value).toEqual(['tests'])
    expect(cfg.options.has('asyncio_default_fixture_loop_scope')).toBe(false)
    expect(cfg.problems.some((p) => p.line === 7)).toBe(true)
  })

  test('garbage input', () => {
    for (const text of [
      '[[[',
      '= = =',
      '\u0000\u0001',
      'a = [1, 2',
      '"""',
      '[tool.pytest.ini_options]\nx = {'
    ]) {
      expect(() =>
        findPytestConfig(memfs({ 'pyproject.toml': text, 'pytest.ini': text }), [''])
      ).not.toThrow()
      expect(() => findPytestConfig(memfs({ 'pyproject.toml': text }), [''])).not.toThrow()
    }
  })

  test('invalid booleans are problems, defaults stay', () => {
    const cfg = findPytestConfig(memfs({ 'pytest.ini': '[pytest]\nasyncio_debug = maybe\n' }), [''])
    const s = getEffectiveSettings(cfg)
    expect(s.asyncioDebug.value).toBe(false)
    expect(s.problems).toEqual([
      expect.objectContaining({ line: 2, message: expect.stringContaining('invalid truth value') })
    ])
  })
})

describe('fix edits', () => {
  test('insert into pytest.ini after the header', () => {
    const cfg = findPytestConfig(fixture('tox-ini'), [''])
    expect(edited(cfg, insertOptionEdit(cfg, 'asyncio_default_test_loop_scope', 'function'))).toBe(
      '[tox]\nenvlist = py311\n\n[testenv]\ndeps = -r requirements-dev.txt\ncommands = pytest {posargs}\n\n' +
        '[pytest]\nasyncio_default_test_loop_scope = function\ntestpaths = tests\npythonpath = .\n' +
        'asyncio_mode = auto\nasyncio_default_fixture_loop_scope = function\n'
    )
  })

  test('insert into pyproject [tool.pytest.ini_options] with quotes', () => {
    const fs = memfs({
      'pyproject.toml':
        '[project]\nname = "x"\n\n[tool.pytest.ini_options]\ntestpaths = ["tests"]\n'
    })
    const cfg = findPytestConfig(fs, [''])
    expect(
      edited(cfg, insertOptionEdit(cfg, 'asyncio_default_fixture_loop_scope', 'function'))
    ).toBe(
      '[project]\nname = "x"\n\n[tool.pytest.ini_options]\nasyncio_default_fixture_loop_scope = "function"\ntestpaths = ["tests"]\n'
    )
  })

  test('insert follows single quotes and native booleans in pytest.toml', () => {
    const cfg = findPytestConfig(fixture('pytest-toml'), [''])
    const edit = insertOptionEdit(cfg, 'asyncio_mode', 'strict')
    expect(edit?.text).toBe('asyncio_mode = "strict"\n') // 3 double-quoted values vs 1 single
    const out = edited(cfg, insertOptionEdit(cfg, 'trio_mode', false))
    expect(out.split('\n').slice(0, 4)).toEqual([
      '# pytest >= 9',
      '[pytest]',
      'trio_mode = false',
      'minversion = "9.0"'
    ])
  })

  test('insert into setup.cfg and into a header at the end of the file', () => {
    const cfg = findPytestConfig(memfs({ 'setup.cfg': '[metadata]\nname = x\n\n[tool:pytest]' }), [
      ''
    ])
    expect(edited(cfg, insertOptionEdit(cfg, 'asyncio_mode', 'auto'))).toBe(
      '[metadata]\nname = x\n\n[tool:pytest]\nasyncio_mode = auto\n'
    )
  })

  test('a section is created when the config file has none', () => {
    const empty = findPytestConfig(memfs({ 'pytest.ini': '[flake8]\nmax-line-length = 100\n' }), [
      ''
    ])
    expect(
      edited(empty, insertOptionEdit(empty, 'asyncio_default_fixture_loop_scope', 'function'))
    ).toBe(
      '[flake8]\nmax-line-length = 100\n\n[pytest]\nasyncio_default_fixture_loop_scope = function\n'
    )
    const fallback = findPytestConfig(fixture('pyproject-fallback'), [''])
    expect(
      edited(fallback, insertOptionEdit(fallback, 'asyncio_default_fixture_loop_scope', 'function'))
    ).toBe(
      '[project]\nname = "plain"\nversion = "0.1.0"\ndependencies = ["anyio>=4.6"]\n\n' +
        '[tool.pytest.ini_options]\nasyncio_default_fixture_loop_scope = "function"\n'
    )
  })

  test('no config file at all: create pytest.ini in the rootdir', () => {
    const cfg = findPytestConfig(memfs({ 'pkg/setup.py': '', 'pkg/tests/test_a.py': '' }), [
      'pkg/tests'
    ])
    expect(insertOptionEdit(cfg, 'asyncio_default_fixture_loop_scope', 'function')).toEqual({
      path: 'pkg/pytest.ini',
      start: 0,
      end: 0,
      text: '[pytest]\nasyncio_default_fixture_loop_scope = function\n'
    })
  })

  test('replace keeps the quote style', () => {
    const toml = findPytestConfig(fixture('pytest-toml'), [''])
    expect(
      edited(toml, replaceOptionValueEdit(toml, 'asyncio_default_fixture_loop_scope', 'function'))
    ).toContain("\nasyncio_default_fixture_loop_scope = 'function'\n")
    const py = findPytestConfig(fixture('pyproject-ini-options'), [''])
    expect(edited(py, replaceOptionValueEdit(py, 'asyncio_mode', 'auto'))).toContain(
      '\nasyncio_mode = "auto"\n'
    )
  })

  test('replace a multi-line INI value and an empty one', () => {
    const cfg = findPytestConfig(
      memfs({ 'pytest.ini': '[pytest]\naddopts =\n    -ra\n    -q\nasyncio_mode =\n' }),
      ['']
    )
    expect(edited(cfg, replaceOptionValueEdit(cfg, 'addopts', '-ra'))).toBe(
      '[pytest]\naddopts = -ra\nasyncio_mode =\n'
    )
    expect(edited(cfg, replaceOptionValueEdit(cfg, 'asyncio_mode', 'strict'))).toBe(
      '[pytest]\naddopts =\n    -ra\n    -q\nasyncio_mode = strict\n'
    )
  })

  test('replace in the setup.cfg with an invalid test loop scope', () => {
    const cfg = findPytestConfig(fixture('pyproject-without-table'), [''])
    expect(
      edited(cfg, replaceOptionValueEdit(cfg, 'asyncio_default_test_loop_scope', 'session'))
    ).toBe(
      '[metadata]\nname = reports\nversion = 0.1.0\n\n[options]\npackage_dir =\n    = src\npackages = find:\n\n' +
        '[tool:pytest]\nasyncio_default_fixture_loop_scope = session\nasyncio_default_test_loop_scope = session\npythonpath = src\n'
    )
  })

  test('remove drops continuation lines and the line break', () => {
    const cfg = findPytestConfig(fixture('ini-continuation'), [''])
    expect(edited(cfg, removeOptionEdit(cfg, 'addopts'))).toBe(
      '# project-wide pytest settings\n[pytest]\ntestpaths = tests\npythonpath = src\nmarkers =\n' +
        '    slow: tests that take more than a second\n    audit(level): tests that need the audit log wired in\n' +
        'asyncio_mode: auto\nasyncio_default_fixture_loop_scope = function  # keep fixtures per test\n' +
        'filterwarnings =\n    error::pytest.PytestUnraisableExceptionWarning\n'
    )
    const toml = findPytestConfig(fixture('pytest-toml'), [''])
    expect(edited(toml, removeOptionEdit(toml, 'testpaths'))).toBe(
      '# pytest >= 9\n[pytest]\nminversion = "9.0"\naddopts = ["-ra", "--asyncio-mode=auto", "-p", "no:anyio"]\n' +
        "asyncio_default_fixture_loop_scope = 'module'\nasyncio_debug = true\n"
    )
  })

  test('CRLF files get CRLF insertions', () => {
    const cfg = findPytestConfig(memfs({ 'pytest.ini': '[pytest]\r\nasyncio_mode = auto\r\n' }), [
      ''
    ])
    expect(
      edited(cfg, insertOptionEdit(cfg, 'asyncio_default_fixture_loop_scope', 'function'))
    ).toBe('[pytest]\r\nasyncio_default_fixture_loop_scope = function\r\nasyncio_mode = auto\r\n')
    expect(edited(cfg, removeOptionEdit(cfg, 'asyncio_mode'))).toBe('[pytest]\r\n')
  })

  test('absent options give no edit', () => {
    const cfg = findPytestConfig(fixture('tox-ini'), [''])
    expect(replaceOptionValueEdit(cfg, 'asyncio_debug', 'true')).toBeNull()
    expect(removeOptionEdit(cfg, 'asyncio_debug')).toBeNull()
  })
})

describe('collection patterns', () => {
  test('python_files: fnmatch on the basename, or the path when the pattern has a /', () => {
    expect(matchesPythonFiles('tests/test_api.py', ['test_*.py', '*_test.py'])).toBe(true)
    expect(matchesPythonFiles('tests/api_test.py', ['test_*.py', '*_test.py'])).toBe(true)
    expect(matchesPythonFiles('tests/conftest.py', ['test_*.py', '*_test.py'])).toBe(false)
    expect(matchesPythonFiles('tests/check_a.py', ['check_*.py'])).toBe(true)
    expect(matchesPythonFiles('pkg/tests/unit/a.py', ['tests/*/a.py'])).toBe(true)
    expect(matchesPythonFiles('a.py', ['tests/*.py'])).toBe(false)
  })

  test('fnmatch semantics', () => {
    expect(fnmatch('.hidden_test.py', '*_test.py')).toBe(true)
    expect(fnmatch('test_a.py', 'test_[!a]*.py')).toBe(false)
    expect(fnmatch('test_b.py', 'test_[!a]*.py')).toBe(true)
    expect(fnmatch('a{b,c}.py', 'a{b,c}.py')).toBe(true)
    expect(fnmatch('ab.py', 'a{b,c}.py')).toBe(false)
    expect(fnmatch('Test_a.py', 'test_*.py')).toBe(false)
  })

  test('python_classes / python_functions: prefix or glob', () => {
    expect(matchesPythonClasses('TestApi', ['Test'])).toBe(true)
    expect(matchesPythonClasses('ApiTests', ['Test'])).toBe(false)
    expect(matchesPythonClasses('ApiTests', ['Test', '*Tests'])).toBe(true)
    expect(matchesPythonFunctions('test_x', ['test'])).toBe(true)
    expect(matchesPythonFunctions('check_x', ['test', 'check_*'])).toBe(true)
    expect(matchesPythonFunctions('tset', ['test'])).toBe(false)
  })

  test('norecursedirs', () => {
    expect(matchesNorecursedirs('.venv', ['.*', 'build'])).toBe(true)
    expect(matchesNorecursedirs('src/build', ['.*', 'build'])).toBe(true)
    expect(matchesNorecursedirs('tests', ['.*', 'build'])).toBe(false)
  })
})

describe('pytest version', () => {
  test('pytest < 9 skips pytest.toml and a native [tool.pytest] table', () => {
    const fs = memfs({
      'pytest.toml': '[pytest]\nasyncio_mode = "auto"\n',
      'pyproject.toml':
        '[tool.pytest]\naddopts = ["-q"]\n\n[tool.pytest.ini_options]\nasyncio_mode = "strict"\n',
      'tox.ini': '[pytest]\nasyncio_mode = auto\n'
    })
    const newest = findPytestConfig(fs, [''])
    expect(newest.path).toBe('pytest.toml')
    expect(newest.minPytest).toBe('9.0')
    const old = findPytestConfig(fs, [''], { pytestVersion: '8.4.2' })
    expect(old.path).toBe('pyproject.toml')
    expect(old.section?.name).toBe('tool.pytest.ini_options')
    expect(old.problems).toEqual([]) // pytest 8 does not complain about [tool.pytest]
    expect(old.minPytest).toBeNull()
  })

  test('pytest < 8.1 does not take a pyproject.toml without a pytest table', () => {
    const fs = memfs({ 'pyproject.toml': '[project]\nname = "x"\n', 'sub/test_a.py': '' })
    expect(findPytestConfig(fs, ['sub']).minPytest).toBe('8.1')
    const old = findPytestConfig(fs, ['sub'], { pytestVersion: '7.4.4' })
    expect(old.path).toBeNull()
    expect(old.rootdirReason).toBe('ancestor')
  })

  test('readConfigFile reads one file wherever it is', () => {
    const cfg = readConfigFile(fixture('nearer-wins'), 'tests/pytest.ini')
    expect(cfg?.rootdir).toBe('tests')
    expect(cfg?.options.get('asyncio_default_fixture_loop_scope')?.value).toBe('session')
    expect(readConfigFile(fixture('nearer-wins'), 'tests/unit/test_feed.py')).toBeNull()
  })
})
