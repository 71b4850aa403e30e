/**
 * Links committed by a co-author (made and committed with native git, as they arrive by a
 * pull) never make Inkpress read, show, list, serve or write anything but the repository's
 * own regular files: not `/proc/self/environ` (which holds INKPRESS_TOKEN), not a file
 * outside, not `.git/config` (which can name programs git runs). Publishing such links is
 * judged against native git in tests/unit/git/shapes.test.ts (symlink shapes).
 */
import { execFileSync } from 'node:child_process'
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatchCall } from '../../../src/main/api/dispatch'
import type { Session } from '../../../src/main/api/handlers'
import { readRepositoryImage } from '../../../src/main/services/assets/read-repository-image'
import {
  readRegularFile,
  readRegularFileSync,
} from '../../../src/main/services/files/read-regular-file'
import { silentLogger } from '../../../src/main/services/logger'
import { resolveInsideRepository } from '../../../src/main/services/repository/confine-path'
import { makeTempDir, removeTempDir } from '../support/temp-dir'
import { createTestSession, SECRET } from '../support/test-world'

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex')

let base: string
let repo: string
let session: Session
const gitConfig = () => readFile(path.join(repo, '.git', 'config'), 'utf8')

/** Links as a co-author commits them: [path in the repository, link target]. */
const LINKED_POSTS: [string, string][] = [
  ['posts/environ.md', '/proc/self/environ'],
  ['posts/outside.md', '../../outside/secret.md'],
  ['posts/git-config.md', '../.git/config'],
  ['posts/alias.md', 'hello.md'],
]
const LINKED_IMAGES: [string, string][] = [
  ['static/outside.png', '../../outside/secret.png'],
  ['static/git-config.png', '../.git/config'],
  ['static/alias.png', 'pixel.png'],
]

async function call(name: string, ...args: unknown[]) {
  return dispatchCall(session.handlers, name, args, silentLogger)
}

beforeAll(async () => {
  base = await makeTempDir('links')
  repo = path.join(base, 'repo')
  const outside = path.join(base, 'outside')
  await mkdir(outside, { recursive: true })
  await writeFile(path.join(outside, 'secret.md'), `---\ntitle: ${SECRET}\n---\n\n${SECRET}\n`)
  await writeFile(path.join(outside, 'secret.png'), Buffer.concat([PNG, Buffer.from(SECRET)]))
  await mkdir(path.join(repo, 'posts'), { recursive: true })
  await mkdir(path.join(repo, 'static'), { recursive: true })
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' })
  git('init', '-q', '--initial-branch=main')
  git('config', 'user.name', 'Co Author')
  git('config', 'user.email', 'co@example.com')
  git('config', 'inkpress.secret', SECRET)
  await writeFile(path.join(repo, 'posts', 'hello.md'), '---\ntitle: Hello\n---\n\nA post.\n')
  await writeFile(path.join(repo, 'static', 'pixel.png'), PNG)
  for (const [link, target] of [...LINKED_POSTS, ...LINKED_IMAGES]) {
    await symlink(target, path.join(repo, link))
  }
  git('add', '-A')
  git('commit', '-q', '-m', 'A co-author adds links')
  session = createTestSession(path.join(base, 'appdata'))
  await mkdir(path.join(base, 'appdata'), { recursive: true })
  await session.open(repo)
})

afterAll(async () => {
  await session?.close()
  await removeTempDir(base)
})

describe('links committed into a blog', () => {
  it('are committed as links by native git (the shape this suite defends)', () => {
    const tree = execFileSync('git', ['ls-tree', '-r', 'HEAD'], { cwd: repo }).toString()
    for (const [link] of [...LINKED_POSTS, ...LINKED_IMAGES]) {
      expect(tree).toMatch(new RegExp(`^120000 blob \\w+\\t${link}$`, 'm'))
    }
  })

  it.each(LINKED_POSTS)('%s is never opened as a post', async (link) => {
    const result = await call('posts:read', link)
    expect(result.ok).toBe(false)
    const text = JSON.stringify(result)
    expect(text).not.toContain(SECRET)
    expect(text, 'no environment variable').not.toMatch(/PATH=|HOME=/)
    expect(text).not.toContain('[core]')
  })

  it.each(LINKED_POSTS)('%s is never written through', async (link) => {
    const before = await gitConfig()
    const result = await call('posts:save', link, '[core]\n\tfsmonitor = touch /tmp/pwned\n', null)
    expect(result.ok).toBe(false)
    expect(await gitConfig()).toBe(before)
  })

  it('are not listed as posts; the regular post is', async () => {
    const result = await call('posts:list')
    expect(result.ok).toBe(true)
    const listed = (result as { value: { path: string; title: string }[] }).value
    expect(listed.map((post) => post.path)).toEqual(['posts/hello.md'])
    expect(JSON.stringify(listed)).not.toContain(SECRET)
  })

  it.each(LINKED_IMAGES)('%s is never served as an image', async (link) => {
    await expect(readRepositoryImage(repo, link)).rejects.toMatchObject({
      code: expect.stringMatching(/^(OUTSIDE_REPOSITORY|READ_FAILED)$/),
    })
  })

  it('serves the regular image', async () => {
    const image = await readRepositoryImage(repo, 'static/pixel.png')
    expect(image.mime).toBe('image/png')
    expect(image.bytes.equals(PNG)).toBe(true)
  })

  it('refuses a link swapped in after the path was checked (the read itself never follows)', async () => {
    const checked = await resolveInsideRepository(repo, 'posts/alias.md')
    await expect(readRegularFile(checked, 'posts/alias.md', 1024)).rejects.toMatchObject({
      code: 'READ_FAILED',
      message: expect.stringMatching(/symbolic link/),
    })
  })

  it.skipIf(process.platform === 'win32')(
    'refuses a FIFO named like a post at once (opening it never waits for a writer)',
    async () => {
      const fifo = path.join(repo, 'posts', 'pipe.md')
      execFileSync('mkfifo', [fifo])
      try {
        await expect(readRegularFile(fifo, 'posts/pipe.md', 1024)).rejects.toMatchObject({
          code: 'READ_FAILED',
          message: expect.stringMatching(/not a regular file/),
        })
        expect(() => readRegularFileSync(fifo, 'posts/pipe.md', 1024)).toThrow(/not a regular file/)
      } finally {
        await rm(fifo)
      }
    },
  )
})

describe("Git's own folder, however it is spelled", () => {
  it.each([
    '.GIT/config',
    '.Git/config',
    'posts/../.gIt/config',
    '.git./config',
    '.git /config',
    'GIT~1/config',
    'themes/theme/.git/config',
    'static/git-config.png',
    'posts/git-config.md',
  ])('%s is outside what Inkpress reads or writes', async (target) => {
    await expect(resolveInsideRepository(repo, target)).rejects.toMatchObject({
      code: 'OUTSIDE_REPOSITORY',
    })
    const result = await call('posts:read', target)
    expect(result.ok).toBe(false)
    expect(JSON.stringify(result)).not.toContain(SECRET)
  })
})
