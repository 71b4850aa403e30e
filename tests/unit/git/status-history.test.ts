import git from 'isomorphic-git'
import fs from 'node:fs'
import { mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AppFailure } from '../../../src/shared/result'
import {
  cloneRepository,
  diffFile,
  getStatus,
  initRepository,
  postHistory,
  publish,
  readFileAtCommit,
  type ProgressEvent,
} from '../../../src/main/services/git'
import {
  titleFromFrontMatter,
  generateCommitMessage,
} from '../../../src/main/services/git/commit-message'
import { httpsEquivalent, isSshUrl } from '../../../src/main/services/git/remote-url'
import {
  configureUser,
  createPlayground,
  credentials,
  git as nativeGit,
  post,
  TOKEN,
  type Playground,
} from './fixtures'

let pg: Playground
beforeEach(async () => {
  pg = await createPlayground()
})
afterEach(async () => {
  await pg.cleanup()
})

/** The reference answer: isomorphic-git's full statusMatrix, reduced to changed files. */
async function statusMatrixChanges(dir: string): Promise<{ path: string; state: string }[]> {
  const rows = await git.statusMatrix({ fs, dir })
  return rows
    .filter(([, head, workdir]) => !(head === 1 && workdir === 1))
    .map(([filepath, head, workdir]) => ({
      path: filepath,
      state: head === 0 ? 'new' : workdir === 0 ? 'deleted' : 'modified',
    }))
    .sort((a, b) => a.path.localeCompare(b.path))
}

describe('getStatus', () => {
  it('matches statusMatrix for new, modified, deleted, ignored and same-size edits', async () => {
    const dir = await pg.clone('laptop')
    await writeFile(path.join(dir, '.gitignore'), 'drafts/\n*.tmp\n')
    await pg.write(dir, 'posts/hello.md', post('Hello', 'First post!')) // modified
    await rm(path.join(dir, 'posts/second.md')) // deleted
    await pg.write(dir, 'posts/new.md', post('New', 'x')) // new
    await pg.write(dir, 'posts/images/cat.png', 'not really a png') // new, in a new folder
    await pg.write(dir, 'drafts/secret.md', 'ignored')
    await pg.write(dir, 'notes.tmp', 'ignored')

    const status = await getStatus(dir)

    expect(status.files).toEqual(await statusMatrixChanges(dir))
    expect(status.files.map((f) => `${f.state} ${f.path}`)).toEqual(
      [
        'new .gitignore',
        'new posts/images/cat.png',
        'new posts/new.md',
        'modified posts/hello.md',
        'deleted posts/second.md',
      ].sort((a, b) => a.split(' ')[1]!.localeCompare(b.split(' ')[1]!)),
    )
  })

  it('sees an edit that keeps the size and restores the old modification time', async () => {
    const dir = await pg.clone('laptop')
    const file = path.join(dir, 'posts/hello.md')
    const before = await stat(file)
    const text = await readFile(file, 'utf8')
    await writeFile(file, text.replace('First', 'Frist'))
    await utimes(file, before.atime, new Date(before.mtimeMs + 1000))
    expect((await getStatus(dir)).files).toEqual([{ path: 'posts/hello.md', state: 'modified' }])
  })

  it('reports branch, upstream and commits waiting to publish', async () => {
    const dir = await pg.clone('laptop')
    for (const n of [1, 2]) {
      await pg.write(dir, `posts/p${n}.md`, post(`P${n}`, 'x'))
      await nativeGit(dir, 'add', '-A')
      await nativeGit(dir, 'commit', '-q', '-m', `p${n}`)
    }
    const status = await getStatus(dir)
    expect(status).toMatchObject({
      branch: 'main',
      upstream: 'origin/main',
      ahead: 2,
      behind: 0,
      waitingSummary: '2 commits waiting to publish',
      files: [],
      conflicts: [],
    })
  })

  it('diffs a post against the last commit', async () => {
    const dir = await pg.clone('laptop')
    await pg.write(dir, 'posts/hello.md', post('Hello', 'Changed.'))
    const diff = await diffFile(dir, 'posts/hello.md')
    expect(diff).toMatchObject({ state: 'modified', path: 'posts/hello.md' })
    expect(diff.oldText).toContain('First post.')
    expect(diff.newText).toContain('Changed.')
    await expect(diffFile(dir, '../outside.md')).rejects.toMatchObject({
      code: 'OUTSIDE_REPOSITORY',
    })
  })
})

