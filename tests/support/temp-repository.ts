import { execFileSync } from 'node:child_process'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

export interface TempRepository {
  dir: string
  remove(): Promise<void>
}

/** A real Git repository in a temp folder, seeded from a fixture folder and committed. */
export async function createTempRepository(fixtureDir?: string): Promise<TempRepository> {
  const parent = await mkdtemp(path.join(os.tmpdir(), 'inkpress-repo-'))
  const dir = path.join(parent, 'blog')
  if (fixtureDir) await cp(fixtureDir, dir, { recursive: true })
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' })
  execFileSync('git', ['init', '-q', '-b', 'main', dir], { stdio: 'pipe' })
  git('config', 'user.name', 'Inkpress Test')
  git('config', 'user.email', 'test@inkpress.invalid')
  if (fixtureDir) {
    git('add', '-A')
    git('commit', '-q', '-m', 'Fixture')
  }
  return { dir, remove: () => rm(parent, { recursive: true, force: true }) }
}
