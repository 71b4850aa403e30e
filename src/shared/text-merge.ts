import { diff3Merge } from 'node-diff3'
import { CONFLICT_MARKERS } from './conflict-markers'

/** Lines with their line breaks, as git compares them: a last line without one differs. */
const lines = (text: string): string[] => text.split(/(?<=\n)/)

/** A side of a conflict as whole lines, so the marker after it starts a line of its own. */
function asLines(chunk: readonly string[]): string {
  const text = chunk.join('')
  return text === '' || text.endsWith('\n') ? text : `${text}\n`
}

export interface ThreeWayMerge {
  /** The merged text; each place both sides changed is between `<<<<<<< mine` and `>>>>>>> theirs`. */
  text: string
  conflicts: number
}

/**
 * Git's three-way merge of text by lines: every edit that only `mine` or only `theirs` made to
 * `base` is taken, the same edit made on both sides once, and the lines both changed
 * differently are a conflict, shown with both versions between Git-style markers. Lines keep
 * their own breaks, so "\r\n" endings and a missing final newline come through unchanged.
 */
export function threeWayMerge(base: string, mine: string, theirs: string): ThreeWayMerge {
  let text = ''
  let conflicts = 0
  const regions = diff3Merge(lines(mine), lines(base), lines(theirs), {
    excludeFalseConflicts: true,
  })
  for (const region of regions) {
    if (region.ok) text += region.ok.join('')
    if (region.conflict) {
      conflicts++
      const { a, b } = region.conflict
      text += `${CONFLICT_MARKERS.mine}\n${asLines(a)}${CONFLICT_MARKERS.separator}\n${asLines(b)}${CONFLICT_MARKERS.theirs}\n`
    }
  }
  return { text, conflicts }
}

/** The merged text when the two sides changed no line in common, else null (the writer chooses). */
export function mergeLines(base: string, mine: string, theirs: string): string | null {
  const merged = threeWayMerge(base, mine, theirs)
  return merged.conflicts === 0 ? merged.text : null
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/** The bytes as text, or null for anything a line merge must not touch (binary, not UTF-8). */
export function mergeableText(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null
  try {
    return strictUtf8.decode(bytes)
  } catch {
    return null
  }
}
