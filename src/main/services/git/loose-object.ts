import { createHash, randomBytes } from 'node:crypto'
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { deflateSync } from 'node:zlib'
import type { RepoContext } from './repo-queue'

export type ObjectType = 'blob' | 'tree' | 'commit' | 'tag'

/**
 * Writes one object to `.git/objects` the way git does (zlib level 1, like git's default
 * core.looseCompression; temp file then rename, so a reader never sees half an object) and
 * returns its id. Hand-written for large trees: isomorphic-git's writeObject hashes and
 * compresses through web streams, ~30–90 ms for the 400 KB tree of a 10,000-post folder,
 * where node:crypto and node:zlib take ~5 ms.
 */
export async function writeLooseObject(
  ctx: RepoContext,
  type: ObjectType,
  content: Buffer,
): Promise<string> {
  const wrapped = Buffer.concat([Buffer.from(`${type} ${content.length}\0`, 'latin1'), content])
  const oid = createHash('sha1').update(wrapped).digest('hex')
  const folder = path.join(ctx.gitdir, 'objects', oid.slice(0, 2))
  const file = path.join(folder, oid.slice(2))
  const exists = await stat(file).then(
    () => true,
    () => false,
  )
  if (exists) return oid
  await mkdir(folder, { recursive: true })
  const temp = path.join(folder, `tmp_obj_${randomBytes(6).toString('hex')}`)
  try {
    await writeFile(temp, deflateSync(wrapped, { level: 1 }), { mode: 0o444 })
    await rename(temp, file)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
  return oid
}

export interface Signature {
  name: string
  email: string
  /** Seconds since the epoch. */
  timestamp: number
  /** Minutes, as Date.getTimezoneOffset() gives them (positive west of UTC). */
  timezoneOffset: number
}

export interface CommitFields {
  tree: string
  parent: string[]
  author: Signature
  committer: Signature
  message: string
}

/** "+0200" for -120, like isomorphic-git (which keeps a -0 offset as "-0000"). */
function formatTimezone(minutes: number): string {
  const west = minutes > 0 || Object.is(minutes, -0)
  const abs = Math.abs(minutes)
  const hours = String(Math.floor(abs / 60)).padStart(2, '0')
  return `${west ? '-' : '+'}${hours}${String(abs % 60).padStart(2, '0')}`
}

const formatSignature = (s: Signature): string =>
  `${s.name} <${s.email}> ${s.timestamp} ${formatTimezone(s.timezoneOffset)}`

/**
 * Writes a commit object, byte for byte as isomorphic-git's writeCommit would (same header
 * order, message without CRs or leading newlines, one trailing newline), through
 * writeLooseObject: isomorphic-git's first object write loads the web-streams machinery
 * (~100 ms), which made every first publish of a session slower.
 */
export function writeCommitObject(ctx: RepoContext, commit: CommitFields): Promise<string> {
  const headers = [
    `tree ${commit.tree}`,
    ...commit.parent.map((parent) => `parent ${parent}`),
    `author ${formatSignature(commit.author)}`,
    `committer ${formatSignature(commit.committer)}`,
  ]
  const message = `${commit.message.replace(/\r/g, '').replace(/^\n+/, '').replace(/\n+$/, '')}\n`
  return writeLooseObject(ctx, 'commit', Buffer.from(`${headers.join('\n')}\n\n${message}`, 'utf8'))
}
