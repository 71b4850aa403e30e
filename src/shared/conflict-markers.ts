/** The lines that fence a conflict left for the writer, as Git writes them (one place). */
export const CONFLICT_MARKERS = {
  mine: '<<<<<<< mine',
  separator: '=======',
  theirs: '>>>>>>> theirs',
} as const

const CONFLICT_MARKER = new RegExp(
  `^(${[CONFLICT_MARKERS.mine, CONFLICT_MARKERS.separator, CONFLICT_MARKERS.theirs].join('|')})$`,
  'm',
)

/** Text still holding the markers of a conflict being merged by hand: not ready to save. */
export const hasConflictMarkers = (text: string): boolean => CONFLICT_MARKER.test(text)
