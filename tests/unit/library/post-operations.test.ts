import { mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  createPost,
  deletePost,
  duplicatePost,
  indexPosts,
  renamePost,
} from '../../../src/main/services/library'
import { parseFrontMatter } from '../../../src/shared/frontmatter'
import { useFixtureSites } from './site-fixtures'

const site = useFixtureSites()

const NOW = new Date(2024, 6, 9, 8, 30, 0)

describe('createPost', () => {
  const expectations: Array<[string, string, Record<string, unknown>]> = [
    ['hugo', 'content/posts/hello-world-again.md', { title: 'Hello, World again!', draft: true }],
    [
      'jekyll',
      '_posts/2024-07-09-hello-world-again.md',
      { layout: 'post', title: 'Hello, World again!' },
    ],
    [
      'astro',
      'src/content/blog/hello-world-again.md',
      { title: 'Hello, World again!', pubDate: '2024-07-09' },
    ],
    [
      'hexo',
      'source/_posts/hello-world-again.md',
      { title: 'Hello, World again!', date: '2024-07-09 08:30:00' },
    ],
    [
      'eleventy',
      'posts/hello-world-again.md',
      { title: 'Hello, World again!', date: '2024-07-09' },
    ],
    ['plain', 'hello-world-again.md', { title: 'Hello, World again!', date: '2024-07-09' }],
  ]
  for (const [name, path, fields] of expectations) {
    it(`follows ${name} conventions and shows up in the index`, async () => {
      const { repo, cacheDir, info } = await site(name)
      expect(await createPost(repo, info, 'Hello, World again!', { now: NOW })).toBe(path)
      const parsed = parseFrontMatter(await readFile(join(repo, path), 'utf8'))
      expect(parsed.error).toBeNull()
      expect(parsed.data).toMatchObject(fields)
      const posts = await indexPosts(repo, { site: info, cacheDir })
      expect(posts.find((p) => p.path === path)?.title).toBe('Hello, World again!')
    })
  }

  it('never overwrites an existing file', async () => {
    const { repo, info } = await site('hugo')
    const existing = await readFile(join(repo, 'content/posts/first-post.md'), 'utf8')
    expect(await createPost(repo, info, 'First Post', { now: NOW })).toBe(
      'content/posts/first-post-2.md',
    )
    expect(await createPost(repo, info, 'First Post', { now: NOW })).toBe(
      'content/posts/first-post-3.md',
    )
    expect(await readFile(join(repo, 'content/posts/first-post.md'), 'utf8')).toBe(existing)
  })

  it('rejects an empty title', async () => {
    const { repo, info } = await site('hugo')
    await expect(createPost(repo, info, '   ')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' })
  })
})

describe('rename, duplicate, delete', () => {
  it('renames a Jekyll post keeping its date and refuses to replace another', async () => {
    const { repo } = await site('jekyll')
    expect(await renamePost(repo, '_posts/2023-04-05-hello-jekyll.md', 'Greetings')).toBe(
      '_posts/2023-04-05-greetings.md',
    )
    await expect(renamePost(repo, '_posts/2023-04-05-greetings.md', 'second')).resolves.toBe(
      '_posts/2023-04-05-second.md',
    )
    await writeFile(join(repo, '_posts/2023-04-05-taken.md'), 'x')
    await expect(renamePost(repo, '_posts/2023-04-05-second.md', 'taken')).rejects.toMatchObject({
      code: 'ALREADY_EXISTS',
    })
  })

  it('renames a Hugo page bundle by its folder', async () => {
    const { repo } = await site('hugo')
    expect(await renamePost(repo, 'content/posts/bundle-post/index.md', 'new-bundle')).toBe(
      'content/posts/new-bundle/index.md',
    )
    expect((await readdir(join(repo, 'content/posts/new-bundle'))).sort()).toEqual([
      'index.md',
      'notes.md',
    ])
  })

  it('duplicates a post under a free name with a marked title', async () => {
    const { repo } = await site('hugo')
    const copy = await duplicatePost(repo, 'content/posts/first-post.md')
    expect(copy).toBe('content/posts/first-post-copy.md')
    const text = await readFile(join(repo, copy), 'utf8')
    expect(parseFrontMatter(text).data.title).toBe('First post (copy)')
    expect(text).toContain('# Written by hand; keep this comment.')
    expect(await duplicatePost(repo, 'content/posts/first-post.md')).toBe(
      'content/posts/first-post-copy-2.md',
    )
    expect(await duplicatePost(repo, 'content/posts/bundle-post/index.md')).toBe(
      'content/posts/bundle-post-copy/index.md',
    )
  })

  it('deletes a post, and an emptied bundle folder', async () => {
    const { repo } = await site('hugo')
    await deletePost(repo, 'content/posts/first-post.md')
    expect(await readdir(join(repo, 'content/posts'))).not.toContain('first-post.md')
    await mkdir(join(repo, 'content/posts/solo'))
    await writeFile(join(repo, 'content/posts/solo/index.md'), '# Solo\n')
    await deletePost(repo, 'content/posts/solo/index.md')
    expect(await readdir(join(repo, 'content/posts'))).not.toContain('solo')
    await expect(deletePost(repo, 'content/posts/missing.md')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
  })

  it('confines every path to the repository', async () => {
    const { root, repo } = await site('hugo')
    await writeFile(join(root, 'outside.md'), 'outside')
    await symlink(root, join(repo, 'escape'))
    for (const path of [
      '../outside.md',
      '/etc/passwd',
      'content/../../outside.md',
      'escape/outside.md',
    ]) {
      await expect(deletePost(repo, path), path).rejects.toMatchObject({
        code: 'OUTSIDE_REPOSITORY',
      })
      await expect(duplicatePost(repo, path), path).rejects.toMatchObject({
        code: 'OUTSIDE_REPOSITORY',
      })
    }
    await expect(renamePost(repo, 'content/posts/first-post.md', '../../x')).resolves.toBe(
      'content/posts/x.md',
    )
    expect(await readFile(join(root, 'outside.md'), 'utf8')).toBe('outside')
  })
})
