import { mkdir, readdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { AppFailure } from '../../../../shared/result'
import type { GitEngine } from '../engine'
import type { RemoteOptions } from '../remote-session'
import { splitCredentials } from '../remote-url'
import { openAskpass } from './askpass'
import { systemGitFailure } from './errors'
import { SystemGitRepository } from './repository'
import { runSystemGit } from './run'

const PROGRESS = /^(?:remote:\s*)?([A-Za-z][A-Za-z ]+):\s+\d+% \((\d+)\/(\d+)\)/

async function isEmptyOrMissing(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true
    throw error
  }
}

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
    if (!(await isEmptyOrMissing(dir))) {
      throw new AppFailure(
        'ALREADY_EXISTS',
        `${dir} is not empty; choose an empty folder to clone into.`,
      )
    }
    const source = options.credentials ?? credentials
    const askpass = await openAskpass(async () =>
      typeof source === 'function' ? source(cleanUrl) : source,
    )
    await mkdir(path.dirname(dir), { recursive: true })
    const context = { action: 'Cloning', url: cleanUrl, secrets: askpass.secrets }
    try {
      const result = await runSystemGit({
        args: ['clone', '--progress', '--', cleanUrl, dir],
        cwd: path.dirname(dir),
        env: askpass.env,
        signal: options.signal,
        idleTimeoutMs: options.timeoutMs ?? 300_000,
        onStderrLine: (line) => {
          const match = PROGRESS.exec(line)
          if (match) {
            options.onProgress?.({
              phase: 'clone',
              loaded: Number(match[2]),
              total: Number(match[3]),
              detail: match[1],
            })
          }
        },
      }).catch((error: Error) => {
        throw systemGitFailure(error, context)
      })
      if (result.exitCode !== 0) {
        throw systemGitFailure(result, {
          ...context,
          credentials: { asked: askpass.asked, found: askpass.found },
        })
      }
    } catch (error) {
      await rm(dir, { recursive: true, force: true })
      throw error
    } finally {
      askpass.close()
    }
    const branch = await new SystemGitRepository(dir).branch()
    return { branch }
  },
}
