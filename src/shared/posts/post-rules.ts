import type { FrontMatterData } from '../frontmatter'
import type { SiteGenerator } from './site-info'
import type { TypographyStyle } from '../text/typography'

/**
 * How one generator reads a post: the start of a SiteProfile. Each rule here is checked
 * against the generator itself (tests/unit/generators: `hugo list`, a `jekyll build`).
 */
export interface PostRules {
  /**
   * The file's text as the generator's front matter reader sees it, rewritten where that
   * reader accepts more than Inkpress's (Hexo without the opening `---`; Eleventy's `---js`).
   * Used for listing only; the editor keeps the file as written.
   */
  readable(text: string): string
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
  /** The quotes and dashes the generator's default Markdown renderer typesets. */
  typography: TypographyStyle
  /** False for a file the generator never lists as a page (Hugo's headless bundles). */
  listed(data: FrontMatterData): boolean
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

const DATE_KEYS = ['date', 'pubDate', 'publishDate', 'pubDatetime']

const defaultRules: PostRules = {
  readable: (text) => text,
  frontMatter: (data) => data,
  missingTitle: (stem, body) => firstHeading(body) ?? stem,
  date: (data, fileNameDate) => firstField(data, DATE_KEYS) ?? fileNameDate,
  schedule: () => ALWAYS_ON_SITE,
  // Eleventy's markdown-it and Astro's descriptions: no typographer by default.
  typography: 'none',
  listed: () => true,
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
  readable: defaultRules.readable,
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
  // goldmark's typographer extension is on in Hugo's default configuration.
  typography: 'goldmark',
  // A headless bundle, or build options `list: never` (`_build` before Hugo 0.123).
  listed(data) {
    if (data.headless === true) return false
    const build = (data.build ?? data._build) as Record<string, unknown> | undefined
    const list = build && typeof build === 'object' ? build.list : undefined
    return list !== 'never' && list !== false
  },
}

const jekyllRules: PostRules = {
  readable: defaultRules.readable,
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
  // kramdown's smart quotes and typographic symbols (Jekyll's default renderer).
  typography: 'kramdown',
  listed: defaultRules.listed,
}

const hexoRules: PostRules = {
  ...defaultRules,
  readable: hexoReadable,
  // hexo-renderer-marked's `smartypants: true` default.
  typography: 'smartypants',
}

const eleventyRules: PostRules = { ...defaultRules, readable: eleventyReadable }

/**
 * Astro's content schemas read dates with `z.coerce.date()` (or `z.date()` from YAML), i.e.
 * JavaScript's Date: `pubDate: 'Jul 08 2022'` is that day at midnight UTC here (the builds
 * run in UTC), given as ISO so it sorts and compares with the others.
 */
const astroRules: PostRules = {
  ...defaultRules,
  date(data, fileNameDate) {
    const written = defaultRules.date(data, fileNameDate)
    if (!written || /^\d{4}-\d{1,2}-\d{1,2}/.test(written)) return written
    const time = Date.parse(`${written} UTC`)
    return Number.isNaN(time) ? written : new Date(time).toISOString()
  },
}

export function postRulesFor(generator: SiteGenerator): PostRules {
  if (generator === 'hugo') return hugoRules
  if (generator === 'jekyll') return jekyllRules
  if (generator === 'hexo') return hexoRules
  if (generator === 'eleventy') return eleventyRules
  if (generator === 'astro') return astroRules
  return defaultRules
}

/**
 * hexo-front-matter accepts blank lines before the opening `---`, and no opening `---` at
 * all when the text before the first `---` line is YAML (`title: Images⏎date: …⏎---`).
 */
function hexoReadable(text: string): string {
  const start = text.replace(/^\uFEFF/, '')
  if (/^---[ \t]*\r?$/m.test(start.split('\n', 1)[0] ?? '')) return start
  const afterBlanks = start.replace(/^(?:[ \t]*\r?\n)+/, '')
  if (/^---[ \t]*\r?(?:\n|$)/.test(afterBlanks)) return afterBlanks
  const fence = /^---[ \t]*\r?$/m.exec(start)
  if (!fence || fence.index === 0) return start
  const head = start.slice(0, fence.index)
  const yamlLines = head.split(/\r?\n/).filter((line) => line.trim() !== '')
  const looksLikeYaml =
    yamlLines.length > 0 &&
    /^[\w"'][^:]*:(?:\s|$)/.test(yamlLines[0]!) &&
    yamlLines.every((line) => /^(?:[\w"'][^:]*:(?:\s|$)|\s+\S|-\s)/.test(line))
  return looksLikeYaml ? `---\n${start}` : start
}

/**
 * Eleventy runs a `---js` front matter block as JavaScript. Inkpress never runs a post's code:
 * it reads only declarations of plain values (`const title = "Post"`, numbers, booleans) and
 * shows them as YAML; anything else in the block is left out.
 */
function eleventyReadable(text: string): string {
  const block = /^---js[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text)
  if (!block) return text
  const lines: string[] = []
  const declaration = /^\s*(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(.+?);?\s*$/
  for (const line of block[1]!.split(/\r?\n/)) {
    const match = declaration.exec(line)
    if (!match) continue
    const literal = match[2]!.replace(/^'((?:[^'\\]|\\.)*)'$/, (_m, inner: string) =>
      JSON.stringify(inner.replace(/\\'/g, "'")),
    )
    try {
      const value: unknown = JSON.parse(literal)
      if (['string', 'number', 'boolean'].includes(typeof value)) {
        lines.push(`${match[1]}: ${JSON.stringify(value)}`)
      }
    } catch {
      // Not a plain value: Eleventy would compute it; Inkpress does not.
    }
  }
  return `---\n${lines.join('\n')}\n---\n${text.slice(block[0].length)}`
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
