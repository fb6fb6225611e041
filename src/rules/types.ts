/**
 * The finding model shared by the rules, the fixer and every reporter.
 *
 * Paths are relative to the analysis root and `/`-separated. Lines are 1-based. Text edits
 * address the file by character offsets into the exact text the analyzer read (after BOM
 * removal; line endings untouched), so they apply with plain string slicing.
 */

export type Severity = 'error' | 'warning' | 'info'

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 }

export interface TextEdit {
  path: string
  /** Start offset (inclusive) into the file's text. */
  start: number
  /** End offset (exclusive). `start === end` inserts. */
  end: number
  text: string
}

export interface Fix {
  /** One line, imperative: "Set loop_scope=\"session\" on the mark". */
  title: string
  /** Non-overlapping edits, possibly in several files. */
  edits: TextEdit[]
  /** `safe` fixes are applied by `--fix`; `unsafe` ones are shown but only applied with `--unsafe-fixes`. */
  applicability: 'safe' | 'unsafe'
}

export interface RelatedLocation {
  path: string
  line: number
  endLine: number
  message: string
}

export interface Finding {
  code: string
  /** The rule's kebab-case name, e.g. `test-runs-in-narrower-loop-than-fixture`. */
  name: string
  severity: Severity
  path: string
  line: number
  endLine: number
  /** 1-based column of the anchor's first character. */
  column: number
  /** What breaks, on which versions, why; plain text with `code` spans in backticks. */
  message: string
  /**
   * A stable identifier of the construct the finding is about, independent of line numbers:
   * e.g. `tests/test_db.py::TestRepo::test_add` or `fixture:tests/conftest.py::pool` or
   * `config:pytest.ini::asyncio_default_fixture_loop_scope`. Used for review fingerprints.
   */
  symbol: string
  related: RelatedLocation[]
  fix?: Fix
  /** Link to the rule's documentation. */
  docsUrl: string
}

/** Something the user must hear about that is not a rule finding (unreadable file, broken config, ...). */
export interface Notice {
  level: 'info' | 'warning' | 'error'
  /** Loopscope's own diagnostics (e.g. a withheld fix): logged for debugging, never annotated. */
  internal?: boolean
  path?: string
  line?: number
  message: string
}

export type Plugin = 'pytest-asyncio' | 'anyio' | 'hypothesis' | 'loopscope'

/** A rule's metadata and documentation; `docs/rules/<CODE>.md` is generated from it. */
export interface RuleMeta {
  code: string
  name: string
  /** Default severity; a rule may report another one when it depends on the resolved versions. */
  severity: Severity
  plugin: Plugin
  /** One sentence: what the rule flags. */
  summary: string
  fixable: boolean
  docs: {
    /** What it does. */
    what: string
    /** Why is this bad: what happens at run time, with the exact error users see. */
    why: string
    /** Versions affected, as a short sentence or list. */
    versions: string
    /** A bad example (a complete, small Python snippet; may include `# conftest.py` headers). */
    bad: string
    /** The same example fixed. */
    good: string
    references?: string[]
  }
}
