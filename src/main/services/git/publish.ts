import git from 'isomorphic-git'
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import type { PublishOutcome } from '../../../shared/api/git-types'
import { AppFailure } from '../../../shared/result'
import { resolveAuthor, type Author } from './author'
import { writeCommitObject, writeLooseObject } from './loose-object'
import { checkoutAfterIntegration } from './integrate'
import { generateCommitMessage } from './commit-message'
import { readConflictState, unresolvedPaths } from './conflict-state'
import { runInRepoQueue, type RepoContext } from './repo-queue'
import { throwIfCancelled, type RemoteOptions } from './remote-session'
import { transportFor } from './remote-transport'
import { normalizeRepoPath } from './status'
import { applyTreeChanges, treeOfCommit, type FileChanges } from './trees'
import {
  aheadBehind,
  assertUsableRepository,
  currentBranch,
  requireUpstream,
  resolveRefOrUndefined,
} from './upstream'
import { updateIndexEntries } from './index-file'
import { scanWorkingTree, type WorkingFileChange } from './working-tree'

export interface PublishOptions extends RemoteOptions {
  /** Overrides the generated message. */
  message?: string
  /** Only these files (repository-relative); default: every changed file. */
  paths?: string[]
  author?: Partial<Author>
}

export type PublishResult = PublishOutcome

const KEPT = 'Your commit is saved on this computer and will be published next time.'

async function commitSelectedChanges(
  ctx: RepoContext,
  branch: string,
  headOid: string | undefined,
  changes: WorkingFileChange[],
  options: PublishOptions,
): Promise<{ oid: string; message: string }> {
  const author = await resolveAuthor(ctx, options.author)
  const fileChanges: FileChanges = new Map()
  const statsBeforeRead = new Map<string, { size: number; mtimeMs: number }>()
  for (const change of changes) {
    if (change.state === 'deleted') {
      fileChanges.set(change.path, null)
      continue
    }
    const absolute = path.join(ctx.dir, change.path)
    statsBeforeRead.set(change.path, await stat(absolute))
    const blob = await readFile(absolute)
    const oid = await writeLooseObject(ctx, 'blob', blob)
    fileChanges.set(change.path, { oid, mode: change.mode ?? '100644' })
  }
  const tree = await applyTreeChanges(
    ctx,
    headOid ? await treeOfCommit(ctx, headOid) : undefined,
    fileChanges,
  )
  const message =
    options.message?.trim() ||
    (await generateCommitMessage(
      ctx.dir,
      changes.map((c) => c.path),
    ))
  const timestamp = Math.floor(Date.now() / 1000)
  const signature = { ...author, timestamp, timezoneOffset: new Date().getTimezoneOffset() }
  const oid = await writeCommitObject(ctx, {
    message,
    tree,
    parent: headOid ? [headOid] : [],
    author: signature,
    committer: signature,
  })
  await git.writeRef({ ...ctx, ref: `refs/heads/${branch}`, value: oid, force: true })
  // Keep the index in step with the new commit so the files show as unchanged.
  await syncIndexWithCommit(ctx, changes, fileChanges, statsBeforeRead)
  return { oid, message }
}

async function syncIndexWithCommit(
  ctx: RepoContext,
  changes: WorkingFileChange[],
  committed: FileChanges,
  statsBeforeRead: Map<string, { size: number; mtimeMs: number }>,
): Promise<void> {
  const onlyModified = changes.every((c) => c.state === 'modified')
  const updates = changes.map((c) => ({
    path: c.path,
    oid: committed.get(c.path)?.oid ?? '',
    statBeforeRead: statsBeforeRead.get(c.path) ?? { size: -1, mtimeMs: 0 },
  }))
  if (onlyModified && (await updateIndexEntries(ctx.dir, ctx.gitdir, updates))) return
  const added = changes.filter((c) => c.state !== 'deleted').map((c) => c.path)
  if (added.length > 0) await git.add({ ...ctx, filepath: added })
  for (const change of changes) {
    if (change.state === 'deleted') await git.remove({ ...ctx, filepath: change.path })
  }
}

