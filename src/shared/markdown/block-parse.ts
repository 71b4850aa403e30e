import type { Definition, FootnoteDefinition, Root as MdastRoot } from 'mdast'
import { visit, SKIP } from 'unist-util-visit'
import { parseMarkdown } from './processors'

/** A paragraph no Markdown construct can mistake for anything else. */
const SENTINEL = 'inkpresssentinelparagraph'

/** What one block of source parses to, on its own. */
export interface ParsedBlock {
  tree: MdastRoot
  /** Number of lines added in front of the block's text (definitions); subtract from positions. */
  lineShift: number
  definitions: Definition[]
  footnoteDefinitions: FootnoteDefinition[]
  /** Identifiers (upper case) of footnote calls in rendering order. */
  footnoteCalls: string[]
}

/**
 * Parses `text` followed by a sentinel paragraph. The text ends in a blank line; if the sentinel
 * comes out as its own top-level paragraph, nothing (fenced code, math, an HTML block) is still
 * open at the end of the text, so the next line of the document starts a block in a clean state.
 *
 * With `labels`, the text is parsed as `parseBlockWithLabels` parses a block that is not the
 * first (stand-in definitions in front), in the same single pass.
 */
export function parseWithSentinel(
  text: string,
  labels: readonly string[] = [],
): { closed: boolean; parsed: ParsedBlock } {
  const prefix = standInDefinitions(labels)
  const lineShift = countLines(prefix)
  const tree = parseMarkdown(prefix + text + SENTINEL + '\n')
  const last = tree.children.at(-1)
  const sentinelLine = lineShift + countLines(text) + 1
  const closed =
    last?.type === 'paragraph' &&
    last.position?.start.line === sentinelLine &&
    last.children.length === 1 &&
    last.children[0]?.type === 'text' &&
    last.children[0].value === SENTINEL
  if (closed) tree.children.pop()
  if (closed && mayDependOnNext(tree) && !startsCleanAfter(tree, prefix + text)) {
    return { closed: false, parsed: describe(tree, lineShift) }
  }
  if (lineShift > 0) {
    tree.children = tree.children.filter((node) => (node.position?.start.line ?? 0) > lineShift)
  }
  return { closed, parsed: describe(tree, lineShift) }
}

/**
 * The blocks after which what starts next can still change the parse: a list or footnote
 * definition runs on over blank lines, and an indented code block leaves micromark's
 * "interrupting" flag set (see `startsCleanAfter`).
 */
function mayDependOnNext(tree: MdastRoot): boolean {
  const last = tree.children.at(-1)?.type
  return last === 'list' || last === 'footnoteDefinition' || last === 'code'
}

/**
 * The paragraph sentinel does not reveal two micromark behaviours, so the block counts as
 * closed only if `> 2) sentinel` after it also leaves it unchanged and parses as at the start
 * of a document (a block quote holding a list that starts at 2):
 * - the blank lines at the end of a list item or footnote definition go into the fenced code
 *   or math still open in it only when a container starts next (`- ~~~⏎⏎⏎> x` keeps two empty
 *   lines in the code, `- ~~~⏎⏎⏎x` none);
 * - after an indented code block, a list starting at 2 cannot start (`    x⏎⏎- 2) a` is a list
 *   item reading "2) a"), as if it interrupted a paragraph.
 */
function startsCleanAfter(tree: MdastRoot, text: string): boolean {
  const probed = parseMarkdown(text + '> 2) ' + SENTINEL + '\n')
  const before = tree.children
  const probe = probed.children[before.length]
  const list = probe?.type === 'blockquote' ? probe.children[0] : undefined
  return (
    probed.children.length === before.length + 1 &&
    list?.type === 'list' &&
    list.start === 2 &&
    JSON.stringify(probed.children.slice(0, before.length)) === JSON.stringify(before)
  )
}

function standInDefinitions(labels: readonly string[]): string {
  return labels.map((label) => `[${label}]: x\n\n`).join('')
}

export function parseBlock(text: string): ParsedBlock {
  return describe(parseMarkdown(text), 0)
}

/**
 * Parses a block as it parses inside the whole document: a reference like `[x]` or `[^x]` only
 * becomes a link/footnote call when `x` is defined somewhere, so stand-in definitions for every
 * label of the document are added next to the block and removed again from the tree. They go
 * in front (after a blank line nothing carries over), except for the first block, which may
 * start with front matter; that block is closed, so they can follow it.
 */
export function parseBlockWithLabels(
  text: string,
  isFirst: boolean,
  labels: readonly string[],
): ParsedBlock {
  const standIns = standInDefinitions(labels)
  if (isFirst) {
    // Right where the next block would start: even the number of blank lines can matter.
    const tree = parseMarkdown(text + standIns)
    const blockLines = countLines(text)
    tree.children = tree.children.filter((node) => (node.position?.start.line ?? 0) <= blockLines)
    return describe(tree, 0)
  }
  const prefix = standIns
  const lineShift = countLines(prefix)
  const tree = parseMarkdown(prefix + text)
  tree.children = tree.children.filter((node) => (node.position?.start.line ?? 0) > lineShift)
  return describe(tree, lineShift)
}

function describe(tree: MdastRoot, lineShift: number): ParsedBlock {
  const definitions: Definition[] = []
  const footnoteDefinitions: FootnoteDefinition[] = []
  const footnoteCalls: string[] = []
  // Like mdast-util-to-hast, a definition counts wherever it is, even inside a footnote.
  visit(tree, 'definition', (node) => {
    definitions.push(node)
  })
  // The same goes for a footnote definition nested in another one (`[^a]:[^b]: text`).
  visit(tree, 'footnoteDefinition', (node) => {
    footnoteDefinitions.push(node)
  })
  visit(tree, (node) => {
    // Calls inside a definition are numbered when the footnote section is built, not here.
    if (node.type === 'footnoteDefinition') return SKIP
    if (node.type === 'footnoteReference') footnoteCalls.push(node.identifier.toUpperCase())
    return undefined
  })
  return { tree, lineShift, definitions, footnoteDefinitions, footnoteCalls }
}

/** Number of line endings in `text` (so the line after `text` is this + 1). */
export function countLines(text: string): number {
  let count = 0
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) count++
  return count
}
