import { mkdir, open } from 'node:fs/promises'
import path from 'node:path'
import { imagePlacement, slugify, type SiteInfo } from '../../../shared/posts'
import { AppFailure } from '../../../shared/result'
import { writeFileAtomically } from '../files/atomic-write'
import { resolveInsideRepository } from '../repository/confine-path'

export const MAX_IMAGE_BYTES = 20 * 1024 * 1024

/** Accepted image types, each with the bytes its files start with (checked, not trusted). */
const IMAGE_TYPES: Record<string, { extension: string; matches(bytes: Uint8Array): boolean }> = {
  'image/png': {
    extension: 'png',
    matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  'image/jpeg': { extension: 'jpg', matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  'image/gif': { extension: 'gif', matches: (b) => startsWith(b, [0x47, 0x49, 0x46, 0x38]) },
  'image/webp': {
    extension: 'webp',
    matches: (b) =>
      startsWith(b, [0x52, 0x49, 0x46, 0x46]) &&
      String.fromCharCode(...b.subarray(8, 12)) === 'WEBP',
  },
  'image/avif': {
    extension: 'avif',
    matches: (b) => String.fromCharCode(...b.subarray(4, 12)) === 'ftypavif',
  },
}

const startsWith = (bytes: Uint8Array, prefix: number[]) =>
  prefix.every((value, index) => bytes[index] === value)

export interface SavedImage {
  /** Where the file was written, repo-relative. */
  repoPath: string
  /** What to put in the Markdown link. */
  link: string
}

/**
 * Stores a pasted or dropped image where the site expects it, under a safe name that never
 * overwrites an existing file. SVG is refused: it can carry script.
 */
export async function saveImageForPost(
  repoRoot: string,
  site: SiteInfo,
  postPath: string,
  image: { name: string; type: string; bytes: Uint8Array },
): Promise<SavedImage> {
  const kind = IMAGE_TYPES[image.type]
  if (!kind) {
    throw new AppFailure(
      'INVALID_ARGUMENT',
      `Inkpress can add PNG, JPEG, GIF, WebP and AVIF images, not ${image.type || 'this file'}.`,
    )
  }
  if (image.bytes.length === 0 || image.bytes.length > MAX_IMAGE_BYTES) {
    throw new AppFailure('TOO_LARGE', 'Images must be between 1 byte and 20 MB.')
  }
  if (!kind.matches(image.bytes)) {
    throw new AppFailure(
      'INVALID_ARGUMENT',
      `"${image.name}" does not contain a ${kind.extension.toUpperCase()} image.`,
    )
  }
  await resolveInsideRepository(repoRoot, postPath)
  const base = slugify(path.parse(image.name).name).slice(0, 60) || 'image'
  for (let attempt = 1; attempt < 1000; attempt += 1) {
    const fileName = `${base}${attempt === 1 ? '' : `-${attempt}`}.${kind.extension}`
    const placement = imagePlacement(site, postPath, fileName)
    const absolute = await resolveInsideRepository(repoRoot, placement.repoPath)
    await mkdir(path.dirname(absolute), { recursive: true })
    if (await claimName(absolute)) {
      await writeFileAtomically(absolute, image.bytes)
      return placement
    }
  }
  throw new AppFailure('ALREADY_EXISTS', `Too many images are already named "${base}".`)
}

/** Creates the file exclusively, so two pastes at once can never pick the same name. */
async function claimName(absolute: string): Promise<boolean> {
  try {
    await (await open(absolute, 'wx')).close()
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
}
