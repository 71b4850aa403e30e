import { createHash } from 'node:crypto'
import { statSync } from 'node:fs'
import { open, readFile, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'

/** The parts of one `.git/index` entry needed to tell whether a working file may have changed. */
export interface IndexEntryStat {
  oid: string
  mode: number
  size: number
  mtimeSeconds: number
  mtimeNanoseconds: number
  /** Merge stage; non-zero means an unresolved merge entry. */
  stage: number
}

export interface IndexSnapshot {
  entries: Map<string, IndexEntryStat>
  /** Modification time of the index file itself, in ms (for the racy-git check). */
  mtimeMs: number
}

/** The last parsed index per repository, reused while the file is unchanged. */
const snapshots = new Map<string, { signature: string; snapshot: IndexSnapshot | undefined }>()

async function indexSignature(file: string): Promise<{ signature: string; mtimeMs: number }> {
  const s = await stat(file, { bigint: true })
  return {
    signature: `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`,
    mtimeMs: Number(s.mtimeNs) / 1e6,
  }
}

/**
 * Reads `.git/index` (versions 2 and 3) directly. Hand-written because isomorphic-git has no
 * public API that returns index stat data without also walking the whole working tree, which
 * is what makes `statusMatrix` slow on 10,000 posts. Returns undefined for formats it does not
 * know (version 4), so callers fall back to isomorphic-git.
 * The parsed result is reused while the file's inode, size and times are unchanged, so
 * callers must treat the entries as read-only.
 */
export async function readIndexSnapshot(gitdir: string): Promise<IndexSnapshot | undefined> {
  const file = path.join(gitdir, 'index')
  let buffer: Buffer
  let mtimeMs: number
  let signature: string
  try {
    ;({ signature, mtimeMs } = await indexSignature(file))
    const cached = snapshots.get(gitdir)
    if (cached?.signature === signature) return cached.snapshot
    buffer = await readFile(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { entries: new Map(), mtimeMs: 0 }
    throw error
  }
  const snapshot = parseIndex(buffer, mtimeMs)
  // Only remembered when the file did not change while it was read.
  const after = await indexSignature(file).catch(() => undefined)
  if (after?.signature === signature) snapshots.set(gitdir, { signature, snapshot })
  return snapshot
}

function parseIndex(buffer: Buffer, mtimeMs: number): IndexSnapshot | undefined {
  if (buffer.length < 12 || buffer.toString('latin1', 0, 4) !== 'DIRC') return undefined
  const version = buffer.readUInt32BE(4)
  if (version !== 2 && version !== 3) return undefined
  const count = buffer.readUInt32BE(8)
  const entries = new Map<string, IndexEntryStat>()
  let offset = 12
  for (let i = 0; i < count; i++) {
    const flags = buffer.readUInt16BE(offset + 60)
    const extended = version === 3 && (flags & 0x4000) !== 0
    const nameStart = offset + 62 + (extended ? 2 : 0)
    const nameEnd = buffer.indexOf(0, nameStart)
    if (nameEnd < 0) return undefined
    const filepath = buffer.toString('utf8', nameStart, nameEnd)
    entries.set(filepath, {
      mtimeSeconds: buffer.readUInt32BE(offset + 8),
      mtimeNanoseconds: buffer.readUInt32BE(offset + 12),
      mode: buffer.readUInt32BE(offset + 24),
      size: buffer.readUInt32BE(offset + 36),
      oid: buffer.toString('hex', offset + 40, offset + 60),
      stage: (flags >> 12) & 0x3,
    })
    // Entries are NUL-padded to a multiple of 8 bytes (at least one NUL).
    const entryLength = nameEnd - offset
    offset += Math.ceil((entryLength + 1) / 8) * 8
  }
  return { entries, mtimeMs }
}

/**
 * True when the file's size and modification time match the index entry, i.e. Git would
 * consider it unchanged without reading it. Tolerates the microsecond rounding isomorphic-git
 * applies when it writes the index; files touched after the index was written are "racy"
 * and always re-read.
 */
export function statMatchesIndex(
  entry: IndexEntryStat,
  fileStat: { size: number; mtimeMs: number },
  indexMtimeMs: number,
): boolean {
  if (entry.stage !== 0 || entry.size !== fileStat.size) return false
  if (fileStat.mtimeMs >= indexMtimeMs) return false
  const seconds = Math.floor(fileStat.mtimeMs / 1000)
  if (seconds !== entry.mtimeSeconds) return false
  const nanoseconds = (fileStat.mtimeMs - seconds * 1000) * 1_000_000
  return Math.abs(nanoseconds - entry.mtimeNanoseconds) < 2_000
}

/**
 * Updates the index entries of files whose content was just committed (same paths, new
 * blob and stat data), writing through `index.lock` like git does. Returns false, changing
 * nothing, when this fast path does not apply (a path not in the index, index version ≠ 2,
 * split or sparse index); callers then use isomorphic-git's `add`.
 * Hand-written because isomorphic-git's `add` re-reads and re-serialises all 10,000
 * entries for a one-file change. Cached extensions (TREE, UNTR) are dropped, so git
 * rebuilds them instead of trusting stale data.
 */
export async function updateIndexEntries(
  dir: string,
  gitdir: string,
  updates: { path: string; oid: string; statBeforeRead: { size: number; mtimeMs: number } }[],
): Promise<boolean> {
  const file = path.join(gitdir, 'index')
  let buffer: Buffer
  try {
    buffer = await readFile(file)
  } catch {
    return false
  }
  if (buffer.toString('latin1', 0, 4) !== 'DIRC' || buffer.readUInt32BE(4) !== 2) return false
  const count = buffer.readUInt32BE(8)
  const offsets = new Map<string, number>()
  let offset = 12
  for (let i = 0; i < count; i++) {
    const nameEnd = buffer.indexOf(0, offset + 62)
    if (nameEnd < 0) return false
    offsets.set(buffer.toString('utf8', offset + 62, nameEnd), offset)
    offset += Math.ceil((nameEnd - offset + 1) / 8) * 8
  }
  const entriesEnd = offset
  for (let ext = entriesEnd; ext + 8 <= buffer.length - 20;) {
    const signature = buffer.toString('latin1', ext, ext + 4)
    if (signature === 'link' || signature === 'sdir') return false
    ext += 8 + buffer.readUInt32BE(ext + 4)
  }
  const next = Buffer.from(buffer.subarray(0, entriesEnd))
  for (const update of updates) {
    const at = offsets.get(update.path)
    if (at === undefined) return false
    const s = statSync(path.join(dir, update.path), { bigint: true })
    const u32 = (value: bigint): number => Number(value & 0xffffffffn)
    const seconds = (ns: bigint): number => u32(ns / 1_000_000_000n)
    const nanos = (ns: bigint): number => Number(ns % 1_000_000_000n)
    const executable = (s.mode & 0o111n) !== 0n
    next.writeUInt32BE(seconds(s.ctimeNs), at)
    next.writeUInt32BE(nanos(s.ctimeNs), at + 4)
    next.writeUInt32BE(seconds(s.mtimeNs), at + 8)
    next.writeUInt32BE(nanos(s.mtimeNs), at + 12)
    next.writeUInt32BE(u32(s.dev), at + 16)
    next.writeUInt32BE(u32(s.ino), at + 20)
    next.writeUInt32BE(executable ? 0o100755 : 0o100644, at + 24)
    next.writeUInt32BE(u32(s.uid), at + 28)
    next.writeUInt32BE(u32(s.gid), at + 32)
    // If the file changed after its content was read, record size 0 so the next status
    // re-reads it instead of trusting the stat data (git calls this "smudging").
    const unchangedSinceRead =
      Number(s.size) === update.statBeforeRead.size &&
      Math.abs(Number(s.mtimeNs) / 1e6 - update.statBeforeRead.mtimeMs) < 0.002
    next.writeUInt32BE(unchangedSinceRead ? u32(s.size) : 0, at + 36)
    Buffer.from(update.oid, 'hex').copy(next, at + 40)
    next.writeUInt16BE(next.readUInt16BE(at + 60) & 0x0fff, at + 60) // stage 0
  }
  const checksum = createHash('sha1').update(next).digest()
  const lock = `${file}.lock`
  const handle = await open(lock, 'wx')
  try {
    await handle.writeFile(Buffer.concat([next, checksum]))
    await handle.close()
    await rename(lock, file)
  } catch (error) {
    await handle.close().catch(() => undefined)
    await rm(lock, { force: true })
    throw error
  }
  return true
}
