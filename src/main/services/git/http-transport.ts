import git from 'isomorphic-git'
import { pushBranch } from './push-pack'
import { RemoteSession, type RemoteOptions } from './remote-session'
import type { RemoteTransport } from './remote-transport'
import { resolveRefOrUndefined } from './upstream'

/** Fetch and push over HTTP(S) with isomorphic-git and Inkpress's own push. */
export function createHttpTransport(url: string, options: RemoteOptions): RemoteTransport {
  const session = new RemoteSession(url, options)
  return {
    async fetch(ctx, upstream, reassurance) {
      try {
        session.progress('fetch')({ phase: 'Checking the server', loaded: 0, total: 0 })
        // One cheap request first: when the server's branch is where we last saw it,
        // there is nothing to download.
        const advertised = await git.listServerRefs({
          http: session.http,
          onAuth: session.onAuth,
          url: upstream.url,
          prefix: `refs/heads/${upstream.remoteBranch}`,
          protocolVersion: 1,
        })
        const serverOid = advertised.find(
          (r) => r.ref === `refs/heads/${upstream.remoteBranch}`,
        )?.oid
        const known = await resolveRefOrUndefined(ctx, upstream.trackingRef)
        if (!serverOid || serverOid === known) return serverOid
        await git.fetch({
          ...ctx,
          http: session.http,
          onAuth: session.onAuth,
          onMessage: session.onMessage,
          onProgress: session.progress('fetch'),
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
        await pushBranch(ctx, session, localOid, upstream.remoteBranch, upstream.trackingRef)
      } catch (error) {
        throw session.failure(error, 'Publishing', reassurance)
      }
    },
  }
}
