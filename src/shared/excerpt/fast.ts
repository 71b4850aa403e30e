import { literal } from '../text/typography'
import { codeBlock, textBlock, type TextBlock } from './blocks'

/**
 * Hand-written fast path for the plainest Markdown chunks: paragraphs, ATX headings and
 * fenced code with simple inline markup. Parsing every post with remark costs ~1 ms, which
 * is too slow for 10,000 posts. Anything outside this conservative subset returns null and
 * goes to remark instead; tests compare both paths on many documents.
 */
export function fastBlocks(chunk: string): TextBlock[] | null {
  if (/^[`~]{3}/.test(chunk)) return fencedCode(chunk)
  const lines = chunk.split('\n')
  if (/^\s/.test(lines[0] ?? '')) return null
  const blocks: TextBlock[] = []
  let paragraph: string[] = []
  const flush = (): boolean => {
    if (paragraph.length === 0) return true
    const text = fastInline(paragraph.join('\n'))
    paragraph = []
    if (text === null) return false
    blocks.push(textBlock(text, true))
    return true
  }
  for (const line of lines) {
    const trimmed = line.trimStart()
    const heading = /^(#{1,6})(?:[ \t]+|$)(.*)$/.exec(trimmed)
    if (heading && line.length - trimmed.length < 4) {
      if (!flush()) return null
      const text = fastInline(stripClosingHashes(heading[2] ?? ''))
      if (text === null) return null
      blocks.push(textBlock(text, false))
      continue
    }
    if (startsOtherBlock(trimmed)) return null
    paragraph.push(trimmed)
  }
  return flush() ? blocks : null
}

function startsOtherBlock(line: string): boolean {
  return (
    /^[>|<[`~=]/.test(line) ||
    /^[-+*](?:\s|$)/.test(line) ||
    /^\d{1,9}[.)](?:\s|$)/.test(line) ||
    /^(?:[-*_=][ \t]*)+$/.test(line)
  )
}

function stripClosingHashes(text: string): string {
  if (/^#+[ \t]*$/.test(text)) return ''
  return text.replace(/[ \t]+#+[ \t]*$/, '').trim()
}

function fencedCode(chunk: string): TextBlock[] | null {
  const lines = chunk.split('\n')
  const open = /^(`{3,}|~{3,})(.*)$/.exec(lines[0] ?? '')
  if (!open || lines.length < 2) return null
  const marker = open[1]!
  if (marker[0] === '`' && open[2]!.includes('`')) return null
  const last = lines[lines.length - 1]!
  const closing = new RegExp(`^${marker[0] === '~' ? '~' : '`'}{${marker.length},}[ \\t]*$`)
  const closes = (line: string): boolean => closing.test(line)
  if (!closes(last)) return null
  const inner = lines.slice(1, -1)
  if (inner.some(closes)) return null
  const meta = open[2]!.trim().replace(/^\S+\s*/, '')
  return [codeBlock(inner.join('\n'), meta)]
}

const PLACEHOLDER = /\uE000(\d+)\uE000/g
const EMPHASIS =
  /(^|[\s(["'\uE000])(\*\*|__|\*|_)(?=\S)([^*_]*?[^\s*_])\2(?=$|[\s)\].,;:!?"'\uE000-])/

/** Plain text of simple inline Markdown, or null when the text needs a real parser. */
export function fastInline(source: string): string | null {
  if (/[\\&<~|\uE000-\uE003]/.test(source)) return null
  const codes: string[] = []
  let text = source.replace(/`([^`]+)`/g, (_match, code: string) => {
    codes.push(code)
    return `\uE000${codes.length - 1}\uE000`
  })
  if (text.includes('`')) return null
  const links: string[] = []
  let failed = false
  text = text.replace(
    /(!?)\[([^[\]]*)\]\(([^()\s<>\uE000]*)(?:[ \t]+"[^"\n]*")?\)/g,
    (_m, bang: string, label: string) => {
      if (bang) return ''
      const plain = stripEmphasis(label)
      if (plain === null) failed = true
      links.push(plain ?? '')
      return `\uE000L${links.length - 1}\uE000`
    },
  )
  if (failed || /[[\]]/.test(text)) return null
  const plain = stripEmphasis(text)
  if (plain === null) return null
  return plain
    .replace(/\uE000L(\d+)\uE000/g, (_m, i: string) => links[Number(i)] ?? '')
    .replace(PLACEHOLDER, (_m, i: string) => literal(codes[Number(i)] ?? ''))
}

/** Each pass below removes one emphasis pair from the whole text; more pairs go to remark. */
const MAX_FAST_DELIMITERS = 64

function stripEmphasis(segment: string): string | null {
  // Autolinked URLs keep their underscores and asterisks; let remark decide those.
  if (/[*_]/.test(segment) && /:\/\/|www\./i.test(segment)) return null
  if ((segment.match(/[*_]+/g)?.length ?? 0) > MAX_FAST_DELIMITERS) return null
  let text = segment
  for (;;) {
    const next = text.replace(EMPHASIS, '$1$3')
    if (next === text) break
    text = next
  }
  // What is left must be literal for sure: `_` inside a word, `*` with spaces on both sides.
  const leftover = text
    .replace(/(?<=[\p{L}\p{N}])_+(?=[\p{L}\p{N}])/gu, '')
    .replace(/(?<=\s)\*+(?=\s)/g, '')
  return /[*_]/.test(leftover) ? null : text
}
