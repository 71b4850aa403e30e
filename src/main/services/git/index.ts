/** Git for Inkpress: isomorphic-git in the main process, one queue per repository. */
export { getStatus, diffFile, type RepoStatus, type FileDiff } from './status'
export { publish, type PublishOptions, type PublishResult } from './publish'
export {
  resolveConflict,
  conflictVersions,
  type Resolution,
  type ConflictVersions,
} from './conflicts'
export { postHistory, readFileAtCommit, type HistoryEntry } from './history'
export { initRepository, cloneRepository } from './repository'
export { isSshUrl, httpsEquivalent } from './remote-url'
export type { Credentials, CredentialSource, ProgressEvent, RemoteOptions } from './remote-session'
export type { Author } from './author'
export type { FileState } from './working-tree'
export { publishingRemoteUrl } from './upstream'
