import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { saveImageForPost } from '../../../src/main/services/assets/save-image'
import type { SiteInfo } from '../../../src/shared/posts'
import { linkTargetInRepository } from '../../../src/shared/posts/site-paths'
import { solidPng } from '../../support/png'

const site = (generator: SiteInfo['generator']): SiteInfo => ({
  generator,
  title: 't',
  description: '',
  summaryLength: 70,
  contentDirs: [],
  detectedFrom: '',
})

const png = solidPng(2, 2, [200, 30, 30])
let repo: string

beforeEach(async () => {
  repo = await mkdtemp(path.join(os.tmpdir(), 'inkpress-images-'))
  await mkdir(path.join(repo, 'content', 'posts', 'trip'), { recursive: true })
})
afterEach(() => rm(repo, { recursive: true, force: true }))

const save = (
  generator: SiteInfo['generator'],
  post: string,
  name = 'Holiday Photo.png',
  bytes: Uint8Array = png,
) => saveImageForPost(repo, site(generator), post, { name, type: 'image/png', bytes })

describe('saving pasted images where the site expects them', () => {
  it('puts an image next to a Hugo page bundle and links it relatively', async () => {
    const saved = await save('hugo', 'content/posts/trip/index.md')
    expect(saved).toEqual({
      repoPath: 'content/posts/trip/holiday-photo.png',
      link: 'holiday-photo.png',
    })
    expect(await readFile(path.join(repo, saved.repoPath))).toEqual(png)
    expect(linkTargetInRepository(site('hugo'), 'content/posts/trip/index.md', saved.link)).toBe(
      saved.repoPath,
    )
  })

  it("uses each generator's static folder and a site-absolute link that resolves back to the file", async () => {
    const cases = [
      [
        'hugo',
        'content/posts/plain.md',
        'static/images/holiday-photo.png',
        '/images/holiday-photo.png',
      ],
      [
        'jekyll',
        '_posts/2026-01-01-a.md',
        'assets/images/holiday-photo.png',
        '/assets/images/holiday-photo.png',
      ],
      [
        'astro',
        'src/content/blog/a.md',
        'public/images/holiday-photo.png',
        '/images/holiday-photo.png',
      ],
      [
        'hexo',
        'source/_posts/a.md',
        'source/images/holiday-photo.png',
        '/images/holiday-photo.png',
      ],
    ] as const
    for (const [generator, post, repoPath, link] of cases) {
      const saved = await save(generator, post)
      expect(saved).toEqual({ repoPath, link })
      expect(linkTargetInRepository(site(generator), post, saved.link)).toBe(repoPath)
    }
  })

  it('never overwrites: a second image with the same name gets a new one', async () => {
    const first = await save('hugo', 'content/posts/trip/index.md')
    const second = await save(
      'hugo',
      'content/posts/trip/index.md',
      'holiday photo.png',
      solidPng(1, 1, [0, 0, 0]),
    )
    expect(second.repoPath).toBe('content/posts/trip/holiday-photo-2.png')
    expect(await readFile(path.join(repo, first.repoPath))).toEqual(png)
  })

  it('refuses SVG, bytes that are not the claimed type, and posts outside the repository', async () => {
    await expect(
      saveImageForPost(repo, site('hugo'), 'content/posts/a.md', {
        name: 'x.svg',
        type: 'image/svg+xml',
        bytes: new TextEncoder().encode('<svg onload="alert(1)"/>'),
      }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' })
    await expect(
      save('hugo', 'content/posts/a.md', 'fake.png', new TextEncoder().encode('GIF89a')),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    })
    await expect(save('hugo', '../outside/index.md')).rejects.toMatchObject({
      code: 'OUTSIDE_REPOSITORY',
    })
    expect(await readdir(repo)).toEqual(['content'])
  })
})
