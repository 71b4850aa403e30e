import type { Root as HastRoot } from 'hast'
import rehypeSanitize from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { previewSanitizeSchema } from './sanitize-schema'

/**
 * The one Markdown pipeline: the preview (via the hast tree) and `inkpress render`
 * (via HTML) both use it, so the two can never disagree.
 */
const toHastProcessor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml', 'toml'])
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeSanitize, previewSanitizeSchema)

const toHtmlProcessor = toHastProcessor().use(rehypeStringify)

export function renderMarkdownToHast(markdown: string): HastRoot {
  return toHastProcessor.runSync(toHastProcessor.parse(markdown)) as HastRoot
}

export function renderMarkdownToHtml(markdown: string): string {
  return String(toHtmlProcessor.processSync(markdown))
}
