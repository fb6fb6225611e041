/**
 * Helpers for the security tests: a project whose every executable entry point (conftest.py, a
 * `pytest_plugins` module, setup.py, a PEP 517 in-tree build backend, sitecustomize.py) would
 * leave a marker file and exit if Python ever imported it; shims for interpreters and package
 * managers that record any invocation; and a small CommonMark inline scanner that tells what part
 * of a Markdown string GitHub would treat as live syntax (outside code spans and fences).
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tempDir } from '../emulator/git-fixture.js'

/** Python that leaves `marker` (tagged with `who`) and kills the interpreter when imported. */
function tripwire(marker: string, who: string): string {
  return [
    'import os',
    `open(${JSON.stringify(marker)}, "a").write(${JSON.stringify(who + '\n')})`,
    'os._exit(3)',
    ''
  ].join('\n')
}

/** A fixture name and directory names that are live HTML/Markdown if interpolated raw. */
export const EVIL_NAME = '`x` <img src=x onerror=alert(1)>'
export const LINK_DIR = 'evil](javascript:alert(1))'
// No spaces: the emulator's file list (parsed from `git diff`) keeps git's tab after names with spaces.
export const IMG_DIR = '<script>alert(2)<script>'

/**
 * The hostile project's files. Every Python entry point is a tripwire; the async fixtures are
 * still real findings (PA102), so the analysis has something to report about each dangerous name.
 */
export function hostileFiles(marker: string): Record<string, string> {
  return {
    'pyproject.toml': [
      '[build-system]',
      'requires = ["setuptools"]',
      'build-backend = "evil_backend"',
      'backend-path = ["."]',
      '',
      '[project]',
      'name = "hostile"',
      'version = "0.1.0"',
      'dependencies = ["pytest-asyncio==1.4.0"]',
      '',
      '[tool.pytest.ini_options]',
      'asyncio_default_fixture_loop_scope = "function"',
      ''
    ].join('\n'),
    'setup.py': tripwire(marker, 'setup.py'),
    'evil_backend.py': tripwire(marker, 'build backend'),
    'sitecustomize.py': tripwire(marker, 'sitecustomize'),
    'requirements.txt': '-e .\n',
    'plugins/__init__.py': tripwire(marker, 'plugins package'),
    'plugins/evil.py': [
      tripwire(marker, 'pytest_plugins module'),
      'import pytest_asyncio',
      '',
      '@pytest_asyncio.fixture(scope="session")',
      'async def plugin_pool():',
      '    yield 2',
      ''
    ].join('\n'),
    'tests/conftest.py': [
      tripwire(marker, 'conftest.py'),
      'import pytest_asyncio',
      '',
      'pytest_plugins = ["plugins.evil"]',
      '',
      '',
      // A decorator line with a backtick run: the suggestion fence must be longer than it.
      `@pytest_asyncio.fixture(scope="session", name=${JSON.stringify(EVIL_NAME)})  # \`\`\`\`\` not a fence`,
      'async def hostile():',
      '    yield 1',
      ''
    ].join('\n'),
    'tests/test_uses.py': [
      'import pytest',
      '',
      '@pytest.mark.asyncio',
      'async def test_it(plugin_pool):',
      '    assert plugin_pool',
      ''
    ].join('\n'),
    [`tests/${LINK_DIR}/test_link.py`]: [
      'import pytest_asyncio',
      '',
      '@pytest_asyncio.fixture(scope="session")',
      'async def link_pool():',
      '    yield 3',
      ''
    ].join('\n'),
    [`tests/${IMG_DIR}/test_img.py`]: [
      'import pytest_asyncio',
      '',
      '@pytest_asyncio.fixture(scope="module")',
      'async def img_pool():',
      '    yield 4',
      ''
    ].join('\n')
  }
}

/** Programs that would mean "running the project" if Loopscope started them. */
export const FORBIDDEN = [
  'python',
  'python3',
  'python3.12',
  'pip',
  'pip3',
  'pytest',
  'py.test',
  'uv',
  'uvx',
  'poetry',
  'pdm',
  'hatch',
  'tox',
  'nox',
  'pipx',
  'make'
]

/** Shells: shimmed to record and pass through (git may legitimately need one). */
const SHELLS: Record<string, string> = { sh: '/bin/sh', bash: '/bin/bash' }

export interface Shims {
  dir: string
  log: string
  /** PATH with the shims first. */
  path: string
  /** Recorded invocations, one line each: `<program> <args>`. */
  calls(): string[]
}

export function makeShims(basePath = process.env.PATH ?? '/usr/bin:/bin'): Shims {
  const dir = tempDir('loopscope-shims-')
  const log = join(dir, 'calls.log')
  writeFileSync(log, '')
  const write = (name: string, body: string) => {
    const file = join(dir, name)
    writeFileSync(
      file,
      `#!/bin/sh\nprintf '%s %s\\n' ${JSON.stringify(name)} "$*" >> ${JSON.stringify(log)}\n${body}\n`
    )
    chmodSync(file, 0o755)
  }
  for (const name of FORBIDDEN) write(name, 'exit 97')
  for (const [name, real] of Object.entries(SHELLS))
    if (existsSync(real)) write(name, `exec ${real} "$@"`)
  return {
    dir,
    log,
    path: `${dir}:${basePath}`,
    calls: () => readFileSync(log, 'utf8').split('\n').filter(Boolean)
  }
}

