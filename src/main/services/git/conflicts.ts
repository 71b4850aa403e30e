import git from 'isomorphic-git'
import { readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import type { ConflictVersions } from '../../../shared/api/git-types'
import { AppFailure } from '../../../shared/result'
import { writeFileAtomically } from '../files/atomic-write'
import {
  readConflictState,
  unresolvedPaths,
  writeConflictState,
  type ConflictState,
} from './conflict-state'
import { compareHistories } from './commit-graph'
import { runInRepoQueue, type RepoContext } from './repo-queue'
import { normalizeRepoPath } from './status'
import { fileInTree, treeOfCommit, type FileEntry } from './trees'

export type Resolution = 'mine' | 'theirs' | { text: string }

async function requireConflict(ctx: RepoContext, filepath: string): Promise<ConflictState> {
  const state = await readConflictState(ctx)
  if (!state || !state.paths.includes(filepath)) {
    throw new AppFailure('NOT_FOUND', `${filepath} has no publishing conflict to resolve.`)
  }
  return state
}

async function theirsEntry(
  ctx: RepoContext,
  state: ConflictState,
  filepath: string,
): Promise<FileEntry | null> {
  return fileInTree(ctx, await treeOfCommit(ctx, state.remoteOid), filepath)
}

async function blobText(ctx: RepoContext, entry: FileEntry | null): Promise<string | undefined> {
  if (!entry) return undefined
  const { blob } = await git.readBlob({ ...ctx, oid: entry.oid })
  return Buffer.from(blob).toString('utf8')
}

/** Both versions of a conflicting post, and the one they both started from. */
export function conflictVersions(repoRoot: string, filepath: string): Promise<ConflictVersions> {
  return runInRepoQueue(repoRoot, async (ctx) => {
    const normalized = normalizeRepoPath(filepath)
    const state = await requireConflict(ctx, normalized)
    const mine = await readFile(path.join(ctx.dir, normalized), 'utf8').catch(() => undefined)
    const { mergeBase } = await compareHistories(ctx, state.localOid, state.remoteOid)
    const base = mergeBase
      ? await blobText(ctx, await fileInTree(ctx, await treeOfCommit(ctx, mergeBase), normalized))
      : undefined
    return {
      path: normalized,
      mine,
      theirs: await blobText(ctx, await theirsEntry(ctx, state, normalized)),
      ...(base === undefined ? {} : { base }),
    }
  })
}

/**
 * Settles one conflicting post: keep the writer's file ('mine'), take the server's
 * ('theirs'), or use an edited text. Returns the paths still unresolved; publish again
 * once it is empty.
 */
export function resolveConflict(
  repoRoot: string,
  filepath: string,
  resolution: Resolution,
): Promise<{ remaining: string[] }> {
  return runInRepoQueue(repoRoot, async (ctx) => {
    const normalized = normalizeRepoPath(filepath)
    const state = await requireConflict(ctx, normalized)
    const theirs = await theirsEntry(ctx, state, normalized)
    const absolute = path.join(ctx.dir, normalized)
    if (resolution === 'theirs') {
      const text = await blobText(ctx, theirs)
      if (text === undefined) await rm(absolute, { force: true })
      else await writeFileAtomically(absolute, text)
    } else if (typeof resolution === 'object') {
      await writeFileAtomically(absolute, resolution.text)
    }
    state.resolutions[normalized] = {
      choice: typeof resolution === 'object' ? 'edited' : resolution,
      remoteBlob: theirs?.oid ?? null,
    }
    await writeConflictState(ctx, state)
    return { remaining: unresolvedPaths(state) }
  })
}
