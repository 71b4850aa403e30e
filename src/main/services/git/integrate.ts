import git from 'isomorphic-git'
import { AppFailure } from '../../../shared/result'
import { moveBranch } from './checkout'
import { compareHistories } from './commit-graph'
import { clearConflictState, writeConflictState, type ConflictState } from './conflict-state'
import type { RepoContext } from './repo-queue'
import { replayOnto } from './replay'

export interface Integration {
  integrated: 'none' | 'fast-forward' | 'replayed'
  headOid: string
  /** Files whose edits here and on the server were combined line by line. */
  merged?: string[]
}

function recoveryRefName(): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '')
  return `refs/inkpress/recovery/${stamp}`
}

/** Saves `oid` under a new recovery ref (never overwriting an older one). */
export async function saveRecoveryRef(ctx: RepoContext, oid: string): Promise<string> {
  const base = recoveryRefName()
  for (let attempt = 0; ; attempt++) {
    const ref = attempt === 0 ? base : `${base}-${attempt}`
    try {
      await git.writeRef({ ...ctx, ref, value: oid, force: false })
      return ref
    } catch (error) {
      if ((error as { code?: string }).code !== 'AlreadyExistsError' || attempt > 50) throw error
    }
  }
}

/**
 * Brings the server's commits into the local branch: nothing to do, fast-forward, or replay
 * the local commits on top. A real conflict saves the local commits on a recovery ref before
 * anything else, records the conflict, leaves the writer's files alone, and fails with CONFLICT.
 */
export async function checkoutAfterIntegration(
  ctx: RepoContext,
  branch: string,
  localOid: string,
  remoteOid: string | undefined,
  conflict: ConflictState | undefined,
): Promise<Integration> {
  const done = async (result: Integration): Promise<Integration> => {
    if (conflict) await clearConflictState(ctx)
    return result
  }
  if (!remoteOid || remoteOid === localOid) return done({ integrated: 'none', headOid: localOid })
  const { ahead, behind } = await compareHistories(ctx, localOid, remoteOid)
  if (behind === 0) return done({ integrated: 'none', headOid: localOid })
  if (ahead === 0) {
    await moveBranch(ctx, branch, localOid, remoteOid)
    return done({ integrated: 'fast-forward', headOid: remoteOid })
  }
  const replay = await replayOnto(ctx, localOid, remoteOid, conflict?.resolutions)
  if ('conflicts' in replay) {
    const recoveryRef = await saveRecoveryRef(ctx, localOid)
    await writeConflictState(ctx, {
      recoveryRef,
      localOid,
      remoteOid,
      paths: replay.conflicts,
      resolutions: {},
    })
    throw new AppFailure(
      'CONFLICT',
      `These posts were changed both here and on the server: ${replay.conflicts.join(', ')}. ` +
        `Your version is still in the files and saved on ${recoveryRef}. Choose your version or the server's for each, then publish again.`,
    )
  }
  await moveBranch(ctx, branch, localOid, replay.tip)
  return done({ integrated: 'replayed', headOid: replay.tip, merged: replay.merged })
}
