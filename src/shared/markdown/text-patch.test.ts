import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { blockSpans, changedRange, renderSingleBlockEdit } from './block-edit'
import {
  IncrementalMarkdownRenderer,
  incrementalRenderToHtml,
  type IncrementalRender,
} from './incremental'
import { renderMarkdownToHtml } from './pipeline'
import { patchTextEdit } from './text-patch'

/** Prose with neighbours that make a plain-looking edit change more than one text node. */
const BLOCKS = [
  'Plain words in a sentence, with (brackets) and "quotes".',
  'Links [a b](c d) and [e](f g h) and ![alt words](i.png) and [j](k "l m").',
  'Visit www.example.com. Or wwwexample and http://x.io today.',
  'Mail me at a.b@example.com or foo_bar_baz and *em* and **strong** here.',
  'Entities &amp; escapes \\* and `co de` in a line.',
  'Hard  \nbreak and soft\nbreak and   indented\n   continuation.',
  'Title words\n===',
  'Underline maybe\n= b',
  '- item one\n- item two words',
  '1. first item\n2. second item',
  '> quoted text here\n> and more',
  '| a b | c |\n|---|---|\n| d e | f g |',
  'A [link text](/x) and a [ref] and ~~gone words~~.',
  '[ref]: /target',
  'Math $a b$ and <span>html b</span> words.',
  '- - x\n\n* * *',
  'Numbers 1.5 and 12 and x-y-z.',
]

const documentArb = fc
  .array(fc.constantFrom(...BLOCKS), { minLength: 2, maxLength: 8 })
  .map((blocks) => blocks.join('\n\n') + '\n')

const editArb = fc.record({
  at: fc.nat(),
  remove: fc.oneof(fc.constant(0), fc.nat({ max: 3 })),
  insert: fc.constantFrom('', 'Q', 'q', 'ab', '7'),
})

function applyEdit(text: string, edit: { at: number; remove: number; insert: string }): string {
  const at = edit.at % (text.length + 1)
  return text.slice(0, at) + edit.insert + text.slice(at + edit.remove)
}

function patchedRender(render: IncrementalRender, before: string, after: string): string | null {
  const spans = blockSpans(before, render.blocks)
  const edit = renderSingleBlockEdit(before, after, spans, render.context)
  if (!edit) return null
  return incrementalRenderToHtml({
    ...render,
    blocks: render.blocks.map((block, index) =>
      index === edit.index ? { ...block, hast: edit.hast, elementLines: edit.elementLines } : block,
    ),
  })
}

/** Whether the edit takes the text-patch path (rather than a parse of the block). */
function isPatched(render: IncrementalRender, before: string, after: string): boolean {
  const change = changedRange(before, after)
  if (!change) return false
  const spans = blockSpans(before, render.blocks)
  const index = spans.findLastIndex((span) => span.start <= change.from)
  const span = spans[index]
  const block = render.blocks[index]
  if (!span || !block || change.toBefore > span.end) return false
  const text = after.slice(span.start, span.end + after.length - before.length)
  const old = before.slice(span.start, span.end)
  const from = change.from - span.start
  const to = change.toBefore - span.start
  return patchTextEdit(block.hast, old, text, from, to, render.context.labels.length > 0) !== null
}

describe('patching a plain text edit into the rendered block', () => {
  it('equals a full render whenever it applies', () => {
    let patched = 0
    fc.assert(
      fc.property(documentArb, editArb, (before, edit) => {
        const after = applyEdit(before, edit)
        const render = new IncrementalMarkdownRenderer().render(before)
        const html = patchedRender(render, before, after)
        if (html !== null) expect(html).toBe(renderMarkdownToHtml(after))
        if (isPatched(render, before, after)) patched++
      }),
      { numRuns: 600 },
    )
    expect(patched).toBeGreaterThan(100)
  })

  it('patches typing in running text and refuses words that could turn into markup', () => {
    const render = (text: string) => new IncrementalMarkdownRenderer().render(text)
    const patches = (before: string, from: string, to: string) =>
      isPatched(render(before), before, before.replace(from, to))
    const doc = (block: string) => `Intro.\n\n${block}\n\nEnd.\n`
    expect(patches(doc('Some words here.'), 'here.', 'here.Q')).toBe(true)
    expect(patches(doc('Some words here.'), 'words', 'wods')).toBe(true)
    expect(patches(doc('Some words here.'), 'Some', 'SomeQ')).toBe(false)
    expect(patches(doc('See www.example.com. now'), 'com.', 'com.Q')).toBe(false)
    expect(patches(doc('Say foo_bar here'), 'bar', 'baQr')).toBe(false)
    expect(patches(doc('Say [x] here'), 'here', 'heQre')).toBe(true)
    expect(patches(`${doc('Say [x] here')}\n[x]: /y\n`, 'here', 'heQre')).toBe(false)
    expect(patches(doc('Say [a](b c) here'), ' c)', ' )')).toBe(false)
    expect(patches(doc('Say *em* here'), 'em*', 'emQ*')).toBe(false)
    expect(patches(doc('Text\n= b'), ' b', ' ')).toBe(false)
    expect(patches(doc('Say &amp; here'), 'here', 'hQere')).toBe(false)
  })
})
