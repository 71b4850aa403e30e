import { literal } from '../../../src/shared/text/typography'
import { describe, expect, it } from 'vitest'
import {
  automaticSummary,
  automaticSummaryFullParse,
  extractExcerpt,
  markdownToPlainText,
} from '../../../src/shared/excerpt'
import { blocksOfRoot, joinBlocks } from '../../../src/shared/excerpt/blocks'
import { scanBlocks } from '../../../src/shared/excerpt/scan'
import {
  MAX_WINDOW_CHARS,
  PARSE_BUDGET_CHARS,
  parseMarkdown,
} from '../../../src/shared/excerpt/summary'

const fullText = (markdown: string) => joinBlocks(blocksOfRoot(parseMarkdown(markdown)))

const intro =
  'An opening paragraph with *emphasis* and a [reference link][far] that says enough to fill a summary. '.repeat(
    4,
  )

describe('the excerpt reads only what the summary needs', () => {
  it('resolves references defined after thousands of other definitions, like a full parse', () => {
    const definitions = Array.from({ length: 2000 }, (_, i) => `[d${i}]: https://x.y/${i}`)
    const markdown = `${intro}\n\n${definitions.join('\n')}\n\n[far]: https://far.example\n`
    expect(automaticSummary(markdown, 30)).toBe(automaticSummaryFullParse(markdown, 30))
    expect(automaticSummary(markdown, 30)).toContain('reference link that says')
  })

  it('gives the same summary whatever hostile text follows it', () => {
    const tails = [
      '*_'.repeat(200_000),
      '['.repeat(100_000) + '](x)'.repeat(50_000),
      Array.from({ length: 1000 }, (_, depth) => `${'  '.repeat(depth)}- item`).join('\n'),
      '> - '.repeat(5000) + 'x',
    ]
    const alone = automaticSummary(intro, 30)
    expect(alone).toBe(automaticSummaryFullParse(intro, 30))
    for (const tail of tails) expect(automaticSummary(`${intro}\n\n${tail}`, 30)).toBe(alone)
  })

  it('reads hostile stretches with the linear scan: their words survive, markers do not', () => {
    const nestedLinks = '['.repeat(5000) + 'word' + '](y)'.repeat(5000)
    // Past the hostile stretch, unmatched `](y)` are literal text, as CommonMark has them.
    expect(markdownToPlainText(nestedLinks)).toMatch(/^word \]\(y\)/)
    const deepList = Array.from(
      { length: 1000 },
      (_, depth) => `${'  '.repeat(depth)}- item ${depth}`,
    ).join('\n')
    const text = markdownToPlainText(deepList)
    expect(text.startsWith('item 0 item 1 item 2')).toBe(true)
    expect(text.endsWith('item 998 item 999')).toBe(true)
    expect(markdownToPlainText('*_'.repeat(100_000) + ' tail')).toBe('tail')
  })

  it('reads past the parse budget to the end of a long post (Hexo shows it all)', () => {
    const items = Array.from({ length: 10_000 }, (_, i) => `- item ${i}`).join('\n')
    expect(items.length).toBeGreaterThan(PARSE_BUDGET_CHARS)
    const { excerpt } = extractExcerpt(items, {}, { generator: 'hexo' })
    expect(excerpt.startsWith('item 0 item 1 ')).toBe(true)
    expect(excerpt.endsWith('item 9998 item 9999')).toBe(true)
    expect(excerpt.split(' ')).toHaveLength(20_000)
  })

  it('cuts a paragraph longer than the window at spaces, keeping every word', () => {
    const paragraph = 'Fish &amp; chips cost 5 &lt; 6 dollars, said `the menu`. '.repeat(2000)
    expect(paragraph.length).toBeGreaterThan(4 * MAX_WINDOW_CHARS)
    expect(markdownToPlainText(paragraph)).toBe(fullText(paragraph))
  })
})

describe('the linear scan', () => {
  it('drops block and inline markup and keeps the text', () => {
    const blocks = scanBlocks(
      [
        '> - # A *heading* ##',
        '> - Some **bold** and _under_ text with snake_case kept,',
        '1. a [link](https://x.y "title") ![image](p.png) [ref][r] note[^1] <b>tag</b>',
        '| cell | other |',
        '|---|:---:|',
        '[r]: https://x.y',
        'Escaped \\* star, &amp; &#65; &#x42; <https://auto.link>',
      ].join('\n'),
    )
    expect(blocks.map((block) => [block.text, block.cut])).toEqual([
      ['A heading', false],
      [
        'Some bold and under text with snake_case kept, a link  ref note tag  cell  other  Escaped * star, & A B https://auto.link',
        true,
      ],
    ])
  })

  it('reads a fenced code block as code, not a summary cut', () => {
    // Code is marked as literal text, which typography leaves alone.
    expect(scanBlocks('```js\nconst a = 1\n```').map((b) => [b.text, b.cut])).toEqual([
      [literal('const a = 1'), false],
    ])
  })
})
