import { lstatSync, type Stats } from 'node:fs'
import { realpath } from 'node:fs/promises'
import { join } from 'node:path'
import {
  sortNewestFirst,
  summarizePost,
  type PostSummary,
  type SiteInfo,
} from '../../../shared/posts'
import { MAX_POST_BYTES } from '../../../shared/api/schemas'
import { AppFailure } from '../../../shared/result'
import { readRegularFileSync } from '../files/read-regular-file'
import { decodeText } from '../posts/post-files'
import { cacheFileFor, loadCache, sameIdentity, saveCache, type CacheEntries } from './index-cache'
import { firstCommitDates } from './git-dates'
import { listPostFiles } from './list-post-files'

export interface IndexOptions {
  site: SiteInfo
  /** Folder for the index cache, outside the repository (e.g. ~/.cache/inkpress). */
  cacheDir: string
}

/** Files handled between two turns of the event loop. */
const BATCH = 200

/** Every post of the site, newest first, undated last; unchanged files come from the cache. */
export async function indexPosts(repoRoot: string, options: IndexOptions): Promise<PostSummary[]> {
  const root = await realpath(repoRoot).catch(() => {
    throw new AppFailure('NOT_FOUND', `The repository folder ${repoRoot} does not exist.`)
  })
  const cacheFile = cacheFileFor(options.cacheDir, root, options.site)
  const [paths, cached] = await Promise.all([
    listPostFiles(root, options.site),
    loadCache(cacheFile),
  ])
  const entries: CacheEntries = {}
  let changed = paths.length !== Object.keys(cached).length

  // Synchronous stat/read in small batches: for thousands of small files this is several times
  // faster than the promise API (one thread-pool round trip per call), and yielding between
  // batches keeps the process responsive.
  for (let start = 0; start < paths.length; start += BATCH) {
    for (const path of paths.slice(start, start + BATCH)) {
      const absolute = join(root, path)
      const hit = cached[path]
      if (hit) {
        const info = lstatOrNull(absolute)
        // Only regular files are posts: never a link's target, a folder or something special.
        if (!info?.isFile()) continue
        // A scheduled post's place on the site depends on the clock: summarized again.
        if (sameIdentity(hit, identityOf(info)) && !hit.summary.scheduled) {
          entries[path] = hit
          continue
        }
      }
      changed = true
      // Read without a separate lstat: the reader refuses links and judges what it opened,
      // whose own fstat is the identity the cache keeps.
      const read = readPost(absolute, path)
      if (read === undefined) continue
      entries[path] = {
        ...identityOf(read.info),
        summary: summarizePost(path, read.text, options.site),
      }
    }
    await new Promise((resolve) => setImmediate(resolve))
  }
  if (changed) await saveCache(cacheFile, options.cacheDir, entries)

  const posts = paths
    .map((path) => entries[path]?.summary)
    .filter((post): post is PostSummary => post !== undefined && !post.unlisted)
  const undated = posts.filter((post) => post.date === null).map((post) => post.path)
  if (undated.length === 0) return sortNewestFirst(posts, options.site)
  // Cached summaries are shared: dated copies, never mutation.
  const dates = await firstCommitDates(root, undated)
  return sortNewestFirst(
    posts.map((post) =>
      post.date === null ? { ...post, date: dates.get(post.path) ?? null } : post,
    ),
    options.site,
  )
}

/** A file deleted while indexing is simply left out. */
function lstatOrNull(path: string): Stats | null {
  return lstatSync(path, { throwIfNoEntry: false }) ?? null
}

/**
 * The text of a post as the editor would open it, or undefined for what the editor refuses
 * (a link swapped in, over 20 MB, binary, not UTF-8): such a file is not listed.
 */
function readPost(absolute: string, shownAs: string): { text: string; info: Stats } | undefined {
  try {
    const { bytes, info } = readRegularFileSync(absolute, shownAs, MAX_POST_BYTES)
    return { text: decodeText(shownAs, bytes), info }
  } catch {
    return undefined
  }
}

function identityOf(info: Stats): { size: number; mtimeMs: number; ino: number } {
  return { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino }
}
