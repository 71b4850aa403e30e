import { mkdir, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { silentLogger } from '../../../src/main/services/logger'
import { startWebHost, type WebHost } from '../../../src/main/web/web-host'
import { rawRequest, type RawRequest, type RawResponse } from '../support/raw-http'
import { createTestWorld, SECRET, type TestWorld } from '../support/test-world'

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex')
const EVIL_SVG = `<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><circle r="4"/></svg>`

let world: TestWorld
let host: WebHost
const responses: RawResponse[] = []

/** Every response of the suite is kept, to check CORS headers never appear on any of them. */
async function send(options: Omit<RawRequest, 'port'>): Promise<RawResponse> {
  const response = await rawRequest({ port: host.port, ...options })
  responses.push(response)
  return response
}

const hostHeader = () => `127.0.0.1:${host.port}`
const withToken = (extra: Record<string, string> = {}) => ({
  Authorization: `Bearer ${host.token}`,
  ...extra,
})
const callApi = (name: string, args: unknown[], headers: Record<string, string> = withToken()) =>
  send({
    method: 'POST',
    path: `/api/call/${name}`,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ args }),
  })

beforeAll(async () => {
  world = await createTestWorld('webhost')
  const rendererDir = path.join(world.base, 'renderer')
  await mkdir(rendererDir)
  await writeFile(
    path.join(rendererDir, 'index.html'),
    '<!doctype html><title>stub renderer</title>',
  )
  await writeFile(path.join(world.repo, 'posts', 'pixel.png'), PNG)
  await writeFile(path.join(world.repo, 'posts', 'evil.svg'), EVIL_SVG)
  await writeFile(path.join(world.outside, 'secret.png'), Buffer.concat([PNG, Buffer.from(SECRET)]))
  await symlink(
    path.join(world.outside, 'secret.png'),
    path.join(world.repo, 'posts', 'link-out.png'),
  )
  host = await startWebHost({ session: world.session, rendererDir, logger: silentLogger })
})

afterAll(async () => {
  await host?.close()
  await world?.close()
})

/** What the host serves from the blog; each must demand a secret. (The app's own files are public.) */
const RESOURCES: Array<{ kind: string; request: () => Omit<RawRequest, 'port'> }> = [
  {
    kind: 'API call',
    request: () => ({
      method: 'POST',
      path: '/api/call/posts:read',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ args: ['posts/hello.md'] }),
    }),
  },
  { kind: 'event stream', request: () => ({ path: '/api/events' }) },
  { kind: 'repository file', request: () => ({ path: '/repo-file/posts/pixel.png' }) },
]

describe('web host: the token guards every request', () => {
  it.each(RESOURCES.map((r) => [r.kind, r] as const))(
    '%s without a token is refused',
    async (_kind, resource) => {
      const response = await send(resource.request())
      expect(response.status).toBe(401)
      expect(response.body).not.toContain('Hello')
    },
  )

  const wrongTokens = (token: string) =>
    [
      [
        'Bearer, wrong token of the same length',
        { Authorization: `Bearer ${'x'.repeat(token.length)}` },
      ],
      ['Bearer, the token with one more character', { Authorization: `Bearer ${token}x` }],
      ['Bearer, a prefix of the token', { Authorization: `Bearer ${token.slice(0, 8)}` }],
      ['the token as a cookie (cookies are never accepted)', { Cookie: `inkpress_token=${token}` }],
      ['the token as a cookie under another name', { Cookie: `token=${token}` }],
      [
        'Basic auth with the token',
        { Authorization: `Basic ${Buffer.from(`:${token}`).toString('base64')}` },
      ],
    ] as const

  it.each(RESOURCES.map((r) => [r.kind, r] as const))(
    '%s with a wrong token is refused (6 variants)',
    async (_kind, resource) => {
      for (const [label, headers] of wrongTokens(host.token)) {
        const base = resource.request()
        const response = await send({ ...base, headers: { ...base.headers, ...headers } })
        expect(response.status, label).toBe(401)
      }
    },
  )

  it.each(RESOURCES.map((r) => [r.kind, r] as const))(
    '%s with the token is served',
    async (_kind, resource) => {
      const base = resource.request()
      const response = await send({ ...base, headers: { ...base.headers, ...withToken() } })
      expect(response.status).toBe(200)
    },
  )

  it('the printed ?token= link starts one page session, once, and never sets a cookie', async () => {
    expect((await send({ path: `/?token=wrong` })).status).toBe(401)
    expect(
      (await send({ method: 'POST', path: `/api/call/app:info?token=${host.token}` })).status,
    ).toBe(401)
    const started = await send({ path: `/?token=${host.token}` })
    expect(started.status).toBe(303)
    expect(started.headers['set-cookie']).toBeUndefined()
    const secret = /^\/#session=([\w-]+)$/.exec(String(started.headers.location))?.[1]
    expect(secret).toMatch(/^[\w-]{32}$/)
    // The page's secret opens the API; the link itself does not work a second time.
    const call = await callApi('app:info', [], { Authorization: `Bearer ${secret}` })
    expect(call.status).toBe(200)
    expect((await send({ path: `/?token=${host.token}` })).status).toBe(401)
    // An <img> carries the page's secret in its URL, only for repository files.
    expect((await send({ path: `/repo-file/posts/pixel.png?session=${secret}` })).status).toBe(200)
    expect((await send({ path: `/api/events?session=${secret}` })).status).toBe(401)
  })

  it('serves the app itself (no secret in it) without a token, and never a cookie', async () => {
    for (const pathname of ['/', '/index.html']) {
      const response = await send({ path: pathname })
      expect(response.status).toBe(200)
      expect(response.headers['set-cookie']).toBeUndefined()
      expect(response.body).not.toContain(host.token)
    }
  })
})

