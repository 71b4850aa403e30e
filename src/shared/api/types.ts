export interface AppInfo {
  mode: 'desktop' | 'browser'
  version: string
  platform: string
}

export interface RepositoryInfo {
  /** Absolute path on the machine running the main process. */
  root: string
  name: string
  isGitRepository: boolean
}

export interface PostDocument {
  path: string
  text: string
  /** sha-256 of the bytes on disk, the base for the next save. */
  version: string
  modifiedMs: number
}

export interface SaveInfo {
  path: string
  version: string
  modifiedMs: number
  bytes: number
}

/** Something the writer should know about the open repository (e.g. a folder that cannot be watched). */
export interface RepositoryNoticeEvent {
  message: string
}

export interface PostsChangedEvent {
  /** Repo-relative paths that changed on disk, created or deleted. */
  paths: string[]
}

export interface GitProgressEvent {
  operation: string
  phase: string
  loaded: number
  total: number | null
  /** The step within the phase, e.g. "Receiving objects" while cloning. */
  detail?: string
}

/** An unsaved editor buffer kept by the journal, offered for restore after a crash. */
export interface JournalEntry {
  path: string
  text: string
  /** The version the buffer was edited from (null for a new file). */
  baseVersion: string | null
  savedAtMs: number
  /** sha-256 of the file on disk now, or null if it is gone: differs from baseVersion if edited elsewhere. */
  diskVersion: string | null
}

export interface MenuCommandEvent {
  command: 'openFolder' | 'save'
}
