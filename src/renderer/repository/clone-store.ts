import { create } from 'zustand'
import type { Api, GitProgressEvent } from '../../shared/api'
import { openRepository, useInkpress } from '../state/store'
import { cloneProgressOf, type CloneProgress } from './clone-progress'

export interface CloneState {
  cloning: boolean
  progress: CloneProgress | null
  /** The last failure, exactly as the main process worded it. */
  error: string | null
  /** The server wants a user name and token for this URL. */
  askForToken: boolean
  /** What the retry after entering a token clones. */
  request: { url: string; folder: string } | null
}

export const useClone = create<CloneState>(() => ({
  cloning: false,
  progress: null,
  error: null,
  askForToken: false,
  request: null,
}))

const set = useClone.setState
const get = useClone.getState

function transport() {
  const current = useInkpress.getState().transport
  if (!current) throw new Error('Cloning is used before the app connected.')
  return current
}
const api = (): Api => transport().api

function onProgress(event: GitProgressEvent): void {
  if (event.operation !== 'clone' || !get().cloning) return
  set((state) => ({ progress: cloneProgressOf(event, state.progress ?? undefined) }))
}

/** Clones `url` into `folder` (which must be empty or missing), then opens it. */
export async function startClone(url: string, folder: string): Promise<boolean> {
  if (get().cloning) return false
  set({
    cloning: true,
    progress: { label: 'Connecting', fraction: 0 },
    error: null,
    request: { url: url.trim(), folder: folder.trim() },
  })
  const unsubscribe = transport().events['git:progress'](onProgress)
  try {
    const cloned = await api()['git:clone'](url.trim(), folder.trim())
    if (!cloned.ok) {
      const unauthorized = cloned.error.code === 'UNAUTHORIZED'
      set((state) => ({
        error: cloned.error.message,
        askForToken: unauthorized || (state.askForToken && cloned.error.code === 'FORBIDDEN'),
      }))
      return false
    }
    set({ askForToken: false, progress: { label: 'Done', fraction: 1 } })
    await openRepository(cloned.value.root)
    return true
  } finally {
    unsubscribe()
    set({ cloning: false })
  }
}

export async function cancelClone(): Promise<void> {
  await api()['git:cancel']()
}

/** Remembers the user name and token for the clone URL's host, then clones again. */
export async function saveTokenAndClone(username: string, token: string): Promise<boolean> {
  const request = get().request
  if (!request) return false
  const saved = await api()['credentials:save']({ url: request.url, username, token })
  if (!saved.ok) {
    set({ error: saved.error.message })
    return false
  }
  return startClone(request.url, request.folder)
}

export function resetClone(): void {
  set({ progress: null, error: null, askForToken: false })
}
