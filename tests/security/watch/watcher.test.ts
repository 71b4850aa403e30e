/**
 * A committed symlink must not take the repository watcher (and with it `inkpress serve`)
 * down: link loops and links out of the repository are not followed, errors become a notice,
 * and the rest of the repository is still watched.
 */
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RepositoryWatcher } from '../../../src/main/services/watch/repository-watcher'

let root: string
let watcher: RepositoryWatcher | undefined
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'inkpress-watch-'))
  await mkdir(path.join(root, 'content/posts'), { recursive: true })
  await writeFile(path.join(root, 'content/posts/hello.md'), '# Hello\n')
})
afterEach(async () => {
  await watcher?.close()
  await chmod(path.join(root, 'content/locked'), 0o755).catch(() => undefined)
  await rm(root, { recursive: true, force: true })
})

async function watchUntilChange(): Promise<{ changed: string[]; notices: string[] }> {
  const changed: string[] = []
  const notices: string[] = []
  watcher = new RepositoryWatcher(
    root,
    (paths) => changed.push(...paths),
    (m) => notices.push(m),
  )
  watcher.start()
  await sleep(800)
  await writeFile(path.join(root, 'content/posts/hello.md'), '# Hello again\n')
  for (let i = 0; i < 50 && !changed.includes('content/posts/hello.md'); i++) await sleep(100)
  return { changed, notices }
}

describe('the repository watcher', () => {
  it('survives a link to its own folder (ELOOP) and still reports edits', async () => {
    await symlink('.', path.join(root, 'content/self'))
    await symlink('..', path.join(root, 'content/posts/up'))
    const { changed } = await watchUntilChange()
    expect(changed).toContain('content/posts/hello.md')
    expect(changed.some((p) => p.startsWith('content/self/'))).toBe(false)
  })

  it('never walks a link out of the repository (/proc/1/cwd, /)', async () => {
    await symlink('/proc/1/cwd', path.join(root, 'content/proc'))
    await symlink('/', path.join(root, 'content/root'))
    const { changed } = await watchUntilChange()
    expect(changed).toContain('content/posts/hello.md')
    expect(
      changed.some((p) => p.startsWith('content/proc/') || p.startsWith('content/root/')),
    ).toBe(false)
  })

  it('turns a watch error into one notice in words instead of crashing', async () => {
    const notices: string[] = []
    watcher = new RepositoryWatcher(
      root,
      () => undefined,
      (m) => notices.push(m),
    )
    watcher.start()
    await sleep(300)
    // What chokidar emits for a folder it cannot read (EACCES is ignored by root, so the
    // error is raised the way chokidar raises it).
    const error = Object.assign(new Error('EACCES: permission denied'), {
      code: 'EACCES',
      path: path.join(root, 'content/locked'),
    })
    const emitter = (watcher as unknown as { watcher: NodeJS.EventEmitter }).watcher
    emitter.emit('error', error)
    emitter.emit('error', error)
    expect(notices).toEqual([
      'Changes to content/locked made outside Inkpress are not noticed: it cannot be read. Everything else is watched as usual.',
    ])
  })
})
