/**
 * Wording shared by the anyio rules' messages: a capitalised scope, a list of backends, and the
 * tests that use a fixture.
 */
import type { TestFunc } from '../../model/types.js'

/** The text with its first letter in upper case (`session` → `Session`). */
export function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

/** "asyncio", "asyncio and trio", "a, b and c" for the backends (asyncio when there are none). */
export function backendsText(backends: string[]): string {
  return backends.length > 1 ? `${backends.slice(0, -1).join(', ')} and ${backends[backends.length - 1]}` : (backends[0] ?? 'asyncio')
}

/** "`test_a`, `test_b` and 3 more tests" */
export function testsText(tests: TestFunc[]): string {
  const names = tests.map((t) => `\`${t.name}\``)
  if (names.length === 1) return `the test using it (${names[0]})`
  if (names.length <= 3) return `the tests using it (${names.slice(0, -1).join(', ')} and ${names[names.length - 1]})`
  return `the tests using it (${names.slice(0, 2).join(', ')} and ${names.length - 2} more)`
}
