import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const SITES_DIR = join(import.meta.dirname, '../../fixtures/sites')

/** A throwaway copy of a fixture site plus a cache folder outside it. */
export async function copySite(
  name: string,
): Promise<{ root: string; repo: string; cacheDir: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'inkpress-library-'))
  const repo = join(root, name)
  await cp(join(SITES_DIR, name), repo, { recursive: true })
  return {
    root,
    repo,
    cacheDir: join(root, 'cache'),
    cleanup: () => rm(root, { recursive: true, force: true }),
  }
}
