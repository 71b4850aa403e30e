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
/**
 * KaTeX's cost is in its output: a 200-byte chain of `\def`s expands to 300 KB of HTML (two
 * seconds to render, seven to insert), and 25,000 `$x$` in one paragraph take ten seconds.
 * Past these limits a formula is shown as its source with a note; real formulas stay far
 * below (a long aligned derivation is a few thousand characters of HTML).
 */
export const MAX_FORMULA_HTML = 100_000
export const MAX_FORMULAS_PER_BLOCK = 1_000
export const FORMULA_TOO_LARGE = 'This formula is too large to preview.'
export const TOO_MANY_FORMULAS = `More than ${MAX_FORMULAS_PER_BLOCK.toLocaleString('en')} formulas in one passage: the rest are shown as written.`

export function rehypeMath() {
  return (tree: Root) => {
    let formulas = 0
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

      const tex = toText(scope, { whitespace: 'pre' })
      const result =
        ++formulas > MAX_FORMULAS_PER_BLOCK
          ? shownAsWritten(tex, TOO_MANY_FORMULAS)
          : renderFormula(tex, displayMode)
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
  if (html.length > MAX_FORMULA_HTML) return shownAsWritten(tex, FORMULA_TOO_LARGE)
  return fromHtml(html, { fragment: true }).children as ElementContent[]
}

function shownAsWritten(tex: string, note: string): ElementContent[] {
  return [
    {
      type: 'element',
      tagName: 'code',
      properties: { className: ['math-too-large'], title: note },
      children: [{ type: 'text', value: tex }],
    },
  ]
}
