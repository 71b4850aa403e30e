import { create } from 'zustand'
import type {
  ConflictVersions,
  CredentialStatus,
  FileDiff,
  GitStatus,
  PublishOutcome,
} from '../../shared/api/git-types'
import type { ErrorCode } from '../../shared/result'
import { isDirty, refreshPosts, savePost, useInkpress } from '../state/store'
import { api } from './api'
import { suggestedCommitMessage } from './commit-message'
import { progressOf, type PublishProgress } from './progress'

export interface ResultLine {
  kind: 'success' | 'warning' | 'error'
  /** Where things stand, when the error alone does not say it. */
  title?: string
  text: string
  code?: ErrorCode
}

export interface ConflictEntry {
  versions?: ConflictVersions
  error?: string
  resolution?: 'mine' | 'theirs' | 'edited'
}

export interface PublishState {
  open: boolean
  status: GitStatus | null
  statusError: string | null
  /** Files the writer unticked. */
  excluded: Record<string, true>
  diffs: Record<string, FileDiff>
  diffErrors: Record<string, string>
  /** The file whose diff is unfolded. */
  shownDiff: string | null
  message: string
  /** Once the writer types, the suggestion no longer follows the ticked files. */
  messageEdited: boolean
  publishing: boolean
  progress: PublishProgress | null
  result: ResultLine | null
  credentials: CredentialStatus | null
  askForToken: boolean
  /** Every post of the current conflict, resolved or not. */
  conflicts: Record<string, ConflictEntry>
  /** The conflicting post being merged by hand in the editor. */
  editing: string | null
}

const initialState = {
  open: false,
  status: null,
  statusError: null,
  excluded: {},
  diffs: {},
  diffErrors: {},
  shownDiff: null,
  message: '',
  messageEdited: false,
  publishing: false,
  progress: null,
  result: null,
  credentials: null,
  askForToken: false,
  conflicts: {},
  editing: null,
} satisfies PublishState

export const usePublish = create<PublishState>(() => initialState)

const set = usePublish.setState
const get = usePublish.getState

/** Diffs fetched eagerly when the panel opens; more are fetched when unfolded. */
const EAGER_DIFFS = 30

export const includedPaths = (state: PublishState): string[] =>
  (state.status?.files ?? []).map((file) => file.path).filter((path) => !state.excluded[path])

export const unresolvedConflicts = (state: PublishState): string[] => state.status?.conflicts ?? []

/** The panel refreshes itself when it mounts (see PublishPanel). */
export function openPublishPanel(): void {
  set({ open: true, result: null, progress: null })
}

/** Another repository was opened: nothing of the last one's publishing state applies. */
export function resetForRepository(): void {
  set({ ...initialState, open: get().open })
}

let refreshTimer: ReturnType<typeof setTimeout> | undefined

/** Coalesces bursts of file changes into one status refresh; none while publishing. */
export function refreshSoon(): void {
  clearTimeout(refreshTimer)
  refreshTimer = setTimeout(() => {
    if (get().open && !get().publishing) void refreshPublishPanel()
  }, 300)
}

export function closePublishPanel(): void {
  set({ open: false })
}

export async function refreshPublishPanel(): Promise<void> {
  const [status, credentials] = await Promise.all([
    api()['git:status'](),
    api()['credentials:status'](),
  ])
  if (!status.ok) {
    set({ status: null, statusError: status.error.message })
    return
  }
  const files = new Set(status.value.files.map((file) => file.path))
  set((state) => ({
    status: status.value,
    statusError: null,
    credentials: credentials.ok ? credentials.value : state.credentials,
    excluded: Object.fromEntries(
      Object.keys(state.excluded)
        .filter((p) => files.has(p))
        .map((p) => [p, true as const]),
    ),
    // A file changed again since the last look: its old diff is stale.
    diffs: {},
    diffErrors: {},
    shownDiff: state.shownDiff && files.has(state.shownDiff) ? state.shownDiff : null,
  }))
  await Promise.all([
    ...status.value.files.slice(0, EAGER_DIFFS).map((file) => loadDiff(file.path)),
    loadConflicts(status.value.conflicts),
  ])
  suggestMessage()
}

async function loadDiff(path: string): Promise<void> {
  const diff = await api()['git:diff'](path)
  if (diff.ok) set((state) => ({ diffs: { ...state.diffs, [path]: diff.value } }))
  else set((state) => ({ diffErrors: { ...state.diffErrors, [path]: diff.error.message } }))
}

async function loadConflicts(paths: string[]): Promise<void> {
  if (paths.length === 0) {
    // Keep a finished round on screen (all resolved) until the next publish.
    return
  }
  const entries = await Promise.all(
    paths.map(async (path): Promise<[string, ConflictEntry]> => {
      const versions = await api()['git:conflict'](path)
      return [path, versions.ok ? { versions: versions.value } : { error: versions.error.message }]
    }),
  )
  set((state) => ({ conflicts: { ...state.conflicts, ...Object.fromEntries(entries) } }))
}

function suggestMessage(): void {
  const state = get()
  if (state.messageEdited) return
  const paths = includedPaths(state)
  const message =
    paths.length === 0 ? '' : suggestedCommitMessage(paths, (path) => state.diffs[path]?.newText)
  set({ message })
}

export function toggleFile(path: string): void {
  set((state) => {
    const excluded = { ...state.excluded }
    if (excluded[path]) delete excluded[path]
    else excluded[path] = true
    return { excluded }
  })
  const paths = includedPaths(get())
  const [only] = paths
  // "Publish: <title>" needs the one post's text.
  if (paths.length === 1 && only && !get().diffs[only]) void loadDiff(only).then(suggestMessage)
  else suggestMessage()
}

