import { execFile } from 'node:child_process'
import { stat } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * Date of the commit that first added each path, from one `git log` run. Returns an empty
 * map when the folder is not a git repository or git is not installed, so posts stay undated.
 */
export async function firstCommitDates(
  repoRoot: string,
  paths: readonly string[],
): Promise<Map<string, string>> {
  const dates = new Map<string, string>()
  if (paths.length === 0 || !(await stat(join(repoRoot, '.git')).catch(() => null))) return dates
  const wanted = new Set(paths)
  const output = await new Promise<string>((resolve) => {
    execFile(
      'git',
      [
        '-c',
        'core.quotePath=false',
        'log',
        '--diff-filter=A',
        '--format=%x00%aI',
        '--name-only',
        '--no-renames',
      ],
      { cwd: repoRoot, maxBuffer: 256 * 1024 * 1024 },
      (error, stdout) => resolve(error ? '' : stdout),
    )
  })
  // Newest first, so later (older) entries overwrite: the oldest add wins.
  for (const record of output.split('\0')) {
    const [date, ...files] = record.split('\n')
    if (!date) continue
    for (const file of files) if (wanted.has(file)) dates.set(file, date.trim())
  }
  return dates
}
