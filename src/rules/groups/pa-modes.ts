/**
 * Modes, the `event_loop` / policy / loop-factory fixtures, event-loop API misuse, anyio interop
 * (PA3xx–PA7xx), and Hypothesis with async tests (HY).
 */
import type { Rule } from '../engine.js'
import { PA301 } from '../pytest-asyncio/PA301.js'
import { PA302 } from '../pytest-asyncio/PA302.js'
import { PA401 } from '../pytest-asyncio/PA401.js'
import { PA402 } from '../pytest-asyncio/PA402.js'
import { PA403 } from '../pytest-asyncio/PA403.js'
import { PA404 } from '../pytest-asyncio/PA404.js'
import { PA405 } from '../pytest-asyncio/PA405.js'
import { PA501 } from '../pytest-asyncio/PA501.js'
import { PA502 } from '../pytest-asyncio/PA502.js'
import { PA503 } from '../pytest-asyncio/PA503.js'
import { PA504 } from '../pytest-asyncio/PA504.js'
import { PA505 } from '../pytest-asyncio/PA505.js'
import { PA506 } from '../pytest-asyncio/PA506.js'
import { PA701 } from '../pytest-asyncio/PA701.js'
import { HY101 } from '../hypothesis/HY101.js'
import { HY102 } from '../hypothesis/HY102.js'

export const PA_MODE_RULES: readonly Rule[] = [PA301, PA302, PA401, PA402, PA403, PA404, PA405, PA501, PA502, PA503, PA504, PA505, PA506, PA701, HY101, HY102]
