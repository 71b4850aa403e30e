import type { Root as HastRoot } from 'hast'
import type { Root as MdastRoot } from 'mdast'
import { toHast, type Options as ToHastOptions } from 'mdast-util-to-hast'
import rehypeHighlight from 'rehype-highlight'
import rehypeSanitize from 'rehype-sanitize'
import rehypeSlug from 'rehype-slug'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { rehypeFragmentLinks } from './fragment-links'
import { closedFrontMatterEnd } from './front-matter-fence'
import { listItemHandler } from './list-item-handler'
import { rehypeMath } from './rehype-math'
import { previewSanitizeSchema } from './sanitize-schema'

/**
 * The pipeline in three stages, so the incremental renderer can run the very same stages on
 * one block at a time: Markdown → mdast, mdast → hast (what remark-rehype does), hast → safe,
 * highlighted hast.
 */
const markdownParser = unified().use(remarkParse).use(remarkGfm).use(remarkMath).freeze()
const frontMatterParser = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml', 'toml'])
  .use(remarkGfm)
  .use(remarkMath)
  .freeze()

/**
 * Slugs are made before sanitizing (which prefixes them with `user-content-`); KaTeX and
 * highlighting run after it because their output is trusted markup the schema would strip.
 */
const hastFinisher = unified()
  .use(rehypeSlug)
  .use(rehypeSanitize, previewSanitizeSchema)
  .use(rehypeMath)
  .use(rehypeHighlight)
  .use(rehypeFragmentLinks)
  .freeze()

/**
 * The front matter extension is used only when the text starts with a *closed* front matter
 * block: a failed attempt (a lone `+++` or `---` on line 1) leaves micromark unable to
 * recognise block quotes and lists in the rest of the document.
 */
export function parseMarkdown(markdown: string): MdastRoot {
  const parser = closedFrontMatterEnd(markdown) > 0 ? frontMatterParser : markdownParser
  return parser.runSync(parser.parse(markdown)) as MdastRoot
}

/**
 * No clobber prefix here: sanitizing adds `user-content-` to every id afterwards, and the
 * fragment-link step adds it to `#…` links, so footnote links and ids match (GitHub's setup).
 */
export function mdastToHast(tree: MdastRoot, options?: ToHastOptions): HastRoot {
  return toHast(tree, {
    clobberPrefix: '',
    ...options,
    handlers: { listItem: listItemHandler, ...options?.handlers },
  }) as HastRoot
}

export function finishHast(tree: HastRoot): HastRoot {
  return hastFinisher.runSync(tree) as HastRoot
}
