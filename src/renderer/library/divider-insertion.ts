import { splitChunks } from '../../shared/excerpt'
import { splitFrontMatter } from '../../shared/frontmatter'

export const DIVIDER = '<!--more-->'

export interface Insertion {
  from: number
  insert: string
  /** Where the cursor goes afterwards: just after the divider. */
  cursor: number
}

/**
 * Where "Insert divider at cursor" puts `<!--more-->` so that it sits on a line of its own:
 * at the cursor, breaking the line around it as needed. A cursor inside the front matter
 * (where a freshly opened post has it) would break the front matter, so the divider then goes
 * after the body's first paragraph instead. `text` uses LF line ends, as the editor does.
 */
export function dividerInsertion(text: string, cursor: number): Insertion {
  const bodyStart = splitFrontMatter(text).block?.bodyStart ?? 0
  if (cursor < bodyStart) return afterFirstParagraph(text, bodyStart)
  const lineStart = text.lastIndexOf('\n', cursor - 1) + 1
  const newline = text.indexOf('\n', cursor)
  const lineEnd = newline < 0 ? text.length : newline
  const before = text.slice(lineStart, cursor).trim() === '' ? '' : '\n'
  const after = text.slice(cursor, lineEnd).trim() === '' ? '' : '\n'
  const insert = `${before}${DIVIDER}${after}`
  return { from: cursor, insert, cursor: cursor + before.length + DIVIDER.length }
}

function afterFirstParagraph(text: string, bodyStart: number): Insertion {
  const first = splitChunks(text.slice(bodyStart))[0]
  if (!first) {
    const gap = text.endsWith('\n') || text.length === 0 ? '' : '\n'
    const insert = `${gap}${DIVIDER}\n`
    return { from: text.length, insert, cursor: text.length + gap.length + DIVIDER.length }
  }
  const from = bodyStart + first.end
  const insert = `\n\n${DIVIDER}`
  return { from, insert, cursor: from + insert.length }
}
