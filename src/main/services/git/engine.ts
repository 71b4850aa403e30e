import type { HistoryEntry } from '../../../shared/api/git-types'
import type { Author } from './author'
import type { ConflictState } from './conflict-state'
import type { RemoteOptions } from './remote-session'

export interface Upstream {
  remote: string
  /** Branch name on the remote, e.g. `main`. */
  remoteBranch: string
  /** Local copy of the remote branch, e.g. `refs/remotes/origin/main`. */
  trackingRef: string
  url: string
}

/**
 * The one boundary every Git operation goes through. Two engines implement it: the system
 * git wherever a real git ≥ 2.38 exists, isomorphic-git where none does (and then only on
 * repositories it can honour). Inkpress's publishing policy (`publish.ts`) sits above it and
 * is the same for both.
 */
export interface GitEngine {
  readonly name: 'system' | 'isomorphic'
  /** Opens one repository; every call on it runs in that repository's queue. */
  open(repoRoot: string): EngineRepository
  init(dir: string, options: { defaultBranch?: string }): Promise<void>
  clone(url: string, dir: string, options: RemoteOptions): Promise<{ branch?: string }>
}

export interface WorkingChanges {
  headOid?: string
  changes: { path: string; state: 'new' | 'modified' | 'deleted' }[]
  /** Paths another program's merge left unmerged. */
  unmerged?: string[]
  /** Paths whose staged version differs from HEAD, when the engine knows them. */
  staged?: string[]
}

/** The server's newer commits brought in, or the paths both sides changed. */
export type IntegrationOutcome =
  | {
      integrated: 'none' | 'fast-forward' | 'merged'
      headOid: string
      /** Files whose edits here and on the server were combined line by line. */
      merged?: string[]
    }
  | { conflicts: string[] }

/** What one repository offers to the policy and to the app; paths are repository-relative. */
export interface EngineRepository {
  readonly dir: string
  /** The repository's own folder for Inkpress's state (`.git/inkpress`), per work tree. */
  stateDir(): Promise<string>
  /**
   * Refuses, before anything is touched, a repository this engine cannot publish from
   * safely (another program's merge in progress, a lock, an unsupported feature).
   */
  assertPublishable(): Promise<void>
  /** Refuses, before any commit, a remote address this engine cannot reach (SSH without git). */
  assertTransport(url: string): void
  history(filepath: string, limit: number): Promise<HistoryEntry[]>
  /** The blob of `filepath` in `commit` (undefined when it has no such file). */
  readBlob(commit: string, filepath: string): Promise<Uint8Array | undefined>
  /** The object id of `filepath` in `commit`, or undefined. */
  blobOid(commit: string, filepath: string): Promise<string | undefined>
  mergeBase(a: string, b: string): Promise<string | undefined>
  /** Checked-out branch, or undefined when HEAD is detached. */
  branch(): Promise<string | undefined>
  /** A value of git's configuration as the engine reads it (repository, then user). */
  config(key: string): Promise<string | undefined>
  resolveRef(ref: string): Promise<string | undefined>
  aheadBehind(local: string, remote: string | undefined): Promise<{ ahead: number; behind: number }>
  workingChanges(only?: Set<string>): Promise<WorkingChanges>
  /**
   * True when `workingChanges` writes nothing (system git runs with --no-optional-locks);
   * the publish policy then scans while it still reads the branch and its server. An engine
   * that refreshes the index while scanning is asked only once nothing can refuse anymore.
   */
  readonly scanWritesNothing: boolean
  /** Commits exactly these working changes on the branch; returns the new commit. */
  commit(
    changes: WorkingChanges,
    message: string,
    author: Partial<Author> | undefined,
  ): Promise<string>
  /** Creates `ref` at `oid`; fails if it exists (compare-and-swap against nothing). */
  createRef(ref: string, oid: string): Promise<void>
  fetch(
    upstream: Upstream,
    options: RemoteOptions,
    reassurance: string | undefined,
  ): Promise<string | undefined>
  /**
   * Brings `remote` into the checked-out branch at `local` and updates the work tree; a
   * path in `conflict.resolutions` resolved against the same server version counts as settled.
   */
  integrate(
    branch: string,
    local: string,
    remote: string,
    conflict: ConflictState | undefined,
  ): Promise<IntegrationOutcome>
  /** Ends what the operation left running for its network runs (e.g. a credential cache). */
  release(): Promise<void>
  /** Pushes `oid` to the upstream branch, never forced. Returns how it went out. */
  push(
    oid: string,
    upstream: Upstream,
    options: RemoteOptions,
    reassurance: string,
  ): Promise<{ via?: string }>
}
