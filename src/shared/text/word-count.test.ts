import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { countPostWords, countWords } from './word-count'

/** What Intl.Segmenter itself counts: the reference the fast scanner must agree with. */
function segmenterCount(text: string): number {
  const segmenter = new Intl.Segmenter('en', { granularity: 'word' })
  return [...segmenter.segment(text)].filter((segment) => segment.isWordLike).length
}

const PIECES = [
  'a',
  'Z',
  'word',
  '1',
  '42',
  '_',
  "'",
  '.',
  ':',
  ',',
  ';',
  '-',
  '/',
  '(',
  ')',
  '#',
  '*',
  '`',
  ' ',
  '\n',
  '\t',
  '\u00a0',
  'é',
  '’',
  '‘',
  '中文',
  'ー',
  'カタカナ',
  'ひらがな',
  '한국어',
  '😀',
  'x1',
  '3.14',
  "can't",
  'e.g.',
  'https://example.com/a_b',
  '1,000',
  '--',
  '...',
  '<!--more-->',
]

describe('countWords', () => {
  it('counts what Intl.Segmenter counts, on random text of ASCII and other scripts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join('')),
        (text) => {
          expect(countWords(text)).toBe(segmenterCount(text))
        },
      ),
      { numRuns: 3000 },
    )
  })

  it('counts each ideograph of Chinese and the words of Japanese as the segmenter does', () => {
    for (const text of ['我们今天写博客', '日本語のテキストです', "It's 3.14, isn't it?"]) {
      expect(countWords(text)).toBe(segmenterCount(text))
    }
  })

  it('leaves HTML comments out of a post, the <!--more--> divider included', () => {
    expect(countPostWords('One two.\n\n<!--more-->\n\nThree <!-- a note -->four.')).toBe(4)
  })
})
