import { describe, expect, it } from 'vitest'
import {
  automaticSummary,
  automaticSummaryFullParse,
  markdownToPlainText,
  walkBlocks,
} from '../../../src/shared/excerpt'
import { joinBlocks, blocksOfRoot } from '../../../src/shared/excerpt/blocks'
import { parseMarkdown } from '../../../src/shared/excerpt/summary'

/** Building blocks for random documents: plain ones hit the fast path, the rest go to remark. */
const SNIPPETS = [
  'Plain words in a simple paragraph that goes on for a while and then stops.',
  'A paragraph with *emphasis*, **strong text**, `inline code` and a [link](https://example.com "t").',
  'Line one of a paragraph\nline two continues it\nand line three ends it.',
  '# A heading with words',
  '## Heading closed ##',
  '### Heading\nWith a paragraph right under it that has a few words.',
  '```js\nconst answer = 42\n\nconsole.log(answer)\n```',
  '~~~\ncode with ``` inside\n~~~',
  '- tight item one\n- tight item two with more words',
  '- loose item one\n\n- loose item two',
  '1. first\n2. second\n\n   continued paragraph in the second item',
  '> quoted text that is fairly long\n> and continues here',
  '> quote paragraph one\n>\n> quote paragraph two',
  '| a | b |\n|---|---|\n| one | two |',
  'Text with an ![image](pic.png) inside and snake_case_words too.',
  'A reference [link][ref] and a footnote[^1].',
  '[ref]: https://example.com/ref',
  '[^1]: The footnote text.',
  '<div>\nraw html block\n</div>',
  '<!-- a comment\n\nspanning blank lines -->',
  '    indented code block\n    second line',
  'Entities &amp; escapes \\*not emphasis\\* here.',
  '***',
  'Setext heading\n============',
  '* star list\n\n  continued under the item',
  'Weird *emphasis **nesting* here** and _under_score_.',
  'Strike ~~through~~ text and a www.example.com/a_b_c link.',
  'Math: 5 * 3 = 15 and a * b.',
  '"*Quoted emphasis*" and (*parenthesised*).',
]

function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648
  }
}

function randomDocument(next: () => number): string {
  const count = 1 + Math.floor(next() * 14)
  const parts: string[] = []
  for (let i = 0; i < count; i++) parts.push(SNIPPETS[Math.floor(next() * SNIPPETS.length)]!)
  return parts.join(next() < 0.8 ? '\n\n' : '\n')
}

describe('automatic summary without a full parse', () => {
  it('matches a full remark parse on 250 random documents and several summary lengths', () => {
    const next = random(7)
    for (let n = 0; n < 250; n++) {
      const doc = randomDocument(next)
      for (const length of [1, 10, 30, 70]) {
        expect(automaticSummary(doc, length), `${JSON.stringify(doc)} @${length}`).toBe(
          automaticSummaryFullParse(doc, length),
        )
      }
      expect(markdownToPlainText(doc)).toBe(joinBlocks(blocksOfRoot(parseMarkdown(doc))))
    }
  }, 120_000)

  it('gives each snippet the same text as remark on its own', () => {
    for (const snippet of SNIPPETS) {
      expect(joinBlocks(walkBlocks(snippet, () => false)), snippet).toBe(
        joinBlocks(blocksOfRoot(parseMarkdown(snippet))),
      )
    }
  })
})
