import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile, readFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { startGitServer, type GitServer } from '../../support/git-http-server'

const execFileAsync = promisify(execFile)

/** The engine these tests exercise (the vitest project `git-isomorphic` forces isomorphic-git). */
export const ENGINE: 'system' | 'isomorphic' =
  process.env.INKPRESS_GIT_ENGINE === 'isomorphic' ? 'isomorphic' : 'system'

export const USER = 'writer'
export const TOKEN = 'tok-7f3c9a1e5b'
export const credentials = { username: USER, token: TOKEN }

export async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await execFileAsync('git', args, {
    cwd,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
  })
  return stdout.trim()
}

export async function bareGit(bare: string, ...args: string[]): Promise<string> {
  return git(bare, '--git-dir', bare, ...args)
}

export function post(title: string, body: string): string {
  return `---\ntitle: ${title}\n---\n\n${body}\n`
}

export interface Playground {
  server: GitServer
  bare: string
  tmp: string
  /** Clones the server repository with native git, remote set to the HTTP URL. */
  clone(name: string): Promise<string>
  write(dir: string, file: string, text: string): Promise<void>
  read(dir: string, file: string): Promise<string>
  cleanup(): Promise<void>
}

/** A real Git server with one seeded repository `blog` (two posts on main). */
export async function createPlayground(
  options: Parameters<typeof startGitServer>[0] = {},
): Promise<Playground> {
  const server = await startGitServer({
    users: [
      { username: USER, token: TOKEN },
      { username: 'reader', token: 'read-only-token', access: 'read' },
    ],
    ...options,
  })
  const tmp = await mkdtemp(path.join(tmpdir(), 'inkpress-git-test-'))
  const bare = await server.createBareRepo('blog')
  const seed = path.join(tmp, 'seed')
  await mkdir(path.join(seed, 'posts'), { recursive: true })
  await git(seed, 'init', '-q', '--initial-branch=main')
  await configureUser(seed)
  await writeFile(path.join(seed, 'posts/hello.md'), post('Hello', 'First post.'))
  await writeFile(path.join(seed, 'posts/second.md'), post('Second', 'Another post.'))
  await git(seed, 'add', '-A')
  await git(seed, 'commit', '-q', '-m', 'Initial posts')
  await git(seed, 'push', '-q', bare, 'main')

  const write = async (dir: string, file: string, text: string): Promise<void> => {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true })
    await writeFile(path.join(dir, file), text)
  }
  return {
    server,
    bare,
    tmp,
    async clone(name) {
      const dir = path.join(tmp, name)
      await git(tmp, 'clone', '-q', bare, dir)
      await git(dir, 'remote', 'set-url', 'origin', server.url('blog'))
      await configureUser(dir)
      return dir
    },
    write,
    read: (dir, file) => readFile(path.join(dir, file), 'utf8'),
    async cleanup() {
      await server.stop()
      await rm(tmp, { recursive: true, force: true })
    },
  }
}

export async function configureUser(dir: string, name = 'Test Writer'): Promise<void> {
  await git(dir, 'config', 'user.name', name)
  await git(dir, 'config', 'user.email', 'writer@example.com')
}

/** Publishes from another clone with native git, so the server gets ahead. */
export async function pushFromOtherMachine(
  pg: Playground,
  name: string,
  file: string,
  text: string,
): Promise<string> {
  const other = await pg.clone(name)
  await pg.write(other, file, text)
  await git(other, 'add', '-A')
  await git(other, 'commit', '-q', '-m', `Edit ${file} elsewhere`)
  await git(other, 'push', '-q', pg.bare, 'main')
  return other
}
