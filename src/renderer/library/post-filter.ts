import type { PostSummary } from '../../shared/posts'

export type DraftFilter = 'all' | 'drafts' | 'published'
export type PostSort = 'newest' | 'oldest' | 'title'

export interface PostQuery {
  /** Words that must all appear (case-insensitive) in the title, tags, excerpt or body. */
  search: string
  drafts: DraftFilter
  /** Only posts with this tag; '' for any. */
  tag: string
  sort: PostSort
}

export const DEFAULT_QUERY: PostQuery = { search: '', drafts: 'all', tag: '', sort: 'newest' }

/**
 * The posts the index shows for `query`. `posts` arrive newest first from the index service;
 * `bodies` adds full texts the renderer already holds (the open post) to the search.
 */
export function filterPosts(
  posts: readonly PostSummary[],
  query: PostQuery,
  bodies: ReadonlyMap<string, string> = new Map(),
): PostSummary[] {
  const words = query.search.toLowerCase().split(/\s+/).filter(Boolean)
  const shown = posts.filter(
    (post) =>
      matchesDraftFilter(post, query.drafts) &&
      (query.tag === '' || post.tags.includes(query.tag)) &&
      (words.length === 0 || matchesWords(searchableText(post, bodies.get(post.path)), words)),
  )
  switch (query.sort) {
    case 'newest':
      return shown
    case 'oldest':
      // The service already ordered by date; reversing keeps its date rules in one place.
      return shown.reverse()
    case 'title':
      return shown.sort((a, b) =>
        a.title.localeCompare(b.title, undefined, { sensitivity: 'base' }),
      )
  }
}

/** Every tag used by any post, sorted, for the tag filter. */
export function collectTags(posts: readonly PostSummary[]): string[] {
  const tags = new Set<string>()
  for (const post of posts) for (const tag of post.tags) tags.add(tag)
  return [...tags].sort((a, b) => a.localeCompare(b))
}

function matchesDraftFilter(post: PostSummary, filter: DraftFilter): boolean {
  if (filter === 'drafts') return post.draft
  if (filter === 'published') return !post.draft
  return true
}

function searchableText(post: PostSummary, body: string | undefined): string {
  return [
    post.title,
    post.slug,
    post.path,
    ...post.tags,
    ...post.categories,
    post.excerpt,
    body ?? '',
  ]
    .join('\n')
    .toLowerCase()
}

function matchesWords(text: string, words: readonly string[]): boolean {
  return words.every((word) => text.includes(word))
}
