import path from 'node:path'

const tails = new Map<string, Promise<unknown>>()

/**
 * Runs `operation` after every earlier operation on the same repository has settled: one
 * queue per repository, so two of Inkpress's Git operations never interleave on the same
 * files (git's own locks guard against other programs).
 */
export function runInRepoQueue<T>(
  repoRoot: string,
  operation: (dir: string) => Promise<T>,
): Promise<T> {
  const dir = path.resolve(repoRoot)
  const tail = tails.get(dir) ?? Promise.resolve()
  const run = tail.then(
    () => operation(dir),
    () => operation(dir),
  )
  tails.set(
    dir,
    run.catch(() => undefined),
  )
  return run
}
