import type { Root } from 'hast'
import { describe, expect, it } from 'vitest'
import {
  incrementalRenderToHtml,
  IncrementalMarkdownRenderer,
} from '../../../src/shared/markdown/incremental'
import { renderMarkdownToHast, renderMarkdownToHtml } from '../../../src/shared/markdown/pipeline'
import { MAX_FORMULA_HTML } from '../../../src/shared/markdown/rehype-math'
import {
  fallbackHast,
  guardHastRender,
  guardIncrementalRender,
  hostileMarkdownNote,
  MAX_BRACKET_DEPTH,
  MAX_CONTAINER_DEPTH,
  MAX_HAST_DEPTH,
  MAX_HAST_NODES,
  MAX_LINE_LENGTH,
  MAX_UNITS,
  TOO_DEEP_NOTE,
  TOO_LARGE_NOTE,
  TOO_LONG_LINE_NOTE,
  TOO_MANY_UNITS_NOTE,
  TOO_MANY_FOOTNOTES_NOTE,
  TOO_MUCH_MARKUP_NOTE,
} from '../../../src/shared/markdown/render-guard'
import { PATHOLOGICAL_INPUTS } from './pathological-inputs'

const FALLBACK_MARK = '<pre class="render-fallback">'

function incrementalHtml(markdown: string): string {
  return incrementalRenderToHtml(new IncrementalMarkdownRenderer().render(markdown))
}

function nestedList(depth: number): string {
  return Array.from({ length: depth }, (_, level) => `${'  '.repeat(level)}- item ${level}`).join(
    '\n',
  )
}

/** Ordinary posts, including nesting and markup well above what people write. */
const NORMAL_DOCUMENTS = [
  '# Title\n\nA paragraph with *emphasis*, **strong**, `code` and a [link](https://x.y).\n',
  `${'> '.repeat(10)}ten quotes deep\n`,
  nestedList(12),
  `${'> - '.repeat(8)}mixed\n`,
  '| snake_case_key | value |\n|---|---|\n' + '| some_setting_name | **on** |\n'.repeat(600),
  'Text [with [nested [brackets]]] and [^1] footnote.\n\n[^1]: The note.\n',
  '***\n\n---\n\n' + '*'.repeat(80) + '\n',
  '---\ntitle: "Front matter"\ntags: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[a]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n---\n\nBody\n',
  '```\n' +
    '                                                                    - deep code\n' +
    '```\n',
]

describe('hostile Markdown is detected before parsing', () => {
  it('leaves ordinary posts alone, so their output is the plain CommonMark/GFM render', () => {
    for (const markdown of NORMAL_DOCUMENTS) {
      expect(hostileMarkdownNote(markdown), markdown.slice(0, 60)).toBeNull()
      expect(renderMarkdownToHtml(markdown)).not.toContain(FALLBACK_MARK)
    }
  })

  it('caps quote, list and mixed nesting just above the limit', () => {
    const limit = MAX_CONTAINER_DEPTH
    expect(hostileMarkdownNote(`${'> '.repeat(limit)}x`)).toBeNull()
    expect(hostileMarkdownNote(`${'> '.repeat(limit + 1)}x`)).toBe(TOO_DEEP_NOTE)
    expect(hostileMarkdownNote(nestedList(limit))).toBeNull()
    expect(hostileMarkdownNote(nestedList(limit + 1))).toBe(TOO_DEEP_NOTE)
    expect(hostileMarkdownNote(`${'> - '.repeat(limit / 2 + 1)}x`)).toBe(TOO_DEEP_NOTE)
    // Nested lists inside a block quote count the quote and every item.
    const quotedList = nestedList(limit)
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\n')
    expect(hostileMarkdownNote(quotedList)).toBe(TOO_DEEP_NOTE)
  })

  it('caps unclosed brackets, delimiter runs and footnotes per paragraph or post', () => {
    expect(hostileMarkdownNote('['.repeat(MAX_BRACKET_DEPTH) + 'x')).toBeNull()
    expect(hostileMarkdownNote('['.repeat(MAX_BRACKET_DEPTH + 1) + 'x')).toBe(TOO_MUCH_MARKUP_NOTE)
    // Blank lines end a paragraph, so the count starts again.
    expect(hostileMarkdownNote('[[[[[[[[[[\n\n'.repeat(100))).toBeNull()
    expect(hostileMarkdownNote('*_'.repeat(600))).toBe(TOO_MUCH_MARKUP_NOTE)
    expect(hostileMarkdownNote('*a* '.repeat(400) + '\n\n' + '*b* '.repeat(400))).toBeNull()
    expect(hostileMarkdownNote(`${'*'.repeat(65)}x${'*'.repeat(65)}`)).toBe(TOO_MUCH_MARKUP_NOTE)
    const notes = (count: number) =>
      Array.from({ length: count }, (_, i) => `[^${i}]: note`).join('\n')
    expect(hostileMarkdownNote(notes(1000))).toBeNull()
    expect(hostileMarkdownNote(notes(1001))).toBe(TOO_MANY_FOOTNOTES_NOTE)
  })

  it('caps the length of one line and the number of list items, table rows and headings', () => {
    expect(hostileMarkdownNote('word '.repeat(MAX_LINE_LENGTH / 5))).toBeNull()
    expect(hostileMarkdownNote('word '.repeat(MAX_LINE_LENGTH / 5) + 'x')).toBe(TOO_LONG_LINE_NOTE)
    const items = (count: number) =>
      Array.from({ length: count }, (_, i) => `- item ${i}`).join('\n')
    expect(hostileMarkdownNote(items(MAX_UNITS))).toBeNull()
    expect(hostileMarkdownNote(items(MAX_UNITS + 1))).toBe(TOO_MANY_UNITS_NOTE)
    const html = renderMarkdownToHtml(items(MAX_UNITS + 1))
    expect(html).toContain('too many to preview')
    expect(html).not.toContain('<li>')
  })
})

