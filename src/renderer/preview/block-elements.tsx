import { memo } from 'react'
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

interface BlockGroupProps {
  blocks: React.JSX.Element[]
}

/**
 * A run of block elements (see `block-groups.ts`). It renders no element of its own, so the
 * preview's DOM stays flat, and React skips it whole while its blocks are the same elements.
 */
export const BlockGroup = memo(
  function BlockGroup({ blocks }: BlockGroupProps): React.JSX.Element {
    return <>{blocks}</>
  },
  (before, after) =>
    before.blocks.length === after.blocks.length &&
    before.blocks.every((element, index) => element === after.blocks[index]),
)
