import { spawn } from 'node:child_process'
import type { HostCredentials } from './credential-store'

/**
 * Asks the system git's credential helpers (`git credential fill`) for a URL's user name
 * and password/token. Never prompts (GIT_TERMINAL_PROMPT=0, no askpass); resolves
 * undefined when git is missing, no helper knows the host, or it takes too long.
 */
export function gitCredentialFill(
  url: string,
  options: { timeoutMs?: number; gitPath?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<HostCredentials | undefined> {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return Promise.resolve(undefined)
  }
  const request =
    `protocol=${parsed.protocol.replace(/:$/, '')}\nhost=${parsed.host}\n` +
    `path=${parsed.pathname.replace(/^\//, '')}\n\n`
  return new Promise((resolve) => {
    let child
    try {
      child = spawn(options.gitPath ?? 'git', ['credential', 'fill'], {
        env: {
          ...(options.env ?? process.env),
          GIT_TERMINAL_PROMPT: '0',
          GIT_ASKPASS: '',
          SSH_ASKPASS: '',
        },
        stdio: ['pipe', 'pipe', 'ignore'],
        timeout: options.timeoutMs ?? 5_000,
      })
    } catch {
      resolve(undefined)
      return
    }
    let output = ''
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => (output += chunk))
    child.on('error', () => resolve(undefined))
    child.on('close', (code) => {
      if (code !== 0) return resolve(undefined)
      const fields = new Map<string, string>()
      for (const line of output.split('\n')) {
        const eq = line.indexOf('=')
        if (eq > 0) fields.set(line.slice(0, eq), line.slice(eq + 1))
      }
      const username = fields.get('username')
      const token = fields.get('password')
      resolve(username && token ? { username, token } : undefined)
    })
    child.stdin.on('error', () => undefined)
    child.stdin.end(request)
  })
}
