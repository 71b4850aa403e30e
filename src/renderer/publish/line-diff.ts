import { diffLines } from 'diff'
import { CONFLICT_MARKERS } from '../../shared/conflict-markers'

export type DiffRow =
  | { kind: 'same' | 'added' | 'removed'; text: string; oldLine?: number; newLine?: number }
  | { kind: 'skipped'; count: number }

const splitLines = (value: string): string[] => {
  const lines = value.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  return lines
}

/**
 * Line diff rows for display (jsdiff does the diffing). Long unchanged stretches are
 * folded to `context` lines either side of each change so a one-line edit stays readable.
 */
export function diffRows(oldText: string, newText: string, context = 3): DiffRow[] {
  const rows: DiffRow[] = []
  let oldLine = 1
  let newLine = 1
  for (const change of diffLines(oldText, newText)) {
    for (const text of splitLines(change.value)) {
      if (change.added) rows.push({ kind: 'added', text, newLine: newLine++ })
      else if (change.removed) rows.push({ kind: 'removed', text, oldLine: oldLine++ })
      else rows.push({ kind: 'same', text, oldLine: oldLine++, newLine: newLine++ })
    }
  }
  return foldUnchanged(rows, context)
}

function foldUnchanged(rows: DiffRow[], context: number): DiffRow[] {
  const changed = rows.map((row) => row.kind !== 'same')
  const keep = rows.map((_, index) =>
    changed.slice(Math.max(0, index - context), index + context + 1).some(Boolean),
  )
  const folded: DiffRow[] = []
  let skipped = 0
  rows.forEach((row, index) => {
    if (keep[index]) {
      if (skipped > 0) folded.push({ kind: 'skipped', count: skipped })
      skipped = 0
      folded.push(row)
    } else skipped++
  })
  if (skipped > 0) folded.push({ kind: 'skipped', count: skipped })
  return folded
}

/** Counts of added and removed lines, for the summary beside a file. */
export function diffStats(oldText: string, newText: string): { added: number; removed: number } {
  let added = 0
  let removed = 0
  for (const change of diffLines(oldText, newText)) {
    const count = splitLines(change.value).length
    if (change.added) added += count
    else if (change.removed) removed += count
  }
  return { added, removed }
}

/**
 * A starting point for the writer to finish by hand: lines both sides share stay as they
 * are, and each place they differ is shown with both versions between Git-style markers.
 */
export function mergeWithMarkers(mine: string, theirs: string): string {
  const out: string[] = []
  let ours: string[] = []
  let server: string[] = []
  const flush = () => {
    if (ours.length === 0 && server.length === 0) return
    const { mine, separator, theirs } = CONFLICT_MARKERS
    out.push(mine, ...ours, separator, ...server, theirs)
    ours = []
    server = []
  }
  for (const change of diffLines(theirs, mine)) {
    const lines = splitLines(change.value)
    if (change.added) ours.push(...lines)
    else if (change.removed) server.push(...lines)
    else {
      flush()
      out.push(...lines)
    }
  }
  flush()
  return `${out.join('\n')}\n`
}
