import type { Rule } from '../engine.js'
import { AN201 } from '../anyio/AN201.js'
import { AN202 } from '../anyio/AN202.js'
import { AN401 } from '../anyio/AN401.js'
import { AN402 } from '../anyio/AN402.js'
import { AN403 } from '../anyio/AN403.js'
import { AN404 } from '../anyio/AN404.js'
import { AN405 } from '../anyio/AN405.js'
import { AN406 } from '../anyio/AN406.js'
import { AN407 } from '../anyio/AN407.js'
import { AN408 } from '../anyio/AN408.js'

export const AN_BODY_RULES: readonly Rule[] = [AN201, AN202, AN401, AN402, AN403, AN404, AN405, AN406, AN407, AN408]
