/**
 * pytest-asyncio loop-scope and configuration rules beyond the core set: 0.21 event_loop scopes,
 * autouse and fixture-to-fixture loop mismatches, invalid or version-gated scope values and
 * options, and the fixture/test ini defaults.
 */
import type { Rule } from '../engine.js'
import { PA103 } from '../pytest-asyncio/PA103.js'
import { PA106 } from '../pytest-asyncio/PA106.js'
import { PA107 } from '../pytest-asyncio/PA107.js'
import { PA109 } from '../pytest-asyncio/PA109.js'
import { PA110 } from '../pytest-asyncio/PA110.js'
import { PA204 } from '../pytest-asyncio/PA204.js'
import { PA303 } from '../pytest-asyncio/PA303.js'
import { PA601 } from '../pytest-asyncio/PA601.js'
import { PA602 } from '../pytest-asyncio/PA602.js'

export const PA_LOOP_RULES: readonly Rule[] = [PA103, PA106, PA107, PA109, PA110, PA204, PA303, PA601, PA602]
