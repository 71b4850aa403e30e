import type { Root as HastRoot } from 'hast'
import type { Definition } from 'mdast'

/** What the incremental renderer produces; its own module so the render guard can name it. */
/** One top-level block of the document, rendered. */
export interface RenderedBlock {
  /** Stable while the block's output is unchanged; unique within one render. */
  key: string
  /** 1-based line where the block starts in the document. */
  startLine: number
  /** Sanitized, highlighted hast of the block (never mutate: it is cached). */
  hast: HastRoot
  /** For each top-level element of `hast`, its 1-based line within the block. */
  elementLines: number[]
  /**
   * True when nothing in the block reaches other blocks: no link or footnote definitions, no
   * footnote calls (they number the notes), no headings (their ids depend on each other).
   */
  isolated: boolean
}

/** What blocks read from the rest of the document: its link and footnote labels. */
export interface DocumentContext {
  /** Labels defined anywhere (footnotes as `^label`), in document order. */
  labels: string[]
  /** The link reference definitions, in document order. */
  definitions: Definition[]
}

export interface IncrementalRender {
  blocks: RenderedBlock[]
  /** The footnotes section, rendered after all blocks, or null when nothing is cited. */
  footer: HastRoot | null
  context: DocumentContext
}
