import { create } from 'zustand'
import type { AppInfo, JournalEntry, PostDocument, RepositoryInfo } from '../../shared/api'
import { hasConflictMarkers } from '../../shared/conflict-markers'
import {
  summarizePost,
  withSavedSummary,
  type PostSummary,
  type SiteInfo,
} from '../../shared/posts'
import type { AppError, Result } from '../../shared/result'
import type { Transport } from '../api/transport'
import { AUTOSAVE_DELAY_MS, JOURNAL_DELAY_MS, PauseScheduler } from './buffer-safety'

export interface OpenPost {
  path: string
  /** The text as last read from or written to disk. */
  savedText: string
  /** Content hash of `savedText` on disk, the base of the next save; null once the file is gone. */
  version: string | null
  /** The editor's buffer; unsaved when it differs from savedText. */
  text: string
  /** Bumped when the buffer is replaced from outside the editor (open, reload). */
  loadCount: number
}

export interface Notice {
  kind: 'error' | 'info'
  message: string
}

export interface InkpressState {
  transport: Transport | null
  appInfo: AppInfo | null
  repository: RepositoryInfo | null
  /** How the open repository's site generator lays out posts and files. */
  site: SiteInfo | null
  recent: string[]
  posts: PostSummary[]
  post: OpenPost | null
  notice: Notice | null
  saving: boolean
  /** Set when the open file changed on disk while the buffer had unsaved edits. */
  externalChange: PostDocument | null
  /** Unsaved buffers from a session that ended without saving, offered for restore. */
  recoverable: JournalEntry[]
}

export const isDirty = (post: OpenPost | null): boolean =>
  post !== null && post.text !== post.savedText

export const useInkpress = create<InkpressState>(() => ({
  transport: null,
  appInfo: null,
  repository: null,
  site: null,
  recent: [],
  posts: [],
  post: null,
  notice: null,
  saving: false,
  externalChange: null,
  recoverable: [],
}))

const set = useInkpress.setState
const get = useInkpress.getState

function api() {
  const transport = get().transport
  if (!transport) throw new Error('The store is used before connect().')
  return transport.api
}

/** Unwraps a Result, showing its error to the writer; returns null on failure. */
export function take<T>(result: Result<T>): T | null {
  if (result.ok) return result.value
  showError(result.error)
  return null
}

export const showError = (error: AppError) =>
  set({ notice: { kind: 'error', message: error.message } })
export const showInfo = (message: string) => set({ notice: { kind: 'info', message } })
export const dismissNotice = () => set({ notice: null })

export async function connect(transport: Transport): Promise<void> {
  set({ transport })
  transport.events['posts:changed'](({ paths }) => void onFilesChanged(paths))
  transport.events['repo:notice'](({ message }) => showInfo(message))
  const [info, repository] = await Promise.all([
    transport.api['app:info'](),
    transport.api['repo:current'](),
  ])
  set({ appInfo: take(info) })
  const current = take(repository)
  if (current) await showRepository(current)
  else await refreshRecent()
}

async function refreshRecent(): Promise<void> {
  set({ recent: take(await api()['repo:recent']()) ?? [] })
}

async function showRepository(repository: RepositoryInfo): Promise<void> {
  cancelPendingWork()
  set({ repository, site: null, post: null, posts: [], externalChange: null, recoverable: [] })
  const [, , journal] = await Promise.all([
    refreshPosts(),
    refreshRecent(),
    api()['journal:list'](),
    refreshSite(),
  ])
  if (journal.ok) set({ recoverable: journal.value })
}

export async function refreshSite(): Promise<void> {
  set({ site: take(await api()['site:info']()) })
}

const journalScheduler = new PauseScheduler(JOURNAL_DELAY_MS, () => void journalBuffer())
/** Autosave waits while the writer is asked about a disk change or is merging a conflict by hand. */
const autosaveScheduler = new PauseScheduler(AUTOSAVE_DELAY_MS, () => {
  const post = get().post
  if (post && isDirty(post) && !get().externalChange && !hasConflictMarkers(post.text))
    void savePost()
})

function cancelPendingWork(): void {
  journalScheduler.cancel()
  autosaveScheduler.cancel()
}

/** Keeps the unsaved buffer outside the repository so a crash or kill loses nothing. */
async function journalBuffer(): Promise<void> {
  const post = get().post
  if (!isDirty(post) || !post) return
  const result = await api()['journal:write'](post.path, post.text, post.version)
  if (!result.ok) showError(result.error)
}

/** Reopens a journaled buffer as an unsaved edit on top of the version it was based on. */
export async function restoreJournaled(entry: JournalEntry): Promise<void> {
  if (get().post?.path !== entry.path) await openPost(entry.path)
  set((state) => ({
    post: state.post
      ? {
          ...state.post,
          text: entry.text,
          version: entry.baseVersion,
          loadCount: state.post.loadCount + 1,
        }
      : state.post,
    recoverable: state.recoverable.filter((candidate) => candidate.path !== entry.path),
  }))
  journalScheduler.poke()
  autosaveScheduler.poke()
}

