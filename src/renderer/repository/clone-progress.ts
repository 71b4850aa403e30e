import type { GitProgressEvent } from '../../shared/api'

export interface CloneProgress {
  label: string
  /** 0…1 across the whole clone. */
  fraction: number
}

/** isomorphic-git's clone steps, in order, with their share of one bar. */
const STEPS: { match: RegExp; label: string; start: number; end: number }[] = [
  { match: /^Counting/i, label: 'Asking the server', start: 0, end: 0.05 },
  { match: /^Compressing/i, label: 'Asking the server', start: 0.05, end: 0.1 },
  { match: /^Receiving/i, label: 'Downloading', start: 0.1, end: 0.7 },
  { match: /^Resolving/i, label: 'Unpacking', start: 0.7, end: 0.85 },
  { match: /^Analyzing/i, label: 'Writing the posts', start: 0.85, end: 0.9 },
  { match: /^Updating/i, label: 'Writing the posts', start: 0.9, end: 0.99 },
]

/** Maps a `git:progress` event of a clone to a label and a position on one bar. */
export function cloneProgressOf(event: GitProgressEvent, previous?: CloneProgress): CloneProgress {
  if (event.phase === 'done' || event.phase === 'finished') return { label: 'Done', fraction: 1 }
  const step = STEPS.find((candidate) => candidate.match.test(event.detail ?? ''))
  const within = event.total ? Math.min(1, event.loaded / event.total) : 0
  const fraction = step ? step.start + (step.end - step.start) * within : 0
  // Never move backwards: each step starts counting from zero again.
  return {
    label: step?.label ?? previous?.label ?? 'Connecting',
    fraction: Math.max(fraction, previous?.fraction ?? 0),
  }
}
