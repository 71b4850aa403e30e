export type FileState = 'new' | 'modified' | 'deleted' | 'unchanged'

export interface GitStatus {
  /** Undefined when HEAD is detached. */
  branch?: string
  /** e.g. `origin/main`; undefined without a remote. */
  upstream?: string
  remoteUrl?: string
  /** Local commits not yet on the server (as last seen by a fetch or push). */
  ahead: number
  /** Server commits not yet here (as last seen by a fetch). */
  behind: number
  /** e.g. "2 commits waiting to publish"; undefined when nothing waits. */
  waitingSummary?: string
  /** Changed files only; any other tracked file is unchanged. */
  files: { path: string; state: Exclude<FileState, 'unchanged'> }[]
  /** Paths of an unresolved publishing conflict, if any. */
  conflicts: string[]
}

export interface FileDiff {
  path: string
  state: FileState
  /** Text in the last commit ('' when new). */
  oldText: string
  /** Text in the working file ('' when deleted). */
  newText: string
}

export interface PublishOutcome {
  commitOid?: string
  message?: string
  /** How the server's newer commits were brought in. */
  integrated: 'none' | 'fast-forward' | 'merged'
  /** Posts whose edits here and on the server were combined line by line in the merge. */
  merged?: string[]
  pushed: boolean
  /** How the push went out when not through Inkpress's own HTTPS client, e.g. "Pushed with the system git over SSH". */
  via?: string
  headOid: string
  files: string[]
}

export interface HistoryEntry {
  oid: string
  message: string
  authorName: string
  authorEmail: string
  /** Seconds since the epoch. */
  timestamp: number
}

export interface ConflictVersions {
  path: string
  /** The writer's text (undefined when they deleted the post). */
  mine?: string
  /** The server's text (undefined when it was deleted there). */
  theirs?: string
  /** The text both started from (undefined when the post is new on both sides). */
  base?: string
}

export interface CredentialStatus {
  host: string
  username: string | null
  hasToken: boolean
  /** Where a saved token lives: the OS keychain, or only this session's memory. */
  storage: 'keychain' | 'session'
  /** Set when the OS keychain is weak or missing. */
  warning?: string
}
