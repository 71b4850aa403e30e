const CONFLICT_MARKER = /^(<<<<<<< mine|=======|>>>>>>> theirs)$/m

/** Text still holding the markers of a conflict being merged by hand: not ready to save. */
export const hasConflictMarkers = (text: string): boolean => CONFLICT_MARKER.test(text)
