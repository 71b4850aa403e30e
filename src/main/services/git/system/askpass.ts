import { randomBytes } from 'node:crypto'
import { chmod, mkdtemp, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Credentials } from '../remote-session'

/**
 * Hands Inkpress's credentials to the system git without putting the token in an argument,
 * an environment variable or a file: git runs GIT_ASKPASS (a tiny program written once per
 * app run into a private 0700 folder), which asks this process over a local socket, naming
 * the run by a one-time nonce, and prints the answer to git. (VS Code and GitHub Desktop do
 * the same; no npm package offers it, hence this small module.)
 */

export interface AskpassRun {
  /** Environment for the git run. */
  env: Record<string, string>
  /** Tokens handed out, to be redacted from any message. */
  readonly secrets: string[]
  close(): void
}

type Lookup = () => Promise<Credentials | undefined>

const CLIENT = `'use strict'
const net = require('node:net')
const prompt = process.argv[2] || ''
const socket = net.connect(process.env.INKPRESS_ASKPASS_SOCKET)
let answer = ''
socket.on('connect', () => socket.end(JSON.stringify({ nonce: process.env.INKPRESS_ASKPASS_NONCE, prompt })))
socket.on('data', (chunk) => { answer += chunk })
socket.on('error', () => process.exit(1))
socket.on('close', () => {
  if (!answer) process.exit(1)
  process.stdout.write(answer + '\\n')
})
`

interface Broker {
  server: Server
  socketPath: string
  scriptPath: string
  clientPath: string
  runs: Map<string, (prompt: string) => Promise<string | undefined>>
}

let broker: Promise<Broker> | undefined

async function startBroker(): Promise<Broker> {
  const folder = await mkdtemp(path.join(tmpdir(), 'inkpress-askpass-'))
  await chmod(folder, 0o700)
  const clientPath = path.join(folder, 'askpass-client.cjs')
  const scriptPath = path.join(folder, 'askpass.sh')
  await writeFile(clientPath, CLIENT, { mode: 0o600 })
  // Git for Windows runs GIT_ASKPASS through its own sh, so one shell script serves every OS.
  await writeFile(
    scriptPath,
    '#!/bin/sh\nELECTRON_RUN_AS_NODE=1 exec "$INKPRESS_ASKPASS_NODE" "$INKPRESS_ASKPASS_CLIENT" "$@"\n',
    { mode: 0o700 },
  )
  const socketPath =
    process.platform === 'win32'
      ? `\\\\.\\pipe\\inkpress-askpass-${randomBytes(12).toString('hex')}`
      : path.join(folder, 's')
  const runs: Broker['runs'] = new Map()
  const server = createServer({ allowHalfOpen: true }, (socket) => {
    let request = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => {
      request += chunk
      if (request.length > 10_000) socket.destroy()
    })
    socket.on('error', () => undefined)
    socket.on('end', () => {
      let parsed: { nonce?: unknown; prompt?: unknown }
      try {
        parsed = JSON.parse(request) as typeof parsed
      } catch {
        socket.destroy()
        return
      }
      const answerFor = typeof parsed.nonce === 'string' ? runs.get(parsed.nonce) : undefined
      if (!answerFor) {
        socket.destroy()
        return
      }
      answerFor(String(parsed.prompt ?? '')).then(
        (answer) => (answer === undefined ? socket.destroy() : socket.end(answer)),
        () => socket.destroy(),
      )
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(socketPath, () => resolve())
  })
  server.unref()
  return { server, socketPath, scriptPath, clientPath, runs }
}

/** Opens an askpass channel for one git run; `close()` forgets it. */
export async function openAskpass(lookup: Lookup): Promise<AskpassRun> {
  broker ??= startBroker()
  const current = await broker
  const nonce = randomBytes(24).toString('hex')
  let credentials: Promise<Credentials | undefined> | undefined
  const state = { secrets: [] as string[] }
  current.runs.set(nonce, async (prompt) => {
    credentials ??= lookup()
    const found = await credentials
    if (!found) return undefined
    if (!state.secrets.includes(found.token)) state.secrets.push(found.token)
    return /^password|passphrase|token/i.test(prompt) ? found.token : found.username
  })
  return {
    env: {
      GIT_ASKPASS: current.scriptPath,
      INKPRESS_ASKPASS_NODE: process.execPath,
      INKPRESS_ASKPASS_CLIENT: current.clientPath,
      INKPRESS_ASKPASS_SOCKET: current.socketPath,
      INKPRESS_ASKPASS_NONCE: nonce,
    },
    secrets: state.secrets,
    close: () => current.runs.delete(nonce),
  }
}
