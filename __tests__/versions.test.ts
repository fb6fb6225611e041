import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Workspace } from '../src/read/workspace.js'
import type { FileSource } from '../src/read/workspace.js'
import { findPytestConfig } from '../src/model/config.js'
import { KNOWN_VERSIONS, NEWEST_KNOWN } from '../src/model/known-versions.js'
import {
  allCandidates,
  anyCandidate,
  applyVersionOverrides,
  candidatesIn,
  cmpVersion,
  describeRange,
  findVersions,
  normalizeName,
  parseRequirement,
  poetryToPep440,
  splitCandidates,
  versionsSatisfying,
  type Versions
} from '../src/model/versions.js'

const here = fileURLToPath(new URL('.', import.meta.url))
const fixture = (name: string): Workspace => new Workspace(join(here, 'fixtures', 'versions', name))

function memfs(files: Record<string, string>): FileSource {
  return { read: (p) => files[p] ?? null, exists: (p) => p in files }
}

const pick = (v: Versions, name: keyof Versions['packages']) => v.packages[name]

describe('known versions', () => {
  test('lists are ascending, unique, and end at the researched releases', () => {
    for (const list of Object.values(KNOWN_VERSIONS)) {
      for (let i = 1; i < list.length; i++)
        expect(cmpVersion(list[i - 1] as string, list[i] as string)).toBeLessThan(0)
    }
    expect(NEWEST_KNOWN['pytest-asyncio']).toBe('1.4.0')
    expect(NEWEST_KNOWN.anyio).toBe('4.14.2')
    expect(NEWEST_KNOWN.pytest).toBe('9.1.1')
    expect(NEWEST_KNOWN.trio).toBe('0.34.0')
    expect(KNOWN_VERSIONS['pytest-asyncio']).not.toContain('0.22.0') // yanked
  })
})

describe('requirement parsing', () => {
  test('PEP 503 names, extras, markers, parenthesised and URL forms', () => {
    expect(normalizeName('Pytest_Asyncio')).toBe('pytest-asyncio')
    expect(normalizeName('pytest.asyncio')).toBe('pytest-asyncio')
    expect(parseRequirement('anyio[trio] >= 4.6 ; python_version >= "3.9"')).toEqual({
      name: 'anyio',
      rawName: 'anyio',
      extras: ['trio'],
      specifier: '>= 4.6',
      url: null,
      marker: 'python_version >= "3.9"'
    })
    expect(parseRequirement('pytest (>=8,<9)')?.specifier).toBe('>=8,<9')
    expect(parseRequirement('trio @ https://example.invalid/trio-0.34.0.whl')?.url).toBe(
      'https://example.invalid/trio-0.34.0.whl'
    )
    expect(parseRequirement('helpers for anyio tests')).toBeNull()
  })

  test('Poetry constraints become PEP 440', () => {
    expect(poetryToPep440('^8.3')).toBe('>=8.3,<9')
    expect(poetryToPep440('^0.25.1')).toBe('>=0.25.1,<0.26')
    expect(poetryToPep440('^0.0.3')).toBe('>=0.0.3,<0.0.4')
    expect(poetryToPep440('~0.25.1')).toBe('>=0.25.1,<0.26')
    expect(poetryToPep440('~1')).toBe('>=1,<2')
    expect(poetryToPep440('1.4.0')).toBe('==1.4.0')
    expect(poetryToPep440('>=1.2, <2')).toBe('>=1.2,<2')
    expect(poetryToPep440('*')).toBe('')
  })
})

