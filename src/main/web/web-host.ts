import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import sirv from 'sirv'
import type { EventPayloads } from '../../shared/api'
import type { EventName } from '../../shared/api/channels'
import { MAX_POST_BYTES } from '../../shared/api/schemas'
import { fail, isAppFailure } from '../../shared/result'
import { dispatchCall } from '../api/dispatch'
import type { Session } from '../api/handlers'
import type { Logger } from '../services/logger'
import { readRepositoryImage } from '../services/assets/read-repository-image'
import { COMMON_SECURITY_HEADERS } from './security-headers'
import { RequestGuard } from './request-guard'

export interface WebHostOptions {
  session: Session
  rendererDir: string
  logger: Logger
  port?: number
  /** For tests; otherwise a fresh random token per run. */
  token?: string
}

export interface WebHost {
  /** The URL to open, carrying the token once; the server swaps it for a cookie. */
  url: string
  origin: string
  token: string
  port: number
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void
  close(): Promise<void>
}

const MAX_BODY_BYTES = MAX_POST_BYTES * 2 + 64 * 1024
const SVG_LOCKDOWN = "default-src 'none'; style-src 'unsafe-inline'; sandbox"

/**
 * Serves the built renderer and the API contract over HTTP on 127.0.0.1 only, for browser
 * mode and for end-to-end tests. See RequestGuard for who may talk to it.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  let port = 0
  const guard = new RequestGuard(token, () => port)
  const eventStreams = new Set<ServerResponse>()
  const serveRenderer = sirv(options.rendererDir, { dev: false, etag: true, single: true })

  const server = createServer((request, response) => {
    for (const [name, value] of Object.entries(COMMON_SECURITY_HEADERS))
      response.setHeader(name, value)
    handle(request, response).catch((error: unknown) => {
      options.logger.error('web host request failed', error)
      if (!response.headersSent) sendText(response, 500, 'Internal error.')
      else response.destroy()
    })
  })

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const place = guard.checkHostAndOrigin(request)
    if (!place.allowed) return sendText(response, place.status, place.reason)
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`)

    if (request.method === 'GET' && url.pathname === '/' && url.searchParams.has('token')) {
      return bootstrapSession(url.searchParams.get('token'), response)
    }
    // The app's own files hold no secret and are public; every call and file of the blog needs one.
    const needsSecret = url.pathname.startsWith('/api/') || url.pathname.startsWith('/repo-file/')
    if (needsSecret) {
      const fromUrl = url.pathname.startsWith('/repo-file/')
        ? url.searchParams.get('session')
        : null
      const auth = guard.checkToken(request, fromUrl)
      if (!auth.allowed) return sendText(response, auth.status, auth.reason)
    }

    if (url.pathname.startsWith('/api/call/'))
      return handleCall(decodeOrEmpty(url.pathname.slice(10)), request, response)
    if (url.pathname === '/api/events') return openEventStream(request, response)
    if (url.pathname.startsWith('/api/')) return sendText(response, 404, 'Not found.')
    if (url.pathname.startsWith('/repo-file/'))
      return serveRepositoryFile(url.pathname.slice(11), response)
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return sendText(response, 405, 'Method not allowed.')
    serveRenderer(request, response, () => sendText(response, 404, 'Not found.'))
  }

  /** The page's secret travels in the fragment: never sent to a server, read once by the page. */
  function bootstrapSession(presented: string | null, response: ServerResponse): void {
    const secret = guard.startPageSession(presented)
    if (!secret) {
      return sendText(
        response,
        401,
        'This link works once and has been used (or is wrong). Keep using the tab it opened, or restart `inkpress serve` for a new link.',
      )
    }
    response.writeHead(303, { Location: `/#session=${secret}`, 'Cache-Control': 'no-store' })
    response.end()
  }

  async function handleCall(
    name: string,
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    if (request.method !== 'POST') return sendText(response, 405, 'API calls use POST.')
    if (!request.headers['content-type']?.startsWith('application/json')) {
      return sendJson(response, 415, fail('INVALID_ARGUMENT', 'API calls must send JSON.'))
    }
    const body = await readBody(request, MAX_BODY_BYTES)
    if (body === null)
      return sendJson(response, 413, fail('TOO_LARGE', 'The request is too large.'))
    let args: unknown
    try {
      args = (JSON.parse(body) as { args?: unknown }).args ?? []
    } catch {
      return sendJson(
        response,
        400,
        fail('INVALID_ARGUMENT', 'The request body is not valid JSON.'),
      )
    }
    sendJson(
      response,
      200,
      await dispatchCall(options.session.handlers, name, args, options.logger),
    )
  }

  function openEventStream(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    })
    response.write(': connected\n\n')
    eventStreams.add(response)
    request.on('close', () => eventStreams.delete(response))
  }

  async function serveRepositoryFile(encodedPath: string, response: ServerResponse): Promise<void> {
    const current = await options.session.handlers['repo:current']()
    if (!current) return sendText(response, 404, 'No repository is open.')
    let image: { bytes: Buffer; mime: string }
    try {
      image = await readRepositoryImage(current.root, decodeURIComponent(encodedPath))
    } catch (error) {
      // Outside, through a link, not an image, or missing: nothing is said about which.
      return sendText(response, isAppFailure(error) ? 403 : 404, 'Not served.')
    }
    response.writeHead(200, {
      'Content-Type': image.mime,
      'Content-Length': image.bytes.length,
      'Cache-Control': 'no-cache',
      ...(image.mime === 'image/svg+xml' ? { 'Content-Security-Policy': SVG_LOCKDOWN } : {}),
    })
    response.end(image.bytes)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  const origin = `http://127.0.0.1:${port}`

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    port,
    emit(event, payload) {
      const frame = `data: ${JSON.stringify({ event, payload })}\n\n`
      for (const stream of eventStreams) stream.write(frame)
    },
    async close() {
      for (const stream of eventStreams) stream.end()
      eventStreams.clear()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** Malformed percent-encoding names no call; dispatch then answers "Unknown call" instead of crashing. */
function decodeOrEmpty(encoded: string): string {
  try {
    return decodeURIComponent(encoded)
  } catch {
    return ''
  }
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
  })
  response.end(`${text}\n`)
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  })
  response.end(JSON.stringify(value))
}

function readBody(request: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        resolve(null)
        request.destroy()
        return
      }
      chunks.push(chunk)
    })
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}
