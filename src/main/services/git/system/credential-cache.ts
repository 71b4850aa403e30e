import { randomBytes } from 'node:crypto'
import { chmod, mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Credentials } from '../remote-session'
import { runSystemGit } from './run'

/**
 * Hands a token to the system git through git's own in-memory credential cache
 * (`git credential-cache`): the token goes to the cache daemon on its standard input, the
 * daemon listens on a socket in a private 0700 folder and keeps it in memory only, and the
 * git run asks it through `credential.helper`. Never in an argument, the environment or a
 * file. It answers in a few milliseconds, where the askpass program costs a Node start per
 * prompt; askpass stays the fallback where the cache cannot run (no Unix sockets).
 */
export interface CachedCredentials {
  /** `-c` settings for the git run. */
  config: string[]
  /** Stops the daemon, so the token lives no longer than the run. */
  close(): Promise<void>
}

let privateFolder: Promise<string> | undefined

async function folder(): Promise<string> {
  privateFolder ??= mkdtemp(path.join(tmpdir(), 'inkpress-credentials-')).then(async (dir) => {
    await chmod(dir, 0o700)
    return dir
  })
  return privateFolder
}

/** `protocol=…\nhost=…` for an http(s) URL, or undefined for any other address. */
function describe(url: string): { protocol: string; host: string; path: string } | undefined {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return undefined
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined
  return {
    protocol: parsed.protocol.slice(0, -1),
    host: parsed.host,
    path: decodeURIComponent(parsed.pathname.replace(/^\//, '')),
  }
}

const unsafe = (value: string): boolean => /[\0\n\r]/.test(value)

/**
 * Starts a cache daemon holding `credentials` for `url` for at most `lifetimeMs`; undefined
 * when the address is not HTTP(S) or the cache cannot start here.
 */
export async function cacheCredentials(
  url: string,
  credentials: Credentials,
  lifetimeMs: number,
): Promise<CachedCredentials | undefined> {
  const target = describe(url)
  if (!target || process.platform === 'win32') return undefined
  if ([credentials.username, credentials.token, target.path].some(unsafe)) return undefined
  const socket = path.join(await folder(), `cache-${randomBytes(12).toString('hex')}`)
  const helper = ['credential-cache', '--socket', socket]
  const cwd = tmpdir()
  const stored = await runSystemGit({
    args: [...helper, '--timeout', String(Math.ceil(lifetimeMs / 1000) + 60), 'store'],
    cwd,
    idleTimeoutMs: 10_000,
    input:
      `protocol=${target.protocol}\nhost=${target.host}\npath=${target.path}\n` +
      `username=${credentials.username}\npassword=${credentials.token}\n\n`,
  }).catch(() => undefined)
  const close = async (): Promise<void> => {
    await runSystemGit({ args: [...helper, 'exit'], cwd, idleTimeoutMs: 10_000 }).catch(
      () => undefined,
    )
  }
  if (!stored || stored.exitCode !== 0) {
    await close()
    return undefined
  }
  // The helper line runs through git's shell: the socket path is single-quoted.
  const quoted = `'${socket.replace(/'/g, `'\\''`)}'`
  return { config: ['-c', `credential.helper=cache --socket ${quoted}`], close }
}