describe('requirements files', () => {
  const v = findVersions(fixture('requirements-tree'), '')

  test('includes and constraints are followed, cycles stop', () => {
    expect(v.files).toEqual(['requirements-dev.txt', 'requirements/base.txt', 'constraints.txt'])
    expect(v.problems).toEqual([])
  })

  test('exact pin with a hash continuation line', () => {
    const pt = pick(v, 'pytest')
    expect(pt.candidates).toEqual(['8.4.2'])
    expect(pt.source).toEqual({ path: 'requirements-dev.txt', line: 4 })
    expect(describeRange(pt)).toBe('pytest 8.4.2 (pinned in requirements-dev.txt:4)')
  })

  test('a range intersected with a constraints file; markers still count', () => {
    const pa = pick(v, 'pytest-asyncio')
    expect(pa.declared).toBe(true)
    expect(pa.candidates).toEqual(['0.24.0', '0.25.0', '0.25.1', '0.25.2', '0.25.3', '0.26.0'])
    // reading order: `-c constraints.txt` (line 3) comes before the requirement on line 6
    expect(pa.requirements.map((r) => [r.specifier, r.kind, r.source.path, r.source.line])).toEqual(
      [
        ['<1.0', 'constraints', 'constraints.txt', 1],
        ['>=0.24', 'requirements', 'requirements-dev.txt', 6]
      ]
    )
    expect(describeRange(pa)).toBe(
      'pytest-asyncio 0.24.0–0.26.0 (>=0.24 in requirements-dev.txt:6, <1.0 in constraints.txt:1)'
    )
  })

  test('anyio[trio] installs trio, whose version the constraints file fixes', () => {
    expect(pick(v, 'trio').declared).toBe(true)
    expect(pick(v, 'trio').candidates).toEqual(['0.34.0'])
    expect(pick(v, 'anyio').candidates[0]).toBe('4.6.0')
    expect(pick(v, 'anyio').candidates.at(-1)).toBe('4.14.2')
  })

  test('names are normalised (Hypothesis) and ranges evaluated over known releases', () => {
    expect(pick(v, 'hypothesis').candidates).toEqual(['6.100.0', '6.110.0', '6.120.0', '6.130.0'])
    expect(pick(v, 'pytest-trio').declared).toBe(false)
    expect(pick(v, 'pytest-trio').assumed).toBe(true)
  })
})

describe('pyproject.toml', () => {
  test('PEP 621 dependencies, optional-dependencies and PEP 735 groups', () => {
    const v = findVersions(fixture('pyproject-pep621'), '')
    expect(pick(v, 'pytest').candidates).toEqual(['8.4.2'])
    expect(pick(v, 'pytest').source).toEqual({ path: 'pyproject.toml', line: 11 })
    expect(pick(v, 'anyio').candidates).toEqual(['4.14.2'])
    expect(pick(v, 'anyio').requirements.map((r) => r.source.line)).toEqual([8, 11])
    expect(pick(v, 'pytest-asyncio').candidates).toEqual(['1.4.0'])
    expect(pick(v, 'pytest-asyncio').source).toEqual({ path: 'pyproject.toml', line: 16 })
    expect(pick(v, 'trio').declared).toBe(true)
    expect(describeRange(pick(v, 'trio'))).toBe(
      'trio (installed through anyio[trio]~=4.14.2 in pyproject.toml:11; assumed newest, 0.34.0)'
    )
    expect(describeRange(pick(v, 'anyio'))).toBe(
      'anyio 4.14.2 (~=4.14.2 in pyproject.toml:11, >=4.12 in pyproject.toml:8)'
    )
    expect(v.problems).toEqual([])
  })

  test('Poetry dependencies with caret and tilde', () => {
    const v = findVersions(fixture('poetry'), '')
    expect(pick(v, 'anyio').candidates[0]).toBe('4.6.0')
    expect(pick(v, 'anyio').candidates.at(-1)).toBe('4.14.2')
    expect(pick(v, 'trio').declared).toBe(true) // extras = ["trio"]
    expect(pick(v, 'pytest').candidates).toEqual([
      '8.3.0',
      '8.3.1',
      '8.3.2',
      '8.3.3',
      '8.3.4',
      '8.3.5',
      '8.4.0',
      '8.4.1',
      '8.4.2'
    ])
    expect(pick(v, 'pytest-asyncio').candidates).toEqual(['0.25.1', '0.25.2', '0.25.3'])
    expect(pick(v, 'pytest-asyncio').source).toEqual({ path: 'pyproject.toml', line: 12 })
    expect(describeRange(pick(v, 'pytest-asyncio'))).toBe(
      'pytest-asyncio 0.25.1–0.25.3 (>=0.25.1,<0.26 in pyproject.toml:12)'
    )
    expect(pick(v, 'hypothesis').assumed).toBe(true)
    expect(pick(v, 'hypothesis').declared).toBe(true)
  })
})

