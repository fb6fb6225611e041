/**
 * Which files an analysis reads: the test files pytest would collect from the given paths, the
 * conftest.py chain above each, and package `__init__.py` files. In PR mode only what the change
 * touches: changed test files, every test below a changed conftest.py or `pytest_plugins`
 * module, and everything when the pytest config or a version pin changed.
 */
import * as path from 'node:path'
import type { Workspace } from './workspace.js'
import { normalizeRelPath } from './workspace.js'
import type { Project } from '../model/project.js'

export interface Selection {
  /** Test modules to consider (each still passes the textual prefilter before parsing). */
  tests: string[]
  /** conftest.py files: every one on a test's chain. */
  conftests: string[]
  /** Package `__init__.py` files that set a `pytestmark` (PA209). */
  inits: string[]
  /** Conftests whose own findings are reported (all in a full run; the changed ones in PR mode). */
  reportConftests: Set<string>
  /** PR mode: the pytest config or a version pin changed, so every test is affected. */
  configChanged: boolean
}

const PIN_FILE = /(^|\/)(requirements[^/]*\.(txt|in)|[^/]*requirements[^/]*\.txt|constraints[^/]*\.txt|pyproject\.toml|setup\.cfg|setup\.py|tox\.ini|uv\.lock|poetry\.lock|Pipfile(\.lock)?|pytest\.ini|\.pytest\.ini|pytest\.toml|\.pytest\.toml)$/

function dirname(rel: string): string {
  const d = path.posix.dirname(rel)
  return d === '.' ? '' : d
}

export function selectFiles(ws: Workspace, project: Project, paths: string[] | undefined, changed: string[] | undefined): Selection {
  const roots = (paths && paths.length ? paths : project.testpaths.length ? project.testpaths : ['']).map((p) => normalizeRelPath(p)).filter((p): p is string => p !== null)
  const tests = new Set<string>()
  const conftests = new Set<string>()
  const explicitFiles: string[] = []
  const walkDirs: string[] = []
  for (const r of roots) {
    if (r !== '' && ws.exists(r)) explicitFiles.push(r)
    else if (r === '' || ws.isDir(r)) walkDirs.push(r)
  }
  const all: string[] = []
  for (const d of walkDirs) {
    all.push(
      ...ws.walk(
        d,
        (_rel, base) => base.endsWith('.py') && (base === 'conftest.py' || project.isTestFile(base)),
        (base, rel) => project.skipDir(base, rel)
      )
    )
  }
  for (const f of explicitFiles) if (f.endsWith('.py')) all.push(f)
  const allTests = all.filter((f) => path.posix.basename(f) !== 'conftest.py')
  const allConftests = all.filter((f) => path.posix.basename(f) === 'conftest.py')

  let configChanged = false
  const reportConftests = new Set<string>()
  if (!changed) {
    allTests.forEach((t) => tests.add(t))
    allConftests.forEach((c) => {
      conftests.add(c)
      reportConftests.add(c)
    })
  } else {
    const changedSet = new Set(changed.map((c) => normalizeRelPath(c)).filter((c): c is string => c !== null))
    for (const c of changedSet) {
      if (PIN_FILE.test(c) || c === project.configPath) configChanged = true
    }
    if (configChanged) {
      // Config or pins changed: everything is affected, conftests' own findings included.
      allTests.forEach((t) => tests.add(t))
      allConftests.forEach((c) => {
        conftests.add(c)
        reportConftests.add(c)
      })
    } else {
      const changedConftestDirs: string[] = []
      for (const c of changedSet) {
        const base = path.posix.basename(c)
        if (base === 'conftest.py') {
          changedConftestDirs.push(dirname(c))
          reportConftests.add(c)
          conftests.add(c)
        } else if (allTests.includes(c)) {
          tests.add(c)
        } else if (c.endsWith('.py') && project.isPluginModule(c, allConftests)) {
          changedConftestDirs.push('')
        }
      }
      for (const t of allTests) {
        if (changedConftestDirs.some((d) => d === '' || t.startsWith(d + '/'))) tests.add(t)
      }
    }
  }
  // The conftest chain of every test, from the rootdir down.
  const inits = new Set<string>()
  for (const t of tests) {
    const parts = dirname(t).split('/').filter(Boolean)
    const dirs = ['']
    for (let i = 0; i < parts.length; i++) dirs.push(parts.slice(0, i + 1).join('/'))
    for (const d of dirs) {
      const c = d ? `${d}/conftest.py` : 'conftest.py'
      if (ws.exists(c)) conftests.add(c)
      if (d) {
        const init = `${d}/__init__.py`
        if (ws.exists(init)) {
          const text = ws.read(init)
          if (text && /^pytestmark\s*=/m.test(text)) inits.add(init)
        }
      }
    }
  }
  return {
    tests: [...tests].sort(),
    conftests: [...conftests].sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b)),
    inits: [...inits].sort(),
    reportConftests,
    configChanged
  }
}
