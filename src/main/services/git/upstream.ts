import git from 'isomorphic-git'
import { access } from 'node:fs/promises'
import path from 'node:path'
import { AppFailure } from '../../../shared/result'
import { compareHistories } from './commit-graph'
import { runInRepoQueue, type RepoContext } from './repo-queue'

export interface Upstream {
  remote: string
  /** Branch name on the remote, e.g. `main`. */
  remoteBranch: string
  /** Local copy of the remote branch, e.g. `refs/remotes/origin/main`. */
  trackingRef: string
  url: string
}

/** The checked-out branch, or a DETACHED_HEAD failure. */
export async function currentBranch(ctx: RepoContext): Promise<string> {
  const branch = await git.currentBranch({ ...ctx, fullname: false })
  if (!branch) {
    throw new AppFailure(
      'DETACHED_HEAD',
      'The repository is not on a branch (detached HEAD), so there is nothing to publish to. Check out a branch such as main first.',
    )
  }
  return branch
}

/** Where the branch publishes to: its configured upstream, else origin/<branch>. */
export async function findUpstream(
  ctx: RepoContext,
  branch: string,
): Promise<Upstream | undefined> {
  const configured = (await git.getConfig({ ...ctx, path: `branch.${branch}.remote` })) as
    string | undefined
  const merge = (await git.getConfig({ ...ctx, path: `branch.${branch}.merge` })) as
    string | undefined
  const remote = configured && configured !== '.' ? configured : 'origin'
  const url = (await git.getConfig({ ...ctx, path: `remote.${remote}.url` })) as string | undefined
  if (!url) return undefined
  const remoteBranch = merge?.replace(/^refs\/heads\//, '') ?? branch
  return { remote, remoteBranch, trackingRef: `refs/remotes/${remote}/${remoteBranch}`, url }
}

export async function requireUpstream(ctx: RepoContext, branch: string): Promise<Upstream> {
  const upstream = await findUpstream(ctx, branch)
  if (!upstream) {
    throw new AppFailure(
      'NO_REMOTE',
      'This repository has no remote to publish to. Add the HTTPS address of your blog repository as "origin".',
    )
  }
  return upstream
}

export async function resolveRefOrUndefined(
  ctx: RepoContext,
  ref: string,
): Promise<string | undefined> {
  try {
    return await git.resolveRef({ ...ctx, ref })
  } catch {
    return undefined
  }
}

export async function aheadBehind(
  ctx: RepoContext,
  local: string | undefined,
  remote: string | undefined,
): Promise<{ ahead: number; behind: number }> {
  if (!local) return { ahead: 0, behind: 0 }
  const { ahead, behind } = await compareHistories(ctx, local, remote)
  return { ahead, behind }
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  )
}

/** Refuses to work on a repository another Git process is busy with, or a shallow clone. */
export async function assertUsableRepository(ctx: RepoContext): Promise<void> {
  if (!(await exists(ctx.gitdir))) {
    throw new AppFailure('NOT_A_REPOSITORY', `${ctx.dir} is not a Git repository.`)
  }
  if (await exists(path.join(ctx.gitdir, 'index.lock'))) {
    throw new AppFailure(
      'INDEX_LOCKED',
      'Another Git program is using this repository (.git/index.lock exists). Close it and try again; if no Git program is running, delete .git/index.lock.',
    )
  }
  if (await exists(path.join(ctx.gitdir, 'shallow'))) {
    throw new AppFailure(
      'SHALLOW_CLONE',
      'This repository is a shallow clone (its history is incomplete), so Inkpress cannot publish from it safely. Clone the full repository instead.',
    )
  }
}

/** The address the current branch publishes to, without scanning the working tree. */
export function publishingRemoteUrl(repoRoot: string): Promise<string | undefined> {
  return runInRepoQueue(repoRoot, async (ctx) => {
    const branch = await git.currentBranch({ ...ctx, fullname: false })
    return branch ? (await findUpstream(ctx, branch))?.url : undefined
  })
}
