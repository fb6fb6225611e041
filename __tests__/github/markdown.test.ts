import {
  codeBlock,
  escapeHtml,
  escapeMarkdown,
  inlineCode,
  longestRun,
  renderMessage,
  tableCell,
  truncate
} from '../../src/report/markdown.js'

describe('fences', () => {
  it('uses a fence longer than any backtick run in the content', () => {
    const content = 'x = """```python\nprint(1)\n```"""\ny = "````"'
    expect(longestRun(content)).toBe(4)
    const block = codeBlock(content, 'suggestion')
    expect(block.startsWith('`````suggestion\n')).toBe(true)
    expect(block.endsWith('\n`````')).toBe(true)
    // The content comes back verbatim between the fences.
    expect(block.split('\n').slice(1, -1).join('\n')).toBe(content)
  })

  it('keeps three backticks for plain content and gives an empty block for empty content', () => {
    expect(codeBlock('a = 1\n', 'diff')).toBe('```diff\na = 1\n```')
    expect(codeBlock('', 'suggestion')).toBe('```suggestion\n```')
  })

  it('pads inline code that starts or ends with a backtick', () => {
    expect(inlineCode('a`b')).toBe('``a`b``')
    expect(inlineCode('`x`')).toBe('`` `x` ``')
    expect(inlineCode('tests/test_a.py')).toBe('`tests/test_a.py`')
  })
})

describe('escaping repository text', () => {
  it('neutralises emphasis, links, HTML and table pipes', () => {
    const out = escapeMarkdown('__init__ <script>alert(1)</script> [x](javascript:y) a|b *c*')
    expect(out).not.toMatch(/(^|[^\\])[<>[\]|*_]/)
    expect(out).toContain('\\_\\_init\\_\\_')
  })

  it('breaks mentions and issue references without changing visible text', () => {
    const out = escapeMarkdown('see @pytest and #12')
    expect(out).toContain('@\u200bpytest')
    expect(out).toContain('\\#\u200b12')
    expect(out.replace(/[\u200b\\]/g, '')).toBe('see @pytest and #12')
  })

  it('escapes list and heading starts', () => {
    expect(escapeMarkdown('1. first')).toBe('1\\. first')
    expect(escapeMarkdown('- item')).toBe('\\- item')
    expect(escapeMarkdown('# title')).toBe('\\# title')
  })

  it('renders code spans of a message safely and escapes the prose around them', () => {
    const out = renderMessage(
      'Set `loop_scope="session"` on `@pytest_asyncio.fixture` for *all* users'
    )
    expect(out).toBe('Set `loop_scope="session"` on `@pytest_asyncio.fixture` for \\*all\\* users')
  })

  it('treats a message with unbalanced backticks as prose', () => {
    expect(renderMessage('a ` b')).toBe('a \\` b')
  })

  it('escapes HTML and table cells', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;'
    )
    expect(tableCell('a|b\nc')).toBe('a\\|b c')
  })

  it('truncates on a line boundary and says so', () => {
    const text = Array.from({ length: 100 }, (_, i) => `line ${i}`).join('\n')
    const out = truncate(text, 100)
    expect(out.length).toBeLessThanOrEqual(100)
    expect(out.endsWith('…(truncated)')).toBe(true)
    expect(truncate('short', 100)).toBe('short')
  })
})