describe('web host: Host and Origin (DNS rebinding, cross-site requests)', () => {
  const badHosts = () => [
    'evil.com',
    '127.0.0.1.evil.com',
    `127.0.0.1.evil.com:${host.port}`,
    `evil.com:${host.port}`,
    `localhost.evil.com:${host.port}`,
    `127.0.0.1:${host.port + 1}`,
    '127.0.0.1',
    `[::1]:${host.port}`,
    `0.0.0.0:${host.port}`,
    `127.0.0.1:${host.port}@evil.com`,
    '',
  ]

  it('refuses 11 forged Host headers on the page, the API and repository files, even with the token', async () => {
    for (const forged of badHosts()) {
      for (const resource of RESOURCES) {
        const base = resource.request()
        const response = await send({
          ...base,
          headers: { ...base.headers, ...withToken({ Host: forged }) },
        })
        expect(response.status, `Host: ${forged} on ${resource.kind}`).toBe(421)
        expect(response.body).not.toContain(SECRET)
      }
    }
  })

  it('accepts exactly 127.0.0.1:<port> and localhost:<port>', async () => {
    expect((await callApi('app:info', [], withToken({ Host: hostHeader() }))).status).toBe(200)
    expect(
      (await callApi('app:info', [], withToken({ Host: `LOCALHOST:${host.port}` }))).status,
    ).toBe(200)
  })

  const badOrigins = () => [
    'http://evil.com',
    'null',
    `http://127.0.0.1:${host.port}.evil.com`,
    `https://127.0.0.1:${host.port}`,
    `http://127.0.0.1:${host.port + 1}`,
    `http://127.0.0.1`,
    `http://evil.com/http://127.0.0.1:${host.port}`,
    'file://',
  ]

  it('refuses 8 foreign Origin headers, even with the token', async () => {
    for (const origin of badOrigins()) {
      const response = await callApi(
        'posts:read',
        ['posts/hello.md'],
        withToken({ Origin: origin }),
      )
      expect(response.status, origin).toBe(403)
      expect(response.body).not.toContain('A post.')
    }
  })

  it('accepts its own origin', async () => {
    const response = await callApi(
      'posts:read',
      ['posts/hello.md'],
      withToken({ Origin: `http://127.0.0.1:${host.port}` }),
    )
    expect(response.status).toBe(200)
    expect(JSON.parse(response.body)).toMatchObject({ ok: true, value: { path: 'posts/hello.md' } })
  })
})

