import { randomBytes } from 'node:crypto'
import { chmod, open, rename, rm, stat, type FileHandle } from 'node:fs/promises'
import path from 'node:path'
import { AppFailure } from '../../../shared/result'

/**
 * Writes via a temporary file in the same folder, fsync and rename, so a crash leaves either
 * the old or the new file, never a torn one. Errors become readable AppFailures.
 *
 * Hand-written rather than write-file-atomic: that library issues a single `fs.write` and
 * ignores a short write, so on a full disk it renamed a truncated file over the original and
 * reported success (tests/security/saves proves this stays fixed). FileHandle.writeFile loops
 * until every byte is written and surfaces ENOSPC.
 */
export async function writeFileAtomically(
  absolutePath: string,
  data: string | Uint8Array,
): Promise<void> {
  try {
    await inOrder(absolutePath, () => writeThroughTempFile(absolutePath, data))
  } catch (error) {
    throw describeWriteError(absolutePath, error)
  }
}

const pendingWrites = new Map<string, Promise<unknown>>()

/** Writes to one path land in the order they were asked for, so an older save never wins. */
function inOrder<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = pendingWrites.get(key) ?? Promise.resolve()
  const next = previous.then(task, task)
  const settled = next.catch(() => undefined)
  pendingWrites.set(key, settled)
  void settled.then(() => {
    if (pendingWrites.get(key) === settled) pendingWrites.delete(key)
  })
  return next
}

async function writeThroughTempFile(target: string, data: string | Uint8Array): Promise<void> {
  const temp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`,
  )
  const existingMode = await stat(target).then(
    (info) => info.mode & 0o7777,
    () => null,
  )
  let handle: FileHandle | null = null
  try {
    handle = await open(temp, 'wx', existingMode ?? 0o666)
    await handle.writeFile(data)
    await handle.sync()
    await handle.close()
    handle = null
    // Keep the original's permissions (open's mode is reduced by the umask).
    if (existingMode !== null) await chmod(temp, existingMode).catch(() => undefined)
    await rename(temp, target)
  } catch (error) {
    await handle?.close().catch(() => undefined)
    await rm(temp, { force: true }).catch(() => undefined)
    throw error
  }
  await syncFolder(path.dirname(target))
}

/** Makes the rename itself durable; not possible on every platform, so best effort. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r').catch(() => null)
  if (!handle) return
  await handle.sync().catch(() => undefined)
  await handle.close().catch(() => undefined)
}

export function describeWriteError(displayPath: string, error: unknown): AppFailure {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new AppFailure(
        'DISK_FULL',
        `Could not save ${displayPath}: the disk is full. Your text is still in the editor.`,
      )
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new AppFailure(
        'PERMISSION_DENIED',
        `Could not save ${displayPath}: permission denied. Your text is still in the editor.`,
      )
    case 'ENOENT':
      return new AppFailure(
        'NOT_FOUND',
        `Could not save ${displayPath}: its folder no longer exists. Your text is still in the editor.`,
      )
    default:
      return new AppFailure(
        'WRITE_FAILED',
        `Could not save ${displayPath}: ${(error as Error)?.message ?? String(error)}. Your text is still in the editor.`,
      )
  }
}
