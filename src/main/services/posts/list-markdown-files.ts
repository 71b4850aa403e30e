import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import type { PostListItem } from '../../../shared/api'
import { toRepoRelative } from '../repository/confine-path'

const SKIPPED_FOLDERS = new Set([
  '.git',
  'node_modules',
  '.cache',
  'public',
  '_site',
  'dist',
  'out',
])
const MARKDOWN_FILE = /\.(md|markdown|mdx)$/i

/** Markdown files of a plain folder of posts, newest change first. */
export async function listMarkdownFiles(repoRoot: string): Promise<PostListItem[]> {
  const entries = await readdir(repoRoot, { recursive: true, withFileTypes: true })
  const files = entries.filter((entry) => {
    if (!entry.isFile() || !MARKDOWN_FILE.test(entry.name)) return false
    const relative = toRepoRelative(repoRoot, path.join(entry.parentPath, entry.name))
    return !relative.split('/').some((segment) => SKIPPED_FOLDERS.has(segment))
  })
  const items = await Promise.all(
    files.map(async (entry): Promise<PostListItem> => {
      const absolute = path.join(entry.parentPath, entry.name)
      const info = await stat(absolute)
      return {
        path: toRepoRelative(repoRoot, absolute),
        title: entry.name.replace(MARKDOWN_FILE, ''),
        sizeBytes: info.size,
        modifiedMs: info.mtimeMs,
      }
    }),
  )
  return items.sort((a, b) => b.modifiedMs - a.modifiedMs || a.path.localeCompare(b.path))
}
