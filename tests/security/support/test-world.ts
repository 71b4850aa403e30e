import { mkdir, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { createSession, type Session } from '../../../src/main/api/handlers'
import { silentLogger } from '../../../src/main/services/logger'
import { SettingsStore } from '../../../src/main/services/settings/settings-store'
import { makeTempDir, removeTempDir } from './temp-dir'

export const SECRET = 'INKPRESS-SECRET-7f3a9c: must never cross the repository boundary'

/**
 * A temp folder holding a repository, a folder "outside" it with secrets, the app-data
 * folder, and links from the repository that lead outside: the playground for hostile calls.
 */
export interface TestWorld {
  base: string
  repo: string
  outside: string
  appData: string
  session: Session
  /** URLs the session asked the OS to open. */
  openedExternally: string[]
  close(): Promise<void>
}

/** A browser-mode session with its data in `appData` (a restarted app reuses the folder). */
export function createTestSession(
  appData: string,
  onOpenExternal?: (url: string) => void,
): Session {
  return createSession({
    mode: 'browser',
    version: '0.0.0-test',
    appDataDir: appData,
    bundledSampleDir: path.join(appData, 'no-sample'),
    settings: new SettingsStore(appData),
    logger: silentLogger,
    emit: () => {},
    ...(onOpenExternal ? { openExternal: async (url: string) => void onOpenExternal(url) } : {}),
    watchRepository: false,
  })
}

export async function createTestWorld(name: string): Promise<TestWorld> {
  const base = await makeTempDir(name)
  const repo = path.join(base, 'repo')
  const outside = path.join(base, 'outside')
  const appData = path.join(base, 'appdata')
  await mkdir(path.join(repo, 'posts'), { recursive: true })
  await mkdir(path.join(repo, '.git'), { recursive: true })
  await mkdir(outside, { recursive: true })
  await mkdir(appData, { recursive: true })
  await writeFile(path.join(outside, 'sentinel.txt'), SECRET)
  await writeFile(path.join(outside, 'secret.md'), `# ${SECRET}\n`)
  await writeFile(path.join(repo, '.git', 'config'), `[core]\n\t# ${SECRET}\n`)
  await writeFile(path.join(repo, 'posts', 'hello.md'), '# Hello\n\nA post.\n')
  await symlink(path.join(outside, 'secret.md'), path.join(repo, 'link-out.md'))
  await symlink(outside, path.join(repo, 'linkdir'))
  const openedExternally: string[] = []
  const session = createTestSession(appData, (url) => openedExternally.push(url))
  await session.open(repo)
  return {
    base,
    repo,
    outside,
    appData,
    session,
    openedExternally,
    close: async () => {
      await session.close()
      await removeTempDir(base)
    },
  }
}
