import type { Element, Root as HastRoot } from 'hast'
import { closedFrontMatterEnd } from './front-matter-fence'
import type { IncrementalRender } from './render-types'

/**
 * Limits beyond which Markdown is treated as hostile rather than parsed. micromark is
 * quadratic or worse in each of these (a 1,000-deep list takes minutes, 5,000 nested links
 * hang, a paragraph of 500,000 unmatched `*_` never finishes) and the deep trees it builds
 * overflow the stack of the recursive mdast/hast utilities. Real posts stay far below them:
 * CommonMark renderers commonly cap nesting around 20–100, and no prose has a thousand
 * emphasis markers or 32 unclosed brackets in one paragraph.
 */
export const MAX_CONTAINER_DEPTH = 32
export const MAX_BRACKET_DEPTH = 32
/**
 * Markers micromark resolves by looking back over the whole paragraph: emphasis/strikethrough
 * delimiter runs (`*`, `_`, `~`) and `]` without a `[` before it, in one paragraph, table row
 * or list item.
 */
export const MAX_DELIMITER_RUNS = 1000
/** A longer run of `*`, `_` or `~` (outside a thematic break) nests that many emphasis levels. */
export const MAX_DELIMITER_RUN_LENGTH = 64
/** micromark looks every footnote call up in the list of all definitions so far. */
export const MAX_FOOTNOTE_DEFINITIONS = 1000

/**
 * micromark's cost grows with a line's length and with the number of list items, table rows
 * and headings; past these a post takes seconds to parse on every change. A pasted log or
 * minified data on one line, or a generated list of thousands of items, is shown as written.
 */
export const MAX_LINE_LENGTH = 100_000
export const MAX_UNITS = 4000
/** A table's cost grows with its columns times its rows; real tables have a few dozen columns. */
export const MAX_TABLE_COLUMNS = 256
/** Each link reference definition is matched against every reference; posts have dozens. */
export const MAX_REFERENCE_DEFINITIONS = 2000

export const TOO_DEEP_NOTE =
  'This post is nested too deeply to preview, so its text is shown as written.'
export const TOO_MUCH_MARKUP_NOTE =
  'This post has too many unclosed brackets or emphasis markers in one paragraph to preview, so its text is shown as written.'
export const TOO_MANY_FOOTNOTES_NOTE = `This post has more than ${MAX_FOOTNOTE_DEFINITIONS} footnotes, too many to preview, so its text is shown as written.`
export const TOO_LONG_LINE_NOTE = `This post has a line of more than ${MAX_LINE_LENGTH.toLocaleString('en')} characters, too long to preview, so its text is shown as written.`
export const TOO_MANY_COLUMNS_NOTE = `This post has a table of more than ${MAX_TABLE_COLUMNS} columns, too wide to preview, so its text is shown as written.`
export const TOO_MANY_REFERENCES_NOTE = `This post has more than ${MAX_REFERENCE_DEFINITIONS.toLocaleString('en')} link reference definitions, too many to preview, so its text is shown as written.`
/**
 * The longest a render may take before it is stopped (the preview's worker is terminated and
 * started again) and the post shown as written; ordinary posts render in milliseconds.
 */
export const RENDER_BUDGET_MS = 2_000
export const TOO_SLOW_NOTE = `This post takes more than ${RENDER_BUDGET_MS / 1000} seconds to preview, so it is not previewed; the preview returns when it is shorter.`
export const TOO_SLOW_TO_RENDER_NOTE = `This post takes more than ${RENDER_BUDGET_MS / 1000} seconds to render, so its text is shown as written.`
export const TOO_MANY_UNITS_NOTE = `This post has more than ${MAX_UNITS.toLocaleString('en')} list items, table rows and headings, too many to preview, so its text is shown as written.`

const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/
const THEMATIC_BREAK = /^[ \t]*(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/
const WORD_CHARACTER = /[\p{L}\p{N}]/u
const FOOTNOTE_DEFINITION = /^\[\^[^\]]+\]:/
const REFERENCE_DEFINITION = /^\[[^\]^][^\]]*\]:/
/** A line made only of pipes, dashes, colons and blanks: a table's delimiter row. */
const DELIMITER_ROW = /^[ \t|:-]*-[ \t|:-]*$/

/** Whether `line` is a table delimiter row with more than MAX_TABLE_COLUMNS cells. */
function isTooWideDelimiterRow(line: string): boolean {
  if (!line.includes('|') || !DELIMITER_ROW.test(line)) return false
  let pipes = 0
  for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) === 124) pipes++
  return pipes > MAX_TABLE_COLUMNS + 1
}

/**
 * Why `markdown` is too hostile to hand to the parser (one of the notes above), or null.
 * One linear pass over the lines; it only estimates the nesting (a list item's depth from
 * the indentation of the list markers above it), which is all a cap needs. Front matter is
 * skipped: the pipeline parses it as YAML or TOML, not as Markdown.
 */
