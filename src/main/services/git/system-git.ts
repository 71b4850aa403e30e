import { spawn } from 'node:child_process'

/**
 * Runs the system `git` for the network steps isomorphic-git cannot do (SSH). Every run is
 * non-interactive: no terminal prompt, no askpass program, and a new session without a
 * controlling terminal, so ssh fails instead of waiting for a passphrase or a host key
 * answer nobody can type. `GIT_SSH_COMMAND` and `core.sshCommand` stay the user's own.
 */

export interface SystemGitRun {
  /** Arguments after `git`. */
  args: string[]
  cwd: string
  signal?: AbortSignal
  /** Kills the whole run after this long; default two minutes. */
  timeoutMs?: number
  /** Each stderr line as it arrives (progress, "remote:" hook output). */
  onStderrLine?: (line: string) => void
}

export interface SystemGitResult {
  exitCode: number
  stdout: string
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
  '-c',
  'credential.helper=',
  '-c',
  'gc.auto=0',
  '-c',
  'maintenance.auto=false',
]

function nonInteractiveEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_TERMINAL_PROMPT: '0',
    GIT_ASKPASS: '',
    SSH_ASKPASS: '',
    SSH_ASKPASS_REQUIRE: 'never',
    // English messages, so failures can be recognised.
    LC_ALL: 'C',
    LANGUAGE: 'C',
  }
}

export function runSystemGit(run: SystemGitRun): Promise<SystemGitResult> {
  return new Promise((resolve, reject) => {
    if (run.signal?.aborted) {
      reject(new SystemGitInterrupted('cancelled'))
      return
    }
    const child = spawn('git', [...QUIET_CONFIG, ...run.args], {
      cwd: run.cwd,
      env: nonInteractiveEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
      // Own process group and session: no controlling terminal, and one kill stops ssh too.
      detached: true,
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
    const timer = setTimeout(() => stop('timeout'), run.timeoutMs ?? 120_000)
    const onAbort = (): void => stop('cancelled')
    run.signal?.addEventListener('abort', onAbort, { once: true })

    const stdout: Buffer[] = []
    let stderr = ''
    let pendingLine = ''
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8')
      stderr += text
      // Progress lines end with \r, messages with \n.
      const parts = (pendingLine + text).split(/\r|\n/)
      pendingLine = parts.pop() ?? ''
      for (const line of parts) if (line.trim()) run.onStderrLine?.(line)
    })
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
      if (interrupted) reject(interrupted)
      else resolve({ exitCode: code ?? 1, stdout: Buffer.concat(stdout).toString('utf8'), stderr })
    })
  })
}

const availability = new Map<string, Promise<boolean>>()

/** Whether `git --version` works with the current PATH (remembered per PATH). */
export function systemGitAvailable(): Promise<boolean> {
  const key = process.env.PATH ?? ''
  let known = availability.get(key)
  if (!known) {
    known = runSystemGit({ args: ['--version'], cwd: process.cwd(), timeoutMs: 10_000 }).then(
      (result) => result.exitCode === 0 && result.stdout.startsWith('git version'),
      () => false,
    )
    availability.set(key, known)
  }
  return known
}