describe('web host: network exposure and CORS', () => {
  it('listens on 127.0.0.1 only', async () => {
    expect(host.origin).toBe(`http://127.0.0.1:${host.port}`)
    const otherAddresses = Object.values(os.networkInterfaces())
      .flat()
      .filter((info) => info && !info.internal)
      .map((info) => info!.address)
    for (const address of [...otherAddresses, '::1']) {
      await expect(rawRequest({ host: address, port: host.port, path: '/' })).rejects.toThrow()
    }
  })

  it('refuses a CORS preflight, from another site or its own', async () => {
    for (const origin of ['http://evil.com', `http://127.0.0.1:${host.port}`]) {
      const response = await send({
        method: 'OPTIONS',
        path: '/api/call/posts:save',
        headers: withToken({
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type',
        }),
      })
      expect(response.status).toBeGreaterThanOrEqual(400)
    }
  })

  it('API calls need POST with JSON, and bounded bodies', async () => {
    expect((await send({ path: '/api/call/app:info', headers: withToken() })).status).toBe(405)
    const asForm = await send({
      method: 'POST',
      path: '/api/call/app:info',
      headers: withToken({ 'Content-Type': 'text/plain' }),
      body: '{"args":[]}',
    })
    expect(asForm.status).toBe(415)
    const broken = await send({
      method: 'POST',
      path: '/api/call/app:info',
      headers: withToken({ 'Content-Type': 'application/json' }),
      body: '{"args": [',
    })
    expect(broken.status).toBe(400)
    expect(JSON.parse(broken.body)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    })
    const unknown = await callApi('fs:readAnything', ['/etc/passwd'])
    expect(JSON.parse(unknown.body)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    })
  })

  it('answers malformed percent-encoding with a client error, not a crash', async () => {
    for (const rawPath of ['/api/call/%E0%A4%A', '/repo-file/%E0%A4%A.png', '/%E0%A4%A']) {
      const response = await send({
        method: rawPath.startsWith('/api') ? 'POST' : 'GET',
        path: rawPath,
        headers: withToken({ 'Content-Type': 'application/json' }),
        body: rawPath.startsWith('/api') ? '{"args":[]}' : undefined,
      })
      expect(response.status, rawPath).toBeLessThan(500)
    }
  })

  it('refuses an API body over the size limit', async () => {
    const response = await send({
      method: 'POST',
      path: '/api/call/posts:save',
      headers: withToken({ 'Content-Type': 'application/json' }),
      body: Buffer.alloc(41 * 1024 * 1024 + 128 * 1024, 0x61),
    }).catch((error: Error) => ({ status: 413, headers: {}, body: String(error) }))
    expect(response.status).toBe(413)
  })

  it('never sent an Access-Control-Allow-* header, and always sent the security headers', () => {
    expect(responses.length).toBeGreaterThan(80)
    for (const response of responses) {
      const corsHeaders = Object.keys(response.headers).filter((name) =>
        name.startsWith('access-control-'),
      )
      expect(corsHeaders).toEqual([])
      if (Object.keys(response.headers).length === 0) continue
      expect(response.headers['x-content-type-options']).toBe('nosniff')
      expect(String(response.headers['content-security-policy'])).toContain("script-src 'self'")
    }
  })
})

describe('web host: /repo-file/ stays inside the repository', () => {
  it('serves an image from the repository', async () => {
    const response = await send({ path: '/repo-file/posts/pixel.png', headers: withToken() })
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toBe('image/png')
  })

  it('serves SVG only under a lockdown CSP that forbids its scripts', async () => {
    const response = await send({ path: '/repo-file/posts/evil.svg', headers: withToken() })
    expect(response.status).toBe(200)
    const csp = String(response.headers['content-security-policy'])
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain('sandbox')
    expect(csp).not.toMatch(/script-src/)
    expect(response.headers['x-content-type-options']).toBe('nosniff')
  })

  const escapes = [
    '/repo-file/../outside/secret.png',
    '/repo-file/posts/../../outside/secret.png',
    '/repo-file/%2e%2e/outside/secret.png',
    '/repo-file/%2E%2E%2Foutside%2Fsecret.png',
    '/repo-file/posts%2F..%2F..%2Foutside%2Fsecret.png',
    '/repo-file/..%5Coutside%5Csecret.png',
    '/repo-file/%2F' + 'etc/passwd',
    '/repo-file//etc/passwd',
    '/repo-file/posts/link-out.png',
    '/repo-file/linkdir/secret.png',
    '/repo-file/.git/config',
    '/repo-file/posts/../.git/config',
    '/repo-file/C:%5CWindows%5Cwin.ini',
    '/repo-file/%5C%5Cserver%5Cshare%5Cx.png',
    '/repo-file/posts/pixel.png%00.md',
    '/repo-file/posts/hello.md',
  ]

  it.each(escapes)('refuses %s', async (rawPath) => {
    const response = await send({ path: rawPath, headers: withToken() })
    expect([400, 403, 404]).toContain(response.status)
    expect(response.body).not.toContain(SECRET)
    expect(response.body).not.toContain('root:')
  })
})
