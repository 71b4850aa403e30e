import { createHash } from 'node:crypto'
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { PostSummary, SiteInfo } from '../../../shared/posts'
import { writeFileAtomically } from '../files/atomic-write'

/** Bump when PostSummary or the excerpt rules change, so old caches are ignored. */
const CACHE_VERSION = 1

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

export async function loadCache(file: string): Promise<CacheEntries> {
  try {
    const data = JSON.parse(await readFile(file, 'utf8')) as {
      version?: number
      entries?: CacheEntries
    }
    return data.version === CACHE_VERSION && data.entries ? data.entries : {}
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
}

export function sameIdentity(a: FileIdentity, b: FileIdentity): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino
}
