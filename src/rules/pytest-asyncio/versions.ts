/**
 * Which pytest-asyncio (and pytest) versions a finding is about, and how messages name them: the
 * newest release line the pins allow, the pinned release lines that satisfy a condition, whether
 * the pins allow a pytest at least some version, and the version phrases the pytest-asyncio rules
 * put in their messages ("pytest-asyncio 0.24.0–1.4.0", "… (allowed by `>=0.24` in
 * requirements.txt:3)").
 */
import type { EraBucket, RuleContext } from '../engine.js'
import { versionsText } from '../engine.js'
import { cmpVersion, describeRange, describeSet } from '../../model/versions.js'
import { PA_ERAS, type PaEra } from '../../resolve/asyncio.js'

/** The newest pytest-asyncio release line the pins allow. */
export function newestEra(ctx: RuleContext): PaEra {
  return ctx.paEras[ctx.paEras.length - 1]?.era ?? (PA_ERAS[PA_ERAS.length - 1] as PaEra)
}

/** Versions of the pinned release lines that satisfy `pred`. */
export function erasWhere(ctx: RuleContext, pred: (era: PaEra) => boolean): { eras: PaEra[]; versions: string[] } {
  const hit = ctx.paEras.filter((b) => pred(b.era))
  return { eras: hit.map((b) => b.era), versions: hit.flatMap((b) => b.versions) }
}

/** Can the project run a pytest at least this version? */
export function pytestAtLeast(ctx: RuleContext, min: string): boolean {
  const c = ctx.project.versions.pytest.candidates
  return !c.length || c.some((v) => cmpVersion(v, min) >= 0)
}

/** "pytest-asyncio 0.24.0–1.4.0" for some release lines, noting an assumed version. */
export function paVersions(ctx: RuleContext, buckets: readonly EraBucket[]): string {
  const versions = buckets.flatMap((b) => b.versions)
  return `${versionsText('pytest-asyncio', versions)}${ctx.project.versions['pytest-asyncio'].assumed ? ' (no pin found; assumed newest)' : ''}`
}

/**
 * "pytest-asyncio 0.23.8 (pinned in requirements-dev.txt:2)" for the whole pinned range, or
 * "pytest-asyncio 0.24.0–0.25.3 (allowed by `>=0.24` in requirements.txt:3)" for part of it.
 */
export function affects(ctx: RuleContext, versions: readonly string[]): string {
  const info = ctx.project.versions['pytest-asyncio']
  const all = versions.length === info.candidates.length
  if (all) return describeRange(info)
  const at = info.source ? ` in ${info.source.path}:${info.source.line}` : ''
  const by = info.spec ? ` (allowed by \`${info.spec}\`${at})` : ''
  return `pytest-asyncio ${describeSet(versions, 'pytest-asyncio')}${by}`
}
