/**
 * anyio and trio: backend- and runner-scope rules (AN1xx), plugin interplay (AN3xx) and
 * version- or value-specific plugin failures (AN5xx).
 */
import type { Rule } from '../engine.js'
import { AN101 } from '../anyio/AN101.js'
import { AN102 } from '../anyio/AN102.js'
import { AN103 } from '../anyio/AN103.js'
import { AN104 } from '../anyio/AN104.js'
import { AN105 } from '../anyio/AN105.js'
import { AN301 } from '../anyio/AN301.js'
import { AN302 } from '../anyio/AN302.js'
import { AN303 } from '../anyio/AN303.js'
import { AN304 } from '../anyio/AN304.js'
import { AN305 } from '../anyio/AN305.js'
import { AN306 } from '../anyio/AN306.js'
import { AN501 } from '../anyio/AN501.js'
import { AN502 } from '../anyio/AN502.js'
import { AN503 } from '../anyio/AN503.js'
import { AN504 } from '../anyio/AN504.js'
import { AN505 } from '../anyio/AN505.js'

export const AN_SCOPE_RULES: readonly Rule[] = [AN101, AN102, AN103, AN104, AN105, AN301, AN302, AN303, AN304, AN305, AN306, AN501, AN502, AN503, AN504, AN505]
