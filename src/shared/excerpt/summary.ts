import type { Root, RootContent } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { blocksOfNodes, blocksOfRoot, joinBlocks, type TextBlock } from './blocks'
import { splitChunks, type Chunk } from './chunks'
import { fastBlocks } from './fast'

const parser = unified().use(remarkParse).use(remarkGfm)

export function parseMarkdown(markdown: string): Root {
  return parser.parse(markdown) as Root
}

/** A link reference definition that is valid on a line of its own, or a footnote definition's first line. */
const DEFINITION_LINE =
  /^ {0,3}\[[^\][\\^][^\][\\]*\]:[ \t]*(?:<[^>\n]*>|\S+)(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*$|^ {0,3}\[\^[^\]\s]+\]:.*$/

/**
 * Walks the text blocks of LF-normalised Markdown in document order and stops as soon as
 * `stop` says so, parsing no more than it must: plain chunks go through the fast path and
 * complex stretches through remark on a growing window. A top-level node is trusted only once
 * a later node has started after it, because appending text never changes a closed block;
 * reference definitions anywhere in the document are prepended so links resolve as in a full parse.
 */
export function walkBlocks(markdown: string, stop: (block: TextBlock) => boolean): TextBlock[] {
  const chunks = splitChunks(markdown)
  const taken: TextBlock[] = []
  const take = (blocks: readonly TextBlock[]): boolean => {
    for (const block of blocks) {
      taken.push(block)
      if (stop(block)) return true
    }
    return false
  }
  let definitions: string | null = null
  let i = 0
  while (i < chunks.length) {
    const fast = fastBlocks(slice(markdown, chunks[i]!, chunks[i]!))
    if (fast) {
      if (take(fast)) return taken
      i++
      continue
    }
    definitions ??= collectDefinitions(markdown)
    let window = 2
    for (;;) {
      const k = Math.min(chunks.length, i + window)
      const step = parseWindow(markdown, chunks, i, k, definitions)
      if (step.next !== null || k === chunks.length) {
        if (take(step.blocks)) return taken
        i = step.next ?? chunks.length
        break
      }
      window *= 2
    }
  }
  return taken
}

interface WindowStep {
  blocks: TextBlock[]
  /** Chunk index to continue from, or null when no node is known to be complete yet. */
  next: number | null
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
  if (k === chunks.length) return { blocks: blocksOfNodes(nodes), next: chunks.length }
  const last = nodes.at(-1)
  if (!last) return { blocks: [], next: null }
  const lastStart = offsetOf(last, 'start')
  // The latest chunk boundary at or before the last node that no node straddles.
  for (let j = k - 1; j > i; j--) {
    const boundary = chunks[j]!.start
    if (boundary > lastStart) continue
    const straddled = nodes.some(
      (node) => offsetOf(node, 'start') < boundary && offsetOf(node, 'end') > boundary,
    )
    if (straddled) continue
    return {
      blocks: blocksOfNodes(nodes.filter((node) => offsetOf(node, 'end') <= boundary)),
      next: j,
    }
  }
  return { blocks: [], next: null }
}

function slice(markdown: string, from: Chunk, to: Chunk): string {
  return markdown.slice(from.start, to.end)
}

/** Definition lines that start a block (a definition cannot interrupt a paragraph). */
function collectDefinitions(markdown: string): string {
  const found: string[] = []
  let previousOpensBlock = true
  for (const line of markdown.split('\n')) {
    const isDefinition: boolean = previousOpensBlock && DEFINITION_LINE.test(line)
    if (isDefinition) found.push(line)
    previousOpensBlock = isDefinition || line.trim() === ''
  }
  // Blank lines between them, so no definition becomes the continuation of another.
  return found.join('\n\n')
}

/** Hugo's automatic summary (0.134+) as plain text. */
export function automaticSummary(markdown: string, summaryLength: number): string {
  let words = 0
  const blocks = walkBlocks(markdown, (block) => {
    words += block.words
    return block.cut && words >= summaryLength
  })
  return joinBlocks(blocks)
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

/** Plain text of a whole Markdown fragment (divider excerpts, front matter summaries). */
export function markdownToPlainText(markdown: string): string {
  return joinBlocks(walkBlocks(markdown, () => false))
}
