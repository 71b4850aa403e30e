import type { RepoContext } from './repo-queue'
import type { RemoteOptions } from './remote-session'
import { assertHttpRemote, isSshUrl } from './remote-url'
import { createHttpTransport } from './http-transport'
import { createSshTransport } from './ssh-transport'
import { systemGitAvailable } from './system-git'
import type { Upstream } from './upstream'

/** The network half of publishing; the commit and replay logic is the same for every transport. */
export interface RemoteTransport {
  /** Said in the result when the network steps were not done by Inkpress's own HTTPS client. */
  readonly via?: string
  /**
   * Brings the server's branch into the tracking ref and returns the server's tip
   * (undefined when the server has no such branch yet). `reassurance` ends any failure message.
   */
  fetch(ctx: RepoContext, upstream: Upstream, reassurance?: string): Promise<string | undefined>
  /** Pushes `localOid` to the upstream branch (never forced) and moves the tracking ref. */
  push(ctx: RepoContext, localOid: string, upstream: Upstream, reassurance: string): Promise<void>
}

/**
 * HTTPS remotes go through isomorphic-git; SSH remotes through the system git when it is
 * installed, else the SSH_UNSUPPORTED failure with the HTTPS address of the same repository.
 */
export async function transportFor(url: string, options: RemoteOptions): Promise<RemoteTransport> {
  if (!isSshUrl(url)) return createHttpTransport(url, options)
  if (await systemGitAvailable()) return createSshTransport(url, options)
  assertHttpRemote(url)
  throw new Error('unreachable: assertHttpRemote refuses SSH addresses')
}
