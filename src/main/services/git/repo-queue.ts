import fs from 'node:fs'
import path from 'node:path'

/** What every Git operation on one repository shares. */
export interface RepoContext {
  fs: typeof fs
  dir: string
  gitdir: string
  /** isomorphic-git's cache object: reused so packfile indexes are parsed once per repository. */
  cache: object
  /** Parsed tree objects by id (trees never change, so this never goes stale). */
  trees: Map<string, ParsedTreeEntry[]>
}

export interface ParsedTreeEntry {
  path: string
  mode: string
  oid: string
  type: 'blob' | 'tree' | 'commit'
}

interface RepoEntry {
  context: RepoContext
  tail: Promise<unknown>
}

const repos = new Map<string, RepoEntry>()

function entryFor(repoRoot: string): RepoEntry {
  const dir = path.resolve(repoRoot)
  let entry = repos.get(dir)
  if (!entry) {
    entry = {
      context: { fs, dir, gitdir: path.join(dir, '.git'), cache: {}, trees: new Map() },
      tail: Promise.resolve(),
    }
    repos.set(dir, entry)
  }
  return entry
}

/**
 * Runs `operation` after every earlier operation on the same repository has settled:
 * one queue per repository, so two Git operations never interleave on the same files.
 */
export function runInRepoQueue<T>(
  repoRoot: string,
  operation: (context: RepoContext) => Promise<T>,
): Promise<T> {
  const entry = entryFor(repoRoot)
  const run = entry.tail.then(
    () => operation(entry.context),
    () => operation(entry.context),
  )
  entry.tail = run.catch(() => undefined)
  return run
}

/** Drops the cached state of a repository (e.g. after another program rewrote its packs). */
export function forgetRepo(repoRoot: string): void {
  repos.delete(path.resolve(repoRoot))
}
