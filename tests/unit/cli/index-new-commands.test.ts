import { mkdir, readFile, realpath, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { CliIO } from '../../../src/main/cli/command'
import { runCli } from '../../../src/main/cli/run-cli'
import { copySite } from '../library/site-fixtures'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

async function setup(name: string) {
  const copy = await copySite(name)
  cleanups.push(copy.cleanup)
  const out: string[] = []
  const err: string[] = []
  const io: CliIO = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    env: { INKPRESS_DATA_DIR: join(copy.root, 'app-data'), HOME: copy.root },
    cwd: copy.root,
  }
  return { ...copy, io, out, err }
}

describe('inkpress index', () => {
  it('prints JSON newest first with the documented fields', async () => {
    const { io, out, err } = await setup('hugo')
    expect(await runCli(['index', 'hugo', '--json'], io)).toBe(0)
    expect(err).toEqual([])
    const posts = JSON.parse(out.join('')) as Array<Record<string, unknown>>
    // Hugo lists weighted pages (json-post has `weight: 3`) before the others.
    expect(posts.map((p) => p.path)).toEqual([
      'content/posts/json-post.md',
      'content/posts/bundle-post/index.md',
      'content/posts/second-post.md',
      'content/posts/first-post.md',
    ])
    expect(posts[3]).toMatchObject({
      slug: 'first-post',
      title: 'First post',
      date: '2024-03-01T09:00:00+01:00',
      draft: false,
      tags: ['go', 'web'],
      excerpt: 'The opening paragraph of the first post.',
      excerptSource: 'manual',
      wordCount: 13,
    })
  })

  it('follows the generator the writer chose for the repository in the app, unless --generator names one', async () => {
    const { io, out, root } = await setup('hugo')
    const repo = await realpath(join(root, 'hugo'))
    const settings = { recentRepositories: [], generatorOverrides: { [repo]: 'plain' } }
    await mkdir(io.env.INKPRESS_DATA_DIR!, { recursive: true })
    await writeFile(join(io.env.INKPRESS_DATA_DIR!, 'settings.json'), JSON.stringify(settings))
    const paths = async (...flags: string[]): Promise<string[]> => {
      out.length = 0
      expect(await runCli(['index', 'hugo', '--json', ...flags], io)).toBe(0)
      return (JSON.parse(out.join('')) as Array<{ path: string }>).map((p) => p.path)
    }
    // As a plain site every Markdown file of the repository is a post, pages included.
    const plain = await paths()
    expect(plain.length).toBeGreaterThan(4)
    expect(plain).toContain('content/about.md')
    const hugo = await paths('--generator', 'hugo')
    expect(hugo).not.toContain('content/about.md')
  })

  it('prints a table for people', async () => {
    const { io, out } = await setup('jekyll')
    expect(await runCli(['index', 'jekyll'], io)).toBe(0)
    const lines = out.join('').split('\n')
    expect(lines[0]).toMatch(/^DATE\s+STATE\s+TITLE\s+PATH$/)
    expect(lines[1]).toContain('Second Jekyll post')
    expect(lines[3]).toMatch(/draft\s+Unfinished\s+_drafts\/unfinished\.md/)
  })

  it('exits 2 on usage errors and 1 on a missing folder', async () => {
    const { io, err } = await setup('hugo')
    expect(await runCli(['index'], io)).toBe(2)
    expect(await runCli(['index', 'hugo', '--bogus'], io)).toBe(2)
    expect(await runCli(['index', 'nowhere'], io)).toBe(1)
    expect(err.at(-1)).toMatch(/does not exist/)
    expect(err.every((line) => !line.includes('\n'))).toBe(true)
  })
})

describe('inkpress new', () => {
  it('creates a post and prints its repo-relative path', async () => {
    const { io, out, repo } = await setup('jekyll')
    expect(await runCli(['new', repo, 'My New Post'], io)).toBe(0)
    const path = out.join('').trim()
    expect(path).toMatch(/^_posts\/\d{4}-\d{2}-\d{2}-my-new-post\.md$/)
    expect(await readFile(join(repo, path), 'utf8')).toContain('title: My New Post')
  })

  it('exits 2 without a title', async () => {
    const { io, err } = await setup('hugo')
    expect(await runCli(['new', 'hugo'], io)).toBe(2)
    expect(err[0]).toMatch(/Usage: inkpress new/)
  })
})
