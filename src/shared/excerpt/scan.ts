import { codeBlock, textBlock, type TextBlock } from './blocks'
import { isDefinitionLine } from './definitions'

/**
 * The linear fallback for stretches remark must not see (hostile markup, or past the parse
 * budget; see `summary.ts`): plain text read line by line with bounded patterns only, so the
 * time stays linear in the text whatever it holds. It approximates what remark gives (markers,
 * link targets, HTML tags and emphasis dropped) and never claims to be exact.
 */
export function scanBlocks(chunk: string): TextBlock[] {
  const blocks: TextBlock[] = []
  const lines = chunk.split('\n')
  if (FENCE.test(lines[0] ?? '')) {
    const closed = lines.length > 1 && FENCE.test(lines[lines.length - 1]!)
    const meta = (lines[0] ?? '')
      .replace(FENCE, '')
      .trim()
      .replace(/^\S+\s*/, '')
    return [codeBlock(lines.slice(1, closed ? -1 : undefined).join('\n'), meta)]
  }
  let paragraph: string[] = []
  const flush = () => {
    if (paragraph.length > 0) blocks.push(textBlock(paragraph.join(' '), true))
    paragraph = []
  }
  for (const raw of lines) {
    const line = raw.replace(CONTAINER_MARKERS, '')
    if (SKIPPED_LINE.test(line) || isDefinitionLine(line)) continue
    const heading = ATX_HEADING.exec(line)
    if (heading) {
      flush()
      blocks.push(textBlock(inlineText(heading[1]!.replace(CLOSING_HASHES, '')), false))
    } else {
      paragraph.push(inlineText(line))
    }
  }
  flush()
  return blocks
}

const FENCE = /^ {0,3}(?:`{3,}|~{3,})/
/** Block quote and list markers at the start of a line (each must be followed by a space). */
const CONTAINER_MARKERS = /^(?:[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))*[ \t]*/
/** Thematic breaks, setext underlines, table delimiter rows, fences and HTML lines carry no text. */
const SKIPPED_LINE = /^(?:[-*_=:| \t]*|`{3,}.*|~{3,}.*|<.*)$/
const ATX_HEADING = /^#{1,6}(?:[ \t]+(.*)|$)/
const CLOSING_HASHES = /[ \t]+#+[ \t]*$/

function inlineText(line: string): string {
  return (
    line
      .replace(/!\[[^[\]]{0,999}\]\([^()\s]{0,2048}(?:[ \t]+"[^"]{0,500}")?\)/g, '')
      .replace(/\]\([^()\s]{0,2048}(?:[ \t]+"[^"]{0,500}")?\)/g, ']')
      .replace(/\]\[[^[\]]{0,999}\]/g, ']')
      .replace(/\[\^[^[\]\s]{1,999}\]/g, '')
      .replace(/<((?:https?|mailto):[^<>\s]{1,2048})>/gi, '$1')
      .replace(/<[^<>]{0,2048}>/g, '')
      .replace(/\\([!-/:-@[-`{-~])|!(?=\[)|[[\]`*~|]/g, '$1')
      // An underscore inside a word is literal; elsewhere it is emphasis.
      .replace(/(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu, '')
      .replace(/&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|(amp|lt|gt|quot|apos|nbsp));/g, decodeEntity)
  )
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
}

/** The common character references; others stay as written (remark knows all 2,000+). */
function decodeEntity(match: string, decimal?: string, hex?: string, name?: string): string {
  if (name) return NAMED[name] ?? match
  const code = decimal ? Number(decimal) : parseInt(hex!, 16)
  return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
    ? String.fromCodePoint(code)
    : '\uFFFD'
}
