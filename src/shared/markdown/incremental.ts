import GithubSlugger from 'github-slugger'
import type { Element, Root as HastRoot, RootContent as HastRootContent } from 'hast'
import { toString as hastToString } from 'hast-util-to-string'
import type { Definition, FootnoteDefinition, Root as MdastRoot } from 'mdast'
import { defaultHandlers, type State } from 'mdast-util-to-hast'
import { visit } from 'unist-util-visit'
import { candidateBoundaries, type BlockBoundary } from './block-split'
import {
  parseBlock,
  parseBlockWithLabels,
  parseWithSentinel,
  type ParsedBlock,
} from './block-parse'
import { ID_PREFIX } from './fragment-links'
import { hastToHtml } from './pipeline'
import { finishHast, mdastToHast } from './processors'
import { guardIncrementalRender } from './render-guard'
import type { IncrementalRender, RenderedBlock } from './render-types'

export type { DocumentContext, IncrementalRender, RenderedBlock } from './render-types'

/** How many candidate boundaries to try one by one before parsing the rest of the document. */
const STEPWISE_EXTENSIONS = 8

interface BlockOutput {
  id: number
  hast: HastRoot
  elementLines: number[]
  headingTexts: string[]
  /** Ids the headings got from a slugger that saw only this block. */
  localSlugs: string[]
}

interface SourceBlock {
  text: string
  startLine: number
  parsed: ParsedBlock
}

/** Numbering state of footnote calls before a block. */
export interface FootnoteState {
  order: string[]
  counts: Map<string, number>
}

/**
 * Renders Markdown block by block, reusing every block whose source (and the document-wide
 * context it depends on) did not change. The result always equals the full pipeline's output:
 *
 * - blocks are cut only where parsing proves the parser state is clean (`block-split.ts`,
 *   `parseWithSentinel`), so each block parses alone exactly as inside the document;
 * - what crosses blocks is handled explicitly: link/footnote definitions (stand-in labels at
 *   parse time, the real definitions when converting to hast), footnote numbering (the state
 *   before the block is fed to mdast-util-to-hast), heading slugs (renumbered over the whole
 *   document after the fact) and the footnotes section (built once from all definitions).
 */
export class IncrementalMarkdownRenderer {
  private parseCache = new Map<string, { closed: boolean; parsed: ParsedBlock }>()
  private labelParseCache = new Map<string, ParsedBlock>()
  private outputCache = new Map<string, BlockOutput>()
  private patchedCache = new Map<string, BlockOutput>()
  private footerCache: { key: string; hast: HastRoot | null; headingTexts: string[] } | null = null
  private nextId = 1

  /** Hostile or too deeply nested Markdown renders as the same fallback as the full pipeline. */
  render(markdown: string): IncrementalRender {
    return guardIncrementalRender(markdown, () => this.renderBlocks(markdown))
  }

  private renderBlocks(markdown: string): IncrementalRender {
    const used = new UsedKeys()
    const blocks = this.splitBlocks(markdown, used)
    const definitions = blocks.flatMap((block) => block.parsed.definitions)
    const labels = documentLabels(blocks)
    const withLabels = blocks.map((block, index) =>
      this.withDocumentLabels(block, index === 0, labels, blocks.length, used),
    )
    const contextKey =
      labels.length > 0 ? definitionsKey(definitions) + '\u0000' + labels.join('\u0001') : ''

    const footnotes: FootnoteState = { order: [], counts: new Map() }
    const outputs = withLabels.map((block) => {
      const output = this.renderBlock(block, contextKey, definitions, footnotes, used)
      for (const id of block.parsed.footnoteCalls) {
        if (!footnotes.counts.has(id)) footnotes.order.push(id)
        footnotes.counts.set(id, (footnotes.counts.get(id) ?? 0) + 1)
      }
      return output
    })

    const footer = this.renderFooter(withLabels, definitions, footnotes, contextKey)
    const slugger = new GithubSlugger()
    const seen = new Map<number, number>()
    const rendered = outputs.map((output, index): RenderedBlock => {
      const globalSlugs = output.headingTexts.map((text) => slugger.slug(text))
      const final = this.withSlugs(output, globalSlugs, used)
      const occurrence = seen.get(final.id) ?? 0
      seen.set(final.id, occurrence + 1)
      const source = withLabels[index]
      return {
        key: occurrence === 0 ? String(final.id) : `${final.id}.${occurrence}`,
        startLine: source?.startLine ?? 1,
        hast: final.hast,
        elementLines: final.elementLines,
        isolated: output.headingTexts.length === 0 && !!source && isIsolated(source.parsed),
      }
    })
    const footerSlugs = footer.headingTexts.map((text) => slugger.slug(text))
    const footerHast =
      footer.hast &&
      applySlugs(
        footer.hast,
        footer.headingTexts.map((t) => new GithubSlugger().slug(t)),
        footerSlugs,
      )

    used.prune(this.parseCache, 'parse')
    used.prune(this.labelParseCache, 'label')
    used.prune(this.outputCache, 'output')
    used.prune(this.patchedCache, 'patched')
    return { blocks: rendered, footer: footerHast, context: { labels, definitions } }
  }

