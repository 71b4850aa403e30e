import git from 'isomorphic-git'
import type { HistoryEntry } from '../../../shared/api/git-types'
import { AppFailure } from '../../../shared/result'
import { runInRepoQueue } from './repo-queue'
import { normalizeRepoPath } from './status'

export type { HistoryEntry }

/** Commits that changed `filepath`, newest first. */
export function postHistory(
  repoRoot: string,
  filepath: string,
  limit = 200,
): Promise<HistoryEntry[]> {
  return runInRepoQueue(repoRoot, async (ctx) => {
    const normalized = normalizeRepoPath(filepath)
    let commits: Awaited<ReturnType<typeof git.log>>
    try {
      commits = await git.log({ ...ctx, filepath: normalized, ref: 'HEAD', depth: limit })
    } catch (error) {
      const code = (error as { code?: string }).code
      if (code === 'NotFoundError') return []
      throw error
    }
    return commits.map(({ oid, commit }) => ({
      oid,
      message: commit.message.trim(),
      authorName: commit.author.name,
      authorEmail: commit.author.email,
      timestamp: commit.author.timestamp,
    }))
  })
}

/** The text of `filepath` as it was in commit `oid` (restore it by saving it as a new edit). */
export function readFileAtCommit(repoRoot: string, oid: string, filepath: string): Promise<string> {
  return runInRepoQueue(repoRoot, async (ctx) => {
    const normalized = normalizeRepoPath(filepath)
    try {
      const { blob } = await git.readBlob({ ...ctx, oid, filepath: normalized })
      return Buffer.from(blob).toString('utf8')
    } catch (error) {
      if ((error as { code?: string }).code === 'NotFoundError') {
        throw new AppFailure(
          'NOT_FOUND',
          `${normalized} does not exist in commit ${oid.slice(0, 7)}.`,
        )
      }
      throw error
    }
  })
}
