import type { FrontMatterData } from '../frontmatter'
import type { SiteGenerator } from './site-info'

/**
 * How one generator reads a post: the start of a SiteProfile. Each rule here is checked
 * against the generator itself (tests/unit/generators: `hugo list`, a `jekyll build`).
 */
export interface PostRules {
  /** The front matter as the generator sees it (Hugo: keys in any letter case). */
  frontMatter(data: FrontMatterData): FrontMatterData
  /** A title for a post whose front matter has none. */
  missingTitle(stem: string, body: string): string
  /** The post's date as written, or null. */
  date(data: FrontMatterData, fileNameDate: string | null): string | null
  /**
   * Whether a default build leaves the post out at `now` by its dates (drafts are separate),
   * and whether that answer depends on the clock.
   */
  schedule(data: FrontMatterData, date: string | null, now: Date): Schedule
}

export interface Schedule {
  offSite: boolean
  scheduled: boolean
}

const ALWAYS_ON_SITE: Schedule = { offSite: false, scheduled: false }

export function stringField(data: FrontMatterData, key: string): string | null {
  const value = data[key]
  if (typeof value === 'string' && value.trim() !== '') return value.trim()
  if (typeof value === 'number') return String(value)
  return null
}

function firstField(data: FrontMatterData, keys: string[]): string | null {
  for (const key of keys) {
    const value = stringField(data, key)
    if (value) return value
  }
  return null
}

/**
 * A front matter date as an instant; a date or time without a zone is read as UTC (Hugo's
 * default; Jekyll's when the site sets no `timezone`). Jekyll's `2024-01-08 21:30:00 +0100`
 * is accepted too.
 */
export function instant(value: string | null): number | null {
  if (!value) return null
  const iso = value.replace(/ ([+-]\d\d):?(\d\d)$/, '$1:$2').replace(' ', 'T')
  const zoned = /[zZ]$|[+-]\d\d:\d\d$/.test(iso) || !/\d:\d/.test(iso)
  const time = Date.parse(zoned ? iso : `${iso}Z`)
  return Number.isNaN(time) ? null : time
}

const DATE_KEYS = ['date', 'pubDate', 'publishDate']

const defaultRules: PostRules = {
  frontMatter: (data) => data,
  missingTitle: (stem, body) => firstHeading(body) ?? stem,
  date: (data, fileNameDate) => firstField(data, DATE_KEYS) ?? fileNameDate,
  schedule: () => ALWAYS_ON_SITE,
}

/**
 * Hugo's default `[frontmatter]` configuration: the date is the first of date, publishDate,
 * pubDate, published, lastmod, modified; the publish date the first of publishDate, pubDate,
 * published, date; the expiry date expiryDate or unpublishdate. Keys are lower-cased first.
 */
const HUGO_DATE = ['date', 'publishdate', 'pubdate', 'published', 'lastmod', 'modified']
const HUGO_PUBLISH_DATE = ['publishdate', 'pubdate', 'published', 'date']
const HUGO_EXPIRY_DATE = ['expirydate', 'unpublishdate']

const hugoRules: PostRules = {
  frontMatter(data) {
    const lowered = Object.create(null) as FrontMatterData
    // The first spelling wins, as in Hugo (its map of lower-cased keys keeps the first).
    for (const [name, value] of Object.entries(data)) lowered[name.toLowerCase()] ??= value
    return lowered
  },
  missingTitle: defaultRules.missingTitle,
  date: (data, fileNameDate) => firstField(data, HUGO_DATE) ?? fileNameDate,
  // What a default `hugo` build (no --buildFuture, --buildExpired) publishes.
  schedule(data, _date, now) {
    const publish = instant(firstField(data, HUGO_PUBLISH_DATE))
    const expiry = instant(firstField(data, HUGO_EXPIRY_DATE))
    const future = publish !== null && publish > now.getTime()
    const expired = expiry !== null && expiry < now.getTime()
    return { offSite: future || expired, scheduled: future || expiry !== null }
  },
}

const jekyllRules: PostRules = {
  frontMatter: defaultRules.frontMatter,
  // Jekyll's `Utils.titleize_slug`: each dash-separated word capitalized; it never reads the body.
  missingTitle: (stem) =>
    stem
      .split('-')
      .map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase())
      .join(' '),
  date: defaultRules.date,
  // A post dated after now is left out by a default `jekyll build` (no `future: true`).
  schedule(_data, date, now) {
    const time = instant(date)
    const future = time !== null && time > now.getTime()
    return { offSite: future, scheduled: future }
  },
}

export function postRulesFor(generator: SiteGenerator): PostRules {
  if (generator === 'hugo') return hugoRules
  if (generator === 'jekyll') return jekyllRules
  return defaultRules
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