  /** Cuts the document at candidate boundaries where the parser state is proven clean. */
  private splitBlocks(markdown: string, used: UsedKeys): SourceBlock[] {
    const boundaries = candidateBoundaries(markdown)
    const blocks: SourceBlock[] = []
    let start: BlockBoundary = { offset: 0, line: 1 }
    let index = 0
    while (start.offset < markdown.length || blocks.length === 0) {
      let end = boundaries[index]
      let attempts = 0
      while (end) {
        const text = markdown.slice(start.offset, end.offset)
        const result = this.parseClosed(text, used)
        if (result.closed) {
          blocks.push({ text, startLine: start.line, parsed: result.parsed })
          break
        }
        attempts++
        index =
          attempts < STEPWISE_EXTENSIONS
            ? index + 1
            : this.skipOpenConstruct(markdown, start, boundaries, index)
        end = boundaries[index]
      }
      if (!end) {
        const text = markdown.slice(start.offset)
        blocks.push({ text, startLine: start.line, parsed: this.parseLast(text, used) })
        break
      }
      start = end
      index++
    }
    return blocks
  }

  /**
   * A construct that stays open over many blank lines (say, a code fence just typed above the
   * rest of the post): parse the rest once and jump to the first candidate after the top-level
   * node that swallowed the failed boundary, instead of trying every candidate in turn.
   */
  private skipOpenConstruct(
    markdown: string,
    start: BlockBoundary,
    boundaries: BlockBoundary[],
    index: number,
  ): number {
    const failed = boundaries[index]
    if (!failed) return index + 1
    const rest = parseBlock(markdown.slice(start.offset)).tree
    const relativeOffset = failed.offset - start.offset
    const spanning = rest.children.find((node) => (node.position?.end.offset ?? 0) > relativeOffset)
    const spanEnd = start.offset + (spanning?.position?.end.offset ?? markdown.length)
    let next = index + 1
    while (next < boundaries.length && (boundaries[next]?.offset ?? 0) < spanEnd) next++
    return next
  }

  private parseClosed(text: string, used: UsedKeys): { closed: boolean; parsed: ParsedBlock } {
    used.mark('parse', text)
    let result = this.parseCache.get(text)
    if (!result) {
      result = parseWithSentinel(text)
      this.parseCache.set(text, result)
    }
    return result
  }

  private parseLast(text: string, used: UsedKeys): ParsedBlock {
    const key = '\u0000last' + text
    used.mark('parse', key)
    let result = this.parseCache.get(key)
    if (!result) {
      result = { closed: true, parsed: parseBlock(text) }
      this.parseCache.set(key, result)
    }
    return result.parsed
  }

  /** Re-parses a block that may cite labels defined in other blocks, with those labels known. */
  private withDocumentLabels(
    block: SourceBlock,
    isFirst: boolean,
    labels: readonly string[],
    blockCount: number,
    used: UsedKeys,
  ): SourceBlock {
    if (labels.length === 0 || blockCount === 1 || !block.text.includes('[')) return block
    const key = (isFirst ? '1' : '0') + labels.join('\u0001') + '\u0000' + block.text
    used.mark('label', key)
    let parsed = this.labelParseCache.get(key)
    if (!parsed) {
      parsed = parseBlockWithLabels(block.text, isFirst, labels)
      this.labelParseCache.set(key, parsed)
    }
    return { ...block, parsed }
  }

