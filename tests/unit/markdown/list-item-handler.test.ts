import { toHast } from 'mdast-util-to-hast'
import { describe, expect, it } from 'vitest'
import { mdastToHast, parseMarkdown } from '../../../src/shared/markdown/processors'

const LISTS = [
  '- tight\n- list',
  '- loose\n\n- list',
  '1. first\n2. second\n\n   continued paragraph',
  '- [ ] open task\n- [x] done task',
  '- [x] loose task\n\n- [ ] other',
  '- item\n  - nested tight\n  - nested\n- back',
  '* one\n\n  * nested loose\n\n  * again',
  '- > quote in item\n- plain',
  '- ```\n  code\n  ```\n- text',
  '-\n- empty first item',
  '> - quoted\n> - list',
  Array.from({ length: 300 }, (_, i) => `${i + 1}. item ${i}`).join('\n'),
]

describe('list items convert exactly as mdast-util-to-hast converts them', () => {
  it.each(LISTS)('%j', (markdown) => {
    const expected = toHast(parseMarkdown(markdown), { clobberPrefix: '' })
    expect(mdastToHast(parseMarkdown(markdown))).toEqual(expected)
  })
})
