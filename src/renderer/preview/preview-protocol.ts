import type { Root as HastRoot } from 'hast'
import type {
  IncrementalMarkdownRenderer,
  IncrementalRender,
} from '../../shared/markdown/incremental'

/**
 * Messages between the preview and its worker. The worker sends a block's hast only the first
 * time the main thread needs it; after that the key alone says "unchanged", so a keystroke
 * costs one small message.
 */
export interface RenderRequest {
  version: number
  text: string
}

export interface BlockMessage {
  key: string
  startLine: number
  elementLines: number[]
  /** Present only when the receiver does not have this key yet. */
  hast?: HastRoot
}

export interface RenderResponse {
  version: number
  /** Time the worker spent rendering and encoding, in ms. */
  renderMs?: number
  blocks: BlockMessage[]
  footer: BlockMessage | null
}

export interface PreviewBlock {
  key: string
  startLine: number
  elementLines: number[]
  hast: HastRoot
}

export interface PreviewDocument {
  version: number
  blocks: PreviewBlock[]
  footer: PreviewBlock | null
}

export const EMPTY_DOCUMENT: PreviewDocument = { version: 0, blocks: [], footer: null }

const FOOTER_LINE = Number.MAX_SAFE_INTEGER

/** Sender side: turns a render into a response, leaving out hast the receiver already has. */
export class ResponseEncoder {
  private sent = new Set<string>()
  private footerKeys = new WeakMap<HastRoot, string>()
  private nextFooter = 1

  encode(version: number, render: IncrementalRender): RenderResponse {
    const now = new Set<string>()
    const message = (block: PreviewBlock): BlockMessage => {
      now.add(block.key)
      const known = this.sent.has(block.key)
      return {
        key: block.key,
        startLine: block.startLine,
        elementLines: block.elementLines,
        ...(known ? {} : { hast: block.hast }),
      }
    }
    const blocks = render.blocks.map(message)
    const footer = render.footer ? message(this.footerBlock(render.footer)) : null
    this.sent = now
    return { version, blocks, footer }
  }

  private footerBlock(hast: HastRoot): PreviewBlock {
    let key = this.footerKeys.get(hast)
    if (!key) this.footerKeys.set(hast, (key = `footer-${this.nextFooter++}`))
    return { key, startLine: FOOTER_LINE, elementLines: [], hast }
  }
}

/** Receiver side: rebuilds the full document from a response and the blocks it already has. */
export function decodeResponse(
  previous: PreviewDocument,
  response: RenderResponse,
): PreviewDocument {
  const known = new Map<string, HastRoot>()
  for (const block of previous.blocks) known.set(block.key, block.hast)
  if (previous.footer) known.set(previous.footer.key, previous.footer.hast)
  const decode = (message: BlockMessage): PreviewBlock => {
    const hast = message.hast ?? known.get(message.key)
    if (!hast) throw new Error(`Preview block ${message.key} arrived without content`)
    return {
      key: message.key,
      startLine: message.startLine,
      elementLines: message.elementLines,
      hast,
    }
  }
  return {
    version: response.version,
    blocks: response.blocks.map(decode),
    footer: response.footer ? decode(response.footer) : null,
  }
}

/** Same-thread rendering (no Worker available): everything is "new" to the receiver. */
export function renderDocument(
  renderer: IncrementalMarkdownRenderer,
  text: string,
  version: number,
): PreviewDocument {
  const render = renderer.render(text)
  return {
    version,
    blocks: render.blocks,
    footer: render.footer
      ? { key: 'footer', startLine: FOOTER_LINE, elementLines: [], hast: render.footer }
      : null,
  }
}
