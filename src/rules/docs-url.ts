/** Where each rule's documentation lives (docs/rules/<CODE>.md in the published repository). */
export const DOCS_BASE = 'https://github.com/loopscope/loopscope/blob/v1/docs/rules'

export function docsUrl(code: string): string {
  return `${DOCS_BASE}/${code}.md`
}
