import { hasConflictMarkers } from '../../shared/conflict-markers'
import { threeWayMerge } from '../../shared/text-merge'
import type { ConflictVersions } from '../../shared/api/git-types'
import { openPost, replaceBuffer, savePost, useInkpress } from '../state/store'
import { mergeWithMarkers } from './line-diff'
import { reportProblem, resolveWithEditedText, setEditing, usePublish } from './publish-store'

/**
 * Where to start merging by hand: with the text both started from, only the lines both sides
 * changed are left between markers; without it (a post new on both sides), every difference.
 */
function startingText({ base, mine, theirs }: ConflictVersions): string {
  if (base !== undefined && mine !== undefined && theirs !== undefined) {
    return threeWayMerge(base, mine, theirs).text
  }
  return mergeWithMarkers(mine ?? '', theirs ?? '')
}

/**
 * "Edit": opens the post and puts both versions, merged with markers, into the editor as an
 * unsaved edit. Nothing on disk changes until the writer finishes with `finishEditing`.
 */
export async function startEditing(path: string): Promise<void> {
  const versions = usePublish.getState().conflicts[path]?.versions
  if (!versions) return
  await openPost(path)
  if (useInkpress.getState().post?.path !== path) return // the writer kept other unsaved edits
  replaceBuffer(startingText(versions))
  setEditing(path)
}

/** Saves the editor's merged text and settles the conflict with it. */
export async function finishEditing(path: string): Promise<void> {
  const post = useInkpress.getState().post
  if (post?.path !== path) {
    reportProblem(`Open ${path} in the editor to finish merging it.`)
    return
  }
  if (hasConflictMarkers(post.text)) {
    reportProblem(
      `${path} still has conflict markers (<<<<<<< mine, =======, >>>>>>> theirs). Keep the lines you want and remove the markers.`,
    )
    return
  }
  // Saving first keeps the editor and the disk in step, so no "changed on disk" question follows.
  if (!(await savePost())) return
  await resolveWithEditedText(path, post.text)
}
