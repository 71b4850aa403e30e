import { closedFrontMatterEnd } from './front-matter-fence'

/**
 * Where a new top-level block may start, found by a cheap line scan. A candidate is the start
 * of a line that follows a blank line and begins, at column 0, with a character that can
 * neither continue a list (`-`, `+`, `*`, digits, indentation) nor open front matter. In a
 * clean parser state such a line always starts a fresh block; whether the state *is* clean
 * there (no fenced code, math or HTML block still open) is verified by parsing — see
 * `incremental.ts`. Candidates inside a closed front matter block are skipped.
 */
export interface BlockBoundary {
  offset: number
  /** 1-based line number of the line starting at `offset`. */
  line: number
}

const BLANK_LINE = /^[ \t]*\r?$/
const CANNOT_START_BLOCK = /^[\s\-+*0-9]/

export function isBlankLine(lineText: string): boolean {
  return BLANK_LINE.test(lineText)
}

/** Whether a line following a blank line is a candidate start of a new top-level block. */
export function canStartBlock(lineText: string): boolean {
  return lineText.length > 0 && !CANNOT_START_BLOCK.test(lineText)
}

export function candidateBoundaries(text: string): BlockBoundary[] {
  const boundaries: BlockBoundary[] = []
  const skipUntil = closedFrontMatterEnd(text)
  let previousBlank = false
  let line = 1
  let lineStart = 0
  while (lineStart < text.length) {
    const next = text.indexOf('\n', lineStart)
    const lineEnd = next < 0 ? text.length : next
    const lineText = text.slice(lineStart, lineEnd)
    if (previousBlank && lineStart > skipUntil && canStartBlock(lineText)) {
      boundaries.push({ offset: lineStart, line })
    }
    previousBlank = isBlankLine(lineText)
    if (next < 0) break
    lineStart = next + 1
    line++
  }
  return boundaries
}
