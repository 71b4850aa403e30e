import { readdir } from 'node:fs/promises'
import { AppFailure } from '../../../shared/result'

/** A clone goes only into an empty or missing folder, so a failed one can be removed whole. */
export async function assertEmptyCloneTarget(dir: string): Promise<void> {
  try {
    if ((await readdir(dir)).length === 0) return
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    throw error
  }
  throw new AppFailure(
    'ALREADY_EXISTS',
    `${dir} is not empty; choose an empty folder to clone into.`,
  )
}
