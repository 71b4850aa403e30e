import { spawn } from 'node:child_process'

/**
 * Runs the system `git`. Every run is non-interactive: no terminal prompt, no pager, no
 * editor, and a new session without a controlling terminal, so ssh fails instead of waiting
 * for a passphrase or a host key answer nobody can type. `GIT_SSH_COMMAND`, hooks and the
 * user's configuration stay their own. Only NUL-separated machine output is parsed.
 */

export interface SystemGitRun {
  /** Arguments after `git`. */
  args: string[]
  cwd: string
  /** Written to git's standard input (e.g. NUL-separated pathspecs). */
  input?: string | Buffer
  /** Added to the environment (e.g. the askpass program, a temporary index). */
  env?: Record<string, string>
  /** `-c name=value` pairs placed before the command (e.g. the credential helper). */
  config?: string[]
  signal?: AbortSignal
  /**
   * Kills the run when git prints nothing for this long (progress counts as output), so a
   * slow server that keeps transferring is never cut off; default five minutes.
   */
  idleTimeoutMs?: number
  /** Each stderr line as it arrives (progress, "remote:" hook output). */
  onStderrLine?: (line: string) => void
}

export interface SystemGitResult {
  exitCode: number
  stdout: string
  /** The same output as bytes (blobs are not always UTF-8). */
  stdoutBytes: Buffer
  stderr: string
}

/** Why the run ended without an exit code of its own. */
export class SystemGitInterrupted extends Error {
  constructor(readonly reason: 'cancelled' | 'timeout' | 'missing') {
    super(`git ${reason}`)
  }
}

/** Settings that keep git from prompting or doing housekeeping behind Inkpress's back. */
const QUIET_CONFIG = [
  '-c',
  'core.askPass=',
  // Inkpress supplies credentials itself (credential-offer.ts); no other helper may prompt or store them.
  '-c',
  'credential.helper=',
  '-c',
  'gc.auto=0',
  '-c',
  'maintenance.auto=false',
  '-c',
  'core.pager=cat',
  '--no-optional-locks',
]

/** The git program: INKPRESS_GIT names another one (tests, unusual installs). */
export const gitProgram = (): string => process.env.INKPRESS_GIT || 'git'

function nonInteractiveEnv(extra: Record<string, string> | undefined): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_TERMINAL_PROMPT: '0',
    GIT_ASKPASS: '',
    SSH_ASKPASS: '',
    SSH_ASKPASS_REQUIRE: 'never',
    GIT_EDITOR: 'true',
    GIT_PAGER: 'cat',
    // Names and paths byte for byte, never C-quoted.
    GIT_LITERAL_PATHSPECS: '1',
    // English messages, so failures can be recognised.
    LC_ALL: 'C',
    LANGUAGE: 'C',
    ...extra,
  }
}

export function runSystemGit(run: SystemGitRun): Promise<SystemGitResult> {
  return new Promise((resolve, reject) => {
    if (run.signal?.aborted) {
      reject(new SystemGitInterrupted('cancelled'))
      return
    }
    const child = spawn(gitProgram(), [...QUIET_CONFIG, ...(run.config ?? []), ...run.args], {
      cwd: run.cwd,
      env: nonInteractiveEnv(run.env),
      stdio: [run.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      // Own process group and session: no controlling terminal, and one kill stops ssh too.
      detached: true,
      windowsHide: true,
    })
    let interrupted: SystemGitInterrupted | undefined
    const stop = (reason: 'cancelled' | 'timeout'): void => {
      interrupted ??= new SystemGitInterrupted(reason)
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL')
      } catch {
        child.kill('SIGKILL')
      }
    }
    const idleMs = run.idleTimeoutMs ?? 300_000
    let timer = setTimeout(() => stop('timeout'), idleMs)
    const stillAlive = (): void => {
      clearTimeout(timer)
      timer = setTimeout(() => stop('timeout'), idleMs)
    }
    const onAbort = (): void => stop('cancelled')
    run.signal?.addEventListener('abort', onAbort, { once: true })

    const stdout: Buffer[] = []
    let stderr = ''
    let pendingLine = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      stillAlive()
      stdout.push(chunk)
    })
    child.stderr?.on('data', (chunk: Buffer) => {
      stillAlive()
      const text = chunk.toString('utf8')
      stderr += text
      // Progress lines end with \r, messages with \n.
      const parts = (pendingLine + text).split(/\r|\n/)
      pendingLine = parts.pop() ?? ''
      for (const line of parts) if (line.trim()) run.onStderrLine?.(line)
    })
    if (run.input !== undefined && child.stdin) {
      child.stdin.on('error', () => undefined) // git may exit before reading everything
      child.stdin.end(run.input)
    }
    const finish = (): void => {
      clearTimeout(timer)
      run.signal?.removeEventListener('abort', onAbort)
    }
    child.on('error', (error: NodeJS.ErrnoException) => {
      finish()
      reject(error.code === 'ENOENT' ? new SystemGitInterrupted('missing') : error)
    })
    child.on('close', (code) => {
      finish()
      if (pendingLine.trim()) run.onStderrLine?.(pendingLine)
      if (interrupted) {
        reject(interrupted)
        return
      }
      const bytes = Buffer.concat(stdout)
      resolve({ exitCode: code ?? 1, stdout: bytes.toString('utf8'), stdoutBytes: bytes, stderr })
    })
  })
}

/** The oldest git with everything the system engine uses (`merge-tree --write-tree`). */
export const MINIMUM_GIT = [2, 38] as const

/** `git version 2.39.5` (or `2.39.5.windows.1`, `2.39.3 (Apple Git-146)`) → [2, 39]. */
export function parseGitVersion(output: string): [number, number] | undefined {
  const match = /^git version (\d+)\.(\d+)/.exec(output.trim())
  return match ? [Number(match[1]), Number(match[2])] : undefined
}

const availability = new Map<string, Promise<boolean>>()

/**
 * Whether a usable git (≥ 2.38) answers `git --version` with the current PATH, remembered
 * per PATH. The macOS `/usr/bin/git` stub without the Command Line Tools fails this.
 */
export function systemGitAvailable(): Promise<boolean> {
  const key = `${process.env.PATH ?? ''}|${gitProgram()}`
  let known = availability.get(key)
  if (!known) {
    known = runSystemGit({ args: ['--version'], cwd: process.cwd(), idleTimeoutMs: 10_000 }).then(
      (result) => {
        const version = result.exitCode === 0 ? parseGitVersion(result.stdout) : undefined
        if (!version) return false
        const [major, minor] = version
        return major > MINIMUM_GIT[0] || (major === MINIMUM_GIT[0] && minor >= MINIMUM_GIT[1])
      },
      () => false,
    )
    availability.set(key, known)
  }
  return known
}
