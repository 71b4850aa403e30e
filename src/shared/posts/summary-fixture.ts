import type { PostSummary } from './post'

/** For tests: a post summary with empty defaults, overridden by `fields`. */
export function summaryFixture(path: string, fields: Partial<PostSummary> = {}): PostSummary {
  return {
    path,
    slug: path,
    title: path,
    date: null,
    draft: false,
    tags: [],
    categories: [],
    excerpt: '',
    excerptSource: 'auto',
    wordCount: 0,
    readingMinutes: 0,
    ...fields,
  }
}
