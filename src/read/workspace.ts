/**
 * Reading the analysed repository as data: nothing here executes, imports or evaluates it.
 *
 * Every path is relative to the analysis root and `/`-separated. A path that escapes the root
 * (`..`, absolute, or through a symlink) is refused. Files that are too large, binary or not
 * UTF-8 produce a notice instead of an exception; nothing read is ever lost silently.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs'
import * as path from 'node:path'
import type { Notice } from '../rules/types.js'

/** Files above this size are skipped with a notice (a generated 20 MB test file is not a test). */
export const MAX_FILE_BYTES = 2 * 1024 * 1024

export interface FileSource {
  /** Text of a file relative to the analysis root, or null if absent/unreadable/binary. BOM stripped. */
  read(relPath: string): string | null
  exists(relPath: string): boolean
}

export interface ReadFile {
  text: string
  /** False when the bytes were not valid UTF-8: fixes are then withheld for this file. */
  exactText: boolean
}

const utf8 = new TextDecoder('utf-8', { fatal: true })
const utf8Lossy = new TextDecoder('utf-8', { fatal: false })

/** Normalises a user- or API-supplied path; returns null when it would leave the root. */
export function normalizeRelPath(p: string): string | null {
  if (p.includes('\0')) return null
  if (p === '' || p === '.') return ''
  const slashed = p.replace(/\\/g, '/')
  if (slashed.startsWith('/') || /^[A-Za-z]:\//.test(slashed)) return null
  const norm = path.posix.normalize(slashed)
  if (norm === '..' || norm.startsWith('../')) return null
  return norm === '.' ? '' : norm.replace(/\/$/, '')
}

export class Workspace implements FileSource {
  readonly root: string
  private readonly realRoot: string
  private readonly cache = new Map<string, ReadFile | null>()
  readonly notices: Notice[] = []
  bytesRead = 0

  constructor(root: string) {
    this.root = path.resolve(root)
    this.realRoot = realpathSync.native(this.root)
  }

  /** The absolute path for a relative one, or null if it escapes the root (symlinks included). */
  private readonly insideCache = new Map<string, string | null>()

  private resolveInside(rel: string): string | null {
    const norm = normalizeRelPath(rel)
    if (norm === null) return null
    const cached = this.insideCache.get(norm)
    if (cached !== undefined) return cached
    const abs = path.join(this.root, norm)
    let result: string | null = abs
    try {
      const real = realpathSync.native(abs)
      if (real !== this.realRoot && !real.startsWith(this.realRoot + path.sep)) result = null
    } catch {
      result = null
    }
    this.insideCache.set(norm, result)
    return result
  }

  private readonly existsCache = new Map<string, boolean>()

  exists(rel: string): boolean {
    const hit = this.existsCache.get(rel)
    if (hit !== undefined) return hit
    const abs = this.resolveInside(rel)
    let ok = false
    if (abs) {
      try {
        ok = statSync(abs).isFile()
      } catch {
        ok = false
      }
    }
    this.existsCache.set(rel, ok)
    return ok
  }

  isDir(rel: string): boolean {
    const abs = this.resolveInside(rel)
    if (!abs) return false
    try {
      return statSync(abs).isDirectory()
    } catch {
      return false
    }
  }

  read(rel: string): string | null {
    return this.readFile(rel)?.text ?? null
  }

  readFile(rel: string): ReadFile | null {
    const norm = normalizeRelPath(rel)
    if (norm === null) return null
    if (this.cache.has(norm)) return this.cache.get(norm) ?? null
    const result = this.load(norm)
    this.cache.set(norm, result)
    return result
  }

  private notice(level: Notice['level'], rel: string, message: string): void {
    this.notices.push({ level, path: rel, message })
  }

  private load(rel: string): ReadFile | null {
    const abs = this.resolveInside(rel)
    if (!abs) return null
    let buf: Buffer
    try {
      const st = statSync(abs)
      if (!st.isFile()) return null
      if (st.size > MAX_FILE_BYTES) {
        this.notice('warning', rel, `skipped: ${st.size} bytes is over the ${MAX_FILE_BYTES}-byte limit for one file`)
        return null
      }
      buf = readFileSync(abs)
    } catch (e) {
      this.notice('warning', rel, `could not be read: ${(e as Error).message}`)
      return null
    }
    if (buf.length > MAX_FILE_BYTES) {
      this.notice('warning', rel, `skipped: ${buf.length} bytes is over the ${MAX_FILE_BYTES}-byte limit for one file`)
      return null
    }
    this.bytesRead += buf.length
    if (buf.subarray(0, 8192).includes(0)) {
      this.notice('warning', rel, 'skipped: looks binary (contains NUL bytes)')
      return null
    }
    let text: string
    let exactText = true
    try {
      text = utf8.decode(buf)
    } catch {
      text = utf8Lossy.decode(buf)
      exactText = false
      this.notice(
        'warning',
        rel,
        'is not valid UTF-8: analysed with replacement characters, and no fix is offered for it'
      )
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
    return { text, exactText }
  }

  /**
   * Lists files below `dir` (relative) whose basename satisfies `want`, skipping directories
   * for which `skipDir` returns true and never following symlinks out of the root.
   */
  walk(dir: string, want: (rel: string, base: string) => boolean, skipDir: (base: string, rel: string) => boolean): string[] {
    const out: string[] = []
    const start = this.resolveInside(dir)
    if (!start) return out
    const stack: string[] = [normalizeRelPath(dir) ?? '']
    const seen = new Set<string>()
    while (stack.length) {
      const rel = stack.pop() as string
      const abs = rel ? path.join(this.root, rel) : this.root
      let real: string
      try {
        real = realpathSync.native(abs)
      } catch {
        continue
      }
      if (seen.has(real)) continue
      seen.add(real)
      if (real !== this.realRoot && !real.startsWith(this.realRoot + path.sep)) continue
      let entries: import('node:fs').Dirent[]
      try {
        entries = readdirSync(abs, { withFileTypes: true })
      } catch {
        continue
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      const dirs: string[] = []
      for (const e of entries) {
        const childRel = rel ? `${rel}/${e.name}` : e.name
        let isDir = e.isDirectory()
        let isFile = e.isFile()
        if (e.isSymbolicLink()) {
          const target = this.resolveInside(childRel)
          if (!target) continue
          try {
            const st = statSync(target)
            isDir = st.isDirectory()
            isFile = st.isFile()
          } catch {
            continue
          }
        }
        if (isDir) {
          if (!skipDir(e.name, childRel)) dirs.push(childRel)
        } else if (isFile && want(childRel, e.name)) {
          out.push(childRel)
        }
      }
      for (let i = dirs.length - 1; i >= 0; i--) stack.push(dirs[i] as string)
    }
    return out.sort()
  }
}

/** True when `p` is a symlink (used by tests and the CLI to explain refusals). */
export function isSymlink(abs: string): boolean {
  try {
    return lstatSync(abs).isSymbolicLink()
  } catch {
    return false
  }
}
