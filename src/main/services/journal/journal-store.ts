import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import type { JournalEntry } from '../../../shared/api'
import { AppFailure } from '../../../shared/result'
import { writeFileAtomically } from '../files/atomic-write'
import { contentVersion } from '../posts/post-files'
import { resolveInsideRepository } from '../repository/confine-path'

const JOURNAL_FOLDER = 'journal'
const ENTRY_SUFFIX = '.json'

const StoredEntry = z.object({
  repoRoot: z.string(),
  path: z.string(),
  text: z.string(),
  baseVersion: z.string().nullable(),
  savedAtMs: z.number(),
})
type StoredEntry = z.infer<typeof StoredEntry>

/**
 * Unsaved editor buffers, kept in the app-data folder (never in the repository) so a crash
 * or a kill loses at most the last pause's typing. One file per repository + post, named by
 * a hash so no post path ever becomes a file name; every write is atomic.
 */
export class JournalStore {
  readonly folder: string

  constructor(appDataDir: string) {
    this.folder = path.join(appDataDir, JOURNAL_FOLDER)
  }

  entryFile(repoRoot: string, relativePath: string): string {
    const key = createHash('sha256').update(`${repoRoot}\0${relativePath}`).digest('hex')
    return path.join(this.folder, `${key}${ENTRY_SUFFIX}`)
  }

  async write(
    repoRoot: string,
    relativePath: string,
    text: string,
    baseVersion: string | null,
  ): Promise<{ savedAtMs: number }> {
    // Refuse paths that could never be saved, so the journal never offers to restore them.
    await resolveInsideRepository(repoRoot, relativePath)
    const entry: StoredEntry = {
      repoRoot,
      path: relativePath,
      text,
      baseVersion,
      savedAtMs: Date.now(),
    }
    await mkdir(this.folder, { recursive: true }).catch((error: unknown) => {
      throw new AppFailure(
        'WRITE_FAILED',
        `Could not create the journal folder: ${(error as Error).message}`,
      )
    })
    await writeFileAtomically(this.entryFile(repoRoot, relativePath), JSON.stringify(entry))
    return { savedAtMs: entry.savedAtMs }
  }

  /**
   * Buffers journaled for this repository, oldest first. Entries whose text is already what
   * is on disk (saved, but the app died before discarding) are removed instead of offered.
   */
  async list(repoRoot: string): Promise<JournalEntry[]> {
    const names = await readdir(this.folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[]
      throw new AppFailure('READ_FAILED', `Could not read the journal folder: ${error.message}`)
    })
    const entries: JournalEntry[] = []
    for (const name of names.filter((candidate) => candidate.endsWith(ENTRY_SUFFIX))) {
      const stored = await readStoredEntry(path.join(this.folder, name))
      if (!stored || stored.repoRoot !== repoRoot) continue
      const diskVersion = await versionOnDisk(repoRoot, stored.path)
      if (diskVersion === contentVersion(Buffer.from(stored.text, 'utf8'))) {
        await this.discard(repoRoot, stored.path)
        continue
      }
      entries.push({
        path: stored.path,
        text: stored.text,
        baseVersion: stored.baseVersion,
        savedAtMs: stored.savedAtMs,
        diskVersion,
      })
    }
    return entries.sort((a, b) => a.savedAtMs - b.savedAtMs)
  }

  async discard(repoRoot: string, relativePath: string): Promise<void> {
    await resolveInsideRepository(repoRoot, relativePath)
    await rm(this.entryFile(repoRoot, relativePath), { force: true }).catch((error: unknown) => {
      throw new AppFailure(
        'WRITE_FAILED',
        `Could not remove the journal entry: ${(error as Error).message}`,
      )
    })
  }
}

/** A damaged or foreign file in the journal folder is skipped, never fatal. */
async function readStoredEntry(file: string): Promise<StoredEntry | null> {
  try {
    const parsed = StoredEntry.safeParse(JSON.parse(await readFile(file, 'utf8')))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

async function versionOnDisk(repoRoot: string, relativePath: string): Promise<string | null> {
  try {
    const absolute = await resolveInsideRepository(repoRoot, relativePath)
    return contentVersion(await readFile(absolute))
  } catch {
    return null
  }
}
