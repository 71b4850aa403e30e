import git from 'isomorphic-git'
import { compareHistories } from './commit-graph'
import type { ConflictState } from './conflict-state'
import type { RepoContext } from './repo-queue'
import { applyTreeChanges, diffTrees, fileInTree, treeOfCommit, type FileChanges } from './trees'

export type ReplayResult = { tip: string; replayed: number } | { conflicts: string[] }

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
 * isomorphic-git has no rebase, so this replays each local commit onto the server's head:
 * a file the commit changed is taken from the commit when the server left it as the commit
 * found it (file-level three-way merge). When both sides changed the same file differently
 * it is a conflict, unless the writer already resolved it against that server version.
 * Nothing is written to refs or the working tree; new commits are only created when there
 * is no conflict.
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

  // First pass: find every conflict before creating anything.
  const conflicts = new Set<string>()
  const plans: { oid: string; changes: FileChanges }[] = []
  const touched = new Map<string, { oid: string } | null>()
  for (const oid of localCommits) {
    const { commit } = await git.readCommit({ ...ctx, oid })
    const parentTree = commit.parent[0] ? await treeOfCommit(ctx, commit.parent[0]) : undefined
    const diff = await diffTrees(ctx, parentTree, commit.tree)
    const changes: FileChanges = new Map()
    for (const [filepath, { before, after }] of diff) {
      const current = touched.has(filepath)
        ? (touched.get(filepath) ?? null)
        : await fileInTree(ctx, remoteTree, filepath)
      const serverChangedIt = !sameFile(current, before) && !sameFile(current, after)
      if (serverChangedIt && !touched.has(filepath)) {
        const resolution = resolutions[filepath]
        if (!resolution || resolution.remoteBlob !== (current?.oid ?? null)) conflicts.add(filepath)
      }
      changes.set(filepath, after)
      touched.set(filepath, after)
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
  return { tip, replayed }
}
