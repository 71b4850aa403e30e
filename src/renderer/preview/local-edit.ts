import { blockSpans, renderSingleBlockEdit, type BlockSpan } from '../../shared/markdown/block-edit'
import type { PreviewBlock, PreviewDocument } from './preview-protocol'

const spansOf = new WeakMap<PreviewDocument, BlockSpan[]>()

/**
 * The document to show for `text` while the worker's render of it is on its way: when the
 * difference from the rendered document lies inside one self-contained block, that block is
 * rendered right here (well under a millisecond for a paragraph), so a keystroke shows in the
 * frame that paints it. Otherwise the rendered document stays until the worker answers.
 *
 * The changed block keeps its key, so React updates that block's DOM in place and leaves
 * every other block alone.
 */
export function documentWithLocalEdit(rendered: PreviewDocument, text: string): PreviewDocument {
  if (rendered.blocks.length < 2) return rendered
  // Computed when the worker's answer is shown, so the next keystroke finds it ready.
  let spans = spansOf.get(rendered)
  if (!spans) spansOf.set(rendered, (spans = blockSpans(rendered.text, rendered.blocks)))
  if (rendered.text === text) return rendered
  const edit = renderSingleBlockEdit(rendered.text, text, spans, rendered.context)
  if (!edit) return rendered
  const blocks = rendered.blocks.map((block, index): PreviewBlock => {
    if (index === edit.index) return { ...block, hast: edit.hast, elementLines: edit.elementLines }
    if (index > edit.index && edit.lineDelta !== 0)
      return { ...block, startLine: block.startLine + edit.lineDelta }
    return block
  })
  return { ...rendered, text, blocks }
}