export async function discardJournaled(entry: JournalEntry): Promise<void> {
  set((state) => ({
    recoverable: state.recoverable.filter((candidate) => candidate.path !== entry.path),
  }))
  const result = await api()['journal:discard'](entry.path)
  if (!result.ok) showError(result.error)
}

export async function openRepository(folder: string): Promise<boolean> {
  if (!(await settleBeforeLeaving())) return false
  const repository = take(await api()['repo:open'](folder.trim()))
  if (repository) await showRepository(repository)
  return repository !== null
}

export async function openSample(): Promise<void> {
  if (!(await settleBeforeLeaving())) return
  const repository = take(await api()['repo:openSample']())
  if (repository) await showRepository(repository)
}

/** Desktop: the system dialog. Returns false where there is none (browser mode). */
export async function pickAndOpenFolder(): Promise<boolean> {
  const picked = await api()['repo:pickFolder']()
  if (!picked.ok) return false
  if (picked.value) await openRepository(picked.value)
  return true
}

export async function refreshPosts(): Promise<void> {
  const posts = take(await api()['posts:list']())
  if (posts) set({ posts })
}

export async function openPost(path: string): Promise<void> {
  if (get().post?.path === path || !(await settleBeforeLeaving())) return
  cancelPendingWork()
  const document = take(await api()['posts:read'](path))
  if (!document) return
  reloadFrom(document)
  set({ notice: null })
}

export function updateText(text: string): void {
  const post = get().post
  if (!post || post.text === text) return
  set({ post: { ...post, text } })
  journalScheduler.poke()
  autosaveScheduler.poke()
}

export async function savePost(
  options: { overwriteExternalChanges?: boolean } = {},
): Promise<boolean> {
  const post = get().post
  if (!post || get().saving) return false
  const text = post.text
  autosaveScheduler.cancel()
  set({ saving: true })
  const saved = await api()['posts:save'](post.path, text, post.version, options)
  set({ saving: false })
  if (!saved.ok) {
    if (saved.error.code === 'CONFLICT') await noticeExternalChange(post.path)
    showError(saved.error)
    return false
  }
  // The buffer may have changed while saving: only what was written becomes "saved".
  // The list is updated from the same text here, so the watcher's echo of this save does not
  // make the whole site be indexed again (see onFilesChanged).
  const site = get().site
  set((state) => ({
    post:
      state.post && state.post.path === post.path
        ? { ...state.post, savedText: text, version: saved.value.version }
        : state.post,
    posts: site
      ? withSavedSummary(state.posts, summarizePost(post.path, text, site), site)
      : state.posts,
    externalChange: null,
  }))
  if (isDirty(get().post)) autosaveScheduler.poke()
  else void api()['journal:discard'](post.path)
  return true
}

async function onFilesChanged(paths: string[]): Promise<void> {
  const post = get().post
  const onlyOpenPost = post !== null && paths.length === 1 && paths[0] === post.path
  if (!onlyOpenPost) void refreshPosts()
  if (!post || !paths.includes(post.path)) return
  const asSaved = await noticeExternalChange(post.path)
  // Our own save: the list already shows it. Anything else changed the file on disk.
  if (onlyOpenPost && !asSaved) void refreshPosts()
}

/** Reacts to the open post changing on disk; true when the disk holds what we last saved. */
async function noticeExternalChange(path: string): Promise<boolean> {
  const result = await api()['posts:read'](path)
  const post = get().post
  if (!post || post.path !== path) return false
  if (!result.ok) {
    if (result.error.code === 'NOT_FOUND') {
      set({
        notice: { kind: 'error', message: `${path} was deleted on disk. Save to keep your text.` },
        post: { ...post, version: null },
      })
    }
    return false
  }
  if (result.value.version === post.version) return true
  if (!isDirty(post)) reloadFrom(result.value)
  else set({ externalChange: result.value })
  return false
}

function reloadFrom(document: PostDocument): void {
  set((state) => ({
    post: {
      path: document.path,
      savedText: document.text,
      version: document.version,
      text: document.text,
      loadCount: (state.post?.loadCount ?? 0) + 1,
    },
    externalChange: null,
  }))
}

/**
 * Replaces the buffer with text from elsewhere (an old version from history, a resolved
 * conflict) as a new, unsaved edit: nothing on disk changes until the writer saves.
 */
export function replaceBuffer(text: string): void {
  set((state) =>
    state.post ? { post: { ...state.post, text, loadCount: state.post.loadCount + 1 } } : {},
  )
}

/** The writer chose the version on disk over their unsaved edits. */
export function acceptExternalChange(): void {
  const document = get().externalChange
  if (document) reloadFrom(document)
}

/** The writer keeps their buffer; the next save overwrites the disk version knowingly. */
export async function keepMineOverExternalChange(): Promise<void> {
  await savePost({ overwriteExternalChanges: true })
}

/**
 * Before another post or repository replaces the buffer: save it; only if saving fails ask
 * whether to leave it (it stays in the journal either way).
 */
async function settleBeforeLeaving(): Promise<boolean> {
  const post = get().post
  if (!isDirty(post) || (await savePost())) return true
  return window.confirm(
    `${post?.path} could not be saved. Leave it anyway? Its text stays in the recovery journal.`,
  )
}
