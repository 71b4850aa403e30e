import { describe, expect, it } from 'vitest'
import {
  IncrementalMarkdownRenderer,
  incrementalRenderToHtml,
} from '../../shared/markdown/incremental'
import { renderMarkdownToHtml } from '../../shared/markdown/pipeline'
import { documentWithLocalEdit } from './local-edit'
import { renderDocument, type PreviewDocument } from './preview-protocol'

const TEXT =
  '# Title\n\nFirst paragraph with [a link][x].\n\nSecond one.\n\n[x]: https://example.com\n'

function html(document: PreviewDocument): string {
  const footer = document.footer?.hast ?? null
  return incrementalRenderToHtml({ blocks: document.blocks, footer, context: document.context })
}

describe('showing an edit before the worker answers', () => {
  it('renders the edited paragraph here, equal to a full render, keeping every key', () => {
    const rendered = renderDocument(new IncrementalMarkdownRenderer(), TEXT, 1)
    const typed = TEXT.replace('First paragraph', 'First long\nparagraph')
    const shown = documentWithLocalEdit(rendered, typed)
    expect(shown).not.toBe(rendered)
    expect(shown.text).toBe(typed)
    expect(html(shown)).toBe(renderMarkdownToHtml(typed))
    expect(shown.blocks.map((block) => block.key)).toEqual(rendered.blocks.map((b) => b.key))
    expect(shown.blocks[0]).toBe(rendered.blocks[0])
    expect(shown.blocks.map((block) => block.startLine)).toEqual([1, 3, 6, 8])
  })

  it('keeps the rendered document when the edit reaches other blocks', () => {
    const rendered = renderDocument(new IncrementalMarkdownRenderer(), TEXT, 1)
    expect(documentWithLocalEdit(rendered, TEXT.replace('Title', 'Heading'))).toBe(rendered)
    expect(documentWithLocalEdit(rendered, TEXT.replace('[x]: https', '[x]: http'))).toBe(rendered)
    expect(documentWithLocalEdit(rendered, TEXT)).toBe(rendered)
  })
})