  private renderBlock(
    block: SourceBlock,
    contextKey: string,
    definitions: Definition[],
    footnotes: FootnoteState,
    used: UsedKeys,
  ): BlockOutput {
    const calls = block.parsed.footnoteCalls
    const numbering = calls.length > 0 ? footnoteNumbering(calls, footnotes) : ''
    const dependsOnContext = block.text.includes('[')
    const key = (dependsOnContext ? contextKey : '') + '\u0000' + numbering + '\u0000' + block.text
    used.mark('output', key)
    const cached = this.outputCache.get(key)
    if (cached) return cached

    const { hast, elementLines, headingTexts } = renderParsedBlock(
      block.parsed,
      dependsOnContext ? definitions : [],
      footnotes,
    )
    const localSlugger = new GithubSlugger()
    const output: BlockOutput = {
      id: this.nextId++,
      hast,
      elementLines,
      headingTexts,
      localSlugs: headingTexts.map((text) => localSlugger.slug(text)),
    }
    this.outputCache.set(key, output)
    return output
  }

  /** Headings get the ids a slugger over the whole document gives them (`## Setup` twice → `setup-1`). */
  private withSlugs(output: BlockOutput, globalSlugs: string[], used: UsedKeys): BlockOutput {
    if (globalSlugs.every((slug, index) => slug === output.localSlugs[index])) return output
    const key = `${output.id}\u0000${globalSlugs.join('\u0000')}`
    used.mark('patched', key)
    let patched = this.patchedCache.get(key)
    if (!patched) {
      patched = {
        ...output,
        id: this.nextId++,
        hast: applySlugs(output.hast, output.localSlugs, globalSlugs),
      }
      this.patchedCache.set(key, patched)
    }
    return patched
  }

  /**
   * The footnotes section as the full pipeline builds it: all definitions plus every call in
   * document order (in a paragraph we then throw away), so numbering and back-links match.
   */
  private renderFooter(
    blocks: SourceBlock[],
    definitions: Definition[],
    footnotes: FootnoteState,
    contextKey: string,
  ): { hast: HastRoot | null; headingTexts: string[] } {
    if (footnotes.order.length === 0) return { hast: null, headingTexts: [] }
    const footnoteDefinitions: FootnoteDefinition[] = blocks.flatMap(
      (block) => block.parsed.footnoteDefinitions,
    )
    const definingTexts = blocks
      .filter((block) => block.parsed.footnoteDefinitions.length > 0)
      .map((b) => b.text)
    const key = JSON.stringify([footnotes.order, [...footnotes.counts], contextKey, definingTexts])
    if (this.footerCache?.key === key) return this.footerCache
    const calls = footnotes.order.flatMap((id) =>
      Array.from({ length: footnotes.counts.get(id) ?? 0 }, () => ({
        type: 'footnoteReference' as const,
        identifier: id.toLowerCase(),
        label: id.toLowerCase(),
      })),
    )
    const tree: MdastRoot = {
      type: 'root',
      children: [...definitions, ...footnoteDefinitions, { type: 'paragraph', children: calls }],
    }
    const body = mdastToHast(tree)
    const section = body.children.at(-1)
    if (!isFootnoteSection(section)) {
      this.footerCache = { key, hast: null, headingTexts: [] }
      return this.footerCache
    }
    const sectionRoot: HastRoot = { type: 'root', children: [section] }
    const headingTexts = unsluggedHeadingTexts(sectionRoot)
    this.footerCache = { key, hast: finishHast(sectionRoot), headingTexts }
    return this.footerCache
  }
}

/** What one block renders to, before heading ids are made unique over the whole document. */
export interface BlockHast {
  /** Sanitized, highlighted hast; headings carry the ids a slugger over this block alone gives. */
  hast: HastRoot
  /** For each top-level element of `hast`, its 1-based line within the block. */
  elementLines: number[]
  /** Texts of the headings that got an id from rehype-slug. */
  headingTexts: string[]
}

/**
 * The full pipeline's mdast → hast → finished hast stages for one parsed block: `definitions`
 * are the document's link definitions the block may use, `footnotes` the numbering state of
 * the calls before it.
 */
export function renderParsedBlock(
  parsed: ParsedBlock,
  definitions: readonly Definition[],
  footnotes: FootnoteState = { order: [], counts: new Map() },
): BlockHast {
  const tree: MdastRoot = { type: 'root', children: [...definitions, ...parsed.tree.children] }
  const hast = mdastToHast(tree, {
    handlers:
      parsed.footnoteCalls.length > 0 ? { footnoteReference: continueNumbering(footnotes) } : {},
  })
  dropFootnoteSection(hast)
  const elementLines = hast.children
    .filter((node) => node.type === 'element')
    .map((node) => (node.position?.start.line ?? 1 + parsed.lineShift) - parsed.lineShift)
  const headingTexts = unsluggedHeadingTexts(hast)
  return { hast: finishHast(hast), elementLines, headingTexts }
}

