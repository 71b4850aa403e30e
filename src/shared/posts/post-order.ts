import type { PostSummary } from './post'
import type { SiteInfo } from './site-info'

/** What decides a site's order: its generator and, for Hexo, `index_generator.order_by`. */
export type SiteOrder = Pick<SiteInfo, 'generator' | 'indexOrder'>

/**
 * Newest first by the parsed date; posts whose date cannot be read go last, by path. Posts of
 * the same instant: Jekyll lists them by path descending (its posts sort by date, then path,
 * and the index shows them reversed); the others by path.
 */
export function sortNewestFirst(posts: PostSummary[], site?: SiteOrder): PostSummary[] {
  const tie = site?.generator === 'jekyll' ? -1 : 1
  const hugo = site?.generator === 'hugo'
  // Hexo's `order_by: -updated` lists by the `updated` date (a post without one by its date).
  const byUpdated = site?.indexOrder === 'updated'
  const time = (post: PostSummary): number => {
    const date = (byUpdated ? post.updated : undefined) ?? post.date
    return date === null ? NaN : Date.parse(normalizeDate(date))
  }
  return posts
    .map((post) => ({ post, time: time(post) }))
    .sort((a, b) => {
      // Hugo's default page order: weight first (0 means none, after every weighted page),
      // then newest date, then title (its collator), then file path.
      if (hugo) {
        const byWeight = weightOrder(a.post.weight, b.post.weight)
        if (byWeight !== 0) return byWeight
      }
      const aDated = !Number.isNaN(a.time)
      const bDated = !Number.isNaN(b.time)
      if (aDated !== bDated) return aDated ? -1 : 1
      if (aDated && a.time !== b.time) return b.time - a.time
      if (!aDated) return a.post.path < b.post.path ? -1 : a.post.path > b.post.path ? 1 : 0
      if (hugo) {
        // Per language, as Hugo lists each language on its own; one order for all of them.
        const [aLanguage, bLanguage] = [languageOf(a.post.path), languageOf(b.post.path)]
        if (aLanguage !== bLanguage) return aLanguage < bLanguage ? -1 : 1
        const byTitle = collatorFor(aLanguage).compare(a.post.title, b.post.title)
        if (byTitle !== 0) return byTitle
      }
      return a.post.path < b.post.path ? -tie : a.post.path > b.post.path ? tie : 0
    })
    .map(({ post }) => post)
}

const collators = new Map<string, Intl.Collator>()

function isKnownLocale(language: string): boolean {
  try {
    return language !== '' && Intl.Collator.supportedLocalesOf(language).length > 0
  } catch {
    return false // not a language tag at all (`notes.draft-2.md`)
  }
}

/** A translation names its language (`index.zh.md`); other files are in the default one. */
function languageOf(path: string): string {
  return /\.([a-z]{2,3}(?:-[a-z0-9]+)*)\.(?:md|markdown)$/i.exec(path)?.[1]?.toLowerCase() ?? ''
}

/** Hugo compares titles with the language's collator. */
function collatorFor(language: string): Intl.Collator {
  let collator = collators.get(language)
  if (!collator) {
    collator = new Intl.Collator(isKnownLocale(language) ? language : 'en')
    collators.set(language, collator)
  }
  return collator
}

function weightOrder(a = 0, b = 0): number {
  if (a === b) return 0
  if (a === 0) return 1
  if (b === 0) return -1
  return a - b
}

/** Makes Jekyll/Hexo dates such as `2023-06-08 10:00:00 +0200` parseable by Date. */
function normalizeDate(date: string): string {
  const trimmed = date.replace(/^['"]|['"]$/g, '')
  const match =
    /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(
      trimmed,
    )
  if (!match) return trimmed
  const zone = match[3] ? match[3].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2') : ''
  return `${match[1]}T${match[2]}${zone}`
}

/**
 * The list after the writer saved `saved` (summarized from the text just written), without
 * indexing the whole site again. An undated post keeps the date the index found for it (its
 * first commit). A post not in the list yet is left to the next full index.
 */
export function withSavedSummary(
  posts: PostSummary[],
  saved: PostSummary,
  site?: SiteOrder,
): PostSummary[] {
  const index = posts.findIndex((post) => post.path === saved.path)
  const previous = posts[index]
  if (!previous) return posts
  const summary = saved.date === null ? { ...saved, date: previous.date } : saved
  const next = posts.with(index, summary)
  const moved = summary.date !== previous.date || summary.updated !== previous.updated
  return moved ? sortNewestFirst(next, site) : next
}
