/**
 * Where findings about pytest-asyncio's settings in the pytest configuration file are anchored:
 * the line of an ini option, or the line of a position inside its value (a flag in `addopts`).
 */
import type { RuleContext } from '../engine.js'
import type { Span } from '../../model/types.js'

/**
 * Where a finding about a config option is anchored: the option's line in the config file, or
 * (with `offset`) the line of that position inside the option's value.
 */
export function configAnchor(ctx: RuleContext, key: string, offset: number | null = null): (Pick<Span, 'line' | 'endLine' | 'col'> & { path: string }) | null {
  const cfg = ctx.project.config
  const opt = cfg.options.get(key)
  if (!opt || !cfg.path) return null
  if (offset !== null && cfg.text !== null && offset >= opt.span.start && offset <= opt.span.end) {
    const before = cfg.text.slice(0, offset)
    const line = before.split('\n').length
    const col = offset - (before.lastIndexOf('\n') + 1) + 1
    return { path: cfg.path, line, endLine: line, col }
  }
  return { path: cfg.path, line: opt.span.line, endLine: opt.span.endLine, col: opt.span.col }
}