export function hostileMarkdownNote(markdown: string): string | null {
  const listColumns: number[] = []
  let runs = 0
  let brackets = 0
  let footnotes = 0
  let references = 0
  let units = 0
  let lineStart = Math.max(0, closedFrontMatterEnd(markdown))
  while (lineStart <= markdown.length) {
    const end = nextLineEnd(markdown, lineStart)
    if (end - lineStart > MAX_LINE_LENGTH) return TOO_LONG_LINE_NOTE
    const line = markdown.slice(lineStart, end)
    const containers = scanContainers(line, listColumns)
    if (containers.startsUnit && ++units > MAX_UNITS) return TOO_MANY_UNITS_NOTE
    if (containers.blank || containers.startsUnit) {
      runs = 0
      brackets = 0
    }
    if (containers.depth > MAX_CONTAINER_DEPTH) return TOO_DEEP_NOTE
    if (isTooWideDelimiterRow(line)) return TOO_MANY_COLUMNS_NOTE
    if (
      FOOTNOTE_DEFINITION.test(
        line.slice(containers.contentStart, containers.contentStart + 1000),
      ) &&
      ++footnotes > MAX_FOOTNOTE_DEFINITIONS
    )
      return TOO_MANY_FOOTNOTES_NOTE
    if (
      REFERENCE_DEFINITION.test(
        line.slice(containers.contentStart, containers.contentStart + 1000),
      ) &&
      ++references > MAX_REFERENCE_DEFINITIONS
    )
      return TOO_MANY_REFERENCES_NOTE
    if (!containers.blank && !THEMATIC_BREAK.test(line)) {
      const inline = scanInline(line, containers.contentStart, runs, brackets)
      if (inline === null) return TOO_MUCH_MARKUP_NOTE
      ;({ runs, brackets } = inline)
    }
    if (end >= markdown.length) break
    lineStart = end + (markdown[end] === '\r' && markdown[end + 1] === '\n' ? 2 : 1)
  }
  return null
}

function nextLineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 10 || code === 13) return i
  }
  return text.length
}

interface LineContainers {
  blank: boolean
  /** Quotes and list items open on this line, counting items opened on lines above. */
  depth: number
  /** Whether the line starts a new inline unit (a list item, heading or table row). */
  startsUnit: boolean
  contentStart: number
}

/** Reads the `>` and list markers a line starts with; `listColumns` tracks open list items. */
function scanContainers(line: string, listColumns: number[]): LineContainers {
  let pos = 0
  let column = 0
  let quotes = 0
  let firstColumn = -1
  const itemColumns: number[] = []
  for (;;) {
    while (pos < line.length && (line[pos] === ' ' || line[pos] === '\t')) {
      column = line[pos] === '\t' ? column + 4 - (column % 4) : column + 1
      pos++
    }
    if (pos >= line.length) break
    if (firstColumn < 0 && line[pos] !== '>') firstColumn = column
    if (line[pos] === '>') {
      quotes++
      pos++
      column++
      continue
    }
    const marker = LIST_MARKER.exec(line.slice(pos, pos + 11))
    if (!marker) break
    itemColumns.push(column)
    pos += marker[0].length
    column += marker[0].length
  }
  const blank = pos >= line.length && quotes === 0 && itemColumns.length === 0
  if (!blank) {
    // A line that starts left of (or at) an open item's marker closes that item.
    const start = firstColumn < 0 ? column : firstColumn
    while (listColumns.length > 0 && listColumns[listColumns.length - 1]! >= start)
      listColumns.pop()
    listColumns.push(...itemColumns)
  }
  const first = line[pos]
  return {
    blank,
    depth: quotes + listColumns.length,
    startsUnit: itemColumns.length > 0 || first === '#' || first === '|',
    contentStart: pos,
  }
}

/** Counts delimiter runs and unclosed brackets; null once a limit is passed. */
function scanInline(
  line: string,
  from: number,
  runs: number,
  brackets: number,
): { runs: number; brackets: number } | null {
  for (let i = from; i < line.length; i++) {
    const char = line[i]!
    if (char === '[') {
      if (++brackets > MAX_BRACKET_DEPTH) return null
    } else if (char === ']') {
      if (brackets > 0) brackets--
      else if (++runs > MAX_DELIMITER_RUNS) return null
    } else if (char === '*' || char === '_' || char === '~') {
      let end = i + 1
      while (end < line.length && line[end] === char) end++
      if (end - i > MAX_DELIMITER_RUN_LENGTH) return null
      // An underscore run inside a word can neither open nor close emphasis.
      const intraword =
        char === '_' &&
        WORD_CHARACTER.test(line[i - 1] ?? ' ') &&
        WORD_CHARACTER.test(line[end] ?? ' ')
      if (!intraword && ++runs > MAX_DELIMITER_RUNS) return null
      i = end - 1
    }
  }
  return { runs, brackets }
}

