import git from 'isomorphic-git'
import type { FileDiff, GitStatus } from '../../../shared/api/git-types'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { AppFailure } from '../../../shared/result'
import { readConflictState, unresolvedPaths } from './conflict-state'
import { runInRepoQueue, type RepoContext } from './repo-queue'
import { fileInTree, treeOfCommit } from './trees'
import {
  aheadBehind,
  assertUsableRepository,
  findUpstream,
  resolveRefOrUndefined,
} from './upstream'
import {
  resolveHead,
  scanWorkingTree,
  type FileState,
  type WorkingFileChange,
} from './working-tree'

export type RepoStatus = GitStatus

export function waitingSummary(ahead: number): string | undefined {
  if (ahead === 0) return undefined
  return ahead === 1 ? '1 commit waiting to publish' : `${ahead} commits waiting to publish`
}

export async function readStatus(ctx: RepoContext): Promise<RepoStatus> {
  await assertUsableRepository(ctx)
  const branch = await git.currentBranch({ ...ctx, fullname: false })
  const scan = await scanWorkingTree(ctx)
  const upstream = branch ? await findUpstream(ctx, branch) : undefined
  const tracking = upstream ? await resolveRefOrUndefined(ctx, upstream.trackingRef) : undefined
  const { ahead, behind } = upstream
    ? await aheadBehind(ctx, scan.headOid, tracking)
    : { ahead: 0, behind: 0 }
  const conflict = await readConflictState(ctx)
  return {
    branch: branch ?? undefined,
    upstream: upstream ? `${upstream.remote}/${upstream.remoteBranch}` : undefined,
    remoteUrl: upstream?.url,
    ahead,
    behind,
    waitingSummary: waitingSummary(ahead),
    files: scan.changes.map(({ path: p, state }) => ({ path: p, state })),
    conflicts: conflict ? unresolvedPaths(conflict) : [],
  }
}

/** Status of the working files against the last commit, plus branch and publishing state. */
export function getStatus(repoRoot: string): Promise<RepoStatus> {
  return runInRepoQueue(repoRoot, readStatus)
}

async function readBlobText(ctx: RepoContext, oid: string): Promise<string> {
  const { blob } = await git.readBlob({ ...ctx, oid })
  return Buffer.from(blob).toString('utf8')
}

/** Old (last commit) and new (working file) text of one file, for the changes panel. */
export function diffFile(repoRoot: string, filepath: string): Promise<FileDiff> {
  return runInRepoQueue(repoRoot, async (ctx) => {
    const normalized = normalizeRepoPath(filepath)
    const head = await resolveHead(ctx)
    const headEntry = head ? await fileInTree(ctx, await treeOfCommit(ctx, head), normalized) : null
    const oldText = headEntry ? await readBlobText(ctx, headEntry.oid) : ''
    let newText: string | undefined
    try {
      newText = await readFile(path.join(ctx.dir, normalized), 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
    const state: FileState = !headEntry
      ? 'new'
      : newText === undefined
        ? 'deleted'
        : newText === oldText
          ? 'unchanged'
          : 'modified'
    if (!headEntry && newText === undefined) {
      throw new AppFailure('NOT_FOUND', `${normalized} does not exist in this repository.`)
    }
    return { path: normalized, state, oldText, newText: newText ?? '' }
  })
}

/** Repository-relative posix path; refuses paths that leave the repository. */
export function normalizeRepoPath(filepath: string): string {
  const normalized = path.posix.normalize(filepath.replace(/\\/g, '/')).replace(/^\.\//, '')
  if (normalized.startsWith('../') || normalized === '..' || path.posix.isAbsolute(normalized)) {
    throw new AppFailure('OUTSIDE_REPOSITORY', `${filepath} is outside the repository.`)
  }
  return normalized
}

export type { FileDiff, WorkingFileChange }
