/**
 * Inline suppression: `# noqa: PA104` on a line of a finding's anchor hides that finding; a bare
 * `# noqa` hides every Loopscope finding there. A `# noqa` naming a Loopscope code that hides
 * nothing is itself reported (LS002), with a fix that removes it.
 */
import type { EngineFinding } from '../engine.js'
import type { RuleMeta, TextEdit } from '../types.js'
import { docsUrl } from '../docs-url.js'
import { lineStartsOf } from '../../model/extract.js'

export const LS002: RuleMeta = {
  code: 'LS002',
  name: 'unused-noqa',
  severity: 'info',
  plugin: 'loopscope',
  summary: 'A `# noqa` comment names a Loopscope code that reports nothing on that line.',
  fixable: true,
  docs: {
    what: 'Flags `# noqa: CODE` comments whose Loopscope codes (PA…, AN…, HY…, LS…) suppress no finding on the line they sit on. Codes of other tools are left alone.',
    why: 'Stale suppressions hide the next real problem on that line and mislead readers about what is wrong there.',
    versions: 'All versions.',
    bad: `@pytest.mark.asyncio(loop_scope="session")  # noqa: PA104
async def test_x(pool): ...`,
    good: `@pytest.mark.asyncio(loop_scope="session")
async def test_x(pool): ...`
  }
}

const NOQA = /#\s*noqa(?::[ \t]*([A-Za-z]+[0-9]+(?:[ \t]*,?[ \t]*[A-Za-z]+[0-9]+)*))?/i
const OWN_CODE = /^(PA|AN|HY|LS)\d{3}$/

interface NoqaComment {
  line: number
  start: number
  end: number
  /** null for a bare `# noqa`. */
  codes: string[] | null
  used: Set<string>
}

function commentsOf(text: string): Map<number, NoqaComment> {
  const out = new Map<number, NoqaComment>()
  if (!/noqa/i.test(text)) return out
  const starts = lineStartsOf(text)
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i] as number
    const e = i + 1 < starts.length ? (starts[i + 1] as number) : text.length
    const line = text.slice(s, e)
    const m = NOQA.exec(line)
    if (!m) continue
    const codes = m[1] ? m[1].split(/[\s,]+/).filter(Boolean).map((c) => c.toUpperCase()) : null
    out.set(i + 1, { line: i + 1, start: s + m.index, end: s + m.index + m[0].length, codes, used: new Set() })
  }
  return out
}

export function applyNoqa(
  findings: EngineFinding[],
  read: (path: string) => string | null,
  /** Files whose noqa comments are checked for being unused. */
  checkUnusedIn: Iterable<string>,
  perFileIgnored: (path: string, code: string) => boolean,
  isEnabled: (code: string) => boolean
): EngineFinding[] {
  const cache = new Map<string, Map<number, NoqaComment>>()
  const comments = (p: string): Map<number, NoqaComment> => {
    let c = cache.get(p)
    if (!c) {
      c = commentsOf(read(p) ?? '')
      cache.set(p, c)
    }
    return c
  }
  const kept: EngineFinding[] = []
  for (const f of findings) {
    if (perFileIgnored(f.path, f.code)) continue
    const cs = comments(f.path)
    let suppressed = false
    for (let l = f.line; l <= f.endLine; l++) {
      const c = cs.get(l)
      if (!c) continue
      if (c.codes === null || c.codes.includes(f.code)) {
        suppressed = true
        c.used.add(f.code)
      }
    }
    if (!suppressed) kept.push(f)
  }
  for (const p of checkUnusedIn) {
    const text = read(p)
    if (text === null) continue
    for (const c of comments(p).values()) {
      if (!c.codes) continue
      const ours = c.codes.filter((x) => OWN_CODE.test(x) && isEnabled(x))
      const unused = ours.filter((x) => !c.used.has(x))
      if (!unused.length || perFileIgnored(p, 'LS002')) continue
      const remaining = c.codes.filter((x) => !unused.includes(x))
      let edit: TextEdit
      if (remaining.length) {
        edit = { path: p, start: c.start, end: c.end, text: `# noqa: ${remaining.join(', ')}` }
      } else {
        // Remove the comment and the whitespace before it.
        let start = c.start
        while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--
        edit = { path: p, start, end: c.end, text: '' }
      }
      kept.push({
        code: 'LS002',
        name: LS002.name,
        severity: 'info',
        path: p,
        line: c.line,
        endLine: c.line,
        column: c.start - (text.lastIndexOf('\n', c.start - 1) + 1) + 1,
        message: `\`# noqa\` names ${unused.map((u) => `\`${u}\``).join(', ')}, but Loopscope reports nothing ${unused.length > 1 ? 'with those codes' : 'with that code'} on this line; remove it so it cannot hide a future problem.`,
        symbol: `noqa:${p}:${unused.join(',')}:${text.slice(text.lastIndexOf('\n', c.start - 1) + 1, c.start).trim()}`,
        related: [],
        docsUrl: docsUrl('LS002'),
        fix: { title: 'Remove the unused suppression', edits: [edit], applicability: 'safe' },
        involves: []
      })
    }
  }
  return kept
}