/** The HTML of an incremental render; equal to `renderMarkdownToHtml` of the same text. */
export function incrementalRenderToHtml(result: IncrementalRender): string {
  const parts = result.blocks
    .filter((block) => block.hast.children.length > 0)
    .map((block) => hastToHtml(block.hast))
  const body = parts.join('\n')
  return result.footer ? body + '\n' + hastToHtml(result.footer) : body
}

/** Which cache keys one render touched, so everything else can be dropped afterwards. */
class UsedKeys {
  private keys = new Map<string, Set<string>>()
  mark(cache: string, key: string): void {
    let set = this.keys.get(cache)
    if (!set) this.keys.set(cache, (set = new Set()))
    set.add(key)
  }
  prune(map: Map<string, unknown>, cache: string): void {
    const keep = this.keys.get(cache) ?? new Set<string>()
    for (const key of map.keys()) if (!keep.has(key)) map.delete(key)
  }
}

/** Whether the parsed block defines or cites nothing other blocks see (headings aside). */
export function isIsolated(parsed: ParsedBlock): boolean {
  return (
    parsed.definitions.length === 0 &&
    parsed.footnoteDefinitions.length === 0 &&
    parsed.footnoteCalls.length === 0
  )
}

/** Labels (footnotes as `^label`) defined anywhere in the document, deduplicated. */
function documentLabels(blocks: SourceBlock[]): string[] {
  const labels = new Set<string>()
  for (const block of blocks) {
    for (const node of block.parsed.definitions) labels.add(node.label ?? node.identifier)
    for (const node of block.parsed.footnoteDefinitions)
      labels.add('^' + (node.label ?? node.identifier))
  }
  return [...labels]
}

function definitionsKey(definitions: Definition[]): string {
  return JSON.stringify(definitions.map((node) => [node.identifier, node.url, node.title ?? null]))
}

/** The numbers and back-reference counters this block's calls will get. */
function footnoteNumbering(calls: string[], before: FootnoteState): string {
  const order = [...before.order]
  const counts = new Map(before.counts)
  return calls
    .map((id) => {
      let count = counts.get(id)
      if (count === undefined) {
        order.push(id)
        count = 0
      }
      counts.set(id, count + 1)
      return `${id}:${order.indexOf(id) + 1}:${count + 1}`
    })
    .join('\u0001')
}

/** mdast-util-to-hast's own footnote handler, started from the numbering before this block. */
function continueNumbering(before: FootnoteState) {
  const seeded = new WeakSet<State>()
  return (state: State, node: Parameters<typeof defaultHandlers.footnoteReference>[1]) => {
    if (!seeded.has(state)) {
      seeded.add(state)
      state.footnoteOrder.push(...before.order)
      for (const [id, count] of before.counts) state.footnoteCounts.set(id, count)
    }
    return defaultHandlers.footnoteReference(state, node)
  }
}

function isFootnoteSection(node: HastRootContent | undefined): node is Element {
  return (
    node?.type === 'element' &&
    node.tagName === 'section' &&
    node.properties.dataFootnotes !== undefined
  )
}

/** A block renders its own footnote section when it defines a cited note; the document's comes last. */
function dropFootnoteSection(hast: HastRoot): void {
  if (!isFootnoteSection(hast.children.at(-1))) return
  hast.children.pop()
  const newline = hast.children.at(-1)
  if (newline?.type === 'text' && newline.value === '\n') hast.children.pop()
}

const HEADING = /^h[1-6]$/

/** The text rehype-slug slugs, for every heading it will give an id. */
function unsluggedHeadingTexts(tree: HastRoot): string[] {
  const texts: string[] = []
  visit(tree, 'element', (node) => {
    if (HEADING.test(node.tagName) && !node.properties.id) texts.push(hastToString(node))
  })
  return texts
}

/** A copy of `tree` where headings with id `user-content-<from[i]>` get `user-content-<to[i]>`. */
function applySlugs(tree: HastRoot, from: string[], to: string[]): HastRoot {
  if (from.every((slug, index) => slug === to[index])) return tree
  const copy = structuredClone(tree)
  let position = 0
  visit(copy, 'element', (node) => {
    if (!HEADING.test(node.tagName) || typeof node.properties.id !== 'string') return
    const expected = ID_PREFIX + from[position]
    if (position < from.length && node.properties.id === expected) {
      node.properties.id = ID_PREFIX + (to[position] ?? from[position])
      position++
    }
  })
  return copy
}
