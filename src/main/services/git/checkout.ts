import git from 'isomorphic-git'
import { chmod, mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { AppFailure } from '../../../shared/result'
import { writeFileAtomically } from '../files/atomic-write'
import type { RepoContext } from './repo-queue'
import { diffTrees, treeOfCommit, type FileEntry } from './trees'
import { hashWorkingFile } from './working-tree'

async function workingOid(ctx: RepoContext, filepath: string): Promise<string | null> {
  try {
    return await hashWorkingFile(ctx, filepath)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

async function writeWorkingFile(
  ctx: RepoContext,
  filepath: string,
  entry: FileEntry,
): Promise<void> {
  const absolute = path.join(ctx.dir, filepath)
  const { blob } = await git.readBlob({ ...ctx, oid: entry.oid })
  await mkdir(path.dirname(absolute), { recursive: true })
  // The editor may have this post open: it must never read a half-written file.
  await writeFileAtomically(absolute, blob)
  if (entry.mode === '100755') await chmod(absolute, 0o755)
}

/**
 * Moves `branch` from commit `from` to commit `to`, updating only the working files and
 * index entries that differ between them. Refuses (before touching anything) when one of
 * those files has edits that are not in `from`, so uncommitted work is never overwritten.
 */
export async function moveBranch(
  ctx: RepoContext,
  branch: string,
  from: string,
  to: string,
): Promise<string[]> {
  const changes = await diffTrees(ctx, await treeOfCommit(ctx, from), await treeOfCommit(ctx, to))
  const dirty: string[] = []
  for (const [filepath, { before }] of changes) {
    if ((await workingOid(ctx, filepath)) !== (before?.oid ?? null)) dirty.push(filepath)
  }
  if (dirty.length > 0) {
    throw new AppFailure(
      'CONFLICT',
      `These files have unpublished edits that the server's changes would overwrite: ${dirty.join(', ')}. Publish them (or save a copy) and try again.`,
    )
  }
  const written: string[] = []
  const removed: string[] = []
  for (const [filepath, { after }] of changes) {
    if (after) {
      await writeWorkingFile(ctx, filepath, after)
      written.push(filepath)
    } else {
      await rm(path.join(ctx.dir, filepath), { force: true })
      removed.push(filepath)
    }
  }
  if (written.length > 0) await git.add({ ...ctx, filepath: written })
  for (const filepath of removed) await git.remove({ ...ctx, filepath })
  // The branch moves last: if anything above fails, the old commit is still checked out
  // and the files simply show as edited.
  await git.writeRef({ ...ctx, ref: `refs/heads/${branch}`, value: to, force: true })
  return [...changes.keys()]
}
