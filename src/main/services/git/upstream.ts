import type { EngineRepository, Upstream } from './engine'

/** Where `branch` publishes to: its configured upstream, else origin/<branch>, as git decides. */
export async function upstreamOf(
  repo: Pick<EngineRepository, 'config'>,
  branch: string,
): Promise<Upstream | undefined> {
  const configured = await repo.config(`branch.${branch}.remote`)
  const merge = await repo.config(`branch.${branch}.merge`)
  const remote = configured && configured !== '.' ? configured : 'origin'
  const url = await repo.config(`remote.${remote}.url`)
  if (!url) return undefined
  const remoteBranch = merge?.replace(/^refs\/heads\//, '') ?? branch
  return { remote, remoteBranch, trackingRef: `refs/remotes/${remote}/${remoteBranch}`, url }
}
