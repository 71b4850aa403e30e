import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { IncrementalMarkdownRenderer, incrementalRenderToHtml } from './incremental'
import { renderMarkdownToHtml } from './pipeline'

/** Fragments chosen to open and close every construct that can cross a blank line or a block. */
const FRAGMENTS = [
  'word ',
  'Setup',
  '\n',
  '\n\n',
  '# ',
  '## Setup\n',
  '- ',
  '* ',
  '1. ',
  '2) ',
  '> ',
  '    ',
  '```',
  '```js\n',
  '~~~\n',
  '$$\n',
  '$x^2$',
  '<!--',
  '-->',
  '<div>',
  '---\n',
  '+++\n',
  'title: x\n',
  '[link](#setup)',
  '[ref]',
  '[ref]: https://example.com "T"\n',
  '[Ref]: /other\n',
  '[^1]',
  '[^n]',
  '[^1]: note\n',
  '[^n]: other [^1]\n',
  '| a | b |\n',
  '|---|---|\n',
  '- [ ] task\n',
  '![img](./a.png)',
  '**bold**',
  '\\',
  '===\n',
]

const fragment = fc.constantFrom(...FRAGMENTS)
const documentArb = fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join(''))

type Edit = { at: number; remove: number; insert: string }
const editArb: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 12 }),
  insert: fc.array(fragment, { maxLength: 3 }).map((parts) => parts.join('')),
})

function applyEdit(text: string, edit: Edit): string {
  const at = text.length === 0 ? 0 : edit.at % (text.length + 1)
  return text.slice(0, at) + edit.insert + text.slice(at + edit.remove)
}

describe('incremental rendering', () => {
  it('equals a full render after every edit of a random edit sequence', () => {
    fc.assert(
      fc.property(
        documentArb,
        fc.array(editArb, { minLength: 1, maxLength: 8 }),
        (initial, edits) => {
          const renderer = new IncrementalMarkdownRenderer()
          let text = initial
          expect(incrementalRenderToHtml(renderer.render(text))).toBe(renderMarkdownToHtml(text))
          for (const edit of edits) {
            text = applyEdit(text, edit)
            expect(incrementalRenderToHtml(renderer.render(text))).toBe(renderMarkdownToHtml(text))
          }
        },
      ),
      { numRuns: 300 },
    )
  })

  it('reuses unchanged blocks and re-renders only the edited one', () => {
    const renderer = new IncrementalMarkdownRenderer()
    const text = [
      '# Title',
      'First paragraph.',
      '```js\nconst a = 1\n\nconst b = 2\n```',
      'Last one.',
    ].join('\n\n')
    const before = renderer.render(text)
    const after = renderer.render(text.replace('First', 'Edited'))
    expect(before.blocks.map((block) => block.startLine)).toEqual([1, 3, 5, 11])
    expect(after.blocks[0]?.hast).toBe(before.blocks[0]?.hast)
    expect(after.blocks[1]?.hast).not.toBe(before.blocks[1]?.hast)
    expect(after.blocks[2]?.hast).toBe(before.blocks[2]?.hast)
    expect(after.blocks[3]?.key).toBe(before.blocks[3]?.key)
  })

  it.each([
    // The blank lines after a fence left open in a list go into the code only when a
    // container starts next (fast-check seed 1362273284 found the first one).
    '[^n]: other\n2) ~~~\n\n\nword',
    '- ~~~\n\n\n> x\n',
    '1. $$\n\n\n[^n]: note\n\nCites[^n].\n',
    // After indented code, micromark does not start a list at 2 (it "interrupts").
    '    code\n\n> - 2) 1. ',
    '<div>\n\n    x\n\n> - 2) a\n',
  ])('renders %j as the full pipeline, whatever starts after an open-ended block', (text) => {
    const renderer = new IncrementalMarkdownRenderer()
    expect(incrementalRenderToHtml(renderer.render(text))).toBe(renderMarkdownToHtml(text))
  })

  it('sees a footnote definition nested in another footnote definition', () => {
    const text = '[^1]===\n\nf]: /other\n[^n]:[^1]: note\n other [^1]\n> quoted\n'
    const renderer = new IncrementalMarkdownRenderer()
    renderer.render(text.replace('[^n]:[^1]: note\n', ''))
    const html = incrementalRenderToHtml(renderer.render(text))
    expect(html).toBe(renderMarkdownToHtml(text))
    expect(html).toContain('id="user-content-fn-1"')
  })

  it('sees a link definition inside a footnote definition', () => {
    const text = 'Uses [ref].\n\n[^1]:[ref]: /x\n The note.\n\nCites[^1].\n'
    const html = incrementalRenderToHtml(new IncrementalMarkdownRenderer().render(text))
    expect(html).toBe(renderMarkdownToHtml(text))
    expect(html).toContain('<a href="/x">ref</a>')
  })

  it('renumbers heading ids and footnotes across blocks', () => {
    const renderer = new IncrementalMarkdownRenderer()
    const text =
      '## Setup\n\nA[^a] and [x].\n\n## Setup\n\nB[^b][^a]\n\n[^a]: one\n[^b]: two\n\n[x]: https://x.org\n'
    const html = incrementalRenderToHtml(renderer.render(text))
    expect(html).toBe(renderMarkdownToHtml(text))
    expect(html).toContain('id="user-content-setup-1"')
    expect(html).toContain('<a href="https://x.org">x</a>')
    expect(html).toContain('id="user-content-fnref-a-2"')
  })
})
