import type { GitProgressEvent } from '../../shared/api'

export interface PublishProgress {
  label: string
  /** 0…1 across the whole publish. */
  fraction: number
}

/** Each phase of a publish, in order, with its share of the bar. */
const PHASES: Record<string, { label: string; start: number; end: number }> = {
  scan: { label: 'Looking for changes', start: 0, end: 0.05 },
  commit: { label: 'Committing', start: 0.05, end: 0.15 },
  fetch: { label: 'Checking the server', start: 0.15, end: 0.45 },
  integrate: { label: "Bringing in the server's changes", start: 0.45, end: 0.5 },
  push: { label: 'Sending to the server', start: 0.5, end: 0.98 },
  done: { label: 'Done', start: 1, end: 1 },
  finished: { label: 'Done', start: 1, end: 1 },
}

/** Maps a `git:progress` event to a label and a position on one bar. */
export function progressOf(event: GitProgressEvent, previous?: PublishProgress): PublishProgress {
  const phase = PHASES[event.phase] ?? { label: event.phase, start: 0, end: 0 }
  const within = event.total ? Math.min(1, event.loaded / event.total) : 0
  const fraction = phase.start + (phase.end - phase.start) * within
  // Never move backwards: phases may repeat their start event.
  return { label: phase.label, fraction: Math.max(fraction, previous?.fraction ?? 0) }
}
