import type { Root, RootContent } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { blocksOfNodes, blocksOfRoot, joinBlocks, type BlockStyle, type TextBlock } from './blocks'
import { splitChunks, type Chunk } from './chunks'
import { DefinitionIndex } from './definitions'
import { fastBlocks } from './fast'
import { scanBlocks } from './scan'
import { hostileMarkdownNote } from '../markdown/render-guard'

const parser = unified().use(remarkParse).use(remarkGfm)

export function parseMarkdown(markdown: string): Root {
  return parser.parse(markdown) as Root
}

/**
 * Bounds on what remark is given, so no input makes the excerpt slow (micromark is quadratic
 * or worse on some inputs, and the growing window below re-parses what it has seen):
 *
 * - one parse covers at most MAX_WINDOW_CHARS of the document (plus the definitions it
 *   references); a chunk longer than that is read in pieces cut at line ends (or spaces);
 * - one walk hands remark at most PARSE_BUDGET_CHARS in all; after that, and for any stretch
 *   `hostileMarkdownNote` flags, chunks go through the fast path or the linear scan
 *   (`scan.ts`) instead, which is linear in the text whatever it holds.
 *
 * A summary needs only the first blocks of a post, so real posts never reach these bounds;
 * beyond them the text is the same, and only block structure across a cut is approximate.
 */
export const MAX_WINDOW_CHARS = 8 * 1024
export const PARSE_BUDGET_CHARS = 32 * 1024

/**
 * Walks the text blocks of LF-normalised Markdown in document order and stops as soon as
 * `stop` says so, parsing no more than it must: plain chunks go through the fast path and
 * complex stretches through remark on a growing window. A top-level node is trusted only once
 * a later node has started after it, because appending text never changes a closed block;
 * the reference definitions a window cites, wherever they are, are prepended so links resolve
 * as in a full parse.
 */
export function walkBlocks(
  markdown: string,
  stop: (block: TextBlock) => boolean,
  /** The whole document, when `markdown` is only its start: its definitions count too. */
  document: string = markdown,
): TextBlock[] {
  const chunks = boundedChunks(markdown)
  const taken: TextBlock[] = []
  const take = (blocks: readonly TextBlock[]): boolean => {
    for (const block of blocks) {
      taken.push(block)
      if (stop(block)) return true
    }
    return false
  }
  let definitions: DefinitionIndex | null = null
  const budget = { chars: PARSE_BUDGET_CHARS }
  let i = 0
  while (i < chunks.length) {
    const chunkText = slice(markdown, chunks[i]!, chunks[i]!)
    const fast = fastBlocks(chunkText)
    if (fast) {
      if (take(fast)) return taken
      i++
      continue
    }
    definitions ??= new DefinitionIndex(document)
    const step = parseStep(markdown, chunks, i, definitions, budget)
    if (take(step.blocks)) return taken
    i = step.next
  }
  return taken
}

interface Step {
  blocks: TextBlock[]
  next: number
}

/** Reads the blocks from chunk `i` on: remark on a window doubled until a node closes in it. */
function parseStep(
  markdown: string,
  chunks: Chunk[],
  i: number,
  definitions: DefinitionIndex,
  budget: { chars: number },
): Step {
  let window = 2
  for (;;) {
    let k = Math.min(chunks.length, i + window)
    const capped = spanLength(chunks, i, k) > MAX_WINDOW_CHARS
    if (capped) k = lastChunkWithin(chunks, i, k)
    const source = slice(markdown, chunks[i]!, chunks[k - 1]!)
    const prefix = definitions.referencedBy(source)
    if (
      budget.chars < source.length + prefix.length ||
      hostileMarkdownNote(prefix + '\n\n' + source) !== null
    ) {
      return { blocks: scanBlocks(slice(markdown, chunks[i]!, chunks[i]!)), next: i + 1 }
    }
    budget.chars -= source.length + prefix.length
    const step = parseWindow(markdown, chunks, i, k, prefix)
    if (step.next !== null) return { blocks: step.blocks, next: step.next }
    // Nothing closes within the largest window: take what it holds and go on after it.
    if (capped || k === chunks.length) return { blocks: blocksOfNodes(step.nodes), next: k }
    window *= 2
  }
}

interface WindowStep {
  blocks: TextBlock[]
  /** Chunk index to continue from, or null when no node is known to be complete yet. */
  next: number | null
  /** Every top-level node the window parsed to. */
  nodes: RootContent[]
}

