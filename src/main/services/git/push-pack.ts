import git from 'isomorphic-git'
import type { GitHttpResponse } from 'isomorphic-git'
import { buildPack } from './pack-writer'
import type { RepoContext } from './repo-queue'
import type { RemoteSession } from './remote-session'
import { readTreeEntries } from './trees'

/**
 * A smart-HTTP push of one branch. Hand-written (isomorphic-git's push walks every tree of
 * the whole commit three times to find what to send, ~1 s on 10,000 posts): the objects to
 * send are found by comparing each new commit with its parent, so only changed folders are
 * read, and the pack holds only new objects. Always a fast-forward: the server refuses
 * anything else because we never ask for a forced update.
 */

const ZERO = '0'.repeat(40)

function pktLine(text: string): Buffer {
  const body = Buffer.from(text, 'utf8')
  return Buffer.concat([Buffer.from((body.length + 4).toString(16).padStart(4, '0')), body])
}

/** Splits a pkt-line stream into payloads; `null` marks a flush packet. */
function parsePktLines(data: Buffer): (Buffer | null)[] {
  const lines: (Buffer | null)[] = []
  let offset = 0
  while (offset + 4 <= data.length) {
    const length = Number.parseInt(data.toString('latin1', offset, offset + 4), 16)
    if (Number.isNaN(length)) break
    if (length === 0) {
      lines.push(null)
      offset += 4
      continue
    }
    lines.push(data.subarray(offset + 4, offset + length))
    offset += length
  }
  return lines
}

async function collectBody(response: GitHttpResponse): Promise<Buffer> {
  const chunks: Buffer[] = []
  if (response.body) for await (const chunk of response.body) chunks.push(Buffer.from(chunk))
  return Buffer.concat(chunks)
}

class HttpStatusError extends Error {
  readonly code = 'HttpError'
  constructor(readonly data: { statusCode: number; statusMessage: string }) {
    super(`HTTP Error: ${data.statusCode} ${data.statusMessage}`)
  }
}