describe('history', () => {
  it('lists the commits of a post and reads an old version', async () => {
    const dir = await pg.clone('laptop')
    await pg.write(dir, 'posts/hello.md', post('Hello', 'Second version.'))
    await publish(dir, { credentials })
    await pg.write(dir, 'posts/second.md', post('Second', 'Unrelated.'))
    await publish(dir, { credentials })

    const history = await postHistory(dir, 'posts/hello.md')

    expect(history.map((h) => h.message)).toEqual(['Publish: Hello', 'Initial posts'])
    expect(history[0]).toMatchObject({
      authorName: 'Test Writer',
      authorEmail: 'writer@example.com',
    })
    const old = await readFileAtCommit(dir, history[1]!.oid, 'posts/hello.md')
    expect(old).toContain('First post.')
    await expect(readFileAtCommit(dir, history[1]!.oid, 'posts/none.md')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
  })
})

describe('repositories', () => {
  it('clones over HTTPS with progress and keeps the token out of .git/config', async () => {
    const dir = path.join(pg.tmp, 'cloned')
    const events: ProgressEvent[] = []
    const result = await cloneRepository(pg.server.url('blog'), dir, {
      credentials,
      onProgress: (e) => events.push(e),
    })
    expect(result.branch).toBe('main')
    expect(await readFile(path.join(dir, 'posts/hello.md'), 'utf8')).toContain('First post.')
    expect(events.some((e) => e.phase === 'clone' && e.loaded > 0)).toBe(true)
    expect(events.at(-1)?.phase).toBe('done')
    expect(await readFile(path.join(dir, '.git/config'), 'utf8')).not.toContain(TOKEN)
    expect((await getStatus(dir)).files).toEqual([])

    // Credentials inside the URL are used, not saved.
    const other = path.join(pg.tmp, 'cloned-url')
    const withToken = pg.server.url('blog').replace('http://', `http://writer:${TOKEN}@`)
    await cloneRepository(withToken, other)
    const config = await readFile(path.join(other, '.git/config'), 'utf8')
    expect(config).not.toContain(TOKEN)
    expect(config).toContain(pg.server.url('blog'))

    // A clone made by Inkpress publishes too.
    await configureUser(dir)
    await writeFile(path.join(dir, 'posts/hello.md'), post('Hello', 'From an Inkpress clone.'))
    await publish(dir, { credentials })
    expect(await nativeGit(pg.bare, '--git-dir', pg.bare, 'show', 'main:posts/hello.md')).toContain(
      'From an Inkpress clone.',
    )
  })

  it('fails a clone with a wrong token or a missing repository, leaving no folder', async () => {
    const dir = path.join(pg.tmp, 'nope')
    const wrong = cloneRepository(pg.server.url('blog'), dir, {
      credentials: { username: 'writer', token: 'bad-token-xyz' },
    })
    await expect(wrong).rejects.toMatchObject({ code: 'UNAUTHORIZED' })
    await expect(wrong).rejects.not.toThrow(/bad-token-xyz/)
    expect(fs.existsSync(dir)).toBe(false)
    await expect(
      cloneRepository(pg.server.url('missing'), dir, { credentials }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    // Without git, an SSH address is refused before any connection (with git, git uses SSH).
    const savedEngine = process.env.INKPRESS_GIT_ENGINE
    process.env.INKPRESS_GIT_ENGINE = 'isomorphic'
    try {
      await expect(cloneRepository('git@example.com:me/blog.git', dir)).rejects.toMatchObject({
        code: 'SSH_UNSUPPORTED',
      })
    } finally {
      if (savedEngine === undefined) delete process.env.INKPRESS_GIT_ENGINE
      else process.env.INKPRESS_GIT_ENGINE = savedEngine
    }
  })

  it('initialises a new repository', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'inkpress-init-'))
    try {
      await initRepository(dir)
      await writeFile(path.join(dir, 'first.md'), post('First', 'x'))
      const status = await getStatus(dir)
      expect(status).toMatchObject({ branch: 'main', files: [{ path: 'first.md', state: 'new' }] })
      expect(await publish(dir).catch((e: AppFailure) => e.code)).toBe('NO_REMOTE')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('commit messages and remote addresses', () => {
  it('takes the title from YAML or TOML front matter, else the file name', async () => {
    expect(titleFromFrontMatter('---\ntitle: "Hi: there"\ndate: 2024\n---\nx')).toBe('Hi: there')
    expect(titleFromFrontMatter('+++\ntitle = "Toml title"\n+++\n')).toBe('Toml title')
    expect(titleFromFrontMatter('# no front matter')).toBeUndefined()
    expect(await generateCommitMessage(pg.tmp, ['posts/my-trip.md', 'posts/img/a.png'])).toBe(
      'Publish: my-trip',
    )
    expect(await generateCommitMessage(pg.tmp, ['a.md', 'b.md', 'c.md'])).toBe('Update 3 posts')
  })

  it('recognises SSH addresses and suggests HTTPS', () => {
    expect(isSshUrl('git@github.com:me/blog.git')).toBe(true)
    expect(isSshUrl('ssh://git@gitlab.com:2222/me/blog.git')).toBe(true)
    expect(isSshUrl('https://github.com/me/blog.git')).toBe(false)
    expect(isSshUrl('/home/me/blog')).toBe(false)
    expect(httpsEquivalent('git@github.com:me/blog.git')).toBe('https://github.com/me/blog.git')
    expect(httpsEquivalent('ssh://git@gitlab.com:2222/me/blog.git')).toBe(
      'https://gitlab.com/me/blog.git',
    )
  })
})