function parseWindow(
  markdown: string,
  chunks: Chunk[],
  i: number,
  k: number,
  definitions: string,
): WindowStep {
  const first = chunks[i]!
  // The thematic break closes a footnote definition so indented text after it stays code.
  const prefix = definitions === '' ? '' : definitions + '\n\n***\n\n'
  const source = prefix + slice(markdown, first, chunks[k - 1]!)
  const nodes = parseMarkdown(source).children.filter(
    (node) => node.position!.start.offset! >= prefix.length,
  )
  const offsetOf = (node: RootContent, edge: 'start' | 'end'): number =>
    first.start + node.position![edge].offset! - prefix.length
  if (k === chunks.length) return { blocks: blocksOfNodes(nodes), next: chunks.length, nodes }
  const last = nodes.at(-1)
  if (!last) return { blocks: [], next: null, nodes }
  const lastStart = offsetOf(last, 'start')
  // The latest chunk boundary at or before the last node that no node straddles. Nodes are
  // in order and do not overlap, so one pointer walking back finds the node at each boundary.
  let n = nodes.length - 1
  for (let j = k - 1; j > i; j--) {
    const boundary = chunks[j]!.start
    if (boundary > lastStart) continue
    while (n > 0 && offsetOf(nodes[n]!, 'start') >= boundary) n--
    const straddled =
      offsetOf(nodes[n]!, 'start') < boundary && offsetOf(nodes[n]!, 'end') > boundary
    if (straddled) continue
    return {
      blocks: blocksOfNodes(nodes.filter((node) => offsetOf(node, 'end') <= boundary)),
      next: j,
      nodes,
    }
  }
  return { blocks: [], next: null, nodes }
}

function slice(markdown: string, from: Chunk, to: Chunk): string {
  return markdown.slice(from.start, to.end)
}

function spanLength(chunks: Chunk[], i: number, k: number): number {
  return chunks[k - 1]!.end - chunks[i]!.start
}

/** The largest k' ≤ k whose window still fits MAX_WINDOW_CHARS (at least one chunk). */
function lastChunkWithin(chunks: Chunk[], i: number, k: number): number {
  let end = k
  while (end > i + 1 && spanLength(chunks, i, end) > MAX_WINDOW_CHARS) end--
  return end
}

/** splitChunks, with chunks longer than MAX_WINDOW_CHARS cut into pieces that fit. */
function boundedChunks(markdown: string): Chunk[] {
  const out: Chunk[] = []
  for (const chunk of splitChunks(markdown)) {
    let start = chunk.start
    while (chunk.end - start > MAX_WINDOW_CHARS) {
      // Searched within the piece only: lastIndexOf on the whole text would rescan it each time.
      const piece = markdown.slice(start, start + MAX_WINDOW_CHARS + 1)
      let cut = piece.lastIndexOf('\n')
      if (cut <= 0) cut = Math.max(piece.lastIndexOf(' '), piece.lastIndexOf('\t'))
      cut = cut <= 0 ? start + MAX_WINDOW_CHARS : start + cut
      out.push({ start, end: cut })
      start =
        markdown[cut] === '\n' || markdown[cut] === ' ' || markdown[cut] === '\t' ? cut + 1 : cut
    }
    out.push({ start, end: chunk.end })
  }
  return out
}

/** Hugo's automatic summary (0.134+) as plain text. */
export function automaticSummary(
  markdown: string,
  summaryLength: number,
  style?: BlockStyle,
): string {
  let words = 0
  const blocks = walkBlocks(markdown, (block) => {
    words += block.words
    return block.cut && words >= summaryLength
  })
  return joinBlocks(blocks, style)
}

/** The same summary computed from one full remark parse; the reference the tests compare with. */
export function automaticSummaryFullParse(markdown: string, summaryLength: number): string {
  const blocks = blocksOfRoot(parseMarkdown(markdown))
  let words = 0
  const end = blocks.findIndex((block) => {
    words += block.words
    return block.cut && words >= summaryLength
  })
  return joinBlocks(end < 0 ? blocks : blocks.slice(0, end + 1))
}

/**
 * Plain text of a whole Markdown fragment (divider excerpts, front matter summaries). A part
 * before a divider is rendered by the sites with the whole post around it, so references to
 * link and footnote definitions further down resolve: `document` supplies them.
 */
export function markdownToPlainText(
  markdown: string,
  style?: BlockStyle,
  document?: string,
): string {
  return joinBlocks(
    walkBlocks(markdown, () => false, document),
    style,
  )
}
