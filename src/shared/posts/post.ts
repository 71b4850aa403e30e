import { extractExcerpt, type ExcerptSource } from '../excerpt'
import { parseFrontMatter, type FrontMatterData } from '../frontmatter'
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
}

const JEKYLL_NAME = /^(\d{4}-\d{2}-\d{2})-(.+)$/
const DATE_KEYS = ['date', 'pubDate', 'publishDate']

/** Everything the index shows about one post, from its path and text alone. */
export function summarizePost(
  path: string,
  text: string,
  site: SiteInfo,
  now: Date = new Date(),
): PostSummary {
  const parsed = parseFrontMatter(text)
  // Hugo reads front matter keys in any letter case (`Title:`, `DATE =`).
  const data: FrontMatterData = site.generator === 'hugo' ? lowerCaseKeys(parsed.data) : parsed.data
  const key = (name: string): string => (site.generator === 'hugo' ? name.toLowerCase() : name)
  const body = parsed.body
  const { stem, jekyllDate } = nameParts(path)
  const excerpt = extractExcerpt(body, data, {
    generator: site.generator,
    summaryLength: site.summaryLength,
    excerptSeparator: site.excerptSeparator,
  })
  const wordCount = approximateWordCount(body)
  const summary: PostSummary = {
    path,
    slug: stringField(data, 'slug') ?? stem,
    // Jekyll makes a missing title from the slug (Utils.titleize_slug); it never reads the body.
    title:
      stringField(data, 'title') ??
      (site.generator === 'jekyll' ? titleizeSlug(stem) : (firstHeading(body) ?? stem)),
    date: (site.generator === 'hugo' ? hugoDate(data) : dateField(data)) ?? jekyllDate,
    draft:
      isDraft(path, data) ||
      (site.generator === 'hugo' && !hugoPublishedAt(data, now)) ||
      (site.generator === 'jekyll' && jekyllFuture(dateField(data) ?? jekyllDate, now)),
    tags: listField(data, key('tags'), site.generator === 'jekyll'),
    categories: [
      ...listField(data, key('categories'), site.generator === 'jekyll'),
      ...listField(data, key('category'), false),
    ],
    excerpt: excerpt.excerpt,
    excerptSource: excerpt.excerptSource,
    wordCount,
    // Hugo's ReadingTime: 213 words a minute, rounded up.
    readingMinutes: Math.floor((wordCount + 212) / 213),
  }
  if (parsed.error) summary.frontMatterError = parsed.error
  if (site.generator === 'hugo' && hugoScheduled(data, now)) summary.scheduled = true
  if (site.generator === 'jekyll' && jekyllFuture(summary.date, now)) summary.scheduled = true
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

function lowerCaseKeys(data: FrontMatterData): FrontMatterData {
  const lowered: FrontMatterData = Object.create(null) as FrontMatterData
  // The first spelling wins, as in Hugo (its map of lower-cased keys keeps the first).
  for (const [name, value] of Object.entries(data)) lowered[name.toLowerCase()] ??= value
  return lowered
}

/**
 * Hugo's default date configuration (`[frontmatter]`): the date is the first of date,
 * publishDate, pubDate, published, lastmod, modified; the publish date the first of
 * publishDate, pubDate, published, date; the expiry date expiryDate or unpublishdate.
 * Keys here are already lower-cased.
 */
const HUGO_DATE = ['date', 'publishdate', 'pubdate', 'published', 'lastmod', 'modified']
const HUGO_PUBLISH_DATE = ['publishdate', 'pubdate', 'published', 'date']
const HUGO_EXPIRY_DATE = ['expirydate', 'unpublishdate']

function firstField(data: FrontMatterData, keys: string[]): string | null {
  for (const key of keys) {
    const value = stringField(data, key)
    if (value) return value
  }
  return null
}

function hugoDate(data: FrontMatterData): string | null {
  return firstField(data, HUGO_DATE)
}

/** Whether a default `hugo` build (no --buildFuture, --buildExpired) publishes the page. */
function hugoPublishedAt(data: FrontMatterData, now: Date): boolean {
  const publish = instant(firstField(data, HUGO_PUBLISH_DATE))
  const expiry = instant(firstField(data, HUGO_EXPIRY_DATE))
  if (publish !== null && publish > now.getTime()) return false
  return expiry === null || expiry >= now.getTime()
}

/** Jekyll's `titleize_slug`: each dash-separated word capitalized (first letter up, rest down). */
function titleizeSlug(slug: string): string {
  return slug
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase())
    .join(' ')
}

/** A post dated after now, which a default `jekyll build` (no `future: true`) leaves out. */
function jekyllFuture(date: string | null, now: Date): boolean {
  const time = instant(date?.replace(/ ([+-]\d\d):?(\d\d)$/, '$1:$2').replace(' ', 'T') ?? null)
  return time !== null && time > now.getTime()
}

function hugoScheduled(data: FrontMatterData, now: Date): boolean {
  const publish = instant(firstField(data, HUGO_PUBLISH_DATE))
  return (
    (publish !== null && publish > now.getTime()) || firstField(data, HUGO_EXPIRY_DATE) !== null
  )
}

/** A front matter date as an instant; a date or time without a zone is UTC (Hugo's default). */
function instant(value: string | null): number | null {
  if (!value) return null
  const zoned = /[zZ]|[+-]\d\d:?\d\d$/.test(value) || !/\d:\d/.test(value)
  const time = Date.parse(zoned ? value : `${value.replace(' ', 'T')}Z`)
  return Number.isNaN(time) ? null : time
}

function stringField(data: FrontMatterData, key: string): string | null {
  const value = data[key]
  if (typeof value === 'string' && value.trim() !== '') return value.trim()
  if (typeof value === 'number') return String(value)
  return null
}

function dateField(data: FrontMatterData): string | null {
  for (const key of DATE_KEYS) {
    const value = stringField(data, key)
    if (value) return value
  }
  return null
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

/** The first ATX or setext level-1 heading outside code fences. */
function firstHeading(body: string): string | null {
  let inFence = false
  let previous = ''
  for (const line of body.split(/\r?\n/)) {
    if (/^ {0,3}(```|~~~)/.test(line)) inFence = !inFence
    else if (!inFence) {
      const atx = /^ {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/.exec(line)
      if (atx) return atx[1]!.trim()
      if (/^ {0,3}=+[ \t]*$/.test(line) && previous.trim() !== '') return previous.trim()
    }
    previous = inFence ? '' : line
  }
  return null
}

/**
 * Words of the body without a Markdown parse: whitespace tokens, minus tokens that are only
 * Markdown punctuation (list bullets, heading marks, fences, table pipes) and the divider.
 * An approximation of Hugo's count of the rendered text, cheap enough for 10,000 posts.
 */
function approximateWordCount(body: string): number {
  let count = 0
  for (const token of body.split(/\s+/)) {
    if (token !== '' && !MARKUP_TOKEN.test(token)) count++
  }
  return count
}

const MARKUP_TOKEN = /^(?:<!--|[#>*+|=~`-]+|\d+[.)]|:?-{3,}:?|<!--more-->)$/i
