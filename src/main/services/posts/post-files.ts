import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import type { PostDocument, SaveInfo } from '../../../shared/api'
import { MAX_POST_BYTES } from '../../../shared/api/schemas'
import { AppFailure } from '../../../shared/result'
import { writeFileAtomically } from '../files/atomic-write'
import { readRegularFile } from '../files/read-regular-file'
import { resolveInsideRepository } from '../repository/confine-path'

export const contentVersion = (bytes: Uint8Array | string): string =>
  createHash('sha256').update(bytes).digest('hex')

/** `ignoreBOM` keeps a byte order mark in the text, so saving the file writes it back. */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

export async function readPostFile(repoRoot: string, relativePath: string): Promise<PostDocument> {
  const absolute = await resolveInsideRepository(repoRoot, relativePath)
  const { text, bytes, modifiedMs } = await readTextFile(absolute, relativePath)
  return { path: relativePath, text, version: contentVersion(bytes), modifiedMs }
}

/**
 * Reads a Markdown file as text, refusing folders, files over 20 MB, binary files and invalid
 * UTF-8 with a readable error; `shownAs` is how the file is named in messages.
 */
export async function readTextFile(
  absolute: string,
  shownAs: string,
): Promise<{ text: string; bytes: Buffer; modifiedMs: number }> {
  let bytes: Buffer
  let modifiedMs: number
  try {
    const file = await readRegularFile(absolute, shownAs, MAX_POST_BYTES)
    bytes = file.bytes
    modifiedMs = file.info.mtimeMs
  } catch (error) {
    if (error instanceof AppFailure) throw error
    throw describeReadError(shownAs, error)
  }
  return { text: decodeText(shownAs, bytes), bytes, modifiedMs }
}

/** Binary files and invalid UTF-8 are refused rather than shown mangled and saved back corrupted. */
export function decodeText(relativePath: string, bytes: Buffer): string {
  if (bytes.subarray(0, 8192).includes(0)) {
    throw new AppFailure(
      'BINARY_FILE',
      `"${relativePath}" looks like a binary file, not Markdown text.`,
    )
  }
  try {
    return utf8.decode(bytes)
  } catch {
    throw new AppFailure(
      'BINARY_FILE',
      `"${relativePath}" is not valid UTF-8 text, so Inkpress will not edit it.`,
    )
  }
}

export function describeReadError(relativePath: string, error: unknown): AppFailure {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT')
    return new AppFailure('NOT_FOUND', `There is no file at "${relativePath}".`)
  if (code === 'EACCES' || code === 'EPERM') {
    return new AppFailure(
      'PERMISSION_DENIED',
      `Inkpress may not read "${relativePath}" (permission denied).`,
    )
  }
  if (code === 'EISDIR')
    return new AppFailure('READ_FAILED', `"${relativePath}" is a folder, not a post.`)
  return new AppFailure(
    'READ_FAILED',
    `Could not read "${relativePath}": ${(error as Error).message}`,
  )
}

/**
 * Saves only if the file on disk is still the version the editor started from (or is new),
 * so an edit made by another program is never silently overwritten.
 */
export async function savePostFile(
  repoRoot: string,
  relativePath: string,
  text: string,
  baseVersion: string | null,
  options: { overwriteExternalChanges?: boolean } = {},
): Promise<SaveInfo> {
  const absolute = await resolveInsideRepository(repoRoot, relativePath)
  if (!options.overwriteExternalChanges) {
    const current = await readFile(absolute).then(
      (bytes) => contentVersion(bytes),
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null
        throw describeReadError(relativePath, error)
      },
    )
    if (current !== null && current !== baseVersion) {
      throw new AppFailure(
        'CONFLICT',
        `"${relativePath}" was changed by another program since you opened it. Your text is still in the editor; reload to see theirs, or save again to keep yours.`,
      )
    }
  }
  const bytes = Buffer.from(text, 'utf8')
  await writeFileAtomically(absolute, bytes).catch((error: unknown) => {
    if (error instanceof AppFailure) {
      throw new AppFailure(error.code, error.message.replace(absolute, `"${relativePath}"`))
    }
    throw error
  })
  const info = await stat(absolute)
  return {
    path: relativePath,
    version: contentVersion(bytes),
    modifiedMs: info.mtimeMs,
    bytes: bytes.length,
  }
}
