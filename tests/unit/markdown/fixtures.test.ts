import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  IncrementalMarkdownRenderer,
  incrementalRenderToHtml,
} from '../../../src/shared/markdown/incremental'
import { renderMarkdownToHtml } from '../../../src/shared/markdown/pipeline'

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/markdown')

/** Each folder holds input.md and the HTML the pipeline must produce for it (expected.html). */
const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)

describe('markdown pipeline fixtures', () => {
  it('covers the features the preview promises', () => {
    expect(cases).toEqual(
      expect.arrayContaining([
        'tables',
        'task-lists',
        'footnotes',
        'code',
        'math',
        'images',
        'anchors',
      ]),
    )
  })

  it.each(cases)('%s renders to expected.html, fully and incrementally', (name) => {
    const input = readFileSync(path.join(FIXTURES, name, 'input.md'), 'utf8')
    const expected = readFileSync(path.join(FIXTURES, name, 'expected.html'), 'utf8').replace(
      /\n$/,
      '',
    )
    expect(renderMarkdownToHtml(input)).toBe(expected)
    expect(incrementalRenderToHtml(new IncrementalMarkdownRenderer().render(input))).toBe(expected)
  })
})
