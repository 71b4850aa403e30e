/**
 * The Jekyll profile judged by Jekyll itself: the fixture site is built by the real `jekyll`
 * (Debian's 4.3.1 in CI), whose `posts.json` page dumps `site.posts` — the posts the index
 * shows, in its order — and Inkpress's index must agree: which posts are on the site (not
 * `published: false`, not dated in the future, not in `_drafts`), their titles (made from the
 * slug when the front matter has none), dates and order (same-day posts included).
 */
import { execFile } from 'node:child_process'
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { installed } from '../../support/installed'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { indexPosts } from '../../../src/main/services/library'
import { detectSite } from '../../../src/main/services/site'
import type { PostSummary } from '../../../src/shared/posts'

const execFileAsync = promisify(execFile)
const FIXTURE = path.resolve('tests/fixtures/generators/jekyll')

let root: string

// CI installs jekyll (.ci/run); elsewhere the suite says why it did not run.
describe.skipIf(!installed('jekyll') && !process.env.CI)(
  'the Jekyll profile against jekyll 4.3',
  () => {
    let onSite: { path: string; title: string; date: string }[]
    let posts: PostSummary[]

    beforeAll(async () => {
      root = await mkdtemp(path.join(tmpdir(), 'inkpress-jekyll-truth-'))
      const site = path.join(root, 'site')
      await cp(FIXTURE, site, { recursive: true })
      const output = path.join(root, 'built')
      await execFileAsync(
        'jekyll',
        ['build', '--quiet', '--source', site, '--destination', output],
        {
          env: { ...process.env, TZ: 'UTC', JEKYLL_ENV: 'production' },
        },
      )
      onSite = JSON.parse(await readFile(path.join(output, 'posts.json'), 'utf8')) as typeof onSite
      const info = await detectSite(site)
      posts = await indexPosts(site, { site: info, cacheDir: path.join(root, 'cache') })
    })
    afterAll(async () => {
      if (root) await rm(root, { recursive: true, force: true })
    })

    it('lists every post, and marks as not on the site exactly those Jekyll leaves out', () => {
      expect(onSite.length).toBeGreaterThanOrEqual(5)
      const shown = new Set(onSite.map((p) => p.path))
      expect(posts.length).toBe(shown.size + 3) // unpublished, future, draft
      for (const post of posts) expect(post.draft, post.path).toBe(!shown.has(post.path))
    })

    it('shows the title Jekyll shows, made from the slug when there is none', () => {
      const byPath = new Map(posts.map((p) => [p.path, p]))
      for (const truth of onSite)
        expect(byPath.get(truth.path)?.title, truth.path).toBe(truth.title)
    })

    it("dates each post at Jekyll's instant", () => {
      const byPath = new Map(posts.map((p) => [p.path, p]))
      for (const truth of onSite) {
        const date = byPath.get(truth.path)?.date ?? ''
        const normalized = date.replace(' ', 'T').replace(/ ?([+-]\d\d)(\d\d)$/, '$1:$2')
        const zoned = /T.*([zZ]|[+-]\d\d:\d\d)$/.test(normalized)
        expect(
          new Date(
            zoned
              ? normalized
              : `${normalized.length === 10 ? `${normalized}T00:00:00` : normalized}Z`,
          ).getTime(),
          truth.path,
        ).toBe(new Date(truth.date).getTime())
      }
    })

    it('orders the posts as the site lists them, same-day posts included', () => {
      const shown = new Set(onSite.map((p) => p.path))
      expect(posts.filter((p) => shown.has(p.path)).map((p) => p.path)).toEqual(
        onSite.map((p) => p.path),
      )
    })
  },
)
