import { describe, expect, it } from 'vitest'
import type { PostSummary } from '../../shared/posts'
import { summaryFixture } from '../../shared/posts/summary-fixture'
import { DEFAULT_QUERY, collectTags, filterPosts } from './post-filter'

const post = (path: string, title: string, extra: Partial<PostSummary> = {}): PostSummary =>
  summaryFixture(path, { title, ...extra })

// Newest first, as `posts:list` returns them.
const POSTS = [
  post('c.md', 'Caching', { tags: ['perf'], excerpt: 'Keep warm data close.' }),
  post('b.md', 'about Git', { draft: true, tags: ['git', 'perf'] }),
  post('a.md', 'Zero to blog', { excerpt: 'How it started.' }),
]
const paths = (posts: PostSummary[]) => posts.map((p) => p.path)

describe('filterPosts', () => {
  it('keeps the service order for newest and reverses it for oldest', () => {
    expect(paths(filterPosts(POSTS, DEFAULT_QUERY))).toEqual(['c.md', 'b.md', 'a.md'])
    expect(paths(filterPosts(POSTS, { ...DEFAULT_QUERY, sort: 'oldest' }))).toEqual([
      'a.md',
      'b.md',
      'c.md',
    ])
    expect(paths(POSTS)).toEqual(['c.md', 'b.md', 'a.md'])
  })

  it('sorts by title without regard to case', () => {
    expect(paths(filterPosts(POSTS, { ...DEFAULT_QUERY, sort: 'title' }))).toEqual([
      'b.md',
      'c.md',
      'a.md',
    ])
  })

  it('filters drafts and tags', () => {
    expect(paths(filterPosts(POSTS, { ...DEFAULT_QUERY, drafts: 'drafts' }))).toEqual(['b.md'])
    expect(paths(filterPosts(POSTS, { ...DEFAULT_QUERY, drafts: 'published' }))).toEqual([
      'c.md',
      'a.md',
    ])
    expect(paths(filterPosts(POSTS, { ...DEFAULT_QUERY, tag: 'git' }))).toEqual(['b.md'])
  })

  it('searches title, tags and excerpt, all words, any case', () => {
    expect(paths(filterPosts(POSTS, { ...DEFAULT_QUERY, search: 'GIT' }))).toEqual(['b.md'])
    expect(paths(filterPosts(POSTS, { ...DEFAULT_QUERY, search: 'perf' }))).toEqual([
      'c.md',
      'b.md',
    ])
    expect(paths(filterPosts(POSTS, { ...DEFAULT_QUERY, search: 'warm close' }))).toEqual(['c.md'])
    expect(paths(filterPosts(POSTS, { ...DEFAULT_QUERY, search: 'warm started' }))).toEqual([])
  })

  it('searches the bodies it is given', () => {
    const bodies = new Map([['a.md', 'Deep in the text: kubernetes.']])
    expect(paths(filterPosts(POSTS, { ...DEFAULT_QUERY, search: 'kubernetes' }, bodies))).toEqual([
      'a.md',
    ])
  })
})

describe('collectTags', () => {
  it('lists each tag once, sorted', () => {
    expect(collectTags(POSTS)).toEqual(['git', 'perf'])
  })
})
