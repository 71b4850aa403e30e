import type { GitEngine } from './engine'
import { isomorphicEngine } from './isomorphic/engine'
import { systemGitEngine } from './system/engine'
import { systemGitAvailable } from './system/run'

/**
 * The system git wherever a usable one (≥ 2.38) is installed, isomorphic-git otherwise.
 * INKPRESS_GIT_ENGINE=system|isomorphic forces one (tests run every shape on both).
 */
export async function chooseEngine(): Promise<GitEngine> {
  const forced = process.env.INKPRESS_GIT_ENGINE
  if (forced === 'isomorphic') return isomorphicEngine
  if (forced === 'system') return systemGitEngine
  return (await systemGitAvailable()) ? systemGitEngine : isomorphicEngine
}
