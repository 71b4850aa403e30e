/** A run of lines between blank lines; fenced code blocks are never split. */
export interface Chunk {
  start: number
  end: number
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/

/** Splits LF-normalised Markdown at blank lines that are outside fenced code blocks. */
export function splitChunks(markdown: string): Chunk[] {
  const chunks: Chunk[] = []
  let fence: string | null = null
  let chunkStart = -1
  let chunkEnd = 0
  let pos = 0
  while (pos < markdown.length) {
    const newline = markdown.indexOf('\n', pos)
    const end = newline < 0 ? markdown.length : newline
    const line = markdown.slice(pos, end)
    const blank = fence === null && line.trim() === ''
    if (blank) {
      if (chunkStart >= 0) chunks.push({ start: chunkStart, end: chunkEnd })
      chunkStart = -1
    } else {
      if (chunkStart < 0) chunkStart = pos
      chunkEnd = end
      fence = nextFenceState(fence, line)
    }
    pos = end + 1
  }
  if (chunkStart >= 0) chunks.push({ start: chunkStart, end: chunkEnd })
  return chunks
}

function nextFenceState(fence: string | null, line: string): string | null {
  const match = FENCE.exec(line)
  if (fence === null) {
    if (!match) return null
    const marker = match[1]!
    // A backtick fence's info string may not contain a backtick.
    if (marker[0] === '`' && line.slice(match[0].length).includes('`')) return null
    return marker
  }
  if (
    match &&
    match[1]![0] === fence[0] &&
    match[1]!.length >= fence.length &&
    line.slice(match[0].length).trim() === ''
  ) {
    return null
  }
  return fence
}

/** Offset of a `<!--more-->` / `<!-- more -->` line outside code fences, or -1. */
export function findDividerLine(markdown: string): { start: number; end: number } | null {
  let fence: string | null = null
  let pos = 0
  while (pos <= markdown.length) {
    const newline = markdown.indexOf('\n', pos)
    const end = newline < 0 ? markdown.length : newline
    const line = markdown.slice(pos, end)
    if (fence === null && /^[ \t]*<!--[ \t]*more[ \t]*-->[ \t]*$/i.test(line))
      return { start: pos, end }
    fence = nextFenceState(fence, line)
    if (newline < 0) break
    pos = end + 1
  }
  return null
}
