import { execFileSync } from 'node:child_process'
import { readdir, readFile, stat, symlink, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { indexPosts } from '../../../src/main/services/library'
import { useFixtureSites } from './site-fixtures'

const site = useFixtureSites()

describe('indexPosts', () => {
  it('lists Hugo posts newest first with excerpts, drafts and tags', async () => {
    const { repo, cacheDir, info } = await site('hugo')
    const posts = await indexPosts(repo, { site: info, cacheDir })
    expect(posts.map((p) => [p.path, p.date])).toEqual([
      // Weighted first, as Hugo lists pages (json-post has `weight: 3`), then newest first.
      ['content/posts/json-post.md', '2024-02-02'],
      ['content/posts/bundle-post/index.md', '2024-05-20'],
      ['content/posts/second-post.md', '2024-04-10'],
      ['content/posts/first-post.md', '2024-03-01T09:00:00+01:00'],
    ])
    const [, bundle, second, first] = posts
    expect(bundle).toMatchObject({
      slug: 'bundle-post',
      title: 'A page bundle',
      draft: true,
      excerptSource: 'auto',
    })
    expect(second).toMatchObject({
      slug: 'second-post',
      tags: ['rust', 'systems'],
      excerpt: 'A hand-written summary for the second post.',
      excerptSource: 'frontmatter',
    })
    expect(first).toMatchObject({
      title: 'First post',
      tags: ['go', 'web'],
      draft: false,
      excerpt: 'The opening paragraph of the first post.',
      excerptSource: 'manual',
    })
    expect(first!.wordCount).toBe(13)
    expect(first!.readingMinutes).toBe(1)
  })

  it('uses Jekyll file-name dates, _drafts and first-paragraph excerpts', async () => {
    const { repo, cacheDir, info } = await site('jekyll')
    const posts = await indexPosts(repo, { site: info, cacheDir })
    expect(posts.map((p) => [p.slug, p.date, p.draft])).toEqual([
      ['second', '2023-06-08 10:00:00 +0200', false],
      ['hello-jekyll', '2023-04-05', false],
      ['unfinished', null, true],
    ])
    expect(posts[1]).toMatchObject({
      tags: ['intro', 'jekyll'],
      excerpt: 'The first paragraph is the excerpt in Jekyll.',
    })
  })

  it('dates an undated post by the commit that added it', async () => {
    const { repo, cacheDir, info } = await site('jekyll')
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: repo,
        env: {
          ...process.env,
          GIT_AUTHOR_DATE: '2022-02-03T04:05:06+00:00',
          GIT_COMMITTER_DATE: '2022-02-03T04:05:06+00:00',
        },
      })
    git('init', '-q')
    git('add', '.')
    git('-c', 'user.name=T', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'initial')
    const posts = await indexPosts(repo, { site: info, cacheDir })
    expect(posts.find((p) => p.slug === 'unfinished')?.date).toBe('2022-02-03T04:05:06+00:00')
  })

  it('leaves out what the editor would refuse to open: binary, invalid UTF-8, a link', async () => {
    const { repo, cacheDir, info } = await site('hugo')
    const before = (await indexPosts(repo, { site: info, cacheDir })).map((p) => p.path)
    const dir = join(repo, 'content/posts')
    await writeFile(join(dir, 'photo.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]))
    await writeFile(join(dir, 'latin1.md'), Buffer.from('---\ntitle: Caf\xe9\n---\n', 'latin1'))
    await symlink(join(dir, before[0]!.split('/').pop()!), join(dir, 'alias.md'))
    const after = (await indexPosts(repo, { site: info, cacheDir })).map((p) => p.path)
    expect(after).toEqual(before)
  })

  it('lists a post with malformed front matter, with a readable error', async () => {
    const { repo, cacheDir, info } = await site('hugo')
    const broken = '---\ntitle: [oops\n---\n# Broken heading\n\nBody text.\n'
    await writeFile(join(repo, 'content/posts/broken.md'), broken)
    const posts = await indexPosts(repo, { site: info, cacheDir })
    const post = posts.find((p) => p.path === 'content/posts/broken.md')
    expect(post?.frontMatterError).toMatch(/YAML front matter could not be read/)
    expect(post?.title).toBe('Broken heading')
    expect(await readFile(join(repo, 'content/posts/broken.md'), 'utf8')).toBe(broken)
  })

  it('keeps the cache outside the repository, hits it, and re-reads changed files', async () => {
    const { repo, cacheDir, info } = await site('hugo')
    const before = await indexPosts(repo, { site: info, cacheDir })
    const cacheFiles = await readdir(cacheDir)
    expect(cacheFiles).toHaveLength(1)
    const cacheFile = join(cacheDir, cacheFiles[0]!)
    const cacheTime = (await stat(cacheFile)).mtimeMs

    // Poison the cached title: a cache hit must return the cached value.
    const cache = JSON.parse(await readFile(cacheFile, 'utf8')) as {
      entries: Record<string, { summary: { title: string } }>
    }
    cache.entries['content/posts/json-post.md']!.summary.title = 'From cache'
    await writeFile(cacheFile, JSON.stringify(cache))
    const warm = await indexPosts(repo, { site: info, cacheDir })
    expect(warm.find((p) => p.path === 'content/posts/json-post.md')?.title).toBe('From cache')
    expect(warm.map((p) => p.path)).toEqual(before.map((p) => p.path))

    // Change a file: it is read again, the others still come from the cache.
    const path = join(repo, 'content/posts/first-post.md')
    await writeFile(
      path,
      (await readFile(path, 'utf8')).replace(
        "title = 'First post'",
        "title = 'Renamed first post'",
      ),
    )
    await utimes(path, new Date(), new Date(Date.now() + 5000))
    const changed = await indexPosts(repo, { site: info, cacheDir })
    expect(changed.find((p) => p.path === 'content/posts/first-post.md')?.title).toBe(
      'Renamed first post',
    )
    expect(changed.find((p) => p.path === 'content/posts/json-post.md')?.title).toBe('From cache')
    expect((await stat(cacheFile)).mtimeMs).toBeGreaterThanOrEqual(cacheTime)
    expect((await readdir(repo)).some((name) => name.includes('cache'))).toBe(false)
  })

  it('does not follow a symlink that leads out of the repository', async () => {
    const { root, repo, cacheDir, info } = await site('hugo')
    await writeFile(join(root, 'secret.md'), '# Secret\n')
    await symlink(join(root, 'secret.md'), join(repo, 'content/posts/link.md'))
    const posts = await indexPosts(repo, { site: info, cacheDir })
    expect(posts.map((p) => p.path)).not.toContain('content/posts/link.md')
  })
})
