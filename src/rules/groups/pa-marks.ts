import type { Rule } from '../engine.js'
import { PA201 } from '../pytest-asyncio/PA201.js'
import { PA202 } from '../pytest-asyncio/PA202.js'
import { PA203 } from '../pytest-asyncio/PA203.js'
import { PA205 } from '../pytest-asyncio/PA205.js'
import { PA206 } from '../pytest-asyncio/PA206.js'
import { PA207 } from '../pytest-asyncio/PA207.js'
import { PA208 } from '../pytest-asyncio/PA208.js'
import { PA209 } from '../pytest-asyncio/PA209.js'
import { PA210 } from '../pytest-asyncio/PA210.js'
import { PA211 } from '../pytest-asyncio/PA211.js'
import { PA212 } from '../pytest-asyncio/PA212.js'

/** Rules about the asyncio mark itself: its arguments, where it is written, and which one wins. */
export const PA_MARK_RULES: readonly Rule[] = [
  PA201,
  PA202,
  PA203,
  PA205,
  PA206,
  PA207,
  PA208,
  PA209,
  PA210,
  PA211,
  PA212
]
