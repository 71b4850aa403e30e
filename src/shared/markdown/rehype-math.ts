import type { ElementContent, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { toText } from 'hast-util-to-text'
import katex from 'katex'
import { SKIP, visitParents } from 'unist-util-visit-parents'

/**
 * rehype-katex's logic, written out because its browser build turns KaTeX's HTML into hast
 * with `DOMParser`, which does not exist in the Web Worker the preview renders in. Here the
 * HTML is parsed with parse5 (hast-util-from-html), which works in Node, workers and pages.
 *
 * Formulas come from remark-math as `code.math-inline` and `pre > code.math-display`
 * (or a ```` ```math ```` fence). Errors render as KaTeX's own red error text.
 */
export function rehypeMath() {
  return (tree: Root) => {
    visitParents(tree, 'element', (element, parents) => {
      const classes = Array.isArray(element.properties.className)
        ? element.properties.className
        : []
      const languageMath = classes.includes('language-math')
      const inline = classes.includes('math-inline')
      let displayMode = classes.includes('math-display')
      if (!languageMath && !displayMode && !inline) return undefined

      let parent = parents.at(-1)
      let scope: ElementContent = element
      if (
        element.tagName === 'code' &&
        languageMath &&
        parent?.type === 'element' &&
        parent.tagName === 'pre'
      ) {
        scope = parent
        parent = parents.at(-2)
        displayMode = true
      }
      if (!parent) return undefined

      const result = renderFormula(toText(scope, { whitespace: 'pre' }), displayMode)
      parent.children.splice(parent.children.indexOf(scope), 1, ...result)
      return SKIP
    })
  }
}

function renderFormula(tex: string, displayMode: boolean): ElementContent[] {
  let html: string
  try {
    html = katex.renderToString(tex, { displayMode, throwOnError: true })
  } catch {
    try {
      html = katex.renderToString(tex, { displayMode, strict: 'ignore', throwOnError: false })
    } catch (error) {
      return [
        {
          type: 'element',
          tagName: 'span',
          properties: { className: ['katex-error'], style: 'color:#cc0000', title: String(error) },
          children: [{ type: 'text', value: tex }],
        },
      ]
    }
  }
  return fromHtml(html, { fragment: true }).children as ElementContent[]
}
