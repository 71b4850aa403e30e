import type { Root as HastRoot } from 'hast'
import {
  countLines,
  parseBlock,
  parseBlockWithLabels,
  parseWithSentinel,
  type ParsedBlock,
} from './block-parse'
import { canStartBlock, isBlankLine } from './block-split'
import { closedFrontMatterEnd } from './front-matter-fence'
import { isIsolated, renderParsedBlock, type DocumentContext } from './incremental'
import { hostileMarkdownNote, isShallowEnough } from './render-guard'
import { patchTextEdit } from './text-patch'

/** One block of a rendered document, as offsets into the text it was rendered from. */
export interface BlockSpan {
  start: number
  /** Offset just past the block (the next block's start, or the text's length). */
  end: number
  /** See `RenderedBlock.isolated`. */
  isolated: boolean
  /** The block's render, when known: lets a plain text edit patch it (`text-patch.ts`). */
  rendered?: { hast: HastRoot; elementLines: number[] }
}

/** The one block an edit changed, rendered as the full render renders it in the new text. */
export interface BlockEdit {
  /** Index of the changed block among the spans. */
  index: number
  hast: HastRoot
  elementLines: number[]
  /** Lines the edit added (negative: removed); later blocks move by this many lines. */
  lineDelta: number
}

/**
 * Above this size a block is left to the worker. Parsing and rendering cost about 2 µs a
 * character, so a block this size costs the typing thread at most about 3 ms (a typical
 * paragraph: well under 1 ms).
 */
export const MAX_EDITED_BLOCK_CHARS = 1500

/**
 * Renders the block an edit fell into, on its own, when that is provably what a full render of
 * `after` shows there — so the preview can show a keystroke before the worker answers. Returns
 * null (leave it to the worker) unless all of these hold:
 *
 * - the edit lies inside one block that is not the first (which may hold front matter);
 * - old and new block touch nothing other blocks see (definitions, footnotes, headings);
 * - the block still starts where a block may start and, unless it is the last, still ends in a
 *   blank line with nothing (fence, math, HTML) left open — the same proof the incremental
 *   renderer uses to cut blocks, so the blocks before and after render exactly as before.
 *
 * `spans` and `context` describe a render of `before`.
 */
export function renderSingleBlockEdit(
  before: string,
  after: string,
  spans: readonly BlockSpan[],
  context: DocumentContext,
): BlockEdit | null {
  const change = changedRange(before, after)
  if (!change) return null
  const index = spanIndexAt(spans, change.from)
  const span = spans[index]
  const second = spans[1]
  if (index < 1 || !span || !second || !span.isolated || change.toBefore > span.end) return null
  if (!frontMatterUnchanged(after, second.start)) return null

  const isLast = index === spans.length - 1
  const text = after.slice(span.start, span.end + after.length - before.length)
  if (text.length > MAX_EDITED_BLOCK_CHARS || !canStartBlock(firstLine(text))) return null
  if (!isLast && !endsWithBlankLine(text)) return null

  // Hostile Markdown makes the full render fall back to showing the whole text (see
  // render-guard.ts). The guard's line scan starts clean at a block like this one, so the
  // block alone tells, except for its document-wide count of footnote definitions.
  if (text.includes('[^') || hostileMarkdownNote(text) !== null) return null
  const lineDelta = countLines(text) - countLines(before.slice(span.start, span.end))
  const patched =
    span.rendered &&
    patchTextEdit(
      span.rendered.hast,
      before.slice(span.start, span.end),
      text,
      change.from - span.start,
      change.toBefore - span.start,
      context.labels.length > 0,
    )
  if (patched && span.rendered)
    return { index, hast: patched, elementLines: span.rendered.elementLines, lineDelta }
  const rendered = renderBlockText(text, isLast, context)
  if (!rendered || rendered.headingTexts.length > 0) return null
  return {
    index,
    hast: rendered.hast,
    elementLines: rendered.elementLines,
    lineDelta,
  }
}

