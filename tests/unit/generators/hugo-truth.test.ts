/**
 * The Hugo profile judged by Hugo itself: the fixture site is listed by the real `hugo`
 * (`hugo list all|drafts|future|expired`, Debian's 0.111.3 in CI) and Inkpress's index must
 * agree on every post's title, date and whether it appears on the site. The fixture holds
 * what real Hugo blogs do: front matter keys in any letter case (YAML and TOML), drafts,
 * expiry dates (and their `unpublishdate` alias), future dates and publish dates, a bundle.
 */
import { execFile } from 'node:child_process'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { installed } from '../../support/installed'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { indexPosts } from '../../../src/main/services/library'
import { detectSite } from '../../../src/main/services/site'
import type { PostSummary } from '../../../src/shared/posts'

const execFileAsync = promisify(execFile)
const FIXTURE = path.resolve('tests/fixtures/generators/hugo')

/**
 * Hugo's `list` output is CSV (encoding/csv: fields with a comma or quote are quoted, quotes
 * doubled); a few lines suffice and no dependency is needed for them.
 */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  const endField = (): void => {
    row.push(field)
    field = ''
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"'
      i++
    } else if (c === '"') {
      quoted = !quoted
    } else if (!quoted && c === ',') {
      endField()
    } else if (!quoted && c === '\n') {
      endField()
      rows.push(row)
      row = []
    } else {
      field += c
    }
  }
  if (field || row.length) {
    endField()
    rows.push(row)
  }
  return rows
}

let site: string
let cacheDir: string
const hugo = async (...args: string[]) =>
  parseCsv((await execFileAsync('hugo', args, { cwd: site })).stdout)

// CI installs hugo (.ci/run); elsewhere the suite says why it did not run.
describe.skipIf(!installed('hugo', 'version') && !process.env.CI)(
  'the Hugo profile against hugo 0.111',
  () => {
    let posts: Map<string, PostSummary>
    let listed: { path: string; title: string; date: string; draft: boolean }[]
    let hidden: Set<string>

    beforeAll(async () => {
      const root = await mkdtemp(path.join(tmpdir(), 'inkpress-hugo-truth-'))
      site = path.join(root, 'site')
      cacheDir = path.join(root, 'cache')
      await cp(FIXTURE, site, { recursive: true })
      const [header, ...rows] = await hugo('list', 'all')
      expect(header?.slice(0, 4)).toEqual(['path', 'slug', 'title', 'date'])
      listed = rows.map((r) => ({
        path: r[0] ?? '',
        title: r[2] ?? '',
        date: r[3] ?? '',
        draft: r[6] === 'true',
      }))
      hidden = new Set(
        [
          ...(await hugo('list', 'drafts')),
          ...(await hugo('list', 'future')),
          ...(await hugo('list', 'expired')),
        ].map((r) => r[0] ?? ''),
      )
      const info = await detectSite(site)
      posts = new Map((await indexPosts(site, { site: info, cacheDir })).map((p) => [p.path, p]))
    })
    afterAll(async () => {
      if (site) await rm(path.dirname(site), { recursive: true, force: true })
    })

    it('lists the same posts', () => {
      expect([...posts.keys()].sort()).toEqual(listed.map((p) => p.path).sort())
      expect(listed.length).toBeGreaterThanOrEqual(12)
    })

    it('shows the title Hugo shows, whatever the case of the key', () => {
      for (const truth of listed) expect(posts.get(truth.path)?.title, truth.path).toBe(truth.title)
    })

    it("dates each post at Hugo's instant", () => {
      for (const truth of listed) {
        const date = posts.get(truth.path)?.date
        expect(date, truth.path).not.toBeNull()
        expect(new Date(date as string).getTime(), truth.path).toBe(new Date(truth.date).getTime())
      }
    })

    it('marks as not on the site exactly the drafts, future and expired posts', () => {
      expect(hidden.size).toBeGreaterThan(0)
      for (const truth of listed) {
        expect(posts.get(truth.path)?.draft, truth.path).toBe(hidden.has(truth.path))
      }
    })
  },
)
