import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export type GuardVerdict = { allowed: true } | { allowed: false; status: number; reason: string }

/**
 * Every request must name this host exactly (stops DNS rebinding), come from this origin if
 * it says where it comes from (stops cross-site calls), and calls must carry a secret as
 * `Authorization: Bearer`: the per-run token, or the secret of a page session. No cookie is
 * ever used: browsers send a host's cookies to every port of it, so another local server the
 * browser visits would receive them.
 */
export class RequestGuard {
  private readonly pageSessions: string[] = []
  private bootstrapUsed = false

  constructor(
    private readonly token: string,
    private readonly port: () => number,
  ) {}

  /**
   * Trades the printed `?token=` link, once, for a new page-session secret that only the
   * page that opened the link holds (in its memory and sessionStorage).
   */
  startPageSession(presented: string | null): string | undefined {
    if (this.bootstrapUsed || !matches(presented, this.token)) return undefined
    this.bootstrapUsed = true
    const secret = randomBytes(24).toString('base64url')
    this.pageSessions.push(secret)
    return secret
  }

  private allowedHosts(): string[] {
    const port = this.port()
    return [`127.0.0.1:${port}`, `localhost:${port}`]
  }

  checkHostAndOrigin(request: IncomingMessage): GuardVerdict {
    const host = request.headers.host ?? ''
    if (!this.allowedHosts().includes(host.toLowerCase())) {
      return {
        allowed: false,
        status: 421,
        reason: 'This Inkpress server only answers requests addressed to 127.0.0.1.',
      }
    }
    const origin = request.headers.origin
    if (
      origin !== undefined &&
      !this.allowedHosts().some((allowed) => origin === `http://${allowed}`)
    ) {
      return { allowed: false, status: 403, reason: 'Requests from other web sites are refused.' }
    }
    return { allowed: true }
  }

  presentedToken(request: IncomingMessage): string | null {
    const authorization = request.headers.authorization
    return authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : null
  }

  isValidToken(candidate: string | null | undefined): boolean {
    return [this.token, ...this.pageSessions].some((secret) => matches(candidate, secret))
  }

  /** `fromUrl`: a secret an <img> carried in its URL (it cannot send headers). */
  checkToken(request: IncomingMessage, fromUrl?: string | null): GuardVerdict {
    return this.isValidToken(this.presentedToken(request) ?? fromUrl)
      ? { allowed: true }
      : {
          allowed: false,
          status: 401,
          reason:
            'Missing or wrong access token. Open the full URL that `inkpress serve` printed (it works once; the tab it opened keeps working).',
        }
  }
}

function matches(candidate: string | null | undefined, secret: string): boolean {
  if (!candidate) return false
  const expected = Buffer.from(secret)
  const given = Buffer.from(candidate)
  return given.length === expected.length && timingSafeEqual(given, expected)
}
