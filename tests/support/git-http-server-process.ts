import { execFile, spawn } from 'node:child_process'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { promisify } from 'node:util'
import type { GitServerUser } from './git-http-server'

const execFileAsync = promisify(execFile)

export interface GitServerProcess {
  baseUrl: string
  root: string
  url(repoName: string): string
  repoPath(name: string): string
  createBareRepo(name: string): Promise<string>
  stop(): Promise<void>
}

const withGit = (name: string): string => (name.endsWith('.git') ? name : `${name}.git`)

/** Starts `git-http-server-main.ts` in its own Node process (see there why). */
export async function startGitServerProcess(users: GitServerUser[]): Promise<GitServerProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(import.meta.dirname, 'git-http-server-main.ts'),
      JSON.stringify(users),
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  )
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const firstLine = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout })
    lines.once('line', (line) => {
      lines.close()
      resolve(line)
    })
    child.once('exit', (code) => reject(new Error(`the git server exited (${code})`)))
  })
  const { baseUrl, root } = JSON.parse(firstLine) as { baseUrl: string; root: string }
  const repoPath = (name: string): string => join(root, withGit(name))
  return {
    baseUrl,
    root,
    url: (name) => `${baseUrl}/${withGit(name)}`,
    repoPath,
    async createBareRepo(name) {
      const path = repoPath(name)
      await mkdir(path, { recursive: true })
      await execFileAsync('git', ['init', '--bare', '-q', '--initial-branch=main', path])
      return path
    },
    async stop() {
      child.stdin.end()
      await exited
    },
  }
}
