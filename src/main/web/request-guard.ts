import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export const TOKEN_COOKIE = 'inkpress_token'

export type GuardVerdict = { allowed: true } | { allowed: false; status: number; reason: string }

/**
 * Every request must name this host exactly (stops DNS rebinding), come from this origin if
 * it says where it comes from (stops cross-site calls), and carry the per-run token.
 */
export class RequestGuard {
  constructor(
    private readonly token: string,
    private readonly port: () => number,
  ) {}

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
    if (authorization?.startsWith('Bearer ')) return authorization.slice('Bearer '.length)
    return readCookie(request.headers.cookie, TOKEN_COOKIE)
  }

  isValidToken(candidate: string | null | undefined): boolean {
    if (!candidate) return false
    const expected = Buffer.from(this.token)
    const given = Buffer.from(candidate)
    return given.length === expected.length && timingSafeEqual(given, expected)
  }

  checkToken(request: IncomingMessage): GuardVerdict {
    return this.isValidToken(this.presentedToken(request))
      ? { allowed: true }
      : {
          allowed: false,
          status: 401,
          reason: 'Missing or wrong access token. Open the full URL that `inkpress serve` printed.',
        }
  }
}

function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return decodeURIComponent(rest.join('='))
  }
  return null
}
