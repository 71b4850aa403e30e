import writeFileAtomic from 'write-file-atomic'
import { AppFailure } from '../../../shared/result'

/**
 * Writes via a temporary file, fsync and rename (write-file-atomic), so a crash leaves
 * either the old or the new file, never a torn one. Errors become readable AppFailures.
 */
export async function writeFileAtomically(
  absolutePath: string,
  data: string | Uint8Array,
): Promise<void> {
  try {
    await writeFileAtomic(absolutePath, typeof data === 'string' ? data : Buffer.from(data), {
      fsync: true,
    })
  } catch (error) {
    throw describeWriteError(absolutePath, error)
  }
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
