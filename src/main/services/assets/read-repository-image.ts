import { lookup as lookupMimeType } from 'mrmime'
import { AppFailure } from '../../../shared/result'
import { readRegularFile } from '../files/read-regular-file'
import { resolveInsideRepository } from '../repository/confine-path'

/** Large photographs are common in blogs; anything bigger is not shown in the preview. */
const MAX_SERVED_IMAGE_BYTES = 64 * 1024 * 1024

/**
 * An image of the open repository for the preview (the Electron asset protocol and the
 * browser host's `/repo-file/`): confined to the repository, a regular file (never through
 * a link), and an image by its name.
 */
export async function readRepositoryImage(
  repoRoot: string,
  relativePath: string,
): Promise<{ bytes: Buffer; mime: string }> {
  const absolute = await resolveInsideRepository(repoRoot, relativePath)
  const mime = lookupMimeType(absolute) ?? ''
  if (!mime.startsWith('image/')) {
    throw new AppFailure('INVALID_ARGUMENT', 'Only images from the repository are served.')
  }
  const { bytes } = await readRegularFile(absolute, relativePath, MAX_SERVED_IMAGE_BYTES)
  return { bytes, mime }
}
