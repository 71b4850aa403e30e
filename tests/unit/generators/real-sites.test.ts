/**
 * Real public blogs listed as their own generators list them (`tests/fixtures/real-sites`:
 * twenty sites built by Jekyll, Hugo, Hexo, Eleventy and Astro; see its README). Each site
 * becomes a Git repository, `inkpress index --json` lists it, and every post's title, date,
 * draft state, excerpt and the index order are compared with the generator's output. What
 * still differs is listed, with its reason, in `real-sites-known.ts`.
 */
import { describe, expect, it } from 'vitest'
import {
  compareSite,
  expectedFor,
  indexRealSite,
  siteNames,
  type Mismatch,
} from '../../support/real-sites'
import { KNOWN_DIFFERENCES } from './real-sites-known'

const sites = await siteNames()
const TEMPLATE = /\{\{|\{%/
const describeText = (m: Mismatch): string =>
  `${m.field} of ${m.path}: expected ${JSON.stringify(m.expected)?.slice(0, 200)}, got ${JSON.stringify(m.actual)?.slice(0, 200)}`

describe("the real-sites corpus, judged by each site's generator", () => {
  it('holds every site of the corpus', () => {
    expect(sites.length).toBe(20)
  })

  it('says why each listed difference remains', () => {
    const groups = Object.entries(KNOWN_DIFFERENCES).flatMap(([site, fields]) =>
      Object.entries(fields).map(([field, { reason }]) => ({ site, field, reason })),
    )
    expect(groups.filter((g) => g.reason === 'TODO' || g.reason.length < 20)).toEqual([])
  })

  it.each(sites)('%s: every post matches, apart from the listed differences', async (site) => {
    const expected = await expectedFor(site)
    const listed = await indexRealSite(site)
    const verdict = compareSite(site, expected, listed)
    const known = KNOWN_DIFFERENCES[site] ?? {}
    const unexpected = verdict.mismatches.filter((m) => !known[m.field]?.paths.includes(m.path))
    expect(unexpected.map(describeText), 'differences not in real-sites-known.ts').toEqual([])
    const stillDiffering = new Set(verdict.mismatches.map((m) => `${m.field}\u0000${m.path}`))
    const nowMatching = Object.entries(known).flatMap(([field, { paths }]) =>
      paths.filter((p) => !stillDiffering.has(`${field}\u0000${p}`)).map((p) => `${field} of ${p}`),
    )
    expect(nowMatching, 'listed as different but now matching: remove from the list').toEqual([])

    // Template syntax: the excerpts of posts whose templates the comparison skips are still
    // held to one rule, raw braces only where the site itself shows them.
    const byPath = new Map(listed.map((post) => [post.path, post]))
    const rawBraces = expected.posts
      .filter((want) => want.excerpt !== null && !TEMPLATE.test(want.excerpt))
      .filter((want) => TEMPLATE.test(byPath.get(want.path)?.excerpt ?? ''))
      .map(
        (want) =>
          `${want.path}: ${byPath.get(want.path)?.excerpt.match(/.{0,40}(\{\{|\{%).{0,40}/)?.[0]}`,
      )
    expect(rawBraces, 'template syntax the site does not show').toEqual([])
  })
})
