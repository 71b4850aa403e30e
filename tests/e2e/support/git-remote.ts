import { execFile, execFileSync } from 'node:child_process'
import { promisify } from 'node:util'
import { startGitServer, type GitServer, type GitServerUser } from '../../support/git-http-server'

const execFileAsync = promisify(execFile)

export const WRITER: GitServerUser = { username: 'writer', token: 'secret-token' }

export interface GitRemote {
  server: GitServer
  /** The bare repository on the server's disk. */
  bare: string
  /** The HTTPS-style URL the app pushes to (no credentials in it). */
  url: string
  /** Runs `git --git-dir <bare> …` on the server side and returns its output. */
  git(...args: string[]): string
  stop(): Promise<void>
}

const basicAuth = (user: GitServerUser) =>
  `Authorization: Basic ${Buffer.from(`${user.username}:${user.token}`).toString('base64')}`

/**
 * Starts the test Git server (Basic auth) with a bare repository, pushes `repoDir` to it and
 * makes it the upstream of `main`, the way a writer's clone of their blog looks. The token
 * only travels in a header for this one push; it is never written into `.git/config`.
 */
export async function attachGitRemote(repoDir: string, name = 'blog'): Promise<GitRemote> {
  const server = await startGitServer({ users: [WRITER] })
  const bare = await server.createBareRepo(name)
  const url = server.url(name)
  // Asynchronous: the server runs in this same process and must keep answering.
  const local = (...args: string[]) => execFileAsync('git', args, { cwd: repoDir })
  await local('remote', 'add', 'origin', url)
  await local('-c', `http.extraHeader=${basicAuth(WRITER)}`, 'push', '-q', '-u', 'origin', 'main')
  return {
    server,
    bare,
    url,
    git: (...args) => execFileSync('git', ['--git-dir', bare, ...args], { encoding: 'utf8' }),
    stop: () => server.stop(),
  }
}

/** Another machine's clone, for commits that reach the server behind the app's back. */
export async function pushFromElsewhere(
  remote: GitRemote,
  cloneDir: string,
  change: (git: (...args: string[]) => Promise<unknown>) => Promise<void>,
): Promise<void> {
  const header = `http.extraHeader=${basicAuth(WRITER)}`
  await execFileAsync('git', ['-c', header, 'clone', '-q', remote.url, cloneDir])
  const git = (...args: string[]) =>
    execFileAsync('git', ['-c', header, ...args], { cwd: cloneDir })
  await git('config', 'user.name', 'Other Machine')
  await git('config', 'user.email', 'other@inkpress.invalid')
  await change(git)
  await git('push', '-q', 'origin', 'main')
}
