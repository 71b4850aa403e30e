import type { Root as HastRoot } from 'hast'
import { changedRange } from '../../shared/markdown/block-edit'
import type {
  DocumentContext,
  IncrementalMarkdownRenderer,
  IncrementalRender,
} from '../../shared/markdown/incremental'

/**
 * Messages between the preview and its worker. The page sends the whole text once, then only
 * what changed; the worker sends a block's hast only the first time the page needs it, after
 * that the key alone says "unchanged". A keystroke costs two small messages both ways, never a
 * copy of a 100 KB post on the typing thread.
 */
export type RenderRequest = { version: number; text: string } | { version: number; edit: TextEdit }

/** Replace `before.slice(from, to)` with `insert`. */
export interface TextEdit {
  from: number
  to: number
  insert: string
}

/** The request that brings a worker holding `sent` to `text`. */
export function renderRequest(version: number, sent: string | null, text: string): RenderRequest {
  if (sent === null) return { version, text }
  const range = changedRange(sent, text)
  if (!range) return { version, edit: { from: 0, to: 0, insert: '' } }
  const insertEnd = text.length - (sent.length - range.toBefore)
  return {
    version,
    edit: { from: range.from, to: range.toBefore, insert: text.slice(range.from, insertEnd) },
  }
}

/** The text a request brings the worker to, from the text it held. */
export function requestedText(held: string, request: RenderRequest): string {
  if ('text' in request) return request.text
  const { from, to, insert } = request.edit
  return held.slice(0, from) + insert + held.slice(to)
}

export interface BlockMessage {
  key: string
  startLine: number
  elementLines: number[]
  isolated: boolean
  /** Present only when the receiver does not have this key yet. */
  hast?: HastRoot
}

export interface RenderResponse {
  version: number
  /** Time the worker spent rendering and encoding, in ms. */
  renderMs?: number
  blocks: BlockMessage[]
  footer: BlockMessage | null
  /** Present only when it differs from the last one sent. */
  context?: DocumentContext
}

export interface PreviewBlock {
  key: string
  startLine: number
  elementLines: number[]
  hast: HastRoot
  isolated: boolean
}

export interface PreviewDocument {
  version: number
  /** The source the blocks show. */
  text: string
  blocks: PreviewBlock[]
  footer: PreviewBlock | null
  /** The document's link and footnote labels, for rendering one block on its own. */
  context: DocumentContext
}

const NO_CONTEXT: DocumentContext = { labels: [], definitions: [] }

export const EMPTY_DOCUMENT: PreviewDocument = {
  version: 0,
  text: '',
  blocks: [],
  footer: null,
  context: NO_CONTEXT,
}

const FOOTER_LINE = Number.MAX_SAFE_INTEGER

/** Sender side: turns a render into a response, leaving out hast the receiver already has. */
export class ResponseEncoder {
  private sent = new Set<string>()
  private sentContext = JSON.stringify(NO_CONTEXT)
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
        isolated: block.isolated,
        ...(known ? {} : { hast: block.hast }),
      }
    }
    const blocks = render.blocks.map(message)
    const footer = render.footer ? message(this.footerBlock(render.footer)) : null
    this.sent = now
    const context = JSON.stringify(render.context)
    if (context === this.sentContext) return { version, blocks, footer }
    this.sentContext = context
    return { version, blocks, footer, context: render.context }
  }

  private footerBlock(hast: HastRoot): PreviewBlock {
    let key = this.footerKeys.get(hast)
    if (!key) this.footerKeys.set(hast, (key = `footer-${this.nextFooter++}`))
    return { key, startLine: FOOTER_LINE, elementLines: [], hast, isolated: false }
  }
}

/**
 * Receiver side: rebuilds the full document from a response and the blocks it already has;
 * `text` is the source the response was rendered from.
 */
export function decodeResponse(
  previous: PreviewDocument,
  response: RenderResponse,
  text: string,
): PreviewDocument {
  const known = new Map<string, PreviewBlock>()
  for (const block of previous.blocks) known.set(block.key, block)
  if (previous.footer) known.set(previous.footer.key, previous.footer)
  const decode = (message: BlockMessage): PreviewBlock => {
    const before = known.get(message.key)
    // An unchanged block stays the same object, so the page skips it without a look.
    if (before && !message.hast && sameBlockPlace(before, message)) return before
    const hast = message.hast ?? before?.hast
    if (!hast) throw new Error(`Preview block ${message.key} arrived without content`)
    return {
      key: message.key,
      startLine: message.startLine,
      elementLines: message.elementLines,
      hast,
      isolated: message.isolated,
    }
  }
  return {
    version: response.version,
    text,
    blocks: response.blocks.map(decode),
    footer: response.footer ? decode(response.footer) : null,
    context: response.context ?? previous.context,
  }
}

function sameBlockPlace(block: PreviewBlock, message: BlockMessage): boolean {
  return (
    block.startLine === message.startLine &&
    block.isolated === message.isolated &&
    block.elementLines.length === message.elementLines.length &&
    block.elementLines.every((line, index) => line === message.elementLines[index])
  )
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
    text,
    blocks: render.blocks,
    footer: render.footer
      ? {
          key: 'footer',
          startLine: FOOTER_LINE,
          elementLines: [],
          hast: render.footer,
          isolated: false,
        }
      : null,
    context: render.context,
  }
}
