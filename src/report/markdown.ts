/**
 * Safe Markdown/HTML for text that comes from the repository under review: file paths, symbols,
 * rule messages quoting user code, source lines. GitHub renders review comments, review bodies
 * and job summaries as GitHub-flavoured Markdown with HTML, so anything we interpolate must not
 * open a fence, a tag, a link, a table cell, or ping someone.
 */

/** Length of the longest run of `ch` (default: backtick) in `text`. */
export function longestRun(text: string, ch = '`'): number {
  let best = 0
  let run = 0
  for (const c of text) {
    if (c === ch) {
      run += 1
      if (run > best) best = run
    } else {
      run = 0
    }
  }
  return best
}

/**
 * A fenced code block whose fence is longer than any backtick run in `content` (at least 3), so
 * the content can never close it early. `content` is shown verbatim; one trailing newline is
 * dropped so the block does not end with a blank line. An empty `content` gives an empty block,
 * which for `suggestion` means "delete these lines".
 */
export function codeBlock(content: string, info = ''): string {
  const fence = '`'.repeat(Math.max(3, longestRun(content) + 1))
  const body = content.replace(/\r?\n$/, '')
  return content === '' ? `${fence}${info}\n${fence}` : `${fence}${info}\n${body}\n${fence}`
}

/** An inline code span that survives backticks inside `text` (CommonMark §6.1). */
export function inlineCode(text: string): string {
  const oneLine = text.replace(/\r?\n/g, ' ')
  const ticks = '`'.repeat(longestRun(oneLine) + 1)
  const pad = oneLine.startsWith('`') || oneLine.endsWith('`') || oneLine === '' ? ' ' : ''
  return `${ticks}${pad}${oneLine}${pad}${ticks}`
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;'
}

/** Escape text for an HTML context (`<summary>`, attribute values). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c)
}

/** A zero-width space: breaks `@user` mentions and `#123` references without visible change. */
const ZWSP = '\u200b'

/**
 * Escape plain prose for Markdown: every character that could start emphasis, a link, a tag, an
 * HTML entity, a table cell, a heading or a code span is backslash-escaped, and `@name` / `#123`
 * are broken with a zero-width space so a rule message quoting `@pytest.fixture` never notifies a
 * user named `pytest` and never cross-references an issue.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]<>()#+!|~&]/g, (c) => `\\${c}`)
    .replace(/@(?=[A-Za-z0-9_-])/g, `@${ZWSP}`)
    .replace(/\\#(?=\d)/g, `\\#${ZWSP}`)
    .replace(/^(\s*)([-=])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2')
}

/**
 * Render a finding message: plain text whose `code` spans are delimited by single backticks.
 * The spans are re-emitted with a safe fence and the prose between them is escaped. A message
 * with an odd number of backticks has no reliable spans, so all of it is treated as prose.
 */
export function renderMessage(message: string): string {
  const parts = message.split('`')
  if (parts.length % 2 === 0) return escapeMarkdown(message)
  return parts.map((part, i) => (i % 2 === 0 ? escapeMarkdown(part) : inlineCode(part))).join('')
}

/** Text for one cell of a Markdown table: escaped, on one line, `|` neutralised. */
export function tableCell(text: string): string {
  return renderMessage(text).replace(/\r?\n/g, ' ')
}

/** Cut `text` to at most `max` characters on a line boundary, saying so. */
export function truncate(text: string, max: number, note = '\n…(truncated)'): string {
  if (text.length <= max) return text
  const room = Math.max(0, max - note.length)
  const cut = text.lastIndexOf('\n', room)
  return text.slice(0, cut > room / 2 ? cut : room) + note
}
