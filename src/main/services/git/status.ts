import type { GitStatus } from '../../../shared/api/git-types'
import { readConflictState, unresolvedPaths } from './conflict-state'
import type { EngineRepository } from './engine'
import { waitingSummary } from './status-summary'
import { upstreamOf } from './upstream'

/** Status of the working files against the last commit, plus branch and publishing state. */
export async function statusIn(repo: EngineRepository): Promise<GitStatus> {
  const stateDir = await repo.stateDir() // also refuses a folder that is not a repository
  const [branch, scan] = await Promise.all([repo.branch(), repo.workingChanges()])
  const upstream = branch ? await upstreamOf(repo, branch) : undefined
  const tracking = upstream ? await repo.resolveRef(upstream.trackingRef) : undefined
  const { ahead, behind } =
    upstream && scan.headOid
      ? await repo.aheadBehind(scan.headOid, tracking)
      : { ahead: 0, behind: 0 }
  const conflict = await readConflictState(stateDir)
  return {
    branch,
    upstream: upstream ? `${upstream.remote}/${upstream.remoteBranch}` : undefined,
    remoteUrl: upstream?.url,
    ahead,
    behind,
    waitingSummary: waitingSummary(ahead),
    files: scan.changes,
    conflicts: conflict ? unresolvedPaths(conflict) : (scan.unmerged ?? []),
  }
}
