import fs from 'node:fs'
import { cp, stat } from 'node:fs/promises'
import path from 'node:path'
import git from 'isomorphic-git'

const SAMPLE_AUTHOR = { name: 'Inkpress', email: 'sample@inkpress.invalid' }

/**
 * The bundled sample blog is copied (never edited in place, it may be read-only inside an
 * app bundle) into the app-data folder and made a Git repository on first use.
 */
export async function ensureSampleBlog(
  bundledSampleDir: string,
  appDataDir: string,
): Promise<string> {
  const target = path.join(appDataDir, 'sample-blog')
  const exists = await stat(target).then(
    () => true,
    () => false,
  )
  if (exists) return target
  const staging = `${target}.partial-${process.pid}`
  await cp(bundledSampleDir, staging, { recursive: true })
  await git.init({ fs, dir: staging, defaultBranch: 'main' })
  await git.add({ fs, dir: staging, filepath: '.' })
  await git.commit({
    fs,
    dir: staging,
    message: 'Sample blog from Inkpress',
    author: SAMPLE_AUTHOR,
  })
  await fs.promises.rename(staging, target)
  return target
}
