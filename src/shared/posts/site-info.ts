export const SITE_GENERATORS = ['hugo', 'jekyll', 'astro', 'hexo', 'eleventy', 'plain'] as const

export type SiteGenerator = (typeof SITE_GENERATORS)[number]

export const isSiteGenerator = (value: unknown): value is SiteGenerator =>
  (SITE_GENERATORS as readonly unknown[]).includes(value)

/** What Inkpress learned about a repository's static site. */
export interface SiteInfo {
  generator: SiteGenerator
  title: string
  description: string
  /** Words for the automatic summary (Hugo's `summaryLength`, default 70). */
  summaryLength: number
  /** Jekyll's `excerpt_separator` when the config sets one. */
  excerptSeparator?: string
  /** Repo-relative folders (forward slashes) that hold posts; '' means the whole repository. */
  contentDirs: string[]
  /** The file that decided the generator, e.g. `hugo.toml`, or '' for the fallback. */
  detectedFrom: string
  /**
   * Hexo with highlight.js: fenced code shows as a figure, its caption (the fence's words
   * after the language) and, with `lineNumbers`, a gutter of line numbers before the code.
   */
  codeFigure?: { lineNumbers: boolean }
  /** Hexo's `index_generator.order_by: -updated`: the index lists by `updated`, newest first. */
  indexOrder?: 'updated'
  /** Format for new posts' front matter. */
  frontMatterFormat?: 'yaml' | 'toml'
}

export const DEFAULT_SUMMARY_LENGTH = 70