describe('lockfiles beat specifiers', () => {
  test('uv.lock', () => {
    const v = findVersions(fixture('uv-lock'), '')
    const pa = pick(v, 'pytest-asyncio')
    expect(pa.locked).toBe(true)
    expect(pa.candidates).toEqual(['1.3.0'])
    expect(pa.spec).toBe('locked ==1.3.0')
    expect(describeRange(pa)).toBe('pytest-asyncio 1.3.0 (locked in uv.lock:39)')
    expect(pick(v, 'pytest').candidates).toEqual(['9.0.3'])
    expect(pa.requirements.map((r) => r.specifier)).toEqual(['>=0.23']) // still listed
  })

  test('poetry.lock', () => {
    const v = findVersions(fixture('poetry-lock'), '')
    expect(pick(v, 'anyio').candidates).toEqual(['4.5.1'])
    expect(pick(v, 'anyio').source).toEqual({ path: 'poetry.lock', line: 5 })
    expect(pick(v, 'pytest').candidates).toEqual(['8.3.5'])
    expect(pick(v, 'trio').declared).toBe(false) // the lock lists trio only as an extra of anyio
  })

  test('Pipfile.lock over Pipfile', () => {
    const v = findVersions(fixture('pipfile'), '')
    expect(pick(v, 'anyio').candidates).toEqual(['4.14.2'])
    expect(pick(v, 'anyio').locked).toBe(true)
    expect(pick(v, 'pytest').candidates).toEqual(['8.4.2'])
    expect(pick(v, 'pytest-asyncio').source).toEqual({ path: 'Pipfile.lock', line: 23 })
    expect(pick(v, 'trio').declared).toBe(true) // Pipfile: anyio extras = ["trio"]
  })

  test('Pipfile alone', () => {
    const fs = fixture('pipfile')
    const only = {
      read: (p: string) => (p === 'Pipfile.lock' ? null : fs.read(p)),
      exists: (p: string) => p !== 'Pipfile.lock' && fs.exists(p)
    }
    const v = findVersions(only, '')
    expect(pick(v, 'pytest-asyncio').candidates).toEqual(['0.23.8'])
    expect(pick(v, 'pytest-asyncio').source).toEqual({ path: 'Pipfile', line: 11 })
    // pytest = "*" is unpinned, but pytest-asyncio 0.23.8 supports only pytest < 9
    expect(pick(v, 'pytest').assumed).toBe(true)
    expect(pick(v, 'pytest').candidates).toEqual(['8.4.2'])
  })
})

describe('setup.cfg, setup.py, tox.ini', () => {
  test('setup.cfg install_requires and extras_require', () => {
    const v = findVersions(fixture('setup-cfg'), '')
    expect(pick(v, 'anyio').candidates).toEqual(['4.14.2'])
    expect(pick(v, 'anyio').requirements.map((r) => [r.specifier, r.source.line])).toEqual([
      ['>=4.6', 10],
      ['==4.14.2', 18]
    ])
    expect(pick(v, 'pytest-trio').candidates).toEqual(['0.8.0'])
    expect(pick(v, 'trio').declared).toBe(true) // pytest-trio depends on trio
  })

  test('setup.py string literals (never executed)', () => {
    const v = findVersions(fixture('setup-py'), '')
    expect(pick(v, 'pytest-asyncio').candidates).toEqual(['0.23.8'])
    expect(pick(v, 'pytest-asyncio').source).toEqual({ path: 'setup.py', line: 12 })
    expect(pick(v, 'pytest').candidates.at(-1)).toBe('8.4.2')
    expect(pick(v, 'anyio').candidates[0]).toBe('4.6.0')
  })

  test('tox.ini deps with an include and a factor condition', () => {
    const v = findVersions(fixture('tox'), '')
    expect(v.files).toEqual(['requirements-dev.txt', 'tox.ini'])
    expect(pick(v, 'anyio').candidates).toEqual(['3.7.1'])
    expect(pick(v, 'pytest-asyncio').candidates).toEqual(['0.21.2'])
    expect(pick(v, 'pytest').candidates[0]).toBe('7.0.0')
    expect(pick(v, 'pytest').candidates.at(-1)).toBe('7.4.4')
  })
})

