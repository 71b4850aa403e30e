import type { PreviewBlock } from './preview-protocol'
import { PreviewBlockView } from './PreviewBlockView'

/**
 * The preview's React elements: one per shown block object, kept while its key stays the
 * same, so on a keystroke React skips every unchanged block without comparing its props.
 */
export class BlockElements {
  private cache = new WeakMap<PreviewBlock, { key: string; element: React.JSX.Element }>()

  elementFor(block: PreviewBlock, key: string, startLine: number): React.JSX.Element {
    const cached = this.cache.get(block)
    if (cached?.key === key) return cached.element
    const element = (
      <PreviewBlockView
        key={key}
        hast={block.hast}
        startLine={startLine}
        elementLines={block.elementLines}
      />
    )
    this.cache.set(block, { key, element })
    return element
  }
}