/** The block's render, or null when it reaches other blocks or is too deep to show. */
function renderBlockText(text: string, isLast: boolean, context: DocumentContext) {
  try {
    const parsed = parseEditedBlock(text, isLast, context.labels)
    if (!parsed || !isIsolated(parsed)) return null
    const dependsOnContext = text.includes('[')
    const rendered = renderParsedBlock(parsed, dependsOnContext ? context.definitions : [])
    return isShallowEnough(rendered.hast) ? rendered : null
  } catch (error) {
    // A stack overflow: the full render shows its fallback, which the worker will send.
    if (error instanceof RangeError) return null
    throw error
  }
}

/** Parses the block as the incremental renderer does; null when it leaves a construct open. */
function parseEditedBlock(
  text: string,
  isLast: boolean,
  labels: readonly string[],
): ParsedBlock | null {
  const known = labels.length > 0 && text.includes('[') ? labels : []
  if (isLast) return known.length > 0 ? parseBlockWithLabels(text, false, known) : parseBlock(text)
  const { closed, parsed } = parseWithSentinel(text, known)
  return closed ? parsed : null
}

/**
 * The first block is never edited here, but a fence typed further down could close a front
 * matter block left open on line 1 and change the whole document: the front matter must
 * either be absent or end inside the first block.
 */
function frontMatterUnchanged(after: string, secondBlockStart: number): boolean {
  const start = after.startsWith('\uFEFF') ? 1 : 0
  if (!after.startsWith('---', start) && !after.startsWith('+++', start)) return true
  const end = closedFrontMatterEnd(after)
  return end > 0 && end < secondBlockStart
}

interface ChangedRange {
  from: number
  /** End of the replaced text in `before`. */
  toBefore: number
}

/** Strings are compared in slices of this many characters before finding the exact offset. */
const CHUNK = 1024

/** The range of `before` that differs from `after` (common prefix and suffix left out). */
export function changedRange(before: string, after: string): ChangedRange | null {
  if (before === after) return null
  const limit = Math.min(before.length, after.length)
  let from = 0
  while (
    from + CHUNK <= limit &&
    before.slice(from, from + CHUNK) === after.slice(from, from + CHUNK)
  )
    from += CHUNK
  while (from < limit && before.charCodeAt(from) === after.charCodeAt(from)) from++
  const room = limit - from
  let suffix = 0
  while (
    suffix + CHUNK <= room &&
    before.slice(before.length - suffix - CHUNK, before.length - suffix) ===
      after.slice(after.length - suffix - CHUNK, after.length - suffix)
  )
    suffix += CHUNK
  while (
    suffix < room &&
    before.charCodeAt(before.length - suffix - 1) === after.charCodeAt(after.length - suffix - 1)
  )
    suffix++
  return { from, toBefore: before.length - suffix }
}

/** Index of the last span starting at or before `offset` (spans are in order). */
function spanIndexAt(spans: readonly BlockSpan[], offset: number): number {
  let low = 0
  let high = spans.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if ((spans[middle]?.start ?? 0) <= offset) low = middle
    else high = middle - 1
  }
  return low
}

function firstLine(text: string): string {
  const end = text.indexOf('\n')
  return end < 0 ? text : text.slice(0, end)
}

/** Whether the last line of `text` (which ends in a line break) is blank. */
function endsWithBlankLine(text: string): boolean {
  if (!text.endsWith('\n')) return false
  const lastLineStart = text.lastIndexOf('\n', text.length - 2) + 1
  return isBlankLine(text.slice(lastLineStart, text.length - 1))
}

/** Block spans of a render of `text`, from the blocks' 1-based start lines. */
export function blockSpans(
  text: string,
  blocks: readonly {
    startLine: number
    isolated: boolean
    hast?: HastRoot
    elementLines?: number[]
  }[],
): BlockSpan[] {
  const spans: BlockSpan[] = []
  let line = 1
  let offset = 0
  for (const block of blocks) {
    while (line < block.startLine) {
      const next = text.indexOf('\n', offset)
      if (next < 0) break
      offset = next + 1
      line++
    }
    const previous = spans.at(-1)
    if (previous) previous.end = offset
    const { hast, elementLines } = block
    const rendered = hast && elementLines ? { hast, elementLines } : undefined
    spans.push({ start: offset, end: text.length, isolated: block.isolated, rendered })
  }
  return spans
}
