import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, type Stats } from 'node:fs'
import { lstat, open } from 'node:fs/promises'
import { AppFailure } from '../../../shared/result'

/**
 * Reads a file only if it is a regular file itself, never the target of a symbolic link: the
 * file is opened with O_NOFOLLOW (where the system has it) and judged by fstat of what was
 * opened, so a link swapped in after a check is refused as well. A link committed by anyone
 * must not make Inkpress show, serve or index bytes from elsewhere (`/proc/self/environ`,
 * `.git/config`). Windows has no O_NOFOLLOW; there the opened file's own lstat decides.
 */
const NO_FOLLOW =
  constants.O_RDONLY |
  (constants.O_NOFOLLOW ?? 0) |
  // A FIFO named like a post would block the open until a writer came; with O_NONBLOCK it
  // opens at once and fstat refuses it (regular files read the same either way).
  (constants.O_NONBLOCK ?? 0)

export interface RegularFile {
  bytes: Buffer
  info: Stats
}

function refusal(error: unknown, shownAs: string): unknown {
  const code = (error as NodeJS.ErrnoException).code
  // Linux answers ELOOP, the BSDs and macOS EMLINK or EFTYPE, for a link opened with O_NOFOLLOW.
  if (code === 'ELOOP' || code === 'EMLINK' || code === 'EFTYPE') {
    return new AppFailure(
      'READ_FAILED',
      `"${shownAs}" is a symbolic link; Inkpress reads only regular files of the repository.`,
    )
  }
  return error
}

const linkError = (): NodeJS.ErrnoException =>
  Object.assign(new Error('symbolic link'), { code: 'ELOOP' })

function checkOpened(info: Stats, shownAs: string, maxBytes: number): void {
  if (info.isDirectory()) {
    throw new AppFailure('READ_FAILED', `"${shownAs}" is a folder, not a file.`)
  }
  if (!info.isFile()) {
    throw new AppFailure('READ_FAILED', `"${shownAs}" is not a regular file.`)
  }
  if (info.size > maxBytes) {
    throw new AppFailure(
      'TOO_LARGE',
      `"${shownAs}" is ${(info.size / 1048576).toFixed(1)} MB; Inkpress opens files up to ${Math.round(maxBytes / 1048576)} MB.`,
    )
  }
}

export async function readRegularFile(
  absolute: string,
  shownAs: string,
  maxBytes: number,
): Promise<RegularFile> {
  if (
    constants.O_NOFOLLOW === undefined &&
    (await lstat(absolute).catch(() => null))?.isSymbolicLink()
  ) {
    throw refusal(linkError(), shownAs)
  }
  const handle = await open(absolute, NO_FOLLOW).catch((error: unknown) => {
    throw refusal(error, shownAs)
  })
  try {
    const info = await handle.stat()
    checkOpened(info, shownAs, maxBytes)
    return { bytes: await handle.readFile(), info }
  } finally {
    await handle.close()
  }
}

/** The same, synchronously (the post index reads thousands of small files in batches). */
export function readRegularFileSync(
  absolute: string,
  shownAs: string,
  maxBytes: number,
): RegularFile {
  let fd: number
  try {
    if (
      constants.O_NOFOLLOW === undefined &&
      lstatSync(absolute, { throwIfNoEntry: false })?.isSymbolicLink()
    ) {
      throw linkError()
    }
    fd = openSync(absolute, NO_FOLLOW)
  } catch (error) {
    throw refusal(error, shownAs)
  }
  try {
    const info = fstatSync(fd)
    checkOpened(info, shownAs, maxBytes)
    const bytes = Buffer.alloc(info.size)
    let read = 0
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read)
      if (n === 0) break
      read += n
    }
    return { bytes: bytes.subarray(0, read), info }
  } finally {
    closeSync(fd)
  }
}
