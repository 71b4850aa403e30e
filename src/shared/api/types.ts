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

export interface PostListItem {
  path: string
  title: string
  sizeBytes: number
  modifiedMs: number
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

export interface PostsChangedEvent {
  /** Repo-relative paths that changed on disk, created or deleted. */
  paths: string[]
}

export interface GitProgressEvent {
  operation: string
  phase: string
  loaded: number
  total: number | null
}

export interface MenuCommandEvent {
  command: 'openFolder' | 'save'
}
