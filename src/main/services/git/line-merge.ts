import { diff3Merge } from 'node-diff3'

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

/** Lines with their line breaks, as git compares them: a last line without one differs. */
const lines = (text: string): string[] => text.split(/(?<=\n)/)

/**
 * Git's three-way merge of text by lines: the edits that `ours` and `theirs` each made to
 * `base` combined, when no line was changed by both (the same change made on both sides is
 * fine). Null when the two sides touched the same lines: the writer must choose. Lines keep
 * their own breaks, so "\r\n" endings and a missing final newline come through unchanged.
 */
export function mergeLines(base: string, ours: string, theirs: string): string | null {
  const regions = diff3Merge(lines(ours), lines(base), lines(theirs), {
    excludeFalseConflicts: true,
  })
  const merged: string[] = []
  for (const region of regions) {
    if (region.conflict) return null
    merged.push(...(region.ok ?? []))
  }
  return merged.join('')
}
