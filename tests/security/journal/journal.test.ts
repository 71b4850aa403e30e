import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatchCall } from '../../../src/main/api/dispatch'
import { JournalStore } from '../../../src/main/services/journal/journal-store'
import { silentLogger } from '../../../src/main/services/logger'
import { contentVersion } from '../../../src/main/services/posts/post-files'
import type { JournalEntry } from '../../../src/shared/api'
import {
  bundleChildScript,
  removeChildBundle,
  killAndWait,
  sleep,
  spawnNodeScript,
  waitForOutput,
} from '../support/child-process'
import { createTestSession, createTestWorld, type TestWorld } from '../support/test-world'
import { generationOf } from './journal-text'

const CHILD = 'tests/security/journal/journal-writer.child.ts'

let world: TestWorld | null = null
afterEach(async () => {
  await world?.close()
  world = null
})

async function call<T>(
  session: TestWorld['session'],
  name: string,
  ...args: unknown[]
): Promise<T> {
  const result = await dispatchCall(session.handlers, name, args, silentLogger)
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`)
  return result.value as T
}

describe('journal of unsaved buffers', () => {
  it('keeps a buffer outside the repository, lists it, and forgets it once the post is saved', async () => {
    world = await createTestWorld('journal')
    const { session } = world
    const post = await call<{ version: string; text: string }>(
      session,
      'posts:read',
      'posts/hello.md',
    )
    const unsaved = `${post.text}\nA paragraph not saved yet.\n`

    await call(session, 'journal:write', 'posts/hello.md', unsaved, post.version)
    const files = await readdir(path.join(world.appData, 'journal'))
    expect(files).toHaveLength(1)
    expect(files[0]).toMatch(/^[0-9a-f]{64}\.json$/)
    expect(await readdir(path.join(world.repo, 'posts'))).toEqual(['hello.md'])

    const listed = await call<JournalEntry[]>(session, 'journal:list')
    expect(listed).toEqual([
      expect.objectContaining({
        path: 'posts/hello.md',
        text: unsaved,
        baseVersion: post.version,
        diskVersion: post.version,
      }),
    ])

    await call(session, 'posts:save', 'posts/hello.md', unsaved, post.version)
    expect(await call<JournalEntry[]>(session, 'journal:list')).toEqual([])
    expect(await readdir(path.join(world.appData, 'journal'))).toEqual([])
  })

  it('reports an edit made on disk after the buffer was journaled, and discards on request', async () => {
    world = await createTestWorld('journal-ext')
    const { session } = world
    const post = await call<{ version: string }>(session, 'posts:read', 'posts/hello.md')
    await call(session, 'journal:write', 'posts/hello.md', 'mine', post.version)
    await writeFile(path.join(world.repo, 'posts', 'hello.md'), 'theirs')

    const [entry] = await call<JournalEntry[]>(session, 'journal:list')
    expect(entry?.baseVersion).toBe(post.version)
    expect(entry?.diskVersion).toBe(contentVersion('theirs'))

    await call(session, 'journal:discard', 'posts/hello.md')
    expect(await call<JournalEntry[]>(session, 'journal:list')).toEqual([])
  })

  it('drops an entry whose text is already on disk (saved, then killed before discarding)', async () => {
    world = await createTestWorld('journal-stale')
    const journal = new JournalStore(world.appData)
    const onDisk = await readFile(path.join(world.repo, 'posts', 'hello.md'), 'utf8')
    await journal.write(world.repo, 'posts/hello.md', onDisk, null)
    await journal.write(world.repo, 'posts/new.md', 'a new post never saved', null)

    const listed = await journal.list(world.repo)
    expect(listed.map((entry) => [entry.path, entry.diskVersion])).toEqual([['posts/new.md', null]])
    expect(await readdir(journal.folder)).toHaveLength(1)
  })

  it('keeps journals of different repositories apart and skips damaged entries', async () => {
    world = await createTestWorld('journal-apart')
    const journal = new JournalStore(world.appData)
    await journal.write(world.repo, 'posts/a.md', 'from this repo', null)
    await journal.write(world.outside, 'posts/a.md', 'from another repo', null)
    await writeFile(path.join(journal.folder, 'damaged.json'), '{"repoRoot": ')

    const listed = await journal.list(world.repo)
    expect(listed.map((entry) => entry.text)).toEqual(['from this repo'])
  })

  it('restores a whole buffer after the writing process is killed mid-journal (8 kills)', async () => {
    world = await createTestWorld('journal-kill')
    const { appData, repo } = world
    const childScript = await bundleChildScript(CHILD)
    const runs = Array.from({ length: 8 }, async (_, run) => {
      const postPath = `posts/killed-${run}.md`
      const child = spawnNodeScript(childScript, [appData, repo, postPath])
      await waitForOutput(child, 'wrote 2\n')
      await sleep(Math.random() * 40)
      await killAndWait(child)
      return postPath
    })
    const paths = await Promise.all(runs)
    await removeChildBundle(childScript)

    // A new session over the same app-data folder, as after restarting the app.
    const restarted = createTestSession(appData)
    await restarted.open(repo)
    const entries = await call<JournalEntry[]>(restarted, 'journal:list')
    await restarted.close()
    expect(entries.map((entry) => entry.path).sort()).toEqual([...paths].sort())
    for (const entry of entries) {
      const generation = generationOf(entry.text)
      expect(generation, `torn journal for ${entry.path}`).not.toBeNull()
      expect(generation).toBeGreaterThanOrEqual(2)
    }
  }, 60_000)
})
