import { describe, expect, it } from 'vitest'
import type { PostSummary } from './post'
import { sortNewestFirst, withSavedSummary } from './post-order'
import { summaryFixture } from './summary-fixture'

const summary = (path: string, date: string | null, title = path): PostSummary =>
  summaryFixture(path, { date, title })

const LIST = sortNewestFirst([
  summary('a.md', '2024-03-01'),
  summary('b.md', '2024-02-01'),
  summary('c.md', null),
])

describe('withSavedSummary', () => {
  it('replaces the saved post in place when its date is unchanged', () => {
    const next = withSavedSummary(LIST, summary('b.md', '2024-02-01', 'New title'))
    expect(next.map((post) => [post.path, post.title])).toEqual([
      ['a.md', 'a.md'],
      ['b.md', 'New title'],
      ['c.md', 'c.md'],
    ])
    expect(LIST[1]?.title).toBe('b.md')
  })

  it('moves the post when the writer changed its date', () => {
    const next = withSavedSummary(LIST, summary('b.md', '2024-04-01'))
    expect(next.map((post) => post.path)).toEqual(['b.md', 'a.md', 'c.md'])
  })

  it('keeps the date the index found for an undated post (its first commit)', () => {
    const indexed = LIST.with(2, { ...summary('c.md', '2023-01-05T10:00:00Z') })
    const next = withSavedSummary(indexed, summary('c.md', null, 'Still undated'))
    expect(next[2]).toMatchObject({ title: 'Still undated', date: '2023-01-05T10:00:00Z' })
  })

  it('leaves a post the list does not have yet to the next full index', () => {
    expect(withSavedSummary(LIST, summary('new.md', '2025-01-01'))).toBe(LIST)
  })
})
