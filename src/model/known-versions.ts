/**
 * Released versions of the packages whose behaviour the rules depend on, oldest first.
 *
 * A version range found in a project is evaluated over the known releases it admits, so these
 * lists decide what "pytest-asyncio >=0.24" means. They end at the newest release the research
 * (shared/research/pytest-asyncio.md, anyio.md) and the labelled corpus were checked against; that
 * release is also what an unpinned package is assumed to be (RULES.md, Conventions: Versions).
 * Newer releases seen in the registry snapshot (`PUBLISHED_NEWER`) are deliberately not listed:
 * no rule knows their behaviour. An exact pin to any version not listed here is still honoured
 * (it becomes the single candidate).
 *
 * Sources: pytest-asyncio: the tags read in research/pytest-asyncio.md §0 (0.22.0 is yanked and
 * left out); anyio: research/anyio.md §1 plus the 3.x changelog and published 4.x patch
 * releases; pytest: the 7.x–9.x release lines; trio: the 0.22–0.34 releases (anyio 4 runs used
 * 0.34.0); Hypothesis: a coarse ladder (no rule depends on its exact version).
 */

export type KnownPackage =
  'pytest-asyncio' | 'anyio' | 'pytest' | 'trio' | 'hypothesis' | 'pytest-trio'

export const KNOWN_PACKAGES: readonly KnownPackage[] = [
  'pytest-asyncio',
  'anyio',
  'pytest',
  'trio',
  'hypothesis',
  'pytest-trio'
]

const range = (prefix: string, from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`)

export const KNOWN_VERSIONS: Readonly<Record<KnownPackage, readonly string[]>> = {
  'pytest-asyncio': [
    '0.21.0',
    '0.21.1',
    '0.21.2',
    ...range('0.23.', 0, 5),
    '0.23.5.post1',
    ...range('0.23.', 6, 8),
    '0.24.0',
    ...range('0.25.', 0, 3),
    '0.26.0',
    '1.0.0',
    '1.1.0',
    '1.1.1',
    '1.2.0',
    '1.3.0',
    '1.4.0'
  ],
  anyio: [
    '3.0.0',
    '3.0.1',
    '3.1.0',
    '3.2.0',
    '3.2.1',
    ...range('3.3.', 0, 4),
    '3.4.0',
    '3.5.0',
    ...range('3.6.', 0, 2),
    '3.7.0',
    '3.7.1',
    '4.0.0',
    '4.1.0',
    '4.2.0',
    '4.3.0',
    '4.4.0',
    ...range('4.5.', 0, 2),
    ...range('4.6.', 0, 2),
    '4.6.2.post1',
    '4.7.0',
    '4.8.0',
    '4.9.0',
    '4.10.0',
    '4.11.0',
    '4.12.0',
    '4.12.1',
    '4.13.0',
    ...range('4.14.', 0, 2)
  ],
  pytest: [
    '7.0.0',
    '7.0.1',
    ...range('7.1.', 0, 3),
    ...range('7.2.', 0, 2),
    ...range('7.3.', 0, 2),
    ...range('7.4.', 0, 4),
    ...range('8.0.', 0, 2),
    ...range('8.1.', 0, 2),
    ...range('8.2.', 0, 2),
    ...range('8.3.', 0, 5),
    ...range('8.4.', 0, 2),
    ...range('9.0.', 0, 3),
    // 9.1.0 is not listed: the research only names 9.1.1.
    '9.1.1'
  ],
  trio: [
    ...range('0.22.', 0, 2),
    ...range('0.23.', 0, 2),
    '0.24.0',
    '0.25.0',
    '0.25.1',
    ...range('0.26.', 0, 2),
    '0.27.0',
    '0.28.0',
    '0.29.0',
    '0.30.0',
    '0.31.0',
    '0.32.0',
    '0.33.0',
    '0.34.0'
  ],
  hypothesis: [
    '6.0.0',
    '6.50.0',
    '6.100.0',
    '6.110.0',
    '6.120.0',
    '6.130.0',
    '6.140.0',
    '6.150.0',
    '6.155.2'
  ],
  'pytest-trio': ['0.5.0', '0.5.1', '0.5.2', '0.6.0', '0.7.0', '0.8.0']
}

/** The newest known (researched) release: what an unpinned package is assumed to be. */
export const NEWEST_KNOWN: Readonly<Record<KnownPackage, string>> = Object.fromEntries(
  KNOWN_PACKAGES.map((p) => [p, KNOWN_VERSIONS[p][KNOWN_VERSIONS[p].length - 1] as string])
) as Record<KnownPackage, string>

/**
 * Newer releases named by the registry snapshot this list was checked against (packages/pypi.tsv,
 * 2026-11), whose behaviour has not been researched. Kept for messages and for whoever extends
 * the research; they take no part in ranges.
 */
export const PUBLISHED_NEWER: Readonly<Partial<Record<KnownPackage, string>>> = {
  'pytest-asyncio': '1.5.0',
  anyio: '4.16.0',
  pytest: '9.2.0',
  trio: '0.35.0',
  hypothesis: '6.170.15'
}

/**
 * The pytest versions each pytest-asyncio release line declares it supports
 * (research/pytest-asyncio.md §1, "Declared pytest ranges"). An installer never pairs versions
 * outside these, so they narrow each other's candidates.
 */
export const PYTEST_ASYNCIO_PYTEST_REQUIREMENT: readonly {
  pytestAsyncio: string
  pytest: string
}[] = [
  { pytestAsyncio: '<0.23', pytest: '>=7.0.0' },
  { pytestAsyncio: '>=0.23,<0.24', pytest: '>=7.0.0,<9' },
  { pytestAsyncio: '>=0.24,<1.3', pytest: '>=8.2,<9' },
  { pytestAsyncio: '>=1.3,<1.4', pytest: '>=8.2,<10' },
  { pytestAsyncio: '>=1.4', pytest: '>=8.4,<10' }
]
