/** Every rule the checker ships, in catalogue order. */
import type { Rule } from './engine.js'
import { PA101 } from './pytest-asyncio/PA101.js'
import { PA102 } from './pytest-asyncio/PA102.js'
import { PA104 } from './pytest-asyncio/PA104.js'
import { PA105 } from './pytest-asyncio/PA105.js'
import { PA108 } from './pytest-asyncio/PA108.js'
import { LS001 } from './loopscope/LS001.js'
import { LS002 } from './loopscope/LS002.js'
import type { RuleMeta } from './types.js'

export const ALL_RULES: readonly Rule[] = [PA101, PA102, PA104, PA105, PA108]

/** Metadata of every code, including the engine's own (syntax errors, unused suppressions). */
export const ALL_META: readonly RuleMeta[] = [...ALL_RULES.map((r) => r.meta), LS001, LS002].sort((a, b) => a.code.localeCompare(b.code))
