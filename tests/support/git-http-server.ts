/**
 * A small smart-HTTP Git server for tests: Node's HTTP server in front of the system
 * `git http-backend` (CGI), with Basic auth and fault switches. Binds 127.0.0.1 only.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { mkdtemp, rm, writeFile, chmod, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const execFileAsync = promisify(execFile)
const GIT = '/usr/bin/git'

export interface GitServerUser {
  username: string
  token: string
  /** `read` users may fetch but get 403 on push. Defaults to `write`. */
  access?: 'read' | 'write'
}

export interface GitServerOptions {
  /** Accepted accounts. Defaults to one writer `writer` / `secret-token`. */
  users?: GitServerUser[]
}

export interface GitServerFaults {
  /** Destroy the socket once this many body bytes of a receive-pack POST have arrived. */
  dropReceivePackAfterBytes?: number
  /** Waits this long before answering every request (a slow server). */
  delayMs?: number
  /** Waits this long before answering a push (a server slow to take a pack). */
  delayReceivePackMs?: number
}

export interface GitServer {
  /** Base URL, e.g. http://127.0.0.1:1234 */
  baseUrl: string
  url(repoName: string): string
  root: string
  createBareRepo(
    name: string,
    initialBranch?: string,
    objectFormat?: 'sha1' | 'sha256',
  ): Promise<string>
  repoPath(name: string): string
  /** Installs a pre-receive hook that prints `reason` and refuses every push. */
  refusePushes(repoName: string, reason: string): Promise<void>
  faults: GitServerFaults
  /** Number of receive-pack POST requests seen (pushes attempted). */
  receivePackRequests(): number
  stop(): Promise<void>
}

/** Kills a backend and everything it started (its own process group). */
function killGroup(child: ChildProcess): void {
  try {
    if (child.pid) process.kill(-child.pid, 'SIGKILL')
  } catch {
    child.kill('SIGKILL')
  }
}

