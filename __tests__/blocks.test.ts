import { blockDiff, isNoOp, lineBlock, lineOfOffset } from '../src/fix/blocks.js'
import { insertAtLine, replaceIn } from './github/helpers.js'

const text = [
  'import pytest_asyncio',
  '',
  '',
  '@pytest_asyncio.fixture(scope="session", loop_scope="function")',
  'async def pool():',
  '    yield 1',
  ''
].join('\n')
const P = 'conftest.py'

describe('lineBlock', () => {
  it('widens a column edit to its whole line', () => {
    const b = lineBlock(P, text, [
      replaceIn(P, text, 'loop_scope="function"', 'loop_scope="session"')
    ])
    expect(b).toMatchObject({ startLine: 4, endLine: 4 })
    expect(b.oldLines).toEqual(['@pytest_asyncio.fixture(scope="session", loop_scope="function")'])
    expect(b.newLines).toEqual(['@pytest_asyncio.fixture(scope="session", loop_scope="session")'])
    expect(isNoOp(b)).toBe(false)
  })

  it('shows an insertion at a line start as new lines followed by that line', () => {
    const b = lineBlock(P, text, [insertAtLine(P, text, 5, '@pytest.mark.usefixtures("x")\n')])
    expect(b).toMatchObject({ startLine: 5, endLine: 5 })
    expect(b.newLines).toEqual(['@pytest.mark.usefixtures("x")', 'async def pool():'])
  })

  it('deletes whole lines with an empty block', () => {
    const start = text.indexOf('@pytest_asyncio')
    const end = text.indexOf('async def')
    const b = lineBlock(P, text, [{ path: P, start, end, text: '' }])
    expect(b).toMatchObject({ startLine: 4, endLine: 4, newLines: [] })
  })

  it('anchors an insertion at the end of the file on the last line', () => {
    const b = lineBlock(P, text, [
      { path: P, start: text.length, end: text.length, text: 'x = 1\n' }
    ])
    expect(b).toMatchObject({ startLine: 6, endLine: 6 })
    expect(b.newLines).toEqual(['    yield 1', 'x = 1'])
  })

  it('covers every line between several edits', () => {
    const b = lineBlock(P, text, [
      replaceIn(P, text, 'scope="session"', 'scope="module"'),
      replaceIn(P, text, 'yield 1', 'yield 2')
    ])
    expect(b).toMatchObject({ startLine: 4, endLine: 6 })
    expect(b.newLines).toEqual([
      '@pytest_asyncio.fixture(scope="module", loop_scope="function")',
      'async def pool():',
      '    yield 2'
    ])
  })

  it('keeps CRLF files line-based', () => {
    const crlf = text.replace(/\n/g, '\r\n')
    const b = lineBlock(P, crlf, [replaceIn(P, crlf, 'yield 1', 'yield 2')])
    expect(b).toMatchObject({
      startLine: 6,
      endLine: 6,
      oldLines: ['    yield 1'],
      newLines: ['    yield 2']
    })
  })

  it('recognises a no-op', () => {
    const b = lineBlock(P, text, [replaceIn(P, text, 'yield 1', 'yield 1')])
    expect(isNoOp(b)).toBe(true)
  })

  it('counts lines from offsets', () => {
    expect(lineOfOffset(text, 0)).toBe(1)
    expect(lineOfOffset(text, text.indexOf('async def'))).toBe(5)
  })
})

describe('blockDiff', () => {
  const long = Array.from({ length: 50 }, (_, i) => `v${i + 1} = ${i + 1}`).join('\n') + '\n'

  it('numbers hunks as in the file, with context around the block', () => {
    const b = lineBlock('m.py', long, [replaceIn('m.py', long, 'v20 = 20', 'v20 = 200')])
    expect(blockDiff('m.py', long, b)).toBe(
      [
        '--- a/m.py',
        '+++ b/m.py',
        '@@ -18,5 +18,5 @@',
        ' v18 = 18',
        ' v19 = 19',
        '-v20 = 20',
        '+v20 = 200',
        ' v21 = 21',
        ' v22 = 22'
      ].join('\n')
    )
  })

  it('keeps unchanged lines inside a block as context', () => {
    const b = lineBlock('m.py', long, [
      replaceIn('m.py', long, 'v2 = 2\n', 'v2 = 22\n'),
      replaceIn('m.py', long, 'v4 = 4', 'v4 = 44')
    ])
    const d = blockDiff('m.py', long, b)
    expect(d).toContain('@@ -1,6 +1,6 @@')
    expect(d).toContain('\n v3 = 3\n')
  })

  it('is the same as what git would apply: applying it gives the fixed text', () => {
    const b = lineBlock('m.py', long, [insertAtLine('m.py', long, 50, 'inserted = 0\n')])
    const d = blockDiff('m.py', long, b)
    expect(d.split('\n').filter((l) => l.startsWith('+') && !l.startsWith('+++'))).toEqual([
      '+inserted = 0'
    ])
    expect(d).toContain('@@ -48,3 +48,4 @@')
  })

  it('falls back to a whole-block replacement for huge rewrites', () => {
    const big = Array.from({ length: 3000 }, (_, i) => `a${i}`).join('\n') + '\n'
    const b = lineBlock('b.py', big, [
      { path: 'b.py', start: 0, end: big.length, text: big.replace(/a/g, 'b') }
    ])
    const d = blockDiff('b.py', big, b)
    expect(d.split('\n')[2]).toBe('@@ -1,3000 +1,3000 @@')
    expect(d.split('\n').filter((l) => l.startsWith('-a')).length).toBe(3000)
  })
})
