/**
 * Python values in marks and ini options, for the rules that judge them: how Python prints a
 * string (to quote pytest-asyncio's own error messages), which literals Python treats as false,
 * and the valid name a mistyped value most likely meant.
 */
import type { Value } from '../../model/types.js'

/** Python's repr of a plain string (single quotes unless the text contains one). */
export function pyRepr(s: string): string {
  if (s.includes("'") && !s.includes('"')) return `"${s}"`
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
}

/** Is the value a literal Python treats as false: `None`, an empty string or `False`? */
export function isFalsy(v: Value): boolean {
  return v.kind === 'none' || (v.kind === 'str' && v.str === '') || (v.kind === 'bool' && v.text === 'False')
}

function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0] as number
    dp[0] = i
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j] as number
      dp[j] = Math.min((dp[j] as number) + 1, (dp[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1))
      prev = tmp
    }
  }
  return dp[b.length] as number
}

/**
 * The valid name a mistyped value most likely meant: the same name in another case, a unique
 * prefix (`sess`), or the single closest name within two edits (`sesion`, `modul`). Null when
 * nothing is close enough to guess.
 */
export function closestName<T extends string>(raw: string, names: readonly T[]): T | null {
  const t = raw.trim().toLowerCase()
  const exact = names.find((n) => n === t)
  if (exact) return exact
  if (t.length >= 3) {
    const pre = names.filter((n) => n.startsWith(t))
    if (pre.length === 1) return pre[0] as T
  }
  let best: T | null = null
  let bestD = Infinity
  let tie = false
  for (const n of names) {
    const d = editDistance(t, n)
    if (d < bestD) {
      best = n
      bestD = d
      tie = false
    } else if (d === bestD) tie = true
  }
  return best && !tie && bestD <= 2 ? best : null
}
