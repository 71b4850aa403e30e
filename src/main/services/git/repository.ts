import git from 'isomorphic-git'
import { mkdir, readdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { AppFailure } from '../../../shared/result'
import { runInRepoQueue } from './repo-queue'
import { RemoteSession, type Credentials, type RemoteOptions } from './remote-session'
import { assertHttpRemote, withoutCredentials } from './remote-url'

/** Creates a new blog repository (a no-op on an existing one, like `git init`). */
export function initRepository(
  dir: string,
  options: { defaultBranch?: string } = {},
): Promise<void> {
  return runInRepoQueue(dir, async (ctx) => {
    await mkdir(ctx.dir, { recursive: true })
    await git.init({ ...ctx, defaultBranch: options.defaultBranch ?? 'main' })
  })
}

/** Splits https://user:token@host/… into a clean URL and the credentials it carried. */
function splitCredentials(url: string): { url: string; credentials?: Credentials } {
  try {
    const parsed = new URL(url)
    if (!parsed.username && !parsed.password) return { url }
    const credentials = {
      username: decodeURIComponent(parsed.username),
      token: decodeURIComponent(parsed.password),
    }
    return { url: withoutCredentials(url), credentials }
  } catch {
    return { url }
  }
}

async function isEmptyOrMissing(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true
    throw error
  }
}

/**
 * Clones an HTTPS repository into `dir` (which must be empty or missing). The remote URL
 * saved in `.git/config` never carries credentials. A failed clone leaves no half-made folder.
 */
export async function cloneRepository(
  url: string,
  dir: string,
  options: RemoteOptions = {},
): Promise<{ dir: string; branch?: string }> {
  assertHttpRemote(url)
  const { url: cleanUrl, credentials } = splitCredentials(url)
  return runInRepoQueue(dir, async (ctx) => {
    if (!(await isEmptyOrMissing(ctx.dir))) {
      throw new AppFailure(
        'ALREADY_EXISTS',
        `${ctx.dir} is not empty; choose an empty folder to clone into.`,
      )
    }
    const session = new RemoteSession(cleanUrl, {
      ...options,
      credentials: options.credentials ?? credentials,
    })
    try {
      await git.clone({
        ...ctx,
        http: session.http,
        onAuth: session.onAuth,
        onMessage: session.onMessage,
        onProgress: session.progress('clone'),
        url: cleanUrl,
      })
    } catch (error) {
      await rm(ctx.dir, { recursive: true, force: true })
      throw session.failure(error, 'Cloning')
    }
    const branch = await git.currentBranch({ ...ctx, fullname: false })
    options.onProgress?.({ phase: 'done', loaded: 1, total: 1 })
    return { dir: path.resolve(ctx.dir), branch: branch ?? undefined }
  })
}
