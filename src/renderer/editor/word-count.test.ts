import { describe, expect, it } from 'vitest'
import { textStats } from './word-count'

describe('textStats', () => {
  it('counts words of the body, not of the front matter', () => {
    const post =
      '---\ntitle: Many words in a title\ntags: [a, b]\n---\n# Hello world\n\nIt’s a *fine* day, isn’t it?\n'
    expect(textStats(post)).toEqual({ words: 8, readingMinutes: 1 })
  })

  it('counts TOML front matter out too, and Japanese words as Unicode word boundaries find them', () => {
    // Intl.Segmenter reads 日本語 ("Japanese") as one word.
    expect(textStats('+++\ntitle = "x"\n+++\n日本語 text').words).toBe(2)
  })

  it('estimates reading time as Hugo does: 213 words a minute, rounded up', () => {
    expect(textStats('word '.repeat(690)).readingMinutes).toBe(4)
    expect(textStats('word '.repeat(213)).readingMinutes).toBe(1)
    expect(textStats('').readingMinutes).toBe(0)
  })
})
