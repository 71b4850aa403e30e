import type { Root as HastRoot } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { finishHast, mdastToHast, parseMarkdown } from './processors'
import { guardHastRender } from './render-guard'

/**
 * The one Markdown pipeline: the preview (via the hast tree) and `inkpress render` (via HTML)
 * both use it, so the two can never disagree. The incremental renderer produces exactly
 * the same output block by block.
 */
export function renderMarkdownToHast(markdown: string): HastRoot {
  return guardHastRender(markdown, () => finishHast(mdastToHast(parseMarkdown(markdown))))
}

export function renderMarkdownToHtml(markdown: string): string {
  return hastToHtml(renderMarkdownToHast(markdown))
}

export function hastToHtml(tree: HastRoot): string {
  return toHtml(tree)
}
