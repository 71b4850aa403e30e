import git from 'isomorphic-git'
import type fs from 'node:fs'

/** What isomorphic-git needs to read commits. */
export interface CommitReader {
  fs: typeof fs
  dir: string
  gitdir: string
  cache?: object
}

export interface Divergence {
  /** Commits reachable from `local` only. */
  ahead: number
  /** Commits reachable from `remote` only. */
  behind: number
  /** The newest commit both reach (undefined for unrelated histories). */
  mergeBase?: string
}

const LOCAL = 1
const REMOTE = 2
const BOTH = LOCAL | REMOTE

interface Queued {
  oid: string
  time: number
}

/**
 * How two commits relate, found the way git does it: walk both histories newest first,
 * painting each commit with the side(s) that reach it, and stop once every commit still
 * waiting is reached by both. Hand-written because isomorphic-git's findMergeBase and
 * isDescendent keep walking one side to the root commit: on a 1,000-commit history that
 * is ~1,000 commit reads (hundreds of ms) to learn that the server is one commit behind.
 * Like git, it trusts commit dates to order the walk.
 */
export async function compareHistories(
  ctx: CommitReader,
  local: string,
  remote: string | undefined,
): Promise<Divergence> {
  if (local === remote) return { ahead: 0, behind: 0, mergeBase: local }
  const paint = new Map<string, number>()
  const commits = new Map<string, { parents: string[]; time: number }>()
  const queue: Queued[] = [] // oldest first, so pop() takes the newest

  const read = async (oid: string): Promise<{ parents: string[]; time: number }> => {
    let commit = commits.get(oid)
    if (!commit) {
      const parsed = (await git.readCommit({ ...ctx, oid })).commit
      commit = { parents: parsed.parent, time: parsed.committer.timestamp }
      commits.set(oid, commit)
    }
    return commit
  }
  const enqueue = async (oid: string, flags: number): Promise<void> => {
    const before = paint.get(oid) ?? 0
    const after = before | flags
    if (after === before) return
    paint.set(oid, after)
    const { time } = await read(oid)
    let at = queue.length
    while (at > 0 && (queue[at - 1] as Queued).time > time) at--
    queue.splice(at, 0, { oid, time })
  }

  await enqueue(local, LOCAL)
  if (remote) await enqueue(remote, REMOTE)
  let mergeBase: string | undefined
  // Commits reached by both sides are still walked (to paint their ancestors BOTH), but
  // once nothing else is waiting the rest of the history cannot change the answer.
  while (queue.some((e) => paint.get(e.oid) !== BOTH)) {
    const { oid } = queue.pop() as Queued
    const flags = paint.get(oid) ?? 0
    if (flags === BOTH) mergeBase ??= oid
    for (const parent of (await read(oid)).parents) await enqueue(parent, flags)
  }
  if (!mergeBase) {
    // The loop may stop with the first common commit still queued.
    mergeBase = [...queue].reverse().find((e) => paint.get(e.oid) === BOTH)?.oid
  }
  let ahead = 0
  let behind = 0
  for (const flags of paint.values()) {
    if (flags === LOCAL) ahead++
    else if (flags === REMOTE) behind++
  }
  return { ahead, behind, mergeBase }
}