describe('root and rootdir', () => {
  test('both the analysis root and the pytest rootdir are read', () => {
    const ws = fixture('rootdir-sub')
    const cfg = findPytestConfig(ws, ['backend'])
    expect(cfg.rootdir).toBe('backend')
    const v = findVersions(ws, cfg.rootdir)
    expect(v.files).toEqual(['requirements.txt', 'backend/requirements-test.txt'])
    expect(pick(v, 'anyio').candidates[0]).toBe('4.0.0')
    expect(pick(v, 'anyio').candidates.at(-1)).toBe('4.9.0')
    expect(describeRange(pick(v, 'pytest-asyncio'))).toBe(
      'pytest-asyncio 0.24.0 (pinned in backend/requirements-test.txt:2)'
    )
  })

  test('without directory listing, common requirement names are probed', () => {
    const v = findVersions(
      memfs({
        'requirements-dev.txt': 'pytest-asyncio==1.1.1\n',
        'requirements/test.txt': 'anyio==4.9.0\n'
      }),
      ''
    )
    expect(pick(v, 'pytest-asyncio').candidates).toEqual(['1.1.1'])
    expect(pick(v, 'anyio').candidates).toEqual(['4.9.0'])
  })
})

describe('candidates', () => {
  test('conflicting pins keep each and are reported', () => {
    const v = findVersions(fixture('conflict'), '')
    expect(pick(v, 'pytest-asyncio').candidates).toEqual(['0.23.8', '1.4.0'])
    expect(v.problems).toEqual([
      expect.objectContaining({ message: expect.stringContaining('admit no common version') })
    ])
  })

  test('an exact pin to an unknown release is that release', () => {
    const v = findVersions(
      memfs({ 'requirements.txt': 'pytest-asyncio==0.24.1\nanyio==4.15.0\npytest==9.2.0\n' }),
      ''
    )
    expect(pick(v, 'pytest-asyncio').candidates).toEqual(['0.24.1'])
    expect(pick(v, 'anyio').candidates).toEqual(['4.15.0'])
    expect(describeRange(pick(v, 'anyio'))).toBe('anyio 4.15.0 (pinned in requirements.txt:2)')
  })

  test('a range above every known release uses the bound it names', () => {
    const v = findVersions(memfs({ 'requirements.txt': 'pytest-asyncio>=1.5\n' }), '')
    expect(pick(v, 'pytest-asyncio').candidates).toEqual(['1.5'])
    expect(pick(v, 'pytest-asyncio').assumed).toBe(false)
  })

  test('nothing found: assumed newest', () => {
    const v = findVersions(memfs({}), '')
    const pa = pick(v, 'pytest-asyncio')
    expect(pa).toEqual(
      expect.objectContaining({
        candidates: ['1.4.0'],
        assumed: true,
        declared: false,
        spec: null,
        source: null
      })
    )
    expect(describeRange(pa)).toBe('pytest-asyncio (no pin found; assumed newest, 1.4.0)')
  })

  test('pytest and pytest-asyncio narrow each other', () => {
    const v = findVersions(
      memfs({ 'requirements.txt': 'pytest==8.3.5\npytest-asyncio>=0.24\n' }),
      ''
    )
    // 1.4.0 needs pytest >= 8.4; 1.3.0 accepts 8.3.5
    expect(pick(v, 'pytest-asyncio').candidates.at(-1)).toBe('1.3.0')
    expect(pick(v, 'pytest-asyncio').notes[0]).toMatch(/support pytest 8.3.5/)
    const w = findVersions(memfs({ 'requirements.txt': 'pytest>=7\npytest-asyncio==1.4.0\n' }), '')
    expect(pick(w, 'pytest').candidates[0]).toBe('8.4.0')
    expect(pick(w, 'pytest').candidates.at(-1)).toBe('9.1.1')
  })

  test('versionsSatisfying honours wildcards and exclusions', () => {
    expect(versionsSatisfying('pytest-asyncio', ['==0.25.*', '!=0.25.0'])).toEqual([
      '0.25.1',
      '0.25.2',
      '0.25.3'
    ])
    expect(versionsSatisfying('pytest', ['~=9.0'])).toEqual([
      '9.0.0',
      '9.0.1',
      '9.0.2',
      '9.0.3',
      '9.1.1'
    ])
  })
})

