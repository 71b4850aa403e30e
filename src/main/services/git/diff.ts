import { lstat, readFile, readlink } from 'node:fs/promises'
import path from 'node:path'
import type { FileDiff } from '../../../shared/api/git-types'
import { AppFailure } from '../../../shared/result'
import type { EngineRepository } from './engine'

/** Old (last commit) and new (working file) text of one file, for the changes panel. */
export async function diffIn(repo: EngineRepository, filepath: string): Promise<FileDiff> {
  const head = await repo.resolveRef('HEAD')
  const old = head ? await repo.readBlob(head, filepath) : undefined
  const absolute = path.join(repo.dir, filepath)
  const info = await lstat(absolute).catch(() => undefined)
  // A symlink is shown as what git stores for it: the path it points to, never the target's bytes.
  const newText = info?.isSymbolicLink()
    ? await readlink(absolute)
    : info?.isFile()
      ? await readFile(absolute, 'utf8')
      : undefined
  if (old === undefined && newText === undefined) {
    throw new AppFailure('NOT_FOUND', `${filepath} does not exist in this repository.`)
  }
  const oldText = old === undefined ? '' : Buffer.from(old).toString('utf8')
  const state =
    old === undefined
      ? 'new'
      : newText === undefined
        ? 'deleted'
        : newText === oldText
          ? 'unchanged'
          : 'modified'
  return { path: filepath, state, oldText, newText: newText ?? '' }
}
