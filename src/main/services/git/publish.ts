import type { PublishOutcome } from '../../../shared/api/git-types'
import { AppFailure, isAppFailure } from '../../../shared/result'
import type { Author } from './author'
import { generateCommitMessage } from './commit-message'
import {
  clearConflictState,
  readConflictState,
  unresolvedPaths,
  writeConflictState,
} from './conflict-state'
import type { ConflictState } from './conflict-state'
import type { EngineRepository, Upstream, WorkingChanges } from './engine'
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
  // Work that only reads or only talks to the server starts as early as it can and runs
  // alongside the rest; `started` keeps it from outliving the publish (the next operation on
  // the repository waits for this one), whatever fails first.
  const started: Promise<unknown>[] = []
  const early = <T>(work: Promise<T>): Promise<Settled<T>> => {
    const settled = settle(work)
    started.push(settled)
    return settled
  }
  try {
    const only = options.paths ? new Set(options.paths.map(normalizeRepoPath)) : undefined
    const startScan = (): Promise<WorkingChanges> => {
      onProgress?.({ phase: 'scan', loaded: 0 })
      return repo.workingChanges(only)
    }
    // A refusal touches nothing: a scan that writes waits until nothing can refuse; one that
    // only reads starts once no merge or rebase is in progress, alongside the reads that find
    // the branch and its server.
    const refusal = repo.assertPublishable()
    const earlyScan = repo.scanWritesNothing ? early(refusal.then(startScan)) : undefined
    // Only reads, so asked together; the configuration read here is the one `upstreamOf` uses.
    const [, branch, stateDir] = await Promise.all([
      refusal,
      repo.branch(),
      repo.stateDir(),
      repo.config('remote.origin.url'),
    ])
    if (!branch) {
      throw new AppFailure(
        'DETACHED_HEAD',
        'The repository is not on a branch (detached HEAD), so there is nothing to publish to. Check out a branch such as main first.',
      )
    }
    const [upstream, conflict] = await Promise.all([
      upstreamOf(repo, branch),
      readConflictState(stateDir),
    ])
    if (!upstream) {
      throw new AppFailure(
        'NO_REMOTE',
        'This repository has no remote to publish to. Add the HTTPS address of your blog repository as "origin".',
      )
    }
    repo.assertTransport(upstream.url)
    if (conflict && unresolvedPaths(conflict).length > 0) {
      throw new AppFailure(
        'CONFLICT',
        `Choose your version or the server's for these posts before publishing: ${unresolvedPaths(conflict).join(', ')}.`,
      )
    }
    throwIfCancelled(signal, 'Publishing')

    // Where the server's branch stood before this publish, then the server is asked while the
    // changes are scanned and committed: publishing needs both, neither needs the other, and
    // git's own locks keep them apart (fetch writes only the remote-tracking ref). Until the
    // commit is made, the writer sees its progress, not the fetch's.
    const readingTracked = repo.resolveRef(upstream.trackingRef)
    let committed = false
    const fetching = early(
      readingTracked.then(() =>
        repo.fetch(
          upstream,
          { ...options, onProgress: (event) => committed && onProgress?.(event) },
          undefined,
        ),
      ),
    )
    const scanning = earlyScan ?? early(startScan())
    const trackedBefore = await readingTracked
    const scan = unwrap(await scanning)
    throwIfCancelled(signal, 'Publishing')
    const committing = early(
      (async (): Promise<{ oid: string; message: string } | undefined> => {
        if (scan.changes.length === 0) return undefined
        onProgress?.({ phase: 'commit', loaded: 0, total: scan.changes.length })
        const paths = scan.changes.map((c) => c.path)
        const message = options.message?.trim() || (await generateCommitMessage(repo.dir, paths))
        const oid = await repo.commit(scan, message, options.author)
        onProgress?.({ phase: 'commit', loaded: paths.length, total: paths.length })
        return { oid, message }
      })(),
    )
    // Where the branch stood against the server before the commit, found while committing.
    const comparing = scan.headOid
      ? early(repo.aheadBehind(scan.headOid, trackedBefore))
      : undefined
    const commit = unwrap(await committing)
    committed = true
    const localOid = commit?.oid ?? scan.headOid
    if (!localOid) {
      throw new AppFailure('NOTHING_TO_PUBLISH', 'There is nothing to publish: no posts yet.')
    }
    const { ahead, behind } = comparing
      ? countingCommit(unwrap(await comparing), commit !== undefined)
      : await repo.aheadBehind(localOid, trackedBefore)
    const nothingLocal = ahead === 0 && !conflict

    // The commit's progress replaced the fetch's on the writer's screen: say again what is awaited.
    onProgress?.({ phase: 'fetch', loaded: 0, detail: 'Checking the server' })
    const fetched = await fetching
    // A fetch the writer's cancel stopped midway is a cancel, whatever error it ended with.
    throwIfCancelled(signal, 'Publishing')
    if ('error' in fetched) {
      if (nothingLocal) throw nothingToPublish()
      throw withReassurance(fetched.error)
    }
    return await integrateAndPush(repo, {
      branch,
      upstream,
      stateDir,
      conflict,
      scan,
      commit,
      localOid,
      remoteOid: fetched.value,
      // Nothing new on the server and nothing of it missing here: nothing to integrate.
      alreadyIntegrated: fetched.value === trackedBefore && behind === 0,
      nothingLocal,
      options,
    })
  } finally {
    await Promise.all(started)
    // The credentials are let go at once; publishing need not wait for that to finish.
    void repo.release()
  }
}

/** The new commit is one more ahead of the server and changes nothing behind. */
function countingCommit(
  before: { ahead: number; behind: number },
  committed: boolean,
): { ahead: number; behind: number } {
  return { ahead: before.ahead + (committed ? 1 : 0), behind: before.behind }
}

type Settled<T> = { value: T } | { error: unknown }

function settle<T>(work: Promise<T>): Promise<Settled<T>> {
  return work.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  )
}

function unwrap<T>(settled: Settled<T>): T {
  if ('error' in settled) throw settled.error
  return settled.value
}

async function integrateAndPush(
  repo: EngineRepository,
  state: {
    branch: string
    upstream: Upstream
    stateDir: string
    conflict: ConflictState | undefined
    scan: WorkingChanges
    commit: { oid: string; message: string } | undefined
    localOid: string
    remoteOid: string | undefined
    alreadyIntegrated: boolean
    nothingLocal: boolean
    options: PublishOptions
  },
): Promise<PublishResult> {
  const { branch, upstream, stateDir, conflict, scan, commit, localOid, remoteOid } = state
  const { nothingLocal, options } = state
  const { signal, onProgress } = options
  onProgress?.({ phase: 'integrate', loaded: 0 })
  const integration =
    remoteOid && !state.alreadyIntegrated
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

/** A failure after the writer's commit was made says that the commit is kept. */
function withReassurance(error: unknown): unknown {
  if (!isAppFailure(error)) return error
  const sentence = /[.!?)]$/.test(error.message.trim())
    ? error.message.trim()
    : `${error.message.trim()}.`
  return new AppFailure(error.code, `${sentence} ${KEPT}`)
}

function nothingToPublish(): AppFailure {
  return new AppFailure(
    'NOTHING_TO_PUBLISH',
    'There is nothing to publish: every post is already on the server.',
  )
}
