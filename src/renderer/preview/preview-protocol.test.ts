import { describe, expect, it } from 'vitest'
import { IncrementalMarkdownRenderer } from '../../shared/markdown/incremental'
import {
  EMPTY_DOCUMENT,
  ResponseEncoder,
  decodeResponse,
  renderDocument,
  renderRequest,
  requestedText,
} from './preview-protocol'

const TEXT = '# Title\n\nFirst[^1].\n\nSecond.\n\n[^1]: Note.\n'

describe('preview worker protocol', () => {
  it('sends a block once, then only its key, and the receiver rebuilds the same document', () => {
    const encoder = new ResponseEncoder()
    const renderer = new IncrementalMarkdownRenderer()
    const first = encoder.encode(1, renderer.render(TEXT))
    expect(first.blocks.every((block) => block.hast !== undefined)).toBe(true)
    // Structured clone is what postMessage does between the worker and the page.
    const received = decodeResponse(EMPTY_DOCUMENT, structuredClone(first), TEXT)

    const edited = TEXT.replace('Second', 'Changed')
    const second = encoder.encode(2, renderer.render(edited))
    expect(second.blocks.filter((block) => block.hast !== undefined)).toHaveLength(1)
    expect(second.footer?.hast).toBeUndefined()
    expect(first.context?.labels).toEqual(['^1'])
    expect(second.context).toBeUndefined()
    const updated = decodeResponse(received, structuredClone(second), edited)

    const expected = renderDocument(new IncrementalMarkdownRenderer(), edited, 2)
    expect(updated.blocks.map((block) => block.hast)).toEqual(
      expected.blocks.map((block) => block.hast),
    )
    expect(updated.blocks.map((block) => block.startLine)).toEqual([1, 3, 5, 7])
    expect(updated.footer?.hast).toEqual(expected.footer?.hast)
    expect(updated.text).toBe(edited)
    expect(updated.context).toEqual(expected.context)
    expect(updated.blocks.map((block) => block.isolated)).toEqual([false, false, true, false])
    expect(updated.blocks[0]).toBe(received.blocks[0])
    expect(updated.blocks[2]).not.toBe(received.blocks[2])
  })

  it('sends the whole text once, then only the change', () => {
    const first = renderRequest(1, null, TEXT)
    expect(first).toEqual({ version: 1, text: TEXT })
    const held = requestedText('', structuredClone(first))
    const edited = TEXT.replace('Second.', 'Second, longer.')
    const second = renderRequest(2, held, edited)
    expect(second).toEqual({ version: 2, edit: { from: 27, to: 27, insert: ', longer' } })
    expect(requestedText(held, structuredClone(second))).toBe(edited)
    const removed = renderRequest(3, edited, TEXT)
    expect(requestedText(edited, removed)).toBe(TEXT)
    expect(requestedText(TEXT, renderRequest(4, TEXT, TEXT))).toBe(TEXT)
  })

  it('refuses a key it never received content for', () => {
    expect(() =>
      decodeResponse(
        EMPTY_DOCUMENT,
        {
          version: 1,
          blocks: [{ key: '9', startLine: 1, elementLines: [1], isolated: true }],
          footer: null,
        },
        '',
      ),
    ).toThrow(/without content/)
  })
})