export function writeFiles(dir: string, files: Record<string, string | Buffer>): void {
  for (const [rel, text] of Object.entries(files)) {
    const abs = join(dir, rel)
    mkdirSync(join(abs, '..'), { recursive: true })
    writeFileSync(abs, text)
  }
}

/**
 * The parts of `md` that GitHub's Markdown would interpret: fenced blocks and inline code spans
 * removed (CommonMark: a span closes on a backtick run of the same length, a fence on a fence at
 * least as long), backslash escapes consumed (the escaped character kept as an inert `_`). HTML
 * comments (the fingerprint markers) are removed too. What remains is where a tag or a link
 * would be live.
 */
export function liveMarkdown(md: string): string {
  const kept: string[] = []
  const html: string[] = []
  const lines = md.split('\n')
  for (let i = 0; i < lines.length; i++) {
    // An HTML block (CommonMark type 6, e.g. Loopscope's <details><summary>…) runs to the next
    // blank line and is not parsed as Markdown: only tags in it are live.
    if (/^\s*<\/?(details|summary)\b/.test(lines[i] ?? '')) {
      for (; i < lines.length && (lines[i] ?? '').trim() !== ''; i++)
        html.push((lines[i] ?? '').replace(/[[\]`\\]/g, '_'))
      continue
    }
    const open = /^(\s*)(`{3,}|~{3,})/.exec(lines[i] ?? '')
    if (open) {
      const fence = open[2] as string
      for (i++; i < lines.length; i++) {
        const close = /^\s*(`{3,}|~{3,})\s*$/.exec(lines[i] ?? '')
        if (close && close[1]?.[0] === fence[0] && (close[1]?.length ?? 0) >= fence.length) break
      }
      continue
    }
    kept.push(lines[i] ?? '')
  }
  const text = kept.join('\n').replace(/<!--[\s\S]*?-->/g, '')
  return `${scanInline(text)}\n${html.join('\n')}`
}

function scanInline(text: string): string {
  let out = ''
  for (let i = 0; i < text.length;) {
    const c = text[i] as string
    if (c === '\\' && i + 1 < text.length && /[!-/:-@[-`{-~]/.test(text[i + 1] as string)) {
      out += '_'
      i += 2
      continue
    }
    if (c === '`') {
      let n = 0
      while (text[i + n] === '`') n++
      const run = '`'.repeat(n)
      // Find a closing run of exactly n backticks.
      let j = i + n
      let close = -1
      while (j < text.length) {
        const k = text.indexOf(run, j)
        if (k === -1) break
        if (text[k + n] === '`' || text[k - 1] === '`') {
          let m = k
          while (text[m] === '`') m++
          j = m
          continue
        }
        close = k
        break
      }
      if (close === -1) {
        out += run
        i += n
      } else {
        out += ' '
        i = close + n
      }
      continue
    }
    out += c
    i++
  }
  return out
}

/** Fenced blocks of `md`, with their fence and content. */
export function fences(md: string): Array<{ fence: string; info: string; content: string }> {
  const out: Array<{ fence: string; info: string; content: string }> = []
  const lines = md.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const open = /^\s*(`{3,})([^`]*)$/.exec(lines[i] ?? '')
    if (!open) continue
    const fence = open[1] as string
    const body: string[] = []
    for (i++; i < lines.length; i++) {
      const close = /^\s*(`{3,})\s*$/.exec(lines[i] ?? '')
      if (close && (close[1]?.length ?? 0) >= fence.length) break
      body.push(lines[i] ?? '')
    }
    out.push({ fence, info: (open[2] ?? '').trim(), content: body.join('\n') })
  }
  return out
}

/**
 * Assert-friendly: the dangerous constructs live in `md` (empty when it is safe): an HTML tag
 * other than the <details>/<summary> Loopscope writes itself, or a link whose destination is not
 * an http(s) URL (Loopscope only links to its docs and to blob URLs).
 */
export function liveDangers(md: string): string[] {
  const live = liveMarkdown(md).replace(/<\/?(details|summary)>/g, '')
  const found: string[] = []
  for (const m of live.matchAll(/<[A-Za-z!/?]/g))
    found.push(live.slice(Math.max(0, (m.index ?? 0) - 30), (m.index ?? 0) + 30))
  for (const d of linkDestinations(live)) if (!/^https?:\/\//.test(d)) found.push(`link to ${d}`)
  return found
}

/** Destinations of inline links `[…](dest)` in live text (balanced parentheses, as CommonMark). */
export function linkDestinations(live: string): string[] {
  const out: string[] = []
  for (let i = live.indexOf(']('); i !== -1; i = live.indexOf('](', i + 2)) {
    let depth = 0
    let j = i + 2
    for (; j < live.length; j++) {
      const c = live[j] as string
      if (/\s/.test(c)) break
      if (c === '(') depth++
      else if (c === ')') {
        if (depth === 0) break
        depth--
      }
    }
    out.push(live.slice(i + 2, j))
  }
  return out
}
