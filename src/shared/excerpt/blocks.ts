import type { Link, Nodes, Parent, PhrasingContent, Root, RootContent } from 'mdast'
import { literal, typeset, type TypographyStyle } from '../text/typography'

/** One leaf block of text in document order, as Hugo's word counter sees it. */
export interface TextBlock {
  text: string
  words: number
  /** True for paragraphs rendered as <p>; the automatic summary may only end after one. */
  cut: boolean
  /** A fenced or indented code block: its line count and the fence's words after the language. */
  code?: { lines: number; meta: string }
}

/** What the site's renderer adds around the text of blocks. */
export interface BlockStyle {
  typography: TypographyStyle
  codeFigure?: { lineNumbers: boolean }
  /** The renderer shows a footnote call as its number (goldmark, kramdown); else nothing. */
  footnoteNumbers?: boolean
}

export function codeBlock(value: string, meta: string | null | undefined): TextBlock {
  return {
    ...textBlock(literal(value), false),
    code: { lines: value === '' ? 1 : value.split('\n').length, meta: meta?.trim() ?? '' },
  }
}

export function countWords(text: string): number {
  let count = 0
  for (const token of text.split(/\s+/)) if (token !== '') count++
  return count
}

export function textBlock(text: string, cut: boolean): TextBlock {
  return { text, words: countWords(text), cut }
}

/** Leaf blocks of top-level nodes (definitions, footnote definitions and raw HTML carry no text). */
export function blocksOfNodes(nodes: readonly RootContent[]): TextBlock[] {
  const out: TextBlock[] = []
  for (const node of nodes) collect(node, false, out)
  return out
}

export function blocksOfRoot(root: Root): TextBlock[] {
  return blocksOfNodes(root.children)
}

function collect(node: Nodes, inTightList: boolean, out: TextBlock[]): void {
  switch (node.type) {
    case 'paragraph':
      out.push(textBlock(inlineText(node.children), !inTightList))
      return
    case 'heading':
      out.push(textBlock(inlineText(node.children), false))
      return
    case 'code':
      out.push(codeBlock(node.value, node.meta))
      return
    case 'tableCell':
      out.push(textBlock(inlineText(node.children), false))
      return
    case 'list': {
      // mdast-util-to-hast renders a list "loose" (items wrapped in <p>) in exactly this case.
      const loose =
        node.spread === true ||
        node.children.some((item) => item.spread === true || item.children.length > 1)
      for (const item of node.children)
        for (const child of item.children) collect(child, !loose, out)
      return
    }
    case 'blockquote':
    case 'table':
    case 'tableRow':
      for (const child of (node as Parent).children) collect(child as Nodes, false, out)
      return
    default:
      // html is omitted by Hugo's default renderer; definitions and breaks have no text.
      return
  }
}

export function inlineText(nodes: readonly PhrasingContent[]): string {
  let text = ''
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        text += node.value
        break
      case 'inlineCode':
        text += literal(node.value)
        break
      case 'break':
        text += ' '
        break
      case 'footnoteReference':
        // Numbered when the blocks are joined (by first call, as the renderers number them).
        text += `\uE020${node.identifier}\uE021`
        break
      case 'link':
        // A bare URL the renderer linked is shown as written, never typeset.
        text += isBareUrl(node) ? literal(inlineText(node.children)) : inlineText(node.children)
        break
      case 'emphasis':
      case 'strong':
      case 'delete':
      case 'linkReference':
        text += inlineText(node.children)
        break
      default:
        // images, inline HTML and footnote references drop out of the plain text
        break
    }
  }
  return text
}

/** The blocks as one line of text, typeset as the generator's renderer does (code kept as written). */
function isBareUrl(node: Link): boolean {
  const only = node.children.length === 1 ? node.children[0] : undefined
  return (
    only?.type === 'text' &&
    (node.url === only.value ||
      node.url === `mailto:${only.value}` ||
      node.url === `http://${only.value}`)
  )
}

export function joinBlocks(
  blocks: readonly TextBlock[],
  style: BlockStyle = { typography: 'none' },
): string {
  const numbers = new Map<string, number>()
  const footnoteCall = (_m: string, id: string): string => {
    if (!style.footnoteNumbers) return ''
    if (!numbers.has(id)) numbers.set(id, numbers.size + 1)
    return String(numbers.get(id))
  }
  return blocks
    .map((block) => {
      const text = typeset(block.text, style.typography).replace(
        /\uE020([^\uE021]*)\uE021/g,
        footnoteCall,
      )
      return block.code && style.codeFigure
        ? codeFigureText(block.code, text, style.codeFigure)
        : text
    })
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * Hexo's highlighted code as a reader sees it: the caption (the fence's words after the
 * language, up to a URL), then the gutter's line numbers, then the code.
 */
function codeFigureText(
  code: NonNullable<TextBlock['code']>,
  text: string,
  figure: { lineNumbers: boolean },
): string {
  const caption = /^(.*?)(?:\s+https?:\/\/\S+(?:\s+(.+))?)?$/.exec(code.meta)
  const parts = [caption?.[1] ?? '', caption?.[2] ?? '']
  if (figure.lineNumbers) {
    parts.push(Array.from({ length: code.lines }, (_, i) => String(i + 1)).join(' '))
  }
  parts.push(text)
  return parts.filter((part) => part !== '').join(' ')
}
