import type { Dirent } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { SiteInfo } from '../../../shared/posts'

const MARKDOWN = /\.(md|markdown|mdx)$/i
const SKIPPED_DIRS = new Set(['.git', 'node_modules'])

/**
 * Repo-relative paths of the site's posts. Symlinks are skipped so nothing outside the
 * repository is listed; Hugo section pages (`_index.md`) and leaf-bundle resources are not posts.
 */
export async function listPostFiles(repoRoot: string, site: SiteInfo): Promise<string[]> {
  const found = new Set<string>()
  for (const dir of site.contentDirs) await walk(repoRoot, dir, site, found)
  return [...found].sort()
}

async function walk(root: string, dir: string, site: SiteInfo, found: Set<string>): Promise<void> {
  let entries: Dirent[]
  try {
    entries = await readdir(dir === '' ? root : join(root, dir), { withFileTypes: true })
  } catch {
    return
  }
  const prefix = dir === '' ? '' : `${dir}/`
  if (site.generator === 'hugo') {
    // A leaf bundle: `index.md`, and one `index.<language>.md` per translation.
    const bundleIndexes = entries.filter(
      (entry) => entry.isFile() && /^index(?:\.[\w-]+)?\.(md|markdown)$/i.test(entry.name),
    )
    if (bundleIndexes.length > 0 && dir !== site.contentDirs[0]) {
      for (const entry of bundleIndexes) found.add(prefix + entry.name)
      return
    }
  }
  const subdirs: Promise<void>[] = []
  for (const entry of entries) {
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) subdirs.push(walk(root, prefix + entry.name, site, found))
    } else if (entry.isFile() && MARKDOWN.test(entry.name)) {
      if (site.generator === 'hugo' && /^_index\./.test(entry.name)) continue
      found.add(prefix + entry.name)
    }
  }
  await Promise.all(subdirs)
}
