import { readFile, stat } from 'node:fs/promises'
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

/**
 * Reads `.git/index` (versions 2 and 3) directly. Hand-written because isomorphic-git has no
 * public API that returns index stat data without also walking the whole working tree, which
 * is what makes `statusMatrix` slow on 10,000 posts. Returns undefined for formats it does not
 * know (version 4), so callers fall back to isomorphic-git.
 */
export async function readIndexSnapshot(gitdir: string): Promise<IndexSnapshot | undefined> {
  const file = path.join(gitdir, 'index')
  let buffer: Buffer
  let mtimeMs: number
  try {
    ;[buffer, { mtimeMs }] = await Promise.all([readFile(file), stat(file)])
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { entries: new Map(), mtimeMs: 0 }
    throw error
  }
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
