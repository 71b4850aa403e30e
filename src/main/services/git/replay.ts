import git from 'isomorphic-git'
import { compareHistories } from './commit-graph'
import type { ConflictState } from './conflict-state'
import { mergeLines, mergeableText } from '../../../shared/text-merge'
import type { RepoContext } from './repo-queue'
import {
  applyTreeChanges,
  diffTrees,
  fileInTree,
  treeOfCommit,
  type FileChanges,
  type FileEntry,
} from './trees'

export type ReplayResult =
  | {
      tip: string
      replayed: number
      /** Files whose edits here and on the server were combined line by line. */
      merged: string[]
    }
  | { conflicts: string[] }

/** Local commits after `base`, oldest first, following first parents. */
async function commitsSince(
  ctx: RepoContext,
  tip: string,
  base: string | undefined,
): Promise<string[]> {
  const commits: string[] = []
  let current: string | undefined = tip
  while (current && current !== base) {
    commits.push(current)
    const { commit } = await git.readCommit({ ...ctx, oid: current })
    current = commit.parent[0]
  }
  return commits.reverse()
}

const sameFile = (a: { oid: string } | null, b: { oid: string } | null): boolean =>
  (a?.oid ?? null) === (b?.oid ?? null)

/**
 * The file with the commit's edits (`before` → `after`) and the server's (`before` →
 * `current`) combined, as a new blob; null when they overlap, or a side added, deleted or
 * holds something other than text.
 */
async function mergedFile(
  ctx: RepoContext,
  before: FileEntry | null,
  after: FileEntry | null,
  current: FileEntry | null,
): Promise<FileEntry | null> {
  if (!before || !after || !current) return null
  const [base, ours, theirs] = await Promise.all(
    [before, after, current].map(async ({ oid }) =>
      mergeableText((await git.readBlob({ ...ctx, oid })).blob),
    ),
  )
  if (base == null || ours == null || theirs == null) return null
  const merged = mergeLines(base, ours, theirs)
  if (merged === null) return null
  const oid = await git.writeBlob({ ...ctx, blob: new TextEncoder().encode(merged) })
  return { oid, mode: after.mode }
}

/**
 * isomorphic-git has no rebase, so this replays each local commit onto the server's head:
 * a file the commit changed is taken from the commit when the server left it as the commit
 * found it. When both sides changed the same file, their edits are combined line by line as
 * git would; only edits to the same lines are a conflict, unless the writer already resolved
 * it against that server version. Nothing is written to refs or the working tree; new commits
 * are only created when there is no conflict.
 */
export async function replayOnto(
  ctx: RepoContext,
  localTip: string,
  remoteTip: string,
  resolutions: ConflictState['resolutions'] = {},
): Promise<ReplayResult> {
  const { mergeBase: base } = await compareHistories(ctx, localTip, remoteTip)
  const localCommits = await commitsSince(ctx, localTip, base)
  const remoteTree = await treeOfCommit(ctx, remoteTip)

  // First pass: find every conflict before creating any commit.
  const conflicts = new Set<string>()
  const merged = new Set<string>()
  const plans: { oid: string; changes: FileChanges }[] = []
  const touched = new Map<string, FileEntry | null>()
  for (const oid of localCommits) {
    const { commit } = await git.readCommit({ ...ctx, oid })
    const parentTree = commit.parent[0] ? await treeOfCommit(ctx, commit.parent[0]) : undefined
    const diff = await diffTrees(ctx, parentTree, commit.tree)
    const changes: FileChanges = new Map()
    for (const [filepath, { before, after }] of diff) {
      const seen = touched.has(filepath)
      // After an earlier commit's merge, the file here already holds the server's edits.
      const current = seen
        ? (touched.get(filepath) ?? null)
        : await fileInTree(ctx, remoteTree, filepath)
      let next = after
      if (!sameFile(current, before) && !sameFile(current, after)) {
        const resolution = seen ? undefined : resolutions[filepath]
        const resolvedByWriter = resolution?.remoteBlob === (current?.oid ?? null)
        if (!resolvedByWriter) {
          const combined = await mergedFile(ctx, before, after, current)
          if (combined) {
            next = combined
            merged.add(filepath)
          } else conflicts.add(filepath)
        }
      }
      changes.set(filepath, next)
      touched.set(filepath, next)
    }
    plans.push({ oid, changes })
  }
  if (conflicts.size > 0) return { conflicts: [...conflicts].sort() }

  let tip = remoteTip
  let tipTree = remoteTree
  let replayed = 0
  for (const { oid, changes } of plans) {
    const newTree = await applyTreeChanges(ctx, tipTree, changes)
    if (newTree === tipTree) continue // already on the server
    const { commit } = await git.readCommit({ ...ctx, oid })
    tip = await git.writeCommit({
      ...ctx,
      commit: { ...commit, tree: newTree, parent: [tip] },
    })
    tipTree = newTree
    replayed++
  }
  return { tip, replayed, merged: [...merged].sort() }
}
