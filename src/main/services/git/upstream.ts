import type { EngineRepository, Upstream } from './engine'

/** Where `branch` publishes to: its configured upstream, else origin/<branch>, as git decides. */
export async function upstreamOf(
  repo: Pick<EngineRepository, 'config'>,
  branch: string,
): Promise<Upstream | undefined> {
  // Read together: origin is by far the most common remote.
  const [configured, merge, originUrl] = await Promise.all([
    repo.config(`branch.${branch}.remote`),
    repo.config(`branch.${branch}.merge`),
    repo.config('remote.origin.url'),
  ])
  const remote = configured && configured !== '.' ? configured : 'origin'
  const url = remote === 'origin' ? originUrl : await repo.config(`remote.${remote}.url`)
  if (!url) return undefined
  const remoteBranch = merge?.replace(/^refs\/heads\//, '') ?? branch
  return { remote, remoteBranch, trackingRef: `refs/remotes/${remote}/${remoteBranch}`, url }
}
