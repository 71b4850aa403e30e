import type { SiteGenerator } from '../posts/site-info'
import { DEFAULT_SUMMARY_LENGTH } from '../posts/site-info'
import { findDividerLine } from './chunks'
import type { BlockStyle } from './blocks'
import { automaticSummary, markdownToPlainText } from './summary'
import type { TypographyStyle } from '../text/typography'

export type ExcerptSource = 'manual' | 'frontmatter' | 'auto'

export interface Excerpt {
  excerpt: string
  excerptSource: ExcerptSource
}

export interface ExcerptOptions {
  generator: SiteGenerator
  summaryLength?: number
  /** Jekyll's `excerpt_separator` from _config.yml. */
  excerptSeparator?: string
  /** The quotes and dashes the site's renderer typesets (none by default). */
  typography?: TypographyStyle
  /** Hexo's code figures (caption, line numbers); see SiteInfo. */
  codeFigure?: { lineNumbers: boolean }
  /**
   * Replaces template syntax in the part of the body the excerpt is taken from, after the
   * divider or separator was found in the source as written (`templates.ts`).
   */
  templates?: (markdown: string) => string
}

/** Front matter keys each generator reads as a hand-written summary, in order. */
const SUMMARY_KEYS: Record<SiteGenerator, readonly string[]> = {
  hugo: ['summary'],
  jekyll: ['summary', 'excerpt'],
  hexo: ['summary', 'excerpt'],
  astro: ['summary', 'description', 'excerpt'],
  eleventy: ['summary', 'description', 'excerpt'],
  plain: ['summary', 'description', 'excerpt'],
}

/**
 * The excerpt the published index page shows: a divider beats a front matter summary, which
 * beats the generator's automatic rule (Hugo's word count, Jekyll's first paragraph, Hexo none).
 * `body` is the Markdown after the front matter.
 */
export function extractExcerpt(
  body: string,
  frontMatter: Record<string, unknown>,
  siteOptions: ExcerptOptions,
): Excerpt {
  // Jekyll: a post's own `excerpt_separator` replaces the site's.
  const ownSeparator = frontMatter.excerpt_separator
  const options =
    siteOptions.generator === 'jekyll' && typeof ownSeparator === 'string' && ownSeparator !== ''
      ? { ...siteOptions, excerptSeparator: ownSeparator }
      : siteOptions
  // A file read with its byte order mark kept (so saving keeps it) may still start with one.
  const markdown = body.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  const style = blockStyle(options)
  const resolve = options.templates ?? ((text: string) => text)
  const manual = manualPart(markdown, options)
  if (manual !== null) {
    return {
      // Definitions are plain lines: the whole post as written supplies them (no second
      // template pass).
      excerpt: markdownToPlainText(resolve(manual), style, markdown),
      excerptSource: 'manual',
    }
  }

  for (const key of SUMMARY_KEYS[options.generator]) {
    const value = frontMatter[key]
    if (typeof value === 'string' && value.trim() !== '') {
      // Astro's index cards show `description` as plain text, Markdown and all.
      if (options.generator === 'astro') {
        return { excerpt: value.replace(/\s+/g, ' ').trim(), excerptSource: 'frontmatter' }
      }
      return {
        // Jekyll shows a front matter excerpt as written; the others render it as Markdown.
        excerpt: markdownToPlainText(
          value.replace(/\r\n?/g, '\n'),
          options.generator === 'jekyll' ? { typography: 'none' } : style,
        ),
        excerptSource: 'frontmatter',
      }
    }
  }
  return { excerpt: automaticExcerpt(markdown, options), excerptSource: 'auto' }
}

function manualPart(markdown: string, options: ExcerptOptions): string | null {
  const separator = options.excerptSeparator
  if (options.generator === 'jekyll' && separator && separator !== '\n\n') {
    const at = markdown.indexOf(separator)
    if (at >= 0) return markdown.slice(0, at)
  }
  const divider = findDividerLine(markdown)
  return divider ? markdown.slice(0, divider.start) : null
}

function blockStyle(options: ExcerptOptions): BlockStyle {
  return {
    typography: options.typography ?? 'none',
    // goldmark and kramdown render a footnote call as its number.
    footnoteNumbers: options.generator === 'hugo' || options.generator === 'jekyll',
    ...(options.codeFigure ? { codeFigure: options.codeFigure } : {}),
  }
}

function automaticExcerpt(markdown: string, options: ExcerptOptions): string {
  const style = blockStyle(options)
  const resolve = options.templates ?? ((text: string) => text)
  switch (options.generator) {
    case 'jekyll': {
      // Jekyll splits the content at the separator string, by default the first blank line.
      const separator = options.excerptSeparator ?? '\n\n'
      const content = markdown.replace(/^\n+/, '')
      const at = content.indexOf(separator)
      return markdownToPlainText(resolve(at < 0 ? content : content.slice(0, at)), style, content)
    }
    case 'hexo':
      // Hexo has no automatic excerpt; themes show the whole post instead.
      return markdownToPlainText(resolve(markdown), style)
    default:
      return automaticSummary(
        resolve(markdown),
        options.summaryLength ?? DEFAULT_SUMMARY_LENGTH,
        style,
      )
  }
}
