import { realpath } from 'node:fs/promises'
import { dirname, isAbsolute, join, relative, sep } from 'node:path'
import { AppFailure } from '../../../shared/result'

/**
 * Resolves a repo-relative path and makes sure it stays inside the repository, also after
 * following symlinks of the part that already exists.
 */
export async function resolveInRepo(repoRoot: string, relativePath: string): Promise<string> {
  const outside = new AppFailure(
    'OUTSIDE_REPOSITORY',
    `${relativePath} is outside the repository; Inkpress only touches files inside it.`,
  )
  if (
    relativePath === '' ||
    relativePath.includes('\0') ||
    isAbsolute(relativePath) ||
    /^[a-zA-Z]:/.test(relativePath)
  ) {
    throw outside
  }
  const segments = relativePath.split(/[\\/]+/)
  if (segments.includes('..')) throw outside
  const root = await realpath(repoRoot).catch(() => {
    throw new AppFailure('NOT_FOUND', `The repository folder ${repoRoot} does not exist.`)
  })
  const target = join(root, ...segments)
  const real = await realpathOfExistingPart(target)
  if (!isInside(root, real)) throw outside
  return target
}

export function toRepoPath(repoRoot: string, absolutePath: string): string {
  return relative(repoRoot, absolutePath).split(sep).join('/')
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

async function realpathOfExistingPart(path: string): Promise<string> {
  let current = path
  const rest: string[] = []
  for (;;) {
    try {
      return join(await realpath(current), ...rest.reverse())
    } catch {
      const parent = dirname(current)
      if (parent === current) return path
      rest.push(current.slice(parent.length + 1))
      current = parent
    }
  }
}
