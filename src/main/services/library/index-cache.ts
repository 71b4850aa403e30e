import { createHash } from 'node:crypto'
import { mkdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { PostSummary, SiteInfo } from '../../../shared/posts'
import { writeFileAtomically } from '../files/atomic-write'

/** Bump when PostSummary or the excerpt rules change, so old caches are ignored. */
/** 2: Hugo's publish and expiry dates decide `draft`; front matter keys in any case. */
const CACHE_VERSION = 8

export interface FileIdentity {
  size: number
  mtimeMs: number
  ino: number
}

export interface CacheEntry extends FileIdentity {
  summary: PostSummary
}

export type CacheEntries = Record<string, CacheEntry>

/** One cache file per repository and site settings, kept outside the repository. */
export function cacheFileFor(cacheDir: string, realRoot: string, site: SiteInfo): string {
  const key = JSON.stringify([
    CACHE_VERSION,
    realRoot,
    site.generator,
    site.summaryLength,
    site.excerptSeparator ?? '',
  ])
  return join(cacheDir, `posts-${createHash('sha256').update(key).digest('hex').slice(0, 24)}.json`)
}

/**
 * The last entries read or written per cache file, so re-indexing in a running app (after
 * every change on disk) skips parsing megabytes of JSON. The file stays the source on restart.
 */
const inMemory = new Map<string, { stamp: string; entries: CacheEntries }>()

/** Identifies one version of the cache file; another process writing it changes the stamp. */
const stampOf = async (file: string): Promise<string | null> =>
  stat(file).then(
    (info) => `${info.size}:${info.mtimeMs}:${info.ino}`,
    () => null,
  )

export async function loadCache(file: string): Promise<CacheEntries> {
  const stamp = await stampOf(file)
  const remembered = inMemory.get(file)
  if (stamp !== null && remembered?.stamp === stamp) return remembered.entries
  try {
    const data = JSON.parse(await readFile(file, 'utf8')) as {
      version?: number
      entries?: CacheEntries
    }
    const entries = data.version === CACHE_VERSION && data.entries ? data.entries : {}
    if (stamp !== null) inMemory.set(file, { stamp, entries })
    return entries
  } catch {
    return {}
  }
}

export async function saveCache(
  file: string,
  cacheDir: string,
  entries: CacheEntries,
): Promise<void> {
  await mkdir(cacheDir, { recursive: true })
  await writeFileAtomically(file, JSON.stringify({ version: CACHE_VERSION, entries }))
  const stamp = await stampOf(file)
  if (stamp !== null) inMemory.set(file, { stamp, entries })
}

export function sameIdentity(a: FileIdentity, b: FileIdentity): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino
}