export async function startGitServer(options: GitServerOptions = {}): Promise<GitServer> {
  const users = options.users ?? [{ username: 'writer', token: 'secret-token' }]
  const root = await mkdtemp(join(tmpdir(), 'inkpress-git-server-'))
  const faults: GitServerFaults = {}
  const sockets = new Set<Socket>()
  const backends = new Set<ChildProcess>()
  let receivePackCount = 0

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' })
      res.end(String(error))
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (faults.delayMs) await new Promise((resolve) => setTimeout(resolve, faults.delayMs))
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const user = authenticate(req.headers.authorization)
    if (!user) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="inkpress-test"' })
      res.end('Authentication required')
      return
    }
    const isReceivePack =
      url.pathname.endsWith('/git-receive-pack') ||
      url.searchParams.get('service') === 'git-receive-pack'
    if (isReceivePack && user.access === 'read') {
      res.writeHead(403, { 'Content-Type': 'text/plain' })
      res.end('Write access denied')
      return
    }
    let dropAfterBytes: number | undefined
    if (req.method === 'POST' && url.pathname.endsWith('/git-receive-pack')) {
      receivePackCount++
      if (faults.delayReceivePackMs) {
        await new Promise((resolve) => setTimeout(resolve, faults.delayReceivePackMs))
      }
      dropAfterBytes = faults.dropReceivePackAfterBytes
    }
    runBackend(req, res, url, user.username, dropAfterBytes)
  }

  function authenticate(header: string | undefined): GitServerUser | undefined {
    if (!header?.startsWith('Basic ')) return undefined
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    const username = decoded.slice(0, colon)
    const token = decoded.slice(colon + 1)
    return users.find((u) => u.username === username && u.token === token)
  }

  function runBackend(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    user: string,
    dropAfterBytes?: number,
  ): void {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      GIT_PROJECT_ROOT: root,
      GIT_HTTP_EXPORT_ALL: '1',
      GIT_CONFIG_NOSYSTEM: '1',
      HOME: root,
      REMOTE_USER: user,
      REMOTE_ADDR: '127.0.0.1',
      REQUEST_METHOD: req.method ?? 'GET',
      PATH_INFO: decodeURIComponent(url.pathname),
      QUERY_STRING: url.search.slice(1),
      CONTENT_TYPE: req.headers['content-type'] ?? '',
    }
    if (req.headers['content-length']) env.CONTENT_LENGTH = req.headers['content-length']
    if (req.headers['content-encoding']) env.HTTP_CONTENT_ENCODING = req.headers['content-encoding']
    if (req.headers['git-protocol']) env.GIT_PROTOCOL = String(req.headers['git-protocol'])

    // `git http-backend` runs the real backend as its own child, so a kill must reach the whole
    // process group, or the backend is orphaned and, with Node's ignored SIGPIPE inherited,
    // spins on EPIPE. `env --default-signal=PIPE` gives it the default SIGPIPE back.
    const child = spawn('env', ['--default-signal=PIPE', GIT, 'http-backend'], {
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    })
    if (res.destroyed || req.destroyed) killGroup(child)
    backends.add(child)
    child.on('close', () => backends.delete(child))
    // A client that goes away must not leave a backend running (or spinning) behind it.
    res.on('close', () => {
      if (child.exitCode === null && child.signalCode === null) killGroup(child)
    })
    child.stdin.on('error', () => undefined)
    if (dropAfterBytes === undefined) {
      req.pipe(child.stdin)
    } else {
      // Forward only the first bytes, then cut the connection and stop the backend,
      // like a network that fails halfway through a push.
      let forwarded = 0
      req.on('data', (chunk: Buffer) => {
        const room = dropAfterBytes - forwarded
        if (room > 0) child.stdin.write(chunk.subarray(0, room))
        forwarded += Math.min(room, chunk.length)
        if (forwarded >= dropAfterBytes) {
          killGroup(child)
          req.socket.destroy()
        }
      })
    }
    req.on('close', () => {
      if (!req.complete) killGroup(child)
    })
    child.stderr.resume()

    // CGI output: header lines, a blank line, then the body.
    let head = Buffer.alloc(0)
    let headersDone = false
    child.stdout.on('data', (chunk: Buffer) => {
      if (headersDone) {
        res.write(chunk)
        return
      }
      head = Buffer.concat([head, chunk])
      const crlf = head.indexOf('\r\n\r\n')
      const lf = head.indexOf('\n\n')
      const end = crlf >= 0 ? crlf : lf
      if (end < 0) return
      const separatorLength = crlf >= 0 ? 4 : 2
      let status = 200
      const headers: Record<string, string> = {}
      for (const line of head.subarray(0, end).toString('latin1').split(/\r?\n/)) {
        const colon = line.indexOf(':')
        if (colon < 0) continue
        const name = line.slice(0, colon).trim()
        const value = line.slice(colon + 1).trim()
        if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10)
        else headers[name] = value
      }
      headersDone = true
      res.writeHead(status, headers)
      res.write(head.subarray(end + separatorLength))
    })
    child.on('close', () => {
      if (!headersDone && !res.headersSent) res.writeHead(502)
      res.end()
    })
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  // A test process that ends without stop() must not leave backends behind.
  const killBackends = (): void => {
    for (const backend of backends) killGroup(backend)
  }
  process.once('exit', killBackends)
  const { port } = server.address() as AddressInfo
  const baseUrl = `http://127.0.0.1:${port}`

  const repoPath = (name: string): string =>
    join(root, name.endsWith('.git') ? name : `${name}.git`)

  return {
    baseUrl,
    root,
    faults,
    url: (name) => `${baseUrl}/${name.endsWith('.git') ? name : `${name}.git`}`,
    repoPath,
    async createBareRepo(name, initialBranch = 'main', objectFormat = 'sha1') {
      const path = repoPath(name)
      await mkdir(path, { recursive: true })
      await execFileAsync(GIT, [
        'init',
        '--bare',
        '-q',
        `--initial-branch=${initialBranch}`,
        `--object-format=${objectFormat}`,
        path,
      ])
      return path
    },
    async refusePushes(repoName, reason) {
      const hook = join(repoPath(repoName), 'hooks', 'pre-receive')
      await writeFile(hook, `#!/bin/sh\necho "${reason.replace(/["$`\\]/g, '')}" >&2\nexit 1\n`)
      await chmod(hook, 0o755)
    },
    receivePackRequests: () => receivePackCount,
    async stop() {
      process.removeListener('exit', killBackends)
      killBackends()
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await rm(root, { recursive: true, force: true })
    },
  }
}
