import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { detectSite } from '../../../src/main/services/site'

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

/**
 * Per-test fixture sites, removed after each test: call once at the top of a test file,
 * then `await site('hugo')` inside tests.
 */
export function useFixtureSites() {
  const cleanups: Array<() => Promise<void>> = []
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!()
  })
  return async (name: string) => {
    const copy = await copySite(name)
    cleanups.push(copy.cleanup)
    return { ...copy, info: await detectSite(copy.repo) }
  }
}
