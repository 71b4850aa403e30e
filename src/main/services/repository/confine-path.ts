import { realpath } from 'node:fs/promises'
import path from 'node:path'
import { AppFailure } from '../../../shared/result'

/**
 * Resolves a repository-relative path to an absolute one that is guaranteed to stay inside
 * the repository, following symlinks: the lexical check stops `../`, the realpath check stops
 * links that lead out.
 */
export async function resolveInsideRepository(
  repoRoot: string,
  relativePath: string,
): Promise<string> {
  const shown = relativePath.slice(0, 200)
  if (relativePath.includes('\0')) {
    throw new AppFailure('INVALID_ARGUMENT', 'A path cannot contain a NUL byte.')
  }
  if (
    path.isAbsolute(relativePath) ||
    path.win32.isAbsolute(relativePath) ||
    relativePath.includes('\\')
  ) {
    throw new AppFailure(
      'OUTSIDE_REPOSITORY',
      `"${shown}" must be a path inside the repository, written with forward slashes.`,
    )
  }
  const root = await realpath(repoRoot)
  const candidate = path.resolve(root, relativePath)
  if (!isInside(root, candidate)) {
    throw new AppFailure('OUTSIDE_REPOSITORY', `"${shown}" is outside the open repository.`)
  }
  const insideGit = new AppFailure(
    'OUTSIDE_REPOSITORY',
    `"${shown}" is inside Git's own folder, which Inkpress does not edit.`,
  )
  if (inGitFolder(root, candidate)) throw insideGit
  const real = await realpathOfNearestExisting(candidate)
  if (!isInside(root, real)) {
    throw new AppFailure(
      'OUTSIDE_REPOSITORY',
      `"${shown}" leads outside the open repository through a link.`,
    )
  }
  // A link inside the repository may still lead into .git (its config runs programs).
  if (inGitFolder(root, real)) throw insideGit
  return candidate
}

/**
 * Any segment a file system may open as `.git` — in any letter case (macOS, Windows), with
 * trailing dots or spaces, an NTFS stream suffix or the 8.3 name `GIT~1` (Windows), as git's
 * own `is_ntfs_dotgit` check refuses them — in the repository or a nested one.
 */
function inGitFolder(root: string, candidate: string): boolean {
  return path
    .relative(root, candidate)
    .split(path.sep)
    .some((segment) => {
      const name = segment
        .toLowerCase()
        .replace(/:.*$/, '')
        .replace(/[. ]+$/, '')
      return name === '.git' || /^git~\d+$/.test(name)
    })
}

export const isInside = (root: string, candidate: string): boolean => {
  const relative = path.relative(root, candidate)
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}

async function realpathOfNearestExisting(target: string): Promise<string> {
  let current = target
  const missing: string[] = []
  for (;;) {
    try {
      return path.join(await realpath(current), ...missing.reverse())
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      const parent = path.dirname(current)
      if (parent === current) return target
      missing.push(path.basename(current))
      current = parent
    }
  }
}

export const toRepoRelative = (repoRoot: string, absolutePath: string): string =>
  path.relative(repoRoot, absolutePath).split(path.sep).join('/')
