import { readFileSync, statSync } from 'node:fs'
import { realpath } from 'node:fs/promises'
import { join } from 'node:path'
import { summarizePost, type PostSummary, type SiteInfo } from '../../../shared/posts'
import { AppFailure } from '../../../shared/result'
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
      const info = statOrNull(absolute)
      if (!info) continue
      const identity = { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino }
      const hit = cached[path]
      if (hit && sameIdentity(hit, identity)) {
        entries[path] = hit
        continue
      }
      changed = true
      const text = readFileSync(absolute, 'utf8')
      entries[path] = { ...identity, summary: summarizePost(path, text, options.site) }
    }
    await new Promise((resolve) => setImmediate(resolve))
  }
  if (changed) await saveCache(cacheFile, options.cacheDir, entries)

  const posts = paths.filter((path) => entries[path]).map((path) => entries[path]!.summary)
  const undated = posts.filter((post) => post.date === null).map((post) => post.path)
  if (undated.length === 0) return sortNewestFirst(posts)
  // Cached summaries are shared: dated copies, never mutation.
  const dates = await firstCommitDates(root, undated)
  return sortNewestFirst(
    posts.map((post) =>
      post.date === null ? { ...post, date: dates.get(post.path) ?? null } : post,
    ),
  )
}

/** Newest first by the parsed date; posts whose date cannot be read go last, by path. */
export function sortNewestFirst(posts: PostSummary[]): PostSummary[] {
  const time = (post: PostSummary): number =>
    post.date === null ? NaN : Date.parse(normalizeDate(post.date))
  return posts
    .map((post) => ({ post, time: time(post) }))
    .sort((a, b) => {
      const aDated = !Number.isNaN(a.time)
      const bDated = !Number.isNaN(b.time)
      if (aDated !== bDated) return aDated ? -1 : 1
      if (aDated && a.time !== b.time) return b.time - a.time
      return a.post.path < b.post.path ? -1 : a.post.path > b.post.path ? 1 : 0
    })
    .map(({ post }) => post)
}

/** Makes Jekyll/Hexo dates such as `2023-06-08 10:00:00 +0200` parseable by Date. */
function normalizeDate(date: string): string {
  const trimmed = date.replace(/^['"]|['"]$/g, '')
  const match =
    /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(
      trimmed,
    )
  if (!match) return trimmed
  const zone = match[3] ? match[3].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2') : ''
  return `${match[1]}T${match[2]}${zone}`
}

/** A file deleted while indexing is simply left out. */
function statOrNull(path: string): { size: number; mtimeMs: number; ino: number } | null {
  return statSync(path, { throwIfNoEntry: false }) ?? null
}