async function request(
  session: RemoteSession,
  init: { method: string; url: string; headers: Record<string, string>; body?: Buffer[] },
): Promise<Buffer> {
  let auth = session.authorization
  for (let attempt = 0; attempt < 2; attempt++) {
    const headers = { ...init.headers, ...(auth ? { Authorization: auth } : {}) }
    const chunks = init.body
    const body = chunks
      ? (async function* () {
          yield* chunks
        })()
      : undefined
    const response = await session.http.request({ ...init, headers, body })
    if (response.statusCode === 401 && attempt === 0) {
      const credentials = await session.onAuth(init.url, { headers })
      if (credentials?.username !== undefined && credentials.password !== undefined) {
        auth = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`
        session.authorization = auth
        continue
      }
    }
    if (response.statusCode !== 200) {
      await collectBody(response).catch(() => undefined)
      throw new HttpStatusError({
        statusCode: response.statusCode,
        statusMessage: response.statusMessage,
      })
    }
    return collectBody(response)
  }
  throw new Error('unreachable')
}

/** New commits (local tip back to what the server has), oldest last. */
async function newCommits(
  ctx: RepoContext,
  tip: string,
  serverTip: string | undefined,
): Promise<string[]> {
  const commits: string[] = []
  const seen = new Set<string>()
  const queue = [tip]
  while (queue.length > 0) {
    const oid = queue.shift() as string
    if (oid === serverTip || seen.has(oid)) continue
    seen.add(oid)
    commits.push(oid)
    const { commit } = await git.readCommit({ ...ctx, oid })
    queue.push(...commit.parent)
  }
  return commits
}

async function addChangedTreeObjects(
  ctx: RepoContext,
  before: string | undefined,
  after: string,
  out: Set<string>,
): Promise<void> {
  if (before === after || out.has(after)) return
  out.add(after)
  const old = new Map((before ? await readTreeEntries(ctx, before) : []).map((e) => [e.path, e]))
  for (const entry of await readTreeEntries(ctx, after)) {
    const previous = old.get(entry.path)
    if (previous?.oid === entry.oid) continue
    if (entry.type === 'tree') {
      await addChangedTreeObjects(
        ctx,
        previous?.type === 'tree' ? previous.oid : undefined,
        entry.oid,
        out,
      )
    } else if (entry.type === 'blob') out.add(entry.oid)
  }
}

export interface PushOutcome {
  serverMessages: string[]
}

export class PushRejected extends Error {
  readonly code = 'GitPushError'
  constructor(readonly reason: string) {
    super(`The server refused the push: ${reason}`)
  }
}

/**
 * The server's tip of `remoteBranch` from the receive-pack advertisement (undefined when the
 * branch does not exist yet). Authenticates on the first 401, so the push that follows
 * reuses the working Authorization header.
 */
export async function advertisedTip(
  session: RemoteSession,
  remoteBranch: string,
): Promise<string | undefined> {
  const fullRef = `refs/heads/${remoteBranch}`
  const advertisement = await request(session, {
    method: 'GET',
    url: `${session.url}/info/refs?service=git-receive-pack`,
    headers: {},
  })
  let serverOid: string | undefined
  for (const line of parsePktLines(advertisement)) {
    if (!line) continue
    const text = line.toString('utf8').split('\0')[0]?.trim() ?? ''
    const [oid, ref] = text.split(' ')
    if (ref === fullRef && oid && oid !== ZERO) serverOid = oid
  }
  return serverOid
}

/**
 * Pushes `localOid` to `remoteBranch`. `advertised` is the server's tip as just read with
 * advertisedTip (saves a request); when the server moved since, it refuses the update
 * because the old value no longer matches, so a stale value can never overwrite anything.
 */
export async function pushBranch(
  ctx: RepoContext,
  session: RemoteSession,
  localOid: string,
  remoteBranch: string,
  trackingRef: string,
  advertised?: { serverOid: string | undefined },
): Promise<void> {
  const fullRef = `refs/heads/${remoteBranch}`
  const serverOid = advertised ? advertised.serverOid : await advertisedTip(session, remoteBranch)
  const commits = await newCommits(ctx, localOid, serverOid)
  if (
    serverOid &&
    !(await git.isDescendent({ ...ctx, oid: localOid, ancestor: serverOid, depth: -1 }))
  ) {
    throw new PushRejected('the server has newer commits; publish again to bring them in first')
  }
  const objects = new Set<string>(commits)
  for (const oid of commits) {
    const { commit } = await git.readCommit({ ...ctx, oid })
    const parent = commit.parent[0]
    const parentTree = parent
      ? (await git.readCommit({ ...ctx, oid: parent })).commit.tree
      : undefined
    await addChangedTreeObjects(ctx, parentTree, commit.tree, objects)
  }
  const packfile = await buildPack(ctx, [...objects])
  const command = pktLine(
    `${serverOid ?? ZERO} ${localOid} ${fullRef}\0report-status side-band-64k agent=inkpress\n`,
  )
  const response = await request(session, {
    method: 'POST',
    url: `${session.url}/git-receive-pack`,
    headers: {
      'Content-Type': 'application/x-git-receive-pack-request',
      Accept: 'application/x-git-receive-pack-result',
    },
    body: [command, Buffer.from('0000'), packfile],
  })
  // Side band: 1 = report-status, 2 = progress and hook output, 3 = fatal error.
  const report: Buffer[] = []
  for (const line of parsePktLines(response)) {
    if (!line || line.length === 0) continue
    const band = line[0]
    const payload = line.subarray(1)
    if (band === 1) report.push(payload)
    else if (band === 2 || band === 3) {
      for (const text of payload.toString('utf8').split(/\r|\n/))
        if (text.trim()) session.onMessage(text)
    }
  }
  const status = parsePktLines(Buffer.concat(report))
    .filter((l): l is Buffer => l !== null)
    .map((l) => l.toString('utf8').trim())
  const unpack = status.find((l) => l.startsWith('unpack '))
  const refLine = status.find(
    (l) => l.endsWith(fullRef) || l.includes(` ${fullRef} `) || l.startsWith(`ng ${fullRef}`),
  )
  if (unpack !== 'unpack ok' || !refLine?.startsWith('ok ')) {
    throw new PushRejected(
      refLine?.replace(/^ng \S+\s*/, '') || unpack || 'no answer from the server',
    )
  }
  await git.writeRef({ ...ctx, ref: trackingRef, value: localOid, force: true })
}
