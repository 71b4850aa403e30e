import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { listPostFiles } from '../../../src/main/services/library'
import { detectSite } from '../../../src/main/services/site'
import { useFixtureSites } from './site-fixtures'

const site = useFixtureSites()

describe('detectSite', () => {
  it('detects Hugo from hugo.toml and reads title, description and summaryLength', async () => {
    const { repo } = await site('hugo')
    const info = await detectSite(repo)
    expect(info).toMatchObject({
      generator: 'hugo',
      detectedFrom: 'hugo.toml',
      title: 'All posts',
      description: 'Deep, practical engineering stories — browse everything.',
      summaryLength: 40,
      contentDirs: ['content/posts'],
      frontMatterFormat: 'toml',
    })
    expect(await listPostFiles(repo, info)).toEqual([
      'content/posts/bundle-post/index.md',
      'content/posts/first-post.md',
      'content/posts/json-post.md',
      'content/posts/second-post.md',
    ])
  })

  it('detects Jekyll with _posts and _drafts', async () => {
    const { repo } = await site('jekyll')
    const info = await detectSite(repo)
    expect(info).toMatchObject({
      generator: 'jekyll',
      detectedFrom: '_config.yml',
      title: 'My Jekyll Blog',
      description: 'Notes from a Jekyll site.',
      summaryLength: 70,
    })
    expect(await listPostFiles(repo, info)).toEqual([
      '_drafts/unfinished.md',
      '_posts/2023-04-05-hello-jekyll.md',
      '_posts/2023-06-07-second.markdown',
    ])
  })

  it('detects Astro and reads the site constants', async () => {
    const { repo } = await site('astro')
    const info = await detectSite(repo)
    expect(info).toMatchObject({
      generator: 'astro',
      detectedFrom: 'astro.config.mjs',
      title: 'Astro Blog',
      description: 'Welcome to my Astro website!',
      contentDirs: ['src/content/blog'],
    })
    expect(await listPostFiles(repo, info)).toEqual(['src/content/blog/first-astro.md'])
  })

  it('tells Hexo from Jekyll by source/_posts', async () => {
    const { repo } = await site('hexo')
    const info = await detectSite(repo)
    expect(info).toMatchObject({
      generator: 'hexo',
      detectedFrom: '_config.yml',
      title: 'Hexo Site',
      description: 'A Hexo blog',
    })
    expect(await listPostFiles(repo, info)).toEqual([
      'source/_drafts/wip.md',
      'source/_posts/hello-world.md',
    ])
  })

  it('detects Eleventy and reads _data/metadata.json', async () => {
    const { repo } = await site('eleventy')
    const info = await detectSite(repo)
    expect(info).toMatchObject({
      generator: 'eleventy',
      detectedFrom: 'eleventy.config.js',
      title: 'Eleventy Base Blog',
      contentDirs: ['posts'],
    })
    expect(await listPostFiles(repo, info)).toEqual(['posts/firstpost.md'])
  })

  it('falls back to every Markdown file outside .git and node_modules', async () => {
    const { repo } = await site('plain')
    await mkdir(join(repo, 'node_modules', 'pkg'), { recursive: true })
    await writeFile(join(repo, 'node_modules', 'pkg', 'readme.md'), '# no')
    await mkdir(join(repo, '.git'), { recursive: true })
    await writeFile(join(repo, '.git', 'notes.md'), '# no')
    const info = await detectSite(repo)
    expect(info).toMatchObject({ generator: 'plain', detectedFrom: '', contentDirs: [''] })
    expect(await listPostFiles(repo, info)).toEqual(['README.md', 'notes/idea.md'])
  })

  it('honours a per-repository override', async () => {
    const { repo } = await site('jekyll')
    const info = await detectSite(repo, { generator: 'plain' })
    expect(info.generator).toBe('plain')
    expect(await listPostFiles(repo, info)).toContain('about.md')
  })

  it('fails readably for a missing folder', async () => {
    await expect(detectSite('/definitely/not/here')).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
