import { describe, expect, it } from 'vitest'
import { textStats } from './word-count'

describe('textStats', () => {
  it('counts words of the body, not of the front matter', () => {
    const post =
      '---\ntitle: Many words in a title\ntags: [a, b]\n---\n# Hello world\n\nIt’s a *fine* day, isn’t it?\n'
    expect(textStats(post)).toEqual({ words: 8, readingMinutes: 1 })
  })

  it('counts TOML front matter out too, and each CJK character as a word', () => {
    expect(textStats('+++\ntitle = "x"\n+++\n日本語 text').words).toBe(4)
  })

  it('estimates reading time at about 230 words a minute', () => {
    expect(textStats('word '.repeat(690)).readingMinutes).toBe(3)
    expect(textStats('').readingMinutes).toBe(0)
  })
})
