import git from 'isomorphic-git'
import type { ProgressPhase, RemoteOptions } from './remote-session'
import type { RemoteTransport } from './remote-transport'
import { runSystemGit, type SystemGitResult } from './system-git'
import { systemGitFailure } from './system-git-errors'
import { resolveRefOrUndefined } from './upstream'

const PROGRESS = /^(?:remote:\s*)?([A-Za-z][A-Za-z ]+):\s+\d+% \((\d+)\/(\d+)\)/

/**
 * Fetch and push through the system git, for SSH remotes (isomorphic-git speaks only HTTP).
 * Git reads the user's own SSH setup (keys, agent, GIT_SSH_COMMAND, core.sshCommand); the
 * push names the exact commit and is never forced, so the server refuses anything but a
 * fast-forward.
 */
export function createSshTransport(url: string, options: RemoteOptions): RemoteTransport {
  const run = async (
    ctx: { gitdir: string; dir: string },
    phase: ProgressPhase,
    args: string[],
    action: string,
    reassurance: string | undefined,
  ): Promise<SystemGitResult> => {
    try {
      return await runSystemGit({
        args: [`--git-dir=${ctx.gitdir}`, ...args],
        cwd: ctx.dir,
        signal: options.signal,
        timeoutMs: options.timeoutMs,
        onStderrLine: (line) => {
          const match = PROGRESS.exec(line)
          if (match) {
            options.onProgress?.({
              phase,
              loaded: Number(match[2]),
              total: Number(match[3]),
              detail: match[1],
            })
          }
        },
      })
    } catch (error) {
      throw systemGitFailure(error as Error, { action, url, reassurance })
    }
  }

  return {
    via: 'Pushed with the system git over SSH',
    async fetch(ctx, upstream, reassurance) {
      options.onProgress?.({ phase: 'fetch', loaded: 0, detail: 'Checking the server' })
      const result = await run(
        ctx,
        'fetch',
        [
          'fetch',
          '--no-tags',
          '--no-write-fetch-head',
          '--progress',
          url,
          `+refs/heads/${upstream.remoteBranch}:${upstream.trackingRef}`,
        ],
        'Fetching from the server',
        reassurance,
      )
      if (result.exitCode !== 0) {
        // An empty repository on the server has no branch to fetch yet.
        if (/couldn't find remote ref/i.test(result.stderr)) return undefined
        throw systemGitFailure(result, { action: 'Fetching from the server', url, reassurance })
      }
      return resolveRefOrUndefined(ctx, upstream.trackingRef)
    },
    async push(ctx, localOid, upstream, reassurance) {
      const result = await run(
        ctx,
        'push',
        [
          'push',
          '--porcelain',
          '--progress',
          '--no-verify',
          url,
          `${localOid}:refs/heads/${upstream.remoteBranch}`,
        ],
        'Publishing',
        reassurance,
      )
      if (result.exitCode !== 0) {
        throw systemGitFailure(result, { action: 'Publishing', url, reassurance })
      }
      await git.writeRef({ ...ctx, ref: upstream.trackingRef, value: localOid, force: true })
    },
  }
}
