import path from 'node:path'
import { AppFailure } from '../../../shared/result'

/** Repository-relative posix path; refuses paths that leave the repository. */
export function normalizeRepoPath(filepath: string): string {
  const normalized = path.posix.normalize(filepath.replace(/\\/g, '/')).replace(/^\.\//, '')
  if (normalized.startsWith('../') || normalized === '..' || path.posix.isAbsolute(normalized)) {
    throw new AppFailure('OUTSIDE_REPOSITORY', `${filepath} is outside the repository.`)
  }
  return normalized
}
