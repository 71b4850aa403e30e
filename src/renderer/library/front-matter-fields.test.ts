import { describe, expect, it } from 'vitest'
import { parseFrontMatter, updateFrontMatter } from '../../shared/frontmatter'
import { draftPatch, parseTagList, summaryFieldFor } from './front-matter-fields'
import { fileSlug } from './post-display'

describe('summaryFieldFor', () => {
  it('uses the key the post already has, if the generator reads it', () => {
    expect(summaryFieldFor('hugo', { summary: 'x' })).toBe('summary')
    expect(summaryFieldFor('astro', { excerpt: 'x' })).toBe('excerpt')
    expect(summaryFieldFor('hugo', { description: 'x' })).toBe('summary')
  })
  it("falls back to the generator's usual key", () => {
    expect(summaryFieldFor('hugo', {})).toBe('summary')
    expect(summaryFieldFor('jekyll', {})).toBe('summary')
    expect(summaryFieldFor('astro', {})).toBe('description')
    expect(summaryFieldFor('eleventy', {})).toBe('description')
  })
})

describe('draftPatch', () => {
  const toggle = (text: string, generator: 'hugo' | 'jekyll', draft: boolean) =>
    updateFrontMatter(text, draftPatch(generator, parseFrontMatter(text).data, draft))

  it('writes draft: true and flips an existing line in place', () => {
    const text = '---\ntitle: A\n---\nBody\n'
    const drafted = toggle(text, 'hugo', true)
    expect(parseFrontMatter(drafted).data.draft).toBe(true)
    expect(toggle(drafted, 'hugo', false)).toBe(drafted.replace('draft: true', 'draft: false'))
  })
  it('leaves a post without a draft line alone when it is not a draft', () => {
    const text = '---\ntitle: A\n---\nBody\n'
    expect(toggle(text, 'hugo', false)).toBe(text)
  })
  it('uses published: false for Jekyll', () => {
    const text = '---\ntitle: A\n---\nBody\n'
    expect(parseFrontMatter(toggle(text, 'jekyll', true)).data.published).toBe(false)
  })
})

describe('small helpers', () => {
  it('parses a typed tag list', () => {
    expect(parseTagList(' go,  web ,, rust ')).toEqual(['go', 'web', 'rust'])
  })
  it('finds the part of a path a rename changes', () => {
    expect(fileSlug('content/posts/first-post.md')).toBe('first-post')
    expect(fileSlug('_posts/2024-01-02-hello.md')).toBe('hello')
    expect(fileSlug('content/posts/bundle/index.md')).toBe('bundle')
  })
})
