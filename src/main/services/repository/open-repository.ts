import { realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import type { RepositoryInfo } from '../../../shared/api'
import { AppFailure } from '../../../shared/result'

export async function openRepository(folder: string): Promise<RepositoryInfo> {
  if (!path.isAbsolute(folder)) {
    throw new AppFailure(
      'INVALID_ARGUMENT',
      `"${folder}" is not a full folder path (it should start with "/" or a drive letter).`,
    )
  }
  let root: string
  try {
    root = await realpath(folder)
    if (!(await stat(root)).isDirectory()) {
      throw new AppFailure('NOT_A_REPOSITORY', `"${folder}" is a file, not a folder.`)
    }
  } catch (error) {
    if (error instanceof AppFailure) throw error
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT')
      throw new AppFailure('NOT_FOUND', `The folder "${folder}" does not exist.`)
    if (code === 'EACCES')
      throw new AppFailure('PERMISSION_DENIED', `Inkpress may not read the folder "${folder}".`)
    throw new AppFailure('READ_FAILED', `Could not open "${folder}": ${(error as Error).message}`)
  }
  const isGitRepository = await stat(path.join(root, '.git')).then(
    () => true,
    () => false,
  )
  return { root, name: path.basename(root), isGitRepository }
}