describe('render falls back instead of crashing', () => {
  const hostile = PATHOLOGICAL_INPUTS.filter(([, text]) => hostileMarkdownNote(text) !== null)

  it('flags the deep, bracket, emphasis and footnote bombs of the fuzz suite', () => {
    expect(hostile.map(([label]) => label)).toEqual(
      expect.arrayContaining([
        '1,000-deep block quotes',
        '1,000-deep nested list',
        '1,000-deep mixed quotes and lists',
        '1 MB single line of emphasis markers',
        '1 MB of brackets',
        'nested links and images',
        '10,000 footnotes',
      ]),
    )
  })

  it.each(hostile)(
    '%s: the text escaped in a <pre>, the same in full and incremental render',
    (_label, text) => {
      const html = renderMarkdownToHtml(text)
      expect(html).toMatch(
        /^<p class="render-fallback-note">[^<]+<\/p>\n<pre class="render-fallback"><code>/,
      )
      expect(html.length).toBeGreaterThanOrEqual(text.length)
      expect(incrementalHtml(text)).toBe(html)
    },
  )

  it('escapes markup in the fallback', () => {
    const text = `${'> '.repeat(40)}<script>alert(1)</script><img src=x onerror=alert(1)>\0`
    const html = renderMarkdownToHtml(text)
    expect(html).toContain(
      '&#x3C;script>alert(1)&#x3C;/script>&#x3C;img src=x onerror=alert(1)>\uFFFD',
    )
    expect(html).not.toMatch(/<script|<img/)
    expect(incrementalHtml(text)).toBe(html)
  })

  it('deeply nested KaTeX output never crashes: shown as its source, or the stack-overflow fallback', () => {
    // How deep overflows depends on the stack size; KaTeX gives up by itself beyond ~1,500.
    // Its output past MAX_FORMULA_HTML is shown as the formula's source before any overflow.
    for (const depth of [300, 500, 800, 1200]) {
      const text = `$${'\\sqrt{'.repeat(depth)}x${'}'.repeat(depth)}$\n`
      expect(hostileMarkdownNote(text)).toBeNull()
      const html = renderMarkdownToHtml(text)
      expect(incrementalHtml(text)).toBe(html)
      if (html.includes(FALLBACK_MARK)) {
        expect(html).toContain(TOO_DEEP_NOTE)
        expect(renderMarkdownToHast(text)).toEqual(fallbackHast(text, TOO_DEEP_NOTE))
      } else {
        // Too large to show, or KaTeX's own error (it overflows by itself at this depth).
        expect(html.slice(0, 60), `depth ${depth}`).toMatch(/class="(math-too-large|katex-error)"/)
        expect(html.length).toBeLessThan(MAX_FORMULA_HTML)
      }
    }
  })

  it('a passage that makes more than MAX_HAST_NODES nodes is shown as written, in both renderers', () => {
    // Real Markdown that gets there takes seconds to parse (the preview's time budget stops it);
    // the cap itself is checked on a tree of that size.
    const text = 'A passage.\n'
    const wide = (count: number): Root => ({
      type: 'root',
      children: [
        {
          type: 'element',
          tagName: 'p',
          properties: {},
          children: Array.from({ length: count }, () => ({ type: 'text' as const, value: 'a' })),
        },
      ],
    })
    expect(guardHastRender(text, () => wide(MAX_HAST_NODES))).toEqual(
      fallbackHast(text, TOO_LARGE_NOTE),
    )
    const underCap = wide(MAX_HAST_NODES - 10)
    expect(guardHastRender(text, () => underCap)).toBe(underCap)
    const incremental = guardIncrementalRender(text, () => ({
      blocks: [
        { key: '1', startLine: 1, hast: wide(MAX_HAST_NODES), elementLines: [1], isolated: true },
      ],
      footer: null,
      context: { labels: [], definitions: [] },
    }))
    expect(incremental.blocks.map((block) => block.hast)).toEqual([
      fallbackHast(text, TOO_LARGE_NOTE),
    ])
    expect(MAX_HAST_NODES).toBeGreaterThan(40_000) // a 4,000-row table still previews
  })

  it('catches only RangeError: other failures are bugs and still surface', () => {
    const overflow = (depth: number): number => (depth === -1 ? 0 : overflow(depth + 1) + 1)
    const fallback = guardHastRender('text', () => ({
      type: 'root',
      children: [{ type: 'text', value: String(overflow(0)) }],
    }))
    expect(fallback).toEqual(fallbackHast('text', TOO_DEEP_NOTE))
    expect(() =>
      guardHastRender('text', () => {
        throw new TypeError('a bug')
      }),
    ).toThrow('a bug')
  })

  it('treats a rendered tree deeper than MAX_HAST_DEPTH as too deep', () => {
    const deep = (depth: number): Root => {
      let node: Root['children'][number] = { type: 'text', value: 'x' }
      for (let i = 0; i < depth; i++)
        node = { type: 'element', tagName: 'span', properties: {}, children: [node] }
      return { type: 'root', children: [node] }
    }
    expect(guardHastRender('x', () => deep(MAX_HAST_DEPTH - 1))).toEqual(deep(MAX_HAST_DEPTH - 1))
    expect(guardHastRender('x', () => deep(MAX_HAST_DEPTH + 1))).toEqual(
      fallbackHast('x', TOO_DEEP_NOTE),
    )
  })
})