/**
 * Publishes the working changes: commit (offline is fine), fetch, bring in the server's
 * newer commits (fast-forward or replay), push. Never force-pushes. On a conflict the
 * writer's commits are saved on a recovery ref first and their files stay as they are.
 */
export function publish(repoRoot: string, options: PublishOptions = {}): Promise<PublishResult> {
  return runInRepoQueue(repoRoot, async (ctx) => {
    const { signal, onProgress } = options
    await assertUsableRepository(ctx)
    const branch = await currentBranch(ctx)
    const upstream = await requireUpstream(ctx, branch)
    // Before committing: an SSH remote without a system git fails here, changing nothing.
    const transport = await transportFor(upstream.url, options)
    const conflict = await readConflictState(ctx)
    if (conflict && unresolvedPaths(conflict).length > 0) {
      throw new AppFailure(
        'CONFLICT',
        `Choose your version or the server's for these posts before publishing: ${unresolvedPaths(conflict).join(', ')}.`,
      )
    }
    throwIfCancelled(signal, 'Publishing')

    onProgress?.({ phase: 'scan', loaded: 0 })
    const only = options.paths ? new Set(options.paths.map(normalizeRepoPath)) : undefined
    const scan = await scanWorkingTree(ctx, only)
    throwIfCancelled(signal, 'Publishing')

    let commit: { oid: string; message: string } | undefined
    if (scan.changes.length > 0) {
      onProgress?.({ phase: 'commit', loaded: 0, total: scan.changes.length })
      commit = await commitSelectedChanges(ctx, branch, scan.headOid, scan.changes, options)
      onProgress?.({ phase: 'commit', loaded: scan.changes.length, total: scan.changes.length })
    }
    const localOid = commit?.oid ?? scan.headOid
    const trackedBefore = await resolveRefOrUndefined(ctx, upstream.trackingRef)
    const { ahead } = await aheadBehind(ctx, localOid, trackedBefore)
    const nothingLocal = ahead === 0 && !conflict
    if (!localOid) {
      throw new AppFailure('NOTHING_TO_PUBLISH', 'There is nothing to publish: no posts yet.')
    }

    const waiting = nothingLocal ? undefined : `${KEPT}`
    let remoteOid: string | undefined
    try {
      throwIfCancelled(signal, 'Publishing')
      remoteOid = await transport.fetch(ctx, upstream, waiting)
    } catch (error) {
      if (nothingLocal) throw nothingToPublish()
      throw error
    }
    throwIfCancelled(signal, 'Publishing')

    onProgress?.({ phase: 'integrate', loaded: 0 })
    const integration = await checkoutAfterIntegration(ctx, branch, localOid, remoteOid, conflict)
    const headOid = integration.headOid
    const files = scan.changes.map((c) => c.path)
    if (nothingLocal || headOid === remoteOid) {
      // The server may already have the commits (e.g. a push whose answer was lost).
      if (nothingLocal && integration.integrated === 'none') throw nothingToPublish()
      onProgress?.({ phase: 'done', loaded: 1, total: 1 })
      return {
        ...commitInfo(commit),
        integrated: integration.integrated,
        ...mergedFiles(integration.merged),
        pushed: false,
        headOid,
        files,
      }
    }

    throwIfCancelled(signal, 'Publishing')
    onProgress?.({ phase: 'push', loaded: 0 })
    await transport.push(ctx, headOid, upstream, KEPT)
    onProgress?.({ phase: 'done', loaded: 1, total: 1 })
    return {
      ...commitInfo(commit),
      integrated: integration.integrated,
      ...mergedFiles(integration.merged),
      pushed: true,
      headOid,
      files,
      ...(transport.via ? { via: transport.via } : {}),
    }
  })
}

function mergedFiles(merged: string[] | undefined): { merged?: string[] } {
  return merged && merged.length > 0 ? { merged } : {}
}

function commitInfo(commit: { oid: string; message: string } | undefined): {
  commitOid?: string
  message?: string
} {
  return commit ? { commitOid: commit.oid, message: commit.message } : {}
}

function nothingToPublish(): AppFailure {
  return new AppFailure(
    'NOTHING_TO_PUBLISH',
    'There is nothing to publish: every post is already on the server.',
  )
}
