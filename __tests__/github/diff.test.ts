import { DiffIndex, filesFromGitDiff, hunksFromPatch } from '../../src/github/diff.js'
import { commitAll, git, removeTempDirs, tempDir, writeTree } from '../emulator/git-fixture.js'

afterAll(removeTempDirs)

describe('hunks from a GitHub patch', () => {
  // The `patch` field of GET /pulls/{n}/files: hunks only, no file headers.
  const patch = [
    '@@ -1,4 +1,5 @@ import pytest',
    ' import pytest',
    '-import asyncio',
    '+import anyio',
    '+import trio',
    ' ',
    ' ',
    '@@ -20,3 +21,3 @@ async def test_x():',
    '     a = 1',
    '-    b = 2',
    '+    b = 3',
    '     c = 4',
    '\\ No newline at end of file'
  ].join('\n')

  it('finds RIGHT-side intervals and added lines', () => {
    const hunks = hunksFromPatch(patch)
    expect(hunks.map((h) => [h.start, h.end, [...h.added]])).toEqual([
      [1, 5, [2, 3]],
      [21, 23, [22]]
    ])
  })

  it('accepts ranges within one hunk only', () => {
    const index = new DiffIndex([
      {
        path: 'tests/test_a.py',
        status: 'modified',
        hunks: hunksFromPatch(patch),
        patchKnown: true
      }
    ])
    expect(index.canComment('tests/test_a.py', 2, 3)).toBe(true)
    expect(index.canComment('tests/test_a.py', 1, 5)).toBe(true)
    expect(index.canComment('tests/test_a.py', 5, 21)).toBe(false) // spans two hunks
    expect(index.canComment('tests/test_a.py', 6, 6)).toBe(false) // between hunks
    expect(index.canComment('tests/test_a.py', 3, 2)).toBe(false)
    expect(index.canComment('tests/other.py', 1, 1)).toBe(false)
    expect(index.isAdded('tests/test_a.py', 22)).toBe(true)
    expect(index.isAdded('tests/test_a.py', 21)).toBe(false)
  })

  it('gives a removed file no commentable line', () => {
    const hunks = hunksFromPatch('@@ -1,2 +0,0 @@\n-a\n-b')
    expect(hunks).toHaveLength(1)
    expect(hunks[0]?.end).toBeLessThan(hunks[0]?.start ?? 0)
  })
})

describe('files from a real git diff', () => {
  it('reads modified, added, removed, renamed and oddly named files', () => {
    const dir = tempDir()
    git(dir, 'init', '--quiet')
    const body = Array.from({ length: 30 }, (_, i) => `line_${i + 1} = ${i + 1}`).join('\n') + '\n'
    writeTree(dir, {
      'tests/test_mod.py': body,
      'tests/old_name.py': body,
      'tests/gone.py': 'x = 1\n',
      'tests/tést ünïcode.py': 'a = 1\n'
    })
    const base = commitAll(dir, 'base')
    writeTree(dir, {
      'tests/test_mod.py': body
        .replace('line_5 = 5', 'line_5 = 50')
        .replace('line_25 = 25\n', 'line_25 = 25\nextra = 1\n'),
      'tests/old_name.py': null,
      'tests/new_name.py': body.replace('line_30 = 30', 'line_30 = 300'),
      'tests/gone.py': null,
      'tests/added.py': 'import pytest\n',
      'tests/tést ünïcode.py': 'a = 2\n'
    })
    const head = commitAll(dir, 'head')
    const text = git(
      dir,
      '-c',
      'core.quotePath=true',
      'diff',
      '--find-renames',
      '-U3',
      '--src-prefix=a/',
      '--dst-prefix=b/',
      base,
      head
    )
    const files = filesFromGitDiff(text)
    const byPath = new Map(files.map((f) => [f.path, f]))
    expect([...byPath.keys()].sort()).toEqual(
      [
        'tests/added.py',
        'tests/gone.py',
        'tests/new_name.py',
        'tests/test_mod.py',
        'tests/tést ünïcode.py'
      ].sort()
    )
    expect(byPath.get('tests/new_name.py')).toMatchObject({
      status: 'renamed',
      previousPath: 'tests/old_name.py'
    })
    expect(byPath.get('tests/gone.py')?.status).toBe('removed')
    expect(byPath.get('tests/added.py')?.status).toBe('added')
    const index = new DiffIndex(files)
    expect(index.isAdded('tests/test_mod.py', 5)).toBe(true)
    expect(index.isAdded('tests/test_mod.py', 26)).toBe(true)
    expect(index.canComment('tests/test_mod.py', 2, 8)).toBe(true)
    expect(index.canComment('tests/test_mod.py', 5, 26)).toBe(false)
    expect(index.canComment('tests/added.py', 1, 1)).toBe(true)
    expect(index.canComment('tests/tést ünïcode.py', 1, 1)).toBe(true)
    expect(index.touchedPaths()).toContain('tests/old_name.py')
  })
})
