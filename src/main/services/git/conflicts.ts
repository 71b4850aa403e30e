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
import type { EngineRepository } from './engine'

export type Resolution = 'mine' | 'theirs' | { text: string }

async function requireConflict(repo: EngineRepository, filepath: string): Promise<ConflictState> {
  const state = await readConflictState(await repo.stateDir())
  if (!state || !state.paths.includes(filepath)) {
    throw new AppFailure('NOT_FOUND', `${filepath} has no publishing conflict to resolve.`)
  }
  return state
}

const text = (blob: Uint8Array | undefined): string | undefined =>
  blob === undefined ? undefined : Buffer.from(blob).toString('utf8')

/** Both versions of a conflicting post, and the one they both started from. */
export async function conflictVersionsIn(
  repo: EngineRepository,
  filepath: string,
): Promise<ConflictVersions> {
  const state = await requireConflict(repo, filepath)
  const mine = await readFile(path.join(repo.dir, filepath), 'utf8').catch(() => undefined)
  const mergeBase = await repo.mergeBase(state.localOid, state.remoteOid)
  const base = mergeBase ? text(await repo.readBlob(mergeBase, filepath)) : undefined
  return {
    path: filepath,
    mine,
    theirs: text(await repo.readBlob(state.remoteOid, filepath)),
    ...(base === undefined ? {} : { base }),
  }
}

/**
 * Settles one conflicting post: keep the writer's file ('mine'), take the server's
 * ('theirs'), or use an edited text. Returns the paths still unresolved; publish again
 * once it is empty (the resolution is committed, then merged with the server's commits).
 */
export async function resolveConflictIn(
  repo: EngineRepository,
  filepath: string,
  resolution: Resolution,
): Promise<{ remaining: string[] }> {
  const state = await requireConflict(repo, filepath)
  const theirs = await repo.readBlob(state.remoteOid, filepath)
  const absolute = path.join(repo.dir, filepath)
  if (resolution === 'theirs') {
    if (theirs === undefined) await rm(absolute, { force: true })
    else await writeFileAtomically(absolute, Buffer.from(theirs))
  } else if (typeof resolution === 'object') {
    await writeFileAtomically(absolute, resolution.text)
  }
  state.resolutions[filepath] = {
    choice: typeof resolution === 'object' ? 'edited' : resolution,
    remoteBlob: (await repo.blobOid(state.remoteOid, filepath)) ?? null,
  }
  await writeConflictState(await repo.stateDir(), state)
  return { remaining: unresolvedPaths(state) }
}
