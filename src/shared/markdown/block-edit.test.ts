import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  MAX_EDITED_BLOCK_CHARS,
  blockSpans,
  changedRange,
  renderSingleBlockEdit,
} from './block-edit'
import {
  IncrementalMarkdownRenderer,
  incrementalRenderToHtml,
  type IncrementalRender,
} from './incremental'
import { renderMarkdownToHtml } from './pipeline'

/** Whole blocks: mostly plain paragraphs (where typing happens), plus everything that crosses blocks. */
const BLOCKS = [
  'Plain words in a paragraph.',
  'A [link](https://example.com) and *emphasis* with `code`.',
  'Cites [ref] and a note[^1].',
  'Uses [ref] and [other] inline.',
  '## Setup',
  '# Title',
  '- item one\n- item two',
  '1. first\n2. second',
  '> quoted text',
  '```js\nconst a = 1\n```',
  '```\nopen fence',
  '$$\nx^2\n$$',
  '<div>\nhtml\n</div>',
  '<!-- comment',
  '| a | b |\n|---|---|\n| 1 | 2 |',
  '[ref]: https://example.com "T"',
  '[^1]: The note.',
  '---\ntitle: x\n---',
  '---',
  'Line one\nLine two',
  '    indented code',
  '![img](./a.png)',
]

/** Small things typed anywhere, including ones that open or close constructs. */
const TYPED = [
  'Q',
  'QQ',
  ' ',
  'word',
  '\n',
  '\n\n',
  '[ref]',
  '[^1]',
  '[^1]: note\n',
  '[ref]: /x\n',
  '## ',
  '- ',
  '```',
  '$$',
  '<div>',
  '-->',
  '*',
  '`',
  '|',
  '---\n',
  '\\',
  '    ',
  // Hostile Markdown: the full render shows the text as written instead.
  '['.repeat(33),
  '> '.repeat(33),
  '$\\sqrt{'.repeat(120) + '}'.repeat(120) + '$',
]

const documentArb = fc
  .array(fc.constantFrom(...BLOCKS), { minLength: 2, maxLength: 12 })
  .map((blocks) => blocks.join('\n\n') + '\n')

type Edit = { at: number; remove: number; insert: string }
const editArb: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  remove: fc.oneof(fc.constant(0), fc.nat({ max: 6 })),
  insert: fc.constantFrom(...TYPED),
})

function applyEdit(text: string, edit: Edit): string {
  const at = edit.at % (text.length + 1)
  return text.slice(0, at) + edit.insert + text.slice(at + edit.remove)
}

/** Absolute source line of every top-level element, as the preview's `data-source-line`. */
function elementLines(render: IncrementalRender): number[] {
  return render.blocks.flatMap((block) =>
    block.elementLines.map((line) => block.startLine + line - 1),
  )
}

describe('rendering one edited block on its own', () => {
  it('equals a full render whenever it applies', () => {
    let applied = 0
    fc.assert(
      fc.property(
        documentArb,
        fc.array(editArb, { minLength: 1, maxLength: 4 }),
        (initial, edits) => {
          const renderer = new IncrementalMarkdownRenderer()
          let before = initial
          let render = renderer.render(before)
          for (const edit of edits) {
            const after = applyEdit(before, edit)
            const spans = blockSpans(before, render.blocks)
            const result = renderSingleBlockEdit(before, after, spans, render.context)
            if (result) {
              applied++
              const patched: IncrementalRender = {
                ...render,
                blocks: render.blocks.map((block, index) => {
                  if (index === result.index)
                    return { ...block, hast: result.hast, elementLines: result.elementLines }
                  if (index > result.index)
                    return { ...block, startLine: block.startLine + result.lineDelta }
                  return block
                }),
              }
              expect(incrementalRenderToHtml(patched)).toBe(renderMarkdownToHtml(after))
              expect(elementLines(patched)).toEqual(
                elementLines(new IncrementalMarkdownRenderer().render(after)),
              )
            }
            before = after
            render = renderer.render(before)
          }
        },
      ),
      { numRuns: 250 },
    )
    // The property must actually exercise the fast path, not only its refusals.
    expect(applied).toBeGreaterThan(100)
  })

  it('renders a keystroke in a paragraph and leaves cross-block edits to the full render', () => {
    const before =
      'Intro.\n\nSome words here.\n\n## Heading\n\nLast [ref].\n\n[ref]: /x\n[^n]: Note.\n'
    const render = new IncrementalMarkdownRenderer().render(before)
    const spans = blockSpans(before, render.blocks)
    expect(spans.map((span) => before.slice(span.start, span.end))).toEqual([
      'Intro.\n\n',
      'Some words here.\n\n',
      '## Heading\n\n',
      'Last [ref].\n\n',
      '[ref]: /x\n[^n]: Note.\n',
    ])
    const typed = renderSingleBlockEdit(
      before,
      before.replace('words', 'wordsQ'),
      spans,
      render.context,
    )
    expect(typed?.index).toBe(1)
    expect(typed?.lineDelta).toBe(0)
    const edit = (from: string, to: string) =>
      renderSingleBlockEdit(before, before.replace(from, to), spans, render.context)
    expect(edit('Last', 'Lost')?.index).toBe(3)
    expect(edit('words', 'words [ref]')?.index).toBe(1)
    expect(edit('Heading', 'Headings')).toBeNull()
    expect(edit('words here', 'words [^n] here')).toBeNull()
    expect(edit('Some', '[x]: /y\nSome')).toBeNull()
    expect(edit('Some', '```\nSome')).toBeNull()
    expect(edit('Intro', 'Outro')).toBeNull()
    expect(edit('here.\n\n## Heading', 'here. Heading')).toBeNull()
  })

  it('never lets a fence typed further down close front matter left open on line 1', () => {
    for (const start of ['---\ntitle: x\n\n', '\uFEFF---\ntitle: x\n\n']) {
      const before = `${start}Para one.\n\nPara two.\n`
      const render = new IncrementalMarkdownRenderer().render(before)
      const spans = blockSpans(before, render.blocks)
      const after = before.replace('Para two.', 'Para two.\n\n---')
      expect(renderSingleBlockEdit(before, after, spans, render.context)).toBeNull()
    }
  })

  it('leaves a block too big to render on the typing thread to the worker', () => {
    const long = 'word '.repeat(MAX_EDITED_BLOCK_CHARS / 5)
    const before = `Intro.\n\n${long}\n\nEnd.\n`
    const render = new IncrementalMarkdownRenderer().render(before)
    const spans = blockSpans(before, render.blocks)
    const after = before.replace('word', 'wordQ')
    expect(renderSingleBlockEdit(before, after, spans, render.context)).toBeNull()
    const short = before.replace(long, 'word '.repeat(20))
    const shortRender = new IncrementalMarkdownRenderer().render(short)
    const shortSpans = blockSpans(short, shortRender.blocks)
    const typed = short.replace('word', 'wordQ')
    expect(renderSingleBlockEdit(short, typed, shortSpans, shortRender.context)?.index).toBe(1)
  })

  it('finds the changed range by common prefix and suffix', () => {
    const long = 'x'.repeat(5000)
    expect(changedRange(long + 'ab' + long, long + 'aQb' + long)).toEqual({
      from: 5001,
      toBefore: 5001,
    })
    expect(changedRange('abc', 'abc')).toBeNull()
    expect(changedRange('abcd', 'ad')).toEqual({ from: 1, toBefore: 3 })
  })
})
