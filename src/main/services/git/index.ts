/**
 * Git for Inkpress: every operation goes through one GitEngine (the system git, or
 * isomorphic-git where git is not installed), one queue per repository, and the same
 * publishing policy above it.
 */
import type {
  ConflictVersions,
  FileDiff,
  GitStatus,
  HistoryEntry,
} from '../../../shared/api/git-types'
import { AppFailure } from '../../../shared/result'
import { chooseEngine } from './choose-engine'
import { diffIn } from './diff'
import { statusIn } from './status'
import { upstreamOf } from './upstream'
import { conflictVersionsIn, resolveConflictIn, type Resolution } from './conflicts'
import type { EngineRepository } from './engine'
import { publishWith, type PublishOptions, type PublishResult } from './publish'
import type { RemoteOptions } from './remote-session'
import { normalizeRepoPath } from './repo-path'
import { runInRepoQueue } from './repo-queue'

export type { PublishOptions, PublishResult, Resolution, ConflictVersions }
export type RepoStatus = GitStatus
export type { FileDiff, HistoryEntry }
export type { Credentials, CredentialSource, ProgressEvent, RemoteOptions } from './remote-session'
export type { Author } from './author'
export type { FileState } from '../../../shared/api/git-types'
export { isSshUrl, httpsEquivalent } from './remote-url'
export { chooseEngine } from './choose-engine'

function withRepository<T>(
  repoRoot: string,
  operation: (repo: EngineRepository) => Promise<T>,
): Promise<T> {
  return runInRepoQueue(repoRoot, async (dir) => {
    const repo = (await chooseEngine()).open(dir)
    try {
      return await operation(repo)
    } finally {
      await repo.release()
    }
  })
}

/** Status of the working files against the last commit, plus branch and publishing state. */
export function getStatus(repoRoot: string): Promise<RepoStatus> {
  return withRepository(repoRoot, statusIn)
}

/** Old (last commit) and new (working file) text of one file, for the changes panel. */
export function diffFile(repoRoot: string, filepath: string): Promise<FileDiff> {
  return withRepository(repoRoot, (repo) => diffIn(repo, normalizeRepoPath(filepath)))
}

/**
 * Publishes the working changes: commit (offline is fine), fetch, bring in the server's
 * newer commits (fast-forward or merge), push. Never force-pushes.
 */
export function publish(repoRoot: string, options: PublishOptions = {}): Promise<PublishResult> {
  return withRepository(repoRoot, (repo) => publishWith(repo, options))
}

export function conflictVersions(repoRoot: string, filepath: string): Promise<ConflictVersions> {
  return withRepository(repoRoot, (repo) => conflictVersionsIn(repo, normalizeRepoPath(filepath)))
}

export function resolveConflict(
  repoRoot: string,
  filepath: string,
  resolution: Resolution,
): Promise<{ remaining: string[] }> {
  return withRepository(repoRoot, (repo) =>
    resolveConflictIn(repo, normalizeRepoPath(filepath), resolution),
  )
}

/** Commits that changed `filepath`, newest first. */
export function postHistory(
  repoRoot: string,
  filepath: string,
  limit = 200,
): Promise<HistoryEntry[]> {
  return withRepository(repoRoot, (repo) => repo.history(normalizeRepoPath(filepath), limit))
}

/** The text of `filepath` as it was in commit `oid` (restore it by saving it as a new edit). */
export function readFileAtCommit(repoRoot: string, oid: string, filepath: string): Promise<string> {
  return withRepository(repoRoot, async (repo) => {
    const normalized = normalizeRepoPath(filepath)
    const blob = await repo.readBlob(oid, normalized)
    if (blob === undefined) {
      throw new AppFailure(
        'NOT_FOUND',
        `${normalized} does not exist in commit ${oid.slice(0, 7)}.`,
      )
    }
    return Buffer.from(blob).toString('utf8')
  })
}

/** Creates a new blog repository (a no-op on an existing one, like `git init`). */
export function initRepository(
  dir: string,
  options: { defaultBranch?: string } = {},
): Promise<void> {
  return runInRepoQueue(dir, async (resolved) => (await chooseEngine()).init(resolved, options))
}

/**
 * Clones a repository into `dir` (which must be empty or missing). The remote URL saved in
 * `.git/config` never carries credentials. A failed clone leaves no half-made folder.
 */
export function cloneRepository(
  url: string,
  dir: string,
  options: RemoteOptions = {},
): Promise<{ dir: string; branch?: string }> {
  return runInRepoQueue(dir, async (resolved) => {
    const { branch } = await (await chooseEngine()).clone(url, resolved, options)
    options.onProgress?.({ phase: 'done', loaded: 1, total: 1 })
    return { dir: resolved, ...(branch ? { branch } : {}) }
  })
}

/** The address the current branch publishes to, without scanning the working tree. */
export function publishingRemoteUrl(repoRoot: string): Promise<string | undefined> {
  return withRepository(repoRoot, async (repo) => {
    const branch = await repo.branch().catch(() => undefined)
    return branch ? (await upstreamOf(repo, branch))?.url : undefined
  })
}
