/**
 * The hand-written fast paths under publishing, checked against native git on real
 * repositories: history comparison, tree writing, the cached index snapshot, the pack.
 */
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { compareHistories } from '../../../src/main/services/git/commit-graph'
import { readIndexSnapshot } from '../../../src/main/services/git/index-file'
import isogit from 'isomorphic-git'
import { writeCommitObject } from '../../../src/main/services/git/loose-object'
import { buildPack } from '../../../src/main/services/git/pack-writer'
import { runInRepoQueue, forgetRepo } from '../../../src/main/services/git/repo-queue'
import {
  applyTreeChanges,
  treeOfCommit,
  type FileChanges,
} from '../../../src/main/services/git/trees'
import { configureUser, git } from './fixtures'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'inkpress-objects-'))
  await git(dir, 'init', '-q', '--initial-branch=main')
  await configureUser(dir)
})
afterEach(async () => {
  forgetRepo(dir)
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
    await runInRepoQueue(dir, async (ctx) => {
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
    })
  })
})

describe('applyTreeChanges', () => {
  it('writes the same trees as git for edits, additions, removals and file/folder swaps', async () => {
    await commitFile('posts/a.md', 'a')
    await commitFile('posts/b.md', 'b')
    await commitFile('posts.md', 'index')
    await commitFile('notes/x', 'x')
    await commitFile('a.b', 'dot')
    const head = await git(dir, 'rev-parse', 'HEAD')
    const steps: { write: Record<string, string>; remove: string[] }[] = [
      { write: { 'posts/a.md': 'edited' }, remove: [] },
      { write: { 'posts/c.md': 'new', 'posts-2.md': 'sorted between' }, remove: [] },
      { write: {}, remove: ['posts/b.md', 'a.b'] },
      // A file becomes a folder of the same name, and a folder empties out.
      { write: { 'a.b/inner.md': 'now a folder' }, remove: ['notes/x'] },
    ]
    await runInRepoQueue(dir, async (ctx) => {
      let tree = await treeOfCommit(ctx, head)
      for (const step of steps) {
        const changes: FileChanges = new Map()
        for (const [file, text] of Object.entries(step.write)) {
          await mkdir(path.dirname(path.join(dir, file)), { recursive: true })
          await writeFile(path.join(dir, file), text)
          const oid = await git(dir, 'hash-object', '-w', file)
          changes.set(file, { oid, mode: '100644' })
        }
        for (const file of step.remove) {
          await rm(path.join(dir, file), { recursive: true, force: true })
          changes.set(file, null)
        }
        tree = await applyTreeChanges(ctx, tree, changes)
        await git(dir, 'add', '-A')
        expect(tree).toBe(await git(dir, 'write-tree'))
      }
    })
    await git(dir, 'fsck', '--strict', '--no-dangling')
  })
})

describe('writeCommitObject', () => {
  it('writes the same commit as isomorphic-git, for any time zone and message shape', async () => {
    const tree = await git(dir, 'write-tree')
    await runInRepoQueue(dir, async (ctx) => {
      for (const timezoneOffset of [-120, 0, -0, 330, 60]) {
        for (const message of ['Publish: Hello', '\n\nLeading lines\r\nand CRLF\r\n\n\n']) {
          const signature = {
            name: 'Wrïter',
            email: 'w@example.com',
            timestamp: 1_700_000_123,
            timezoneOffset,
          }
          const commit = { tree, parent: [], author: signature, committer: signature, message }
          const ours = await writeCommitObject(ctx, commit)
          expect(ours).toBe(await isogit.writeCommit({ ...ctx, commit }))
        }
      }
    })
    await git(dir, 'fsck', '--strict', '--no-dangling')
  })
})

describe('readIndexSnapshot', () => {
  it('reuses the parsed index only while the file is unchanged', async () => {
    await commitFile('posts/a.md', 'a')
    const gitdir = path.join(dir, '.git')
    const first = await readIndexSnapshot(gitdir)
    expect(await readIndexSnapshot(gitdir)).toBe(first)
    await writeFile(path.join(dir, 'posts/b.md'), 'b')
    await git(dir, 'add', 'posts/b.md')
    const second = await readIndexSnapshot(gitdir)
    expect(second).not.toBe(first)
    expect([...(second?.entries.keys() ?? [])]).toEqual(['posts/a.md', 'posts/b.md'])
    expect(second?.entries.get('posts/b.md')?.oid).toBe(await git(dir, 'rev-parse', ':posts/b.md'))
  })
})

describe('buildPack', () => {
  it('writes a pack that git accepts, with every object', async () => {
    const commit = await commitFile('posts/a.md', 'packed text\n'.repeat(200))
    const tree = await git(dir, 'rev-parse', 'HEAD^{tree}')
    const posts = await git(dir, 'rev-parse', 'HEAD:posts')
    const blob = await git(dir, 'rev-parse', 'HEAD:posts/a.md')
    const pack = await runInRepoQueue(dir, (ctx) => buildPack(ctx, [commit, tree, posts, blob]))
    const other = await mkdtemp(path.join(tmpdir(), 'inkpress-pack-'))
    try {
      await git(other, 'init', '-q', '--bare')
      const packFile = path.join(other, 'incoming.pack')
      await writeFile(packFile, pack)
      await git(other, 'index-pack', '--strict', packFile)
      expect(
        (await git(other, 'verify-pack', '-v', packFile.replace(/pack$/, 'idx'))).split('\n'),
      ).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^${blob} blob`))]))
    } finally {
      await rm(other, { recursive: true, force: true })
    }
  })
})
