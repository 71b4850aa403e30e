import { create } from 'zustand'
import type { SiteGenerator } from '../../shared/posts'
import {
  isDirty,
  openPost,
  refreshPosts,
  savePost,
  showInfo,
  take,
  useInkpress,
} from '../state/store'
import { DEFAULT_QUERY, type PostQuery } from './post-filter'

export type WorkspaceView = 'library' | 'editor'

export interface LibraryState {
  view: WorkspaceView
  query: PostQuery
  /** The post waiting for the writer to confirm its deletion. */
  confirmingDelete: string | null
  /** The post whose file name is being edited. */
  renaming: string | null
  /** A post operation is running; buttons wait for it. */
  busy: boolean
  /** The front matter form above the editor is unfolded. */
  frontMatterFormOpen: boolean
}

export const useLibrary = create<LibraryState>(() => ({
  view: 'library',
  query: DEFAULT_QUERY,
  confirmingDelete: null,
  renaming: null,
  busy: false,
  frontMatterFormOpen: false,
}))

const set = useLibrary.setState

function api() {
  const transport = useInkpress.getState().transport
  if (!transport) throw new Error('The library is used before connect().')
  return transport.api
}

export const showLibrary = () => set({ view: 'library' })
export const showEditor = () => set({ view: 'editor' })
export const setQuery = (patch: Partial<PostQuery>) =>
  set((state) => ({ query: { ...state.query, ...patch } }))
export const askToDelete = (path: string | null) => set({ confirmingDelete: path })
export const startRenaming = (path: string | null) => set({ renaming: path })
export const toggleFrontMatterForm = () =>
  set((state) => ({ frontMatterFormOpen: !state.frontMatterFormOpen }))

/** Overrides the detected generator (null: detect again); excerpts follow the new rules. */
export async function chooseGenerator(generator: SiteGenerator | null): Promise<void> {
  const site = take(await api()['site:setGenerator'](generator))
  if (!site) return
  useInkpress.setState({ site })
  await refreshPosts()
}

/** "Read": the post in the editor view. */
export async function openInEditor(path: string): Promise<void> {
  await openPost(path)
  if (useInkpress.getState().post?.path === path) showEditor()
}

/** Runs one post operation at a time, with the index refreshed afterwards. */
async function operate<T>(work: () => Promise<T | null>): Promise<T | null> {
  if (useLibrary.getState().busy) return null
  set({ busy: true })
  try {
    return await work()
  } finally {
    set({ busy: false })
    await refreshPosts()
  }
}

export async function createPost(title: string): Promise<string | null> {
  const created = await operate(async () => take(await api()['posts:create'](title)))
  if (created) await openInEditor(created.path)
  return created?.path ?? null
}

export async function duplicatePost(path: string): Promise<void> {
  const copy = await operate(async () => take(await api()['posts:duplicate'](path)))
  if (copy) showInfo(`Copied as ${copy.path}.`)
}

/** Renames the file; an open post is saved first and reopened under its new name. */
export async function renamePost(path: string, slug: string): Promise<boolean> {
  const wasOpen = useInkpress.getState().post?.path === path
  if (wasOpen && isDirty(useInkpress.getState().post) && !(await savePost())) return false
  const renamed = await operate(async () => take(await api()['posts:rename'](path, slug)))
  if (!renamed) return false
  set({ renaming: null })
  if (wasOpen) await keepingView(() => reopen(renamed.path))
  return true
}

/** Deletes after the writer confirmed; an open post is closed first so nothing saves it back. */
export async function deletePost(path: string): Promise<void> {
  set({ confirmingDelete: null })
  const open = useInkpress.getState().post
  if (open?.path === path) closeOpenPost()
  const deleted = await operate(async () => take(await api()['posts:delete'](path)))
  if (deleted === null && open?.path === path) await keepingView(() => openPost(path))
  else void api()['journal:discard'](path)
}

async function reopen(path: string): Promise<void> {
  closeOpenPost()
  await openPost(path)
}

/** Reopening a post behind the scenes must not pull the writer out of the view they are in. */
async function keepingView(work: () => Promise<void>): Promise<void> {
  const view = useLibrary.getState().view
  await work()
  set({ view })
}

/**
 * The store has no "close"; an empty post is what it starts with, and its autosave and journal
 * timers do nothing without a post.
 */
function closeOpenPost(): void {
  useInkpress.setState({ post: null, externalChange: null })
}

/** Follow the app: a newly opened repository shows its index, a newly opened post the editor. */
useInkpress.subscribe((state, previous) => {
  const root = state.repository?.root ?? null
  if (root !== (previous.repository?.root ?? null)) {
    set({ view: 'library', confirmingDelete: null, renaming: null })
  }
  const path = state.post?.path
  if (path && path !== previous.post?.path) showEditor()
})
