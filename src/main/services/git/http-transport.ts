import git from 'isomorphic-git'
import { advertisedTip, pushBranch } from './push-pack'
import { RemoteSession, type RemoteOptions } from './remote-session'
import type { RemoteTransport } from './remote-transport'
import { resolveRefOrUndefined, type Upstream } from './upstream'

const isForbidden = (error: unknown): boolean =>
  (error as { data?: { statusCode?: number } }).data?.statusCode === 403

/**
 * Fetch and push over HTTP(S) with isomorphic-git and Inkpress's own push. The server's tip
 * is read from the receive-pack advertisement, which the push needs anyway: when the server
 * has nothing new, publishing costs that request and the push, like `git push`.
 */
export function createHttpTransport(url: string, options: RemoteOptions): RemoteTransport {
  const session = new RemoteSession(url, options)
  /** The advertisement read by fetch(), reused by push() while nothing was downloaded. */
  let advertised: { serverOid: string | undefined } | undefined

  const serverTip = async (upstream: Upstream): Promise<string | undefined> => {
    try {
      return await advertisedTip(session, upstream.remoteBranch)
    } catch (error) {
      // A read-only token may not see the push side: ask the fetch side instead.
      if (!isForbidden(error)) throw error
      const refs = await git.listServerRefs({
        http: session.http,
        onAuth: session.onAuth,
        url: upstream.url,
        prefix: `refs/heads/${upstream.remoteBranch}`,
        protocolVersion: 1,
      })
      return refs.find((r) => r.ref === `refs/heads/${upstream.remoteBranch}`)?.oid
    }
  }

  return {
    async fetch(ctx, upstream, reassurance) {
      advertised = undefined
      try {
        session.progress('fetch')({ phase: 'Checking the server', loaded: 0, total: 0 })
        const serverOid = await serverTip(upstream)
        const known = await resolveRefOrUndefined(ctx, upstream.trackingRef)
        // Nothing new on the server: nothing to download.
        if (!serverOid || serverOid === known) {
          advertised = { serverOid }
          return serverOid
        }
        await git.fetch({
          ...ctx,
          http: session.http,
          onAuth: session.onAuth,
          onMessage: session.onMessage,
          onProgress: session.progress('fetch'),
          headers: session.authorization ? { Authorization: session.authorization } : {},
          remote: upstream.remote,
          // With singleBranch, isomorphic-git tells the server it "has" the commit named by
          // `ref`: naming the tracking ref (which the server knows) keeps the download to the
          // new commits instead of the whole history.
          ref: upstream.trackingRef,
          remoteRef: upstream.remoteBranch,
          singleBranch: true,
          tags: false,
        })
      } catch (error) {
        // An empty repository on the server has no branch to fetch yet.
        if ((error as { code?: string }).code !== 'NotFoundError' || /HTTP/.test(String(error))) {
          throw session.failure(error, 'Fetching from the server', reassurance)
        }
      }
      return resolveRefOrUndefined(ctx, upstream.trackingRef)
    },
    async push(ctx, localOid, upstream, reassurance) {
      try {
        await pushBranch(
          ctx,
          session,
          localOid,
          upstream.remoteBranch,
          upstream.trackingRef,
          advertised,
        )
      } catch (error) {
        throw session.failure(error, 'Publishing', reassurance)
      } finally {
        advertised = undefined
      }
    },
  }
}
