import git from 'isomorphic-git'
import fs from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import { assertEmptyCloneTarget } from '../clone-target'
import type { GitEngine } from '../engine'
import { RemoteSession, type RemoteOptions } from '../remote-session'
import { assertHttpRemote, splitCredentials } from '../remote-url'
import { IsomorphicRepository } from './repository'

/** isomorphic-git: the engine on machines without git (HTTPS remotes only). */
export const isomorphicEngine: GitEngine = {
  name: 'isomorphic',
  open: (repoRoot) => new IsomorphicRepository(repoRoot),

  async init(dir, { defaultBranch = 'main' }) {
    await mkdir(dir, { recursive: true })
    await git.init({ fs, dir, defaultBranch })
  },

  async clone(url: string, dir: string, options: RemoteOptions) {
    assertHttpRemote(url)
    const { url: cleanUrl, credentials } = splitCredentials(url)
    await assertEmptyCloneTarget(dir)
    const session = new RemoteSession(cleanUrl, {
      ...options,
      credentials: options.credentials ?? credentials,
    })
    try {
      await git.clone({
        fs,
        dir,
        http: session.http,
        onAuth: session.onAuth,
        onMessage: session.onMessage,
        onProgress: session.progress('clone'),
        url: cleanUrl,
      })
    } catch (error) {
      await rm(dir, { recursive: true, force: true })
      throw session.failure(error, 'Cloning')
    }
    const branch = await git.currentBranch({ fs, dir, fullname: false })
    return { branch: branch ?? undefined }
  },
}
