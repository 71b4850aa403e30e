import type { PostSummary } from './post'
import type { SiteGenerator } from './site-info'

/**
 * Newest first by the parsed date; posts whose date cannot be read go last, by path. Posts of
 * the same instant: Jekyll lists them by path descending (its posts sort by date, then path,
 * and the index shows them reversed); the others by path.
 */
export function sortNewestFirst(posts: PostSummary[], generator?: SiteGenerator): PostSummary[] {
  const tie = generator === 'jekyll' ? -1 : 1
  const time = (post: PostSummary): number =>
    post.date === null ? NaN : Date.parse(normalizeDate(post.date))
  return posts
    .map((post) => ({ post, time: time(post) }))
    .sort((a, b) => {
      const aDated = !Number.isNaN(a.time)
      const bDated = !Number.isNaN(b.time)
      if (aDated !== bDated) return aDated ? -1 : 1
      if (aDated && a.time !== b.time) return b.time - a.time
      if (!aDated) return a.post.path < b.post.path ? -1 : a.post.path > b.post.path ? 1 : 0
      return a.post.path < b.post.path ? -tie : a.post.path > b.post.path ? tie : 0
    })
    .map(({ post }) => post)
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
  generator?: SiteGenerator,
): PostSummary[] {
  const index = posts.findIndex((post) => post.path === saved.path)
  const previous = posts[index]
  if (!previous) return posts
  const summary = saved.date === null ? { ...saved, date: previous.date } : saved
  const next = posts.with(index, summary)
  return summary.date === previous.date ? next : sortNewestFirst(next, generator)
}
