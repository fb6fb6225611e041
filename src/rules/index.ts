/**
 * Every rule the checker ships. Rules are grouped by family (one registry file per group so the
 * groups can grow independently); this list is the catalogue order.
 */
import type { Rule } from './engine.js'
import { PA101 } from './pytest-asyncio/PA101.js'
import { PA102 } from './pytest-asyncio/PA102.js'
import { PA104 } from './pytest-asyncio/PA104.js'
import { PA105 } from './pytest-asyncio/PA105.js'
import { PA108 } from './pytest-asyncio/PA108.js'
import { PA_LOOP_RULES } from './groups/pa-loop.js'
import { PA_MARK_RULES } from './groups/pa-marks.js'
import { PA_MODE_RULES } from './groups/pa-modes.js'
import { AN_SCOPE_RULES } from './groups/an-scope.js'
import { AN_BODY_RULES } from './groups/an-body.js'
import { LS001 } from './loopscope/LS001.js'
import { LS002 } from './loopscope/LS002.js'
import type { RuleMeta } from './types.js'

export const ALL_RULES: readonly Rule[] = [
  PA101,
  PA102,
  PA104,
  PA105,
  PA108,
  ...PA_LOOP_RULES,
  ...PA_MARK_RULES,
  ...PA_MODE_RULES,
  ...AN_SCOPE_RULES,
  ...AN_BODY_RULES
].sort((a, b) => a.meta.code.localeCompare(b.meta.code))

/** Metadata of every code, including the engine's own (syntax errors, unused suppressions). */
export const ALL_META: readonly RuleMeta[] = [...ALL_RULES.map((r) => r.meta), LS001, LS002].sort((a, b) => a.code.localeCompare(b.code))
