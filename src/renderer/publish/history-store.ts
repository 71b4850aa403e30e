import { create } from 'zustand'
import type { HistoryEntry } from '../../shared/api/git-types'
import { replaceBuffer, useInkpress } from '../state/store'
import { api } from './api'

export interface HistoryState {
  open: boolean
  path: string | null
  entries: HistoryEntry[]
  loading: boolean
  error: string | null
  /** The version being viewed, read-only. */
  selected: { entry: HistoryEntry; text: string } | null
  restored: string | null
}

export const useHistory = create<HistoryState>(() => ({
  open: false,
  path: null,
  entries: [],
  loading: false,
  error: null,
  selected: null,
  restored: null,
}))

const set = useHistory.setState

export async function openHistory(): Promise<void> {
  const path = useInkpress.getState().post?.path
  if (!path) return
  set({ open: true, path, entries: [], loading: true, error: null, selected: null, restored: null })
  const history = await api()['git:history'](path)
  if (useHistory.getState().path !== path) return
  set(
    history.ok
      ? { entries: history.value, loading: false }
      : { error: history.error.message, loading: false },
  )
}

export function closeHistory(): void {
  set({ open: false, selected: null })
}

export async function viewVersion(entry: HistoryEntry): Promise<void> {
  const path = useHistory.getState().path
  if (!path) return
  const text = await api()['git:readAtCommit'](entry.oid, path)
  if (text.ok) set({ selected: { entry, text: text.value }, error: null, restored: null })
  else set({ error: text.error.message })
}

/** Puts the old version into the editor as an unsaved edit; the writer saves when happy. */
export function restoreSelected(): void {
  const { selected, path } = useHistory.getState()
  if (!selected || useInkpress.getState().post?.path !== path) return
  replaceBuffer(selected.text)
  set({
    restored: `The version of ${formatDate(selected.entry.timestamp)} is in the editor as an unsaved edit. Save to keep it.`,
  })
}

export const formatDate = (seconds: number): string =>
  new Date(seconds * 1000).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