describe('overrides and helpers', () => {
  const base = findVersions(fixture('requirements-tree'), '')

  test('exact override', () => {
    const v = applyVersionOverrides(base, { pytest_asyncio: '0.23.8' })
    const pa = pick(v, 'pytest-asyncio')
    expect(pa.candidates).toEqual(['0.23.8'])
    expect(pa.overridden).toBe(true)
    expect(describeRange(pa)).toBe('pytest-asyncio 0.23.8 (set by the version override)')
    expect(pick(base, 'pytest-asyncio').candidates).toHaveLength(6) // input untouched
  })

  test('specifier override and invalid ones', () => {
    const v = applyVersionOverrides(base, {
      anyio: '>=4.13,<4.14.2',
      nope: '1.0',
      pytest: 'not a version'
    })
    expect(pick(v, 'anyio').candidates).toEqual(['4.13.0', '4.14.0', '4.14.1'])
    expect(v.problems.map((p) => p.message)).toEqual([
      "version override for unknown package 'nope'",
      "invalid version override 'not a version' for pytest"
    ])
  })

  test('predicates over candidates', () => {
    const pa = pick(base, 'pytest-asyncio')
    const atLeast = (x: string) => (ver: string) => cmpVersion(ver, x) >= 0
    expect(anyCandidate(pa, atLeast('0.26.0'))).toBe(true)
    expect(allCandidates(pa, atLeast('0.26.0'))).toBe(false)
    expect(allCandidates(pa, atLeast('0.24.0'))).toBe(true)
    expect(splitCandidates(pa, atLeast('0.26.0'))).toEqual({
      yes: ['0.26.0'],
      no: ['0.24.0', '0.25.0', '0.25.1', '0.25.2', '0.25.3']
    })
    expect(candidatesIn(pa, '<0.25')).toEqual(['0.24.0'])
    expect(cmpVersion('1.10.0', '1.9.0')).toBeGreaterThan(0)
    expect(cmpVersion('0.23.5.post1', '0.23.5')).toBeGreaterThan(0)
    expect(cmpVersion('1.4', '1.4.0')).toBe(0)
  })

  test('range description for a range', () => {
    const v = findVersions(
      memfs({
        'pyproject.toml': '[project]\nname = "x"\ndependencies = [\n  "pytest-asyncio>=0.24",\n]\n'
      }),
      ''
    )
    expect(describeRange(pick(v, 'pytest-asyncio'))).toBe(
      'pytest-asyncio 0.24.0–1.4.0 (>=0.24 in pyproject.toml:4)'
    )
  })

  test('broken files are problems, not exceptions', () => {
    const v = findVersions(
      memfs({
        'pyproject.toml': '[project]\ndependencies = ["pytest-asyncio==1.2.0"\n[tool.x]\n',
        'Pipfile.lock': '{ not json',
        'requirements.txt': '-r missing.txt\npytest-asyncio>=banana\n'
      }),
      ''
    )
    expect(pick(v, 'pytest-asyncio').candidates).toEqual(['1.2.0'])
    expect(v.problems.map((p) => p.path)).toEqual([
      'Pipfile.lock',
      'pyproject.toml',
      'requirements.txt',
      'requirements.txt'
    ])
  })
})

describe('pyproject details', () => {
  test('include-group tables are not requirements; inline optional-dependencies are', () => {
    const text =
      '[project]\nname = "x"\noptional-dependencies = { test = ["pytest-asyncio==0.26.0"] }\n\n' +
      '[dependency-groups]\npytest = ["pytest==8.3.5"]\ndev = [{include-group = "pytest"}]\n'
    const v = findVersions(memfs({ 'pyproject.toml': text }), '')
    expect(pick(v, 'pytest-asyncio').candidates).toEqual(['0.26.0'])
    expect(pick(v, 'pytest-asyncio').source).toEqual({ path: 'pyproject.toml', line: 3 })
    expect(pick(v, 'pytest').requirements.map((r) => [r.kind, r.specifier])).toEqual([
      ['implied', ''],
      ['pyproject', '==8.3.5']
    ])
    expect(v.problems).toEqual([])
  })
})
