import { cp, mkdir, open, readdir, readFile, rename, rm, rmdir, stat } from 'node:fs/promises'
import { basename, dirname, extname } from 'node:path'
import { updateFrontMatter } from '../../../shared/frontmatter'
import { parseFrontMatter } from '../../../shared/frontmatter'
import { slugify, type SiteInfo } from '../../../shared/posts'
import { AppFailure } from '../../../shared/result'
import { writeFileAtomically } from '../files/atomic-write'
import { newPostLocation, newPostText } from './new-post-text'
import { resolveInsideRepository } from '../repository/confine-path'

export interface CreateOptions {
  /** The creation time (for tests); defaults to now. */
  now?: Date
}

/** Creates a post for `title` and returns its repo-relative path; never overwrites a file. */
export async function createPost(
  repoRoot: string,
  site: SiteInfo,
  title: string,
  options: CreateOptions = {},
): Promise<string> {
  const clean = title.trim()
  if (clean === '') throw new AppFailure('INVALID_ARGUMENT', 'A new post needs a title.')
  const now = options.now ?? new Date()
  const { dir, stem } = newPostLocation(site, slugify(clean), now)
  const path = await reserveUniquePath(repoRoot, dir, stem, '.md')
  await writeFileAtomically(
    await resolveInsideRepository(repoRoot, path),
    newPostText(site, clean, now),
  )
  return path
}

/**
 * Renames a post's file to `newSlug`, keeping a Jekyll date prefix; a Hugo page bundle's folder
 * is renamed instead. Fails with ALREADY_EXISTS rather than replace another file.
 */
export async function renamePost(repoRoot: string, path: string, newSlug: string): Promise<string> {
  const slug = slugify(newSlug)
  const source = await existingPost(repoRoot, path)
  const { moving, target } = renameTarget(path, slug)
  const from = moving === path ? source : await resolveInsideRepository(repoRoot, moving)
  const to = await resolveInsideRepository(repoRoot, target)
  if (from === to) return path
  if (await exists(to))
    throw new AppFailure('ALREADY_EXISTS', `Cannot rename to ${target}: that name is taken.`)
  await rename(from, to)
  return moving === path ? target : `${target}/${basename(path)}`
}

/** Copies a post (a bundle with its folder) under a free name and marks the copy's title. */
export async function duplicatePost(repoRoot: string, path: string): Promise<string> {
  const source = await existingPost(repoRoot, path)
  const segments = path.split('/')
  const name = segments.pop()!
  if (isBundleIndex(name) && segments.length > 1) {
    const folder = segments.pop()!
    const copyDir = await reserveUniquePath(
      repoRoot,
      segments.join('/'),
      `${folder}-copy`,
      '',
      true,
    )
    await cp(dirname(source), await resolveInsideRepository(repoRoot, copyDir), {
      recursive: true,
      errorOnExist: true,
      force: false,
    })
    const copy = `${copyDir}/${name}`
    await retitle(repoRoot, copy)
    return copy
  }
  const ext = extname(name)
  const copy = await reserveUniquePath(
    repoRoot,
    segments.join('/'),
    `${basename(name, ext)}-copy`,
    ext,
  )
  await writeFileAtomically(await resolveInsideRepository(repoRoot, copy), await readFile(source))
  await retitle(repoRoot, copy)
  return copy
}

/** Deletes a post's file; a bundle folder left without files goes too. */
export async function deletePost(repoRoot: string, path: string): Promise<void> {
  const source = await existingPost(repoRoot, path)
  await rm(source)
  if (isBundleIndex(basename(path)) && path.includes('/')) {
    const folder = dirname(source)
    if ((await readdir(folder)).length === 0) await rmdir(folder)
  }
}

async function retitle(repoRoot: string, path: string): Promise<void> {
  const absolute = await resolveInsideRepository(repoRoot, path)
  const text = await readFile(absolute, 'utf8')
  const parsed = parseFrontMatter(text)
  const title = parsed.data.title
  if (parsed.error || typeof title !== 'string') return
  await writeFileAtomically(absolute, updateFrontMatter(text, { title: `${title} (copy)` }))
}

function renameTarget(path: string, slug: string): { moving: string; target: string } {
  const segments = path.split('/')
  const name = segments.pop()!
  if (isBundleIndex(name) && segments.length > 1) {
    segments.pop()
    const folder = path.split('/').slice(0, -1).join('/')
    return { moving: folder, target: [...segments, slug].join('/') }
  }
  const ext = extname(name)
  const date = /^(\d{4}-\d{2}-\d{2}-)/.exec(name)?.[1] ?? ''
  return { moving: path, target: [...segments, `${date}${slug}${ext}`].join('/') }
}

function isBundleIndex(name: string): boolean {
  return /^index\.(md|markdown|mdx)$/i.test(name)
}

async function existingPost(repoRoot: string, path: string): Promise<string> {
  const absolute = await resolveInsideRepository(repoRoot, path)
  const info = await stat(absolute).catch(() => null)
  if (!info?.isFile()) throw new AppFailure('NOT_FOUND', `There is no post at ${path}.`)
  return absolute
}

/**
 * Picks `stem.ext`, `stem-2.ext`, … and creates it exclusively (flag "wx") so two callers can
 * never be handed the same name and an existing file is never replaced.
 */
async function reserveUniquePath(
  repoRoot: string,
  dir: string,
  stem: string,
  ext: string,
  directory = false,
): Promise<string> {
  const folder =
    dir === ''
      ? await resolveInsideRepository(repoRoot, '.')
      : await resolveInsideRepository(repoRoot, dir)
  await mkdir(folder, { recursive: true })
  for (let n = 1; n < 10_000; n++) {
    const name = `${stem}${n === 1 ? '' : `-${n}`}${ext}`
    const path = dir === '' ? name : `${dir}/${name}`
    const absolute = await resolveInsideRepository(repoRoot, path)
    try {
      if (directory) await mkdir(absolute)
      else await (await open(absolute, 'wx')).close()
      return path
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
  }
  throw new AppFailure('ALREADY_EXISTS', `Could not find a free file name for ${stem}.`)
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  )
}
