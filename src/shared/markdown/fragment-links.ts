import type { Root } from 'hast'
import { visit } from 'unist-util-visit'

export const ID_PREFIX = 'user-content-'

/**
 * Sanitizing prefixes every id with `user-content-` (so a heading cannot clobber page globals),
 * which breaks `[see](#setup)`. GitHub repairs that with script at click time; we rewrite the
 * link instead, so anchors also work in the exported HTML.
 */
export function rehypeFragmentLinks() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      const href = node.properties.href
      if (node.tagName !== 'a' || typeof href !== 'string') return
      if (href.startsWith('#') && href.length > 1 && !href.startsWith('#' + ID_PREFIX)) {
        node.properties.href = '#' + ID_PREFIX + href.slice(1)
      }
    })
  }
}
