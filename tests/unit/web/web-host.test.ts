import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises'
import { request } from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSession, type Session } from '../../../src/main/api/handlers'
import { silentLogger } from '../../../src/main/services/logger'
import { SettingsStore } from '../../../src/main/services/settings/settings-store'
import { startWebHost, type WebHost } from '../../../src/main/web/web-host'

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** Raw HTTP so the test controls every header, Host included (fetch would not let it). */
function send(
  host: WebHost,
  pathname: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path: pathname,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        let body = ''
        res.on('data', (chunk) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

const callApi = (
  host: WebHost,
  name: string,
  args: unknown[],
  headers: Record<string, string> = {},
) =>
  send(host, `/api/call/${name}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${host.token}`,
      ...headers,
    },
    body: JSON.stringify({ args }),
  })

describe('web host', () => {
  let root: string
  let repo: string
  let host: WebHost
  let session: Session

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'inkpress-webhost-'))
    repo = path.join(root, 'blog')
    const rendererDir = path.join(root, 'renderer')
    await mkdir(path.join(repo, 'posts'), { recursive: true })
    await mkdir(rendererDir)
    await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>app</title>')
    await writeFile(path.join(repo, 'posts', 'hello.md'), '# Hello\n')
    await writeFile(path.join(root, 'secret.txt'), 'outside the repository')
    session = createSession({
      mode: 'browser',
      version: 'test',
      appDataDir: path.join(root, 'data'),
      bundledSampleDir: path.join(root, 'no-sample'),
      settings: new SettingsStore(path.join(root, 'data')),
      logger: silentLogger,
      emit: () => {},
      watchRepository: false,
    })
    await session.open(repo)
    host = await startWebHost({ session, rendererDir, logger: silentLogger })
  })

  afterAll(async () => {
    await host.close()
    await session.close()
    await rm(root, { recursive: true, force: true })
  })

  it('listens on 127.0.0.1 only', () => {
    expect(host.origin).toBe(`http://127.0.0.1:${host.port}`)
  })

  it('refuses calls without the token', async () => {
    const call = await send(host, '/api/call/posts:list', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"args":[]}',
    })
    expect(call.status).toBe(401)
    expect(call.body).toContain('access token')
  })

  it('refuses a wrong token', async () => {
    const reply = await callApi(host, 'posts:list', [], { Authorization: 'Bearer wrong-token' })
    expect(reply.status).toBe(401)
  })

  it('refuses a request whose Host header names another host (DNS rebinding)', async () => {
    const reply = await callApi(host, 'posts:list', [], { Host: `attacker.example:${host.port}` })
    expect(reply.status).toBe(421)
    expect(reply.body).toContain('127.0.0.1')
  })

  it('refuses a request from another origin', async () => {
    const reply = await callApi(host, 'posts:list', [], { Origin: 'https://attacker.example' })
    expect(reply.status).toBe(403)
  })

  it('swaps the URL token for a page secret in the fragment, and serves the app under its CSP', async () => {
    const bootstrap = await send(host, `/?token=${host.token}`)
    expect(bootstrap.status).toBe(303)
    expect(String(bootstrap.headers.location)).toMatch(/^\/#session=[\w-]+$/)
    expect(bootstrap.headers['set-cookie']).toBeUndefined()
    const page = await send(host, '/')
    expect(page.status).toBe(200)
    expect(page.body).toContain('<title>app</title>')
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
  })

  it('serves the contract with the token: list, read and save round-trip on disk', async () => {
    const list = JSON.parse((await callApi(host, 'posts:list', [])).body)
    expect(list.ok).toBe(true)
    expect(list.value.map((post: { path: string }) => post.path)).toEqual(['posts/hello.md'])
    const read = JSON.parse((await callApi(host, 'posts:read', ['posts/hello.md'])).body)
    expect(read.value.text).toBe('# Hello\n')
    const save = JSON.parse(
      (await callApi(host, 'posts:save', ['posts/hello.md', '# Changed\n', read.value.version]))
        .body,
    )
    expect(save.ok).toBe(true)
    expect(await readFile(path.join(repo, 'posts', 'hello.md'), 'utf8')).toBe('# Changed\n')
  })

  it('refuses paths outside the repository with a readable error value', async () => {
    for (const outside of ['../secret.txt', '/etc/passwd', 'posts/../../secret.txt']) {
      const reply = JSON.parse((await callApi(host, 'posts:read', [outside])).body)
      expect(reply).toMatchObject({ ok: false, error: { code: 'OUTSIDE_REPOSITORY' } })
      expect(reply.error.message).toMatch(/outside the open repository|inside the repository/)
    }
    const write = JSON.parse(
      (await callApi(host, 'posts:save', ['../secret.txt', 'overwritten', null])).body,
    )
    expect(write.ok).toBe(false)
    expect(await readFile(path.join(root, 'secret.txt'), 'utf8')).toBe('outside the repository')
    const image = await send(host, '/repo-file/..%2Fsecret.txt', {
      headers: { Authorization: `Bearer ${host.token}` },
    })
    expect(image.status).toBe(403)
  })

  it('validates arguments at the boundary', async () => {
    const reply = JSON.parse((await callApi(host, 'posts:read', [42])).body)
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    const unknown = JSON.parse((await callApi(host, 'fs:deleteEverything', [])).body)
    expect(unknown).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
  })
})
