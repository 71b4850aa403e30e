import { extractExcerpt, type ExcerptSource } from '../excerpt'
import { resolveTemplates } from '../excerpt/templates'
import { countPostWords, readingMinutes } from '../text/word-count'
import { parseFrontMatter, type FrontMatterData } from '../frontmatter'
import { postRulesFor, stringField } from './post-rules'
import type { SiteInfo } from './site-info'

export interface PostSummary {
  /** Repo-relative, forward slashes. */
  path: string
  slug: string
  title: string
  /** As written in front matter, else the Jekyll file-name date, else the first commit's date, else null. */
  date: string | null
  draft: boolean
  tags: string[]
  categories: string[]
  excerpt: string
  excerptSource: ExcerptSource
  wordCount: number
  readingMinutes: number
  /** Present when the front matter cannot be read; the post still lists. */
  frontMatterError?: string
  /**
   * True when whether the post is on the site depends on the clock (a publish date still to
   * come, an expiry date): `draft` holds for the moment it was summarized only.
   */
  scheduled?: boolean
  /** Hugo's `weight` when set and not 0: such posts are listed first, lightest first. */
  weight?: number
  /** Hexo's `updated` front matter date, as written (it orders a site with `order_by: -updated`). */
  updated?: string
  /** The generator never lists this file as a page (a Hugo headless bundle); not indexed. */
  unlisted?: boolean
  /**
   * Template pieces of the post (the site's own shortcodes, Liquid output) whose output only
   * the site's code knows: left out of the excerpt, which the excerpt card says.
   */
  excerptOmits?: string[]
}

const JEKYLL_NAME = /^(\d{4}-\d{2}-\d{2})-(.+)$/

/** Everything the index shows about one post, from its path and text alone. */
export function summarizePost(
  path: string,
  text: string,
  site: SiteInfo,
  now: Date = new Date(),
): PostSummary {
  const rules = postRulesFor(site.generator)
  const parsed = parseFrontMatter(rules.readable(text))
  const data: FrontMatterData = rules.frontMatter(parsed.data)
  const body = parsed.body
  const { stem, jekyllDate } = nameParts(path)
  const omitted = new Set<string>()
  const excerpt = extractExcerpt(body, data, {
    templates: (markdown) => {
      const resolved = resolveTemplates(markdown, site.generator)
      for (const name of resolved.omitted) omitted.add(name)
      return resolved.markdown
    },
    generator: site.generator,
    summaryLength: site.summaryLength,
    excerptSeparator: site.excerptSeparator,
    typography: rules.typography,
    ...(site.codeFigure ? { codeFigure: site.codeFigure } : {}),
  })
  const wordCount = countPostWords(body)
  const date = rules.date(data, jekyllDate)
  const schedule = rules.schedule(data, date, now)
  const summary: PostSummary = {
    path,
    slug: stringField(data, 'slug') ?? stem,
    title: stringField(data, 'title') ?? rules.missingTitle(stem, body),
    date,
    draft: isDraft(path, data) || schedule.offSite,
    tags: listField(data, 'tags', site.generator === 'jekyll'),
    categories: [
      ...listField(data, 'categories', site.generator === 'jekyll'),
      ...listField(data, 'category', false),
    ],
    excerpt: excerpt.excerpt,
    excerptSource: excerpt.excerptSource,
    wordCount,
    readingMinutes: readingMinutes(wordCount),
  }
  if (parsed.error) summary.frontMatterError = parsed.error
  if (schedule.scheduled) summary.scheduled = true
  if (!rules.listed(data)) summary.unlisted = true
  const updated = site.generator === 'hexo' ? stringField(data, 'updated') : null
  if (updated) summary.updated = updated
  if (omitted.size > 0) summary.excerptOmits = [...omitted]
  const weight = site.generator === 'hugo' ? Number(data.weight) : NaN
  if (Number.isInteger(weight) && weight !== 0) summary.weight = weight
  return summary
}

/** The file's name without extension and Jekyll date; a page bundle's `index.md` takes its folder's name. */
function nameParts(path: string): { stem: string; jekyllDate: string | null } {
  const segments = path.split('/')
  let name = (segments.at(-1) ?? path).replace(/\.[^.]+$/, '')
  if ((name === 'index' || name === '_index') && segments.length > 1) name = segments.at(-2)!
  const jekyll = JEKYLL_NAME.exec(name)
  return jekyll ? { stem: jekyll[2]!, jekyllDate: jekyll[1]! } : { stem: name, jekyllDate: null }
}

function isDraft(path: string, data: FrontMatterData): boolean {
  if (data.draft === true || data.draft === 'true') return true
  if (data.published === false || data.published === 'false') return true
  return /(^|\/)_drafts\//.test(path)
}

/** Lists may be written as arrays or (Jekyll) as one space-separated string. */
function listField(data: FrontMatterData, key: string, spaceSeparated: boolean): string[] {
  const value = data[key]
  if (Array.isArray(value)) return value.filter((v) => v !== null && v !== undefined).map(String)
  if (typeof value === 'string' && value.trim() !== '') {
    return spaceSeparated ? value.trim().split(/\s+/) : [value.trim()]
  }
  return []
}
