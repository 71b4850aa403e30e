import type { PublishOutcome } from '../../../shared/api/git-types'
import { AppFailure } from '../../../shared/result'
import type { Author } from './author'
import { generateCommitMessage } from './commit-message'
import {
  clearConflictState,
  readConflictState,
  unresolvedPaths,
  writeConflictState,
} from './conflict-state'
import type { EngineRepository } from './engine'
import { upstreamOf } from './upstream'
import { throwIfCancelled, type RemoteOptions } from './remote-session'
import { normalizeRepoPath } from './repo-path'

export interface PublishOptions extends RemoteOptions {
  /** Overrides the generated message. */
  message?: string
  /** Only these files (repository-relative); default: every changed file. */
  paths?: string[]
  author?: Partial<Author>
}

export type PublishResult = PublishOutcome

const KEPT = 'Your commit is saved on this computer and will be published next time.'

function recoveryRefName(attempt: number): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '')
  return `refs/inkpress/recovery/${stamp}${attempt === 0 ? '' : `-${attempt}`}`
}

/** Saves `oid` under a new recovery ref, never overwriting an older one. */
async function saveRecoveryRef(repo: EngineRepository, oid: string): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const ref = recoveryRefName(attempt)
    try {
      await repo.createRef(ref, oid)
      return ref
    } catch (error) {
      if (attempt > 50) throw error
    }
  }
}

/**
 * Inkpress's publishing policy, the same for every engine: commit only what the writer
 * ticked (offline is fine), fetch, then fast-forward or integrate the server's commits,
 * push — never forced. A conflict first saves the writer's commits on a recovery ref,
 * records the paths, leaves the writer's files as they are and fails with CONFLICT.
 */
export async function publishWith(
  repo: EngineRepository,
  options: PublishOptions = {},
): Promise<PublishResult> {
  const { signal, onProgress } = options
  await repo.assertPublishable()
  const branch = await repo.branch()
  if (!branch) {
    throw new AppFailure(
      'DETACHED_HEAD',
      'The repository is not on a branch (detached HEAD), so there is nothing to publish to. Check out a branch such as main first.',
    )
  }
  const upstream = await upstreamOf(repo, branch)
  if (!upstream) {
    throw new AppFailure(
      'NO_REMOTE',
      'This repository has no remote to publish to. Add the HTTPS address of your blog repository as "origin".',
    )
  }
  repo.assertTransport(upstream.url)
  const stateDir = await repo.stateDir()
  const conflict = await readConflictState(stateDir)
  if (conflict && unresolvedPaths(conflict).length > 0) {
    throw new AppFailure(
      'CONFLICT',
      `Choose your version or the server's for these posts before publishing: ${unresolvedPaths(conflict).join(', ')}.`,
    )
  }
  throwIfCancelled(signal, 'Publishing')

  onProgress?.({ phase: 'scan', loaded: 0 })
  const only = options.paths ? new Set(options.paths.map(normalizeRepoPath)) : undefined
  const scan = await repo.workingChanges(only)
  throwIfCancelled(signal, 'Publishing')

  let commit: { oid: string; message: string } | undefined
  if (scan.changes.length > 0) {
    onProgress?.({ phase: 'commit', loaded: 0, total: scan.changes.length })
    const message =
      options.message?.trim() ||
      (await generateCommitMessage(
        repo.dir,
        scan.changes.map((c) => c.path),
      ))
    commit = { oid: await repo.commit(scan, message, options.author), message }
    onProgress?.({ phase: 'commit', loaded: scan.changes.length, total: scan.changes.length })
  }
  const localOid = commit?.oid ?? scan.headOid
  if (!localOid) {
    throw new AppFailure('NOTHING_TO_PUBLISH', 'There is nothing to publish: no posts yet.')
  }
  const trackedBefore = await repo.resolveRef(upstream.trackingRef)
  const { ahead } = await repo.aheadBehind(localOid, trackedBefore)
  const nothingLocal = ahead === 0 && !conflict

  let remoteOid: string | undefined
  try {
    throwIfCancelled(signal, 'Publishing')
    remoteOid = await repo.fetch(upstream, options, nothingLocal ? undefined : KEPT)
  } catch (error) {
    if (nothingLocal) throw nothingToPublish()
    throw error
  }
  throwIfCancelled(signal, 'Publishing')

  onProgress?.({ phase: 'integrate', loaded: 0 })
  const integration = remoteOid
    ? await repo.integrate(branch, localOid, remoteOid, conflict)
    : { integrated: 'none' as const, headOid: localOid }
  if ('conflicts' in integration) {
    const recoveryRef = await saveRecoveryRef(repo, localOid)
    await writeConflictState(stateDir, {
      recoveryRef,
      localOid,
      remoteOid: remoteOid as string,
      paths: integration.conflicts,
      resolutions: {},
    })
    throw new AppFailure(
      'CONFLICT',
      `These posts were changed both here and on the server: ${integration.conflicts.join(', ')}. ` +
        `Your version is still in the files and kept safe in Inkpress's recovery copy. Choose your version or the server's for each, then publish again.`,
    )
  }
  if (conflict) await clearConflictState(stateDir)
  const headOid = integration.headOid
  const files = scan.changes.map((c) => c.path)
  const outcome = {
    ...(commit ? { commitOid: commit.oid, message: commit.message } : {}),
    integrated: integration.integrated,
    ...(integration.merged && integration.merged.length > 0 ? { merged: integration.merged } : {}),
    headOid,
    files,
  }
  if (nothingLocal || headOid === remoteOid) {
    // The server may already have the commits (e.g. a push whose answer was lost).
    if (nothingLocal && integration.integrated === 'none') throw nothingToPublish()
    onProgress?.({ phase: 'done', loaded: 1, total: 1 })
    return { ...outcome, pushed: false }
  }

  throwIfCancelled(signal, 'Publishing')
  onProgress?.({ phase: 'push', loaded: 0 })
  const { via } = await repo.push(headOid, upstream, options, KEPT)
  onProgress?.({ phase: 'done', loaded: 1, total: 1 })
  return { ...outcome, pushed: true, ...(via ? { via } : {}) }
}

function nothingToPublish(): AppFailure {
  return new AppFailure(
    'NOTHING_TO_PUBLISH',
    'There is nothing to publish: every post is already on the server.',
  )
}
