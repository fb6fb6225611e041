/** Rule documentation rendered from rule metadata: docs/rules/<CODE>.md and the README table. */
import type { RuleMeta } from './types.js'

const PLUGIN_TITLE: Record<RuleMeta['plugin'], string> = {
  'pytest-asyncio': 'pytest-asyncio',
  anyio: 'anyio / trio',
  hypothesis: 'Hypothesis',
  loopscope: 'Loopscope'
}

export function renderRuleDoc(m: RuleMeta): string {
  const refs = m.docs.references?.length ? `\n## References\n\n${m.docs.references.map((r) => `- <${r}>`).join('\n')}\n` : ''
  return `# ${m.code} ${m.name}

*${PLUGIN_TITLE[m.plugin]} · default severity: **${m.severity}** · fix: ${m.fixable ? 'yes' : 'no'}*

${m.summary}

## What it does

${m.docs.what}

## Why is this bad?

${m.docs.why}

## Versions affected

${m.docs.versions}

## Example

\`\`\`python
${m.docs.bad}
\`\`\`

## Use instead

\`\`\`python
${m.docs.good}
\`\`\`
${refs}
<!-- Generated from src/rules by \`npm run docs\`; edit the rule's metadata, not this file. -->
`
}

export function renderRulesTable(metas: readonly RuleMeta[]): string {
  const rows = metas.map((m) => `| [${m.code}](docs/rules/${m.code}.md) | ${m.name} | ${m.severity} | ${m.fixable ? '✓' : ''} | ${m.summary.replace(/\|/g, '\\|')} |`)
  return ['| Code | Name | Severity | Fix | What it flags |', '|---|---|---|---|---|', ...rows].join('\n')
}
