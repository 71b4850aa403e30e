import { createHash } from 'node:crypto'
import { lstat, mkdtemp, readdir, readFile, readlink, realpath, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

/** A fresh folder under the system temp dir, realpath'd so comparisons with services match. */
export async function makeTempDir(prefix: string): Promise<string> {
  return realpath(await mkdtemp(path.join(os.tmpdir(), `inkpress-sec-${prefix}-`)))
}

export async function removeTempDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true })
}

/**
 * Every entry under `dir` (not following links) with a fingerprint of its content, so a test
 * can prove that nothing in a folder was created, changed or deleted.
 */
export async function snapshotTree(dir: string, skip: string[] = []): Promise<Map<string, string>> {
  const result = new Map<string, string>()
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])
  for (const entry of entries) {
    const absolute = path.join(entry.parentPath, entry.name)
    const relative = path.relative(dir, absolute)
    if (skip.some((prefix) => relative === prefix || relative.startsWith(`${prefix}${path.sep}`))) {
      continue
    }
    const info = await lstat(absolute)
    if (info.isSymbolicLink()) result.set(relative, `link:${await readlink(absolute)}`)
    else if (info.isFile()) result.set(relative, `file:${sha256(await readFile(absolute))}`)
    else result.set(relative, info.isDirectory() ? 'dir' : 'other')
  }
  return result
}

export const sha256 = (data: string | Uint8Array): string =>
  createHash('sha256').update(data).digest('hex')