export function toggleDiff(path: string): void {
  const shown = get().shownDiff === path ? null : path
  set({ shownDiff: shown })
  if (shown && !get().diffs[shown]) void loadDiff(shown)
}

export function editMessage(message: string): void {
  set({ message, messageEdited: true })
}

export function useSuggestedMessage(): void {
  set({ messageEdited: false })
  suggestMessage()
}

function describeOutcome(outcome: PublishOutcome, upstream: string | undefined): ResultLine {
  const brought =
    outcome.integrated === 'fast-forward'
      ? " The server's newer commits were brought in first."
      : outcome.integrated === 'merged'
        ? " The server's newer commits were merged with yours."
        : ''
  const combined = outcome.merged?.length
    ? ` Your edits and the server's were combined in ${outcome.merged.join(', ')}.`
    : ''
  const what = outcome.message ? `“${outcome.message.trim()}”` : 'Your waiting commits'
  if (outcome.pushed) {
    return {
      kind: 'success',
      text: `Published: ${what} pushed to ${upstream ?? 'the server'} (${outcome.headOid.slice(0, 7)}).${brought}${combined}${outcome.via ? ` ${outcome.via}.` : ''}`,
    }
  }
  return {
    kind: 'success',
    text: `Up to date: the server already has ${outcome.message ? 'this commit' : 'your commits'}.${brought}${combined}`,
  }
}

const NEEDS_TOKEN: ErrorCode[] = ['UNAUTHORIZED', 'FORBIDDEN']

/**
 * Saves the open post if it has unsaved edits (publishing reads the files on disk), then
 * commits the ticked files and pushes. The outcome or the error stays on screen.
 */
export async function publishNow(): Promise<void> {
  const state = get()
  if (state.publishing) return
  if (isDirty(useInkpress.getState().post) && !(await savePost())) {
    set({
      result: {
        kind: 'error',
        text: 'The open post could not be saved, so nothing was published.',
      },
    })
    return
  }
  const changed = state.status?.files.length ?? 0
  const paths = includedPaths(state)
  const request = {
    ...(paths.length < changed ? { paths } : {}),
    ...(paths.length > 0 && state.message.trim() ? { message: state.message.trim() } : {}),
  }
  set({ publishing: true, result: null, progress: { label: 'Starting', fraction: 0 } })
  const outcome = await api()['git:publish'](request)
  if (outcome.ok) {
    set({
      publishing: false,
      askForToken: false,
      messageEdited: false,
      conflicts: {},
      editing: null,
      progress: { label: 'Done', fraction: 1 },
      result: describeOutcome(outcome.value, get().status?.upstream),
    })
    void refreshPosts()
  } else {
    const { code, message } = outcome.error
    set((current) => ({
      publishing: false,
      // The result line says where it stopped; a bar frozen part-way would only confuse.
      progress: null,
      askForToken: current.askForToken || NEEDS_TOKEN.includes(code),
      result: { kind: code === 'CANCELLED' ? 'warning' : 'error', text: message, code },
    }))
  }
  await refreshPublishPanel()
  const { status, result } = get()
  if (!outcome.ok && result && status && status.ahead > 0 && status.conflicts.length === 0) {
    set({ result: { ...result, title: 'Committed on this computer, not pushed.' } })
  }
}

export async function cancelPublish(): Promise<void> {
  await api()['git:cancel']()
}

/** Called for each `git:progress` event while the panel is on screen. */
export function onProgress(event: Parameters<typeof progressOf>[0]): void {
  if (event.operation !== 'publish' || !get().publishing) return
  set((state) => ({ progress: progressOf(event, state.progress ?? undefined) }))
}

/** Saves the user name and token for the remote's host, then tries publishing again. */
export async function saveTokenAndPublish(username: string, token: string): Promise<boolean> {
  const url = get().status?.remoteUrl
  if (!url) {
    set({ result: { kind: 'error', text: 'This repository has no remote to publish to yet.' } })
    return false
  }
  const saved = await api()['credentials:save']({ url, username, token })
  if (!saved.ok) {
    set({ result: { kind: 'error', text: saved.error.message, code: saved.error.code } })
    return false
  }
  set({ credentials: saved.value, askForToken: false })
  await publishNow()
  return true
}

export function askForToken(): void {
  set({ askForToken: true })
}

function markResolved(path: string, resolution: ConflictEntry['resolution'], remaining: string[]) {
  set((state) => ({
    conflicts: { ...state.conflicts, [path]: { ...state.conflicts[path], resolution } },
    editing: state.editing === path ? null : state.editing,
    result:
      remaining.length === 0
        ? { kind: 'success', text: 'Every conflict is settled. Publish to finish.' }
        : state.result,
  }))
}

export async function resolveWith(path: string, choice: 'mine' | 'theirs'): Promise<void> {
  const resolved = await api()['git:resolveConflict'](path, choice)
  if (!resolved.ok) {
    set({ result: { kind: 'error', text: resolved.error.message, code: resolved.error.code } })
    return
  }
  markResolved(path, choice, resolved.value.remaining)
  await refreshPublishPanel()
}

export function setEditing(path: string | null): void {
  set({ editing: path })
}

export function reportProblem(text: string): void {
  set({ result: { kind: 'error', text } })
}

/** Settles a conflict with the text the writer merged in the editor. */
export async function resolveWithEditedText(path: string, text: string): Promise<void> {
  const resolved = await api()['git:resolveConflict'](path, { text })
  if (!resolved.ok) {
    set({ result: { kind: 'error', text: resolved.error.message, code: resolved.error.code } })
    return
  }
  markResolved(path, 'edited', resolved.value.remaining)
  await refreshPublishPanel()
}
