import { mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { AppFailure } from '../../../../shared/result'
import { assertEmptyCloneTarget } from '../clone-target'
import type { GitEngine } from '../engine'
import type { RemoteOptions } from '../remote-session'
import { splitCredentials } from '../remote-url'
import { offerCredentials } from './credential-offer'
import { systemGitFailure } from './errors'
import { SystemGitRepository } from './repository'
import { progressLines } from './progress'
import { runSystemGit } from './run'

/** The system git: the engine wherever git ≥ 2.38 is installed. */
export const systemGitEngine: GitEngine = {
  name: 'system',
  open: (repoRoot) => new SystemGitRepository(repoRoot),

  async init(dir, { defaultBranch = 'main' }) {
    await mkdir(dir, { recursive: true })
    const result = await runSystemGit({
      args: ['init', '--quiet', `--initial-branch=${defaultBranch}`, '.'],
      cwd: dir,
    })
    if (result.exitCode !== 0) {
      throw new AppFailure('WRITE_FAILED', `Could not create a Git repository in ${dir}.`)
    }
  },

  async clone(url: string, dir: string, options: RemoteOptions) {
    const { url: cleanUrl, credentials } = splitCredentials(url)
    await assertEmptyCloneTarget(dir)
    const idleTimeoutMs = options.timeoutMs ?? 300_000
    const offer = await offerCredentials(
      cleanUrl,
      options.credentials ?? credentials,
      idleTimeoutMs,
    )
    await mkdir(path.dirname(dir), { recursive: true })
    const context = { action: 'Cloning', url: cleanUrl, secrets: offer.secrets }
    try {
      const result = await runSystemGit({
        args: ['clone', '--progress', '--', cleanUrl, dir],
        cwd: path.dirname(dir),
        config: offer.config,
        env: offer.env,
        signal: options.signal,
        idleTimeoutMs,
        onStderrLine: progressLines('clone', options.onProgress),
      }).catch((error: Error) => {
        throw systemGitFailure(error, context)
      })
      if (result.exitCode !== 0) throw systemGitFailure(result, context)
    } catch (error) {
      await rm(dir, { recursive: true, force: true })
      throw error
    } finally {
      await offer.close()
    }
    const branch = await new SystemGitRepository(dir).branch()
    return { branch }
  },
}