/** The safe preview of hostile Markdown: a one-line note, then the text as written. */
export function fallbackHast(markdown: string, note: string): HastRoot {
  const paragraph: Element = {
    type: 'element',
    tagName: 'p',
    properties: { className: ['render-fallback-note'] },
    children: [{ type: 'text', value: note }],
  }
  const pre: Element = {
    type: 'element',
    tagName: 'pre',
    properties: { className: ['render-fallback'] },
    // NUL is not allowed in HTML text; the parser would have replaced it the same way.
    children: [
      {
        type: 'element',
        tagName: 'code',
        properties: {},
        children: [{ type: 'text', value: markdown.replace(/\0/g, '\uFFFD') }],
      },
    ],
  }
  return { type: 'root', children: [paragraph, { type: 'text', value: '\n' }, pre] }
}

/**
 * Deeper trees overflow the stack of the recursive hast utilities (hast-util-to-html, and the
 * preview's hast-to-React step) before the pipeline notices: KaTeX turns 300 nested `\sqrt`
 * into a tree thousands of levels deep. Real posts, formulas included, stay under 100.
 */
export const MAX_HAST_DEPTH = 512
/**
 * Elements and texts in one block's tree: what the page inserts at once for it. A 4,000-row
 * table is about 40,000; far past that, inserting one block freezes the page for seconds.
 */
export const MAX_HAST_NODES = 150_000
export const TOO_LARGE_NOTE = `This post makes more than ${MAX_HAST_NODES.toLocaleString('en')} elements in one passage, too many to preview, so its text is shown as written.`

/** A rendered tree past MAX_HAST_NODES (a RangeError, like the stack overflows the guard catches). */
class TooLargeToPreview extends RangeError {}

/** Runs `render` unless `markdown` is hostile; a stack overflow inside it, or a tree too deep to
 * serialize, becomes the fallback too, so a post can never crash the preview. */
export function guardHastRender(markdown: string, render: () => HastRoot): HastRoot {
  return guarded(
    markdown,
    () => shallowOrThrow(render()),
    (fallback) => fallback,
  )
}

/** The same guard for the incremental renderer: one fallback block, so its HTML equals the full render's. */
export function guardIncrementalRender(
  markdown: string,
  render: () => IncrementalRender,
): IncrementalRender {
  return guarded(
    markdown,
    () => {
      const result = render()
      for (const block of result.blocks) shallowOrThrow(block.hast)
      if (result.footer) shallowOrThrow(result.footer)
      return result
    },
    fallbackIncrementalRender,
  )
}

function guarded<T>(markdown: string, render: () => T, fromFallback: (fallback: HastRoot) => T): T {
  const note = hostileMarkdownNote(markdown)
  if (note !== null) return fromFallback(fallbackHast(markdown, note))
  try {
    return render()
  } catch (error) {
    // RangeError: a stack overflow, or a string or array too large; anything else is a bug.
    if (!(error instanceof RangeError)) throw error
    const note = error instanceof TooLargeToPreview ? TOO_LARGE_NOTE : TOO_DEEP_NOTE
    return fromFallback(fallbackHast(markdown, note))
  }
}

/** Trees already checked: the incremental renderer hands back the same cached block trees. */
const shallowTrees = new WeakSet<HastRoot>()

/**
 * Walks the tree without recursion and throws a RangeError when it is deeper than
 * MAX_HAST_DEPTH, or a TooLargeToPreview when it has more than MAX_HAST_NODES nodes.
 */
function shallowOrThrow(tree: HastRoot): HastRoot {
  if (shallowTrees.has(tree)) return tree
  const pending: Array<{ node: HastRoot | HastRoot['children'][number]; depth: number }> = [
    { node: tree, depth: 0 },
  ]
  let nodes = 0
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (next.depth > MAX_HAST_DEPTH) throw new RangeError('The rendered tree is too deep.')
    if (++nodes > MAX_HAST_NODES) throw new TooLargeToPreview('The rendered tree is too large.')
    if ('children' in next.node)
      for (const child of next.node.children) pending.push({ node: child, depth: next.depth + 1 })
  }
  shallowTrees.add(tree)
  return tree
}

/** Whether `tree` is shallow enough for the recursive hast utilities (see MAX_HAST_DEPTH). */
export function isShallowEnough(tree: HastRoot): boolean {
  try {
    shallowOrThrow(tree)
    return true
  } catch (error) {
    if (error instanceof RangeError) return false
    throw error
  }
}

function fallbackIncrementalRender(fallback: HastRoot): IncrementalRender {
  return {
    blocks: [
      {
        key: 'render-fallback',
        startLine: 1,
        hast: fallback,
        elementLines: fallback.children.filter((node) => node.type === 'element').map(() => 1),
        isolated: true,
      },
    ],
    footer: null,
    context: { labels: [], definitions: [] },
  }
}
