/**
 * The one hand-written piece left under the isomorphic-git engine, checked against native git
 * on a real repository: history comparison (ahead/behind and merge base).
 */
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { compareHistories } from '../../../src/main/services/git/commit-graph'
import fs from 'node:fs'
import { configureUser, git } from './fixtures'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'inkpress-objects-'))
  await git(dir, 'init', '-q', '--initial-branch=main')
  await configureUser(dir)
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

let clock = 1_700_000_000
/** Runs git with distinct, increasing commit dates, as on a real machine. */
async function withClock<T>(run: () => Promise<T>): Promise<T> {
  clock += 60
  process.env.GIT_AUTHOR_DATE = process.env.GIT_COMMITTER_DATE = `@${clock} +0000`
  try {
    return await run()
  } finally {
    delete process.env.GIT_AUTHOR_DATE
    delete process.env.GIT_COMMITTER_DATE
  }
}

async function commitFile(file: string, text: string): Promise<string> {
  await mkdir(path.dirname(path.join(dir, file)), { recursive: true })
  await writeFile(path.join(dir, file), text)
  await git(dir, 'add', '-A')
  await withClock(() => git(dir, 'commit', '-q', '-m', `Edit ${file}`))
  return git(dir, 'rev-parse', 'HEAD')
}

async function nativeCounts(a: string, b: string): Promise<{ ahead: number; behind: number }> {
  const [ahead, behind] = (await git(dir, 'rev-list', '--left-right', '--count', `${a}...${b}`))
    .split(/\s+/)
    .map(Number)
  return { ahead: ahead ?? -1, behind: behind ?? -1 }
}

describe('compareHistories', () => {
  it('counts ahead/behind and finds the merge base like git, across branches and merges', async () => {
    for (let i = 0; i < 30; i++) await commitFile(`posts/p${i}.md`, `v${i}`)
    const base = await git(dir, 'rev-parse', 'HEAD')
    await git(dir, 'checkout', '-q', '-b', 'server')
    for (let i = 0; i < 4; i++) await commitFile(`posts/s${i}.md`, `s${i}`)
    await git(dir, 'checkout', '-q', 'main')
    for (let i = 0; i < 3; i++) await commitFile(`posts/m${i}.md`, `m${i}`)
    await git(dir, 'checkout', '-q', '-b', 'side')
    await commitFile('posts/side.md', 'side')
    await git(dir, 'checkout', '-q', 'main')
    await commitFile('posts/m3.md', 'm3')
    await withClock(() => git(dir, 'merge', '-q', '--no-ff', '-m', 'Merge side', 'side'))

    const refs = ['main', 'server', 'side', base, 'main~2', 'server~3']
    {
      const ctx = { fs, dir, gitdir: path.join(dir, '.git') }
      const oids = await Promise.all(refs.map((ref) => git(dir, 'rev-parse', ref)))
      for (const [i, local] of oids.entries()) {
        for (const [j, remote] of oids.entries()) {
          const [a, b] = [refs[i], refs[j]]
          const result = await compareHistories(ctx, local, remote)
          expect({ ahead: result.ahead, behind: result.behind }, `${a}...${b}`).toEqual(
            await nativeCounts(local, remote),
          )
          expect(result.mergeBase, `merge-base ${a} ${b}`).toBe(
            await git(dir, 'merge-base', local, remote),
          )
        }
      }
      const tip = await git(dir, 'rev-parse', 'main')
      const all = Number(await git(dir, 'rev-list', '--count', 'main'))
      expect(await compareHistories(ctx, tip, undefined)).toMatchObject({ ahead: all, behind: 0 })
    }
  })
})
