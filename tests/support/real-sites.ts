/**
 * The corpus of real public blogs (`tests/fixtures/real-sites`, copied from
 * `../shared/real-sites`) judged as its README says: each site folder becomes a Git
 * repository, `inkpress index <repo> --json` lists it, and every post is compared field by
 * field with `expected.json`, which the site's own generator produced.
 */
import { execFileSync } from 'node:child_process'
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { indexCommand } from '../../src/main/cli/commands/index-command'
import type { PostSummary } from '../../src/shared/posts'

export const REAL_SITES = path.resolve('tests/fixtures/real-sites')

export interface ExpectedPost {
  path: string
  lang?: string
  title: string
  date: string | null
  dateComparable?: boolean
  draft: boolean
  onIndex?: boolean
  excerpt: string | null
  excerptUsesTemplates?: boolean
}

export interface ExpectedSite {
  generator: string
  indexOrder: Record<string, string[]>
  notOnIndex?: string[]
  posts: ExpectedPost[]
}

/** One field of one post that differs, with both values, for the report. */
export interface Mismatch {
  path: string
  field: 'listed' | 'title' | 'date' | 'draft' | 'excerpt' | 'order' | 'extra'
  expected: unknown
  actual: unknown
}

export interface SiteVerdict {
  site: string
  posts: number
  matched: number
  mismatches: Mismatch[]
}

export async function siteNames(): Promise<string[]> {
  const entries = await readdir(REAL_SITES, { withFileTypes: true })
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
}

/** Copies the site (without expected.json) into a fresh Git repository and lists it with the CLI. */
export async function indexRealSite(site: string): Promise<PostSummary[]> {
  const dir = await mkdtemp(path.join(tmpdir(), `inkpress-real-${site}-`))
  const appData = await mkdtemp(path.join(tmpdir(), 'inkpress-real-data-'))
  try {
    await cp(path.join(REAL_SITES, site), dir, {
      recursive: true,
      filter: (source) => path.basename(source) !== 'expected.json',
    })
    const git = (...args: string[]): void => {
      execFileSync('git', args, { cwd: dir, stdio: 'ignore' })
    }
    git('init', '-q', '-b', 'main')
    git('add', '-A')
    git(
      '-c',
      'user.name=Corpus',
      '-c',
      'user.email=corpus@example.com',
      'commit',
      '-q',
      '-m',
      'Import',
    )
    let stdout = ''
    const code = await indexCommand.run([dir, '--json'], {
      stdout: (text: string) => (stdout += text),
      stderr: () => undefined,
      env: { ...process.env, INKPRESS_DATA_DIR: appData },
      cwd: dir,
    })
    if (code !== 0) throw new Error(`inkpress index ${site} exited with ${code}`)
    return JSON.parse(stdout) as PostSummary[]
  } finally {
    await rm(dir, { recursive: true, force: true })
    await rm(appData, { recursive: true, force: true })
  }
}

export async function expectedFor(site: string): Promise<ExpectedSite> {
  return JSON.parse(await readFile(path.join(REAL_SITES, site, 'expected.json'), 'utf8'))
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim()

/**
 * The README's date rule: with a time and a zone, the same instant; without a zone, the same
 * calendar day and, when a time is given, the same wall-clock time.
 */
export function sameDate(expected: string, actual: string | null): boolean {
  if (!actual) return false
  const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(actual) && /\d[T ]\d/.test(actual)
  if (zoned) return Date.parse(normalizeDate(actual)) === Date.parse(expected)
  const day = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(actual)
  if (!day) return false
  const [, y, m, d] = day
  const iso = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`
  if (!expected.startsWith(iso)) return false
  const time = /[T ](\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(actual)
  if (!time) return true
  const wall = `${time[1]!.padStart(2, '0')}:${time[2]}:${time[3] ?? '00'}`
  return expected.slice(11, 19) === wall
}

function normalizeDate(text: string): string {
  return text
    .trim()
    .replace(' ', 'T')
    .replace(/([+-]\d{2})(\d{2})$/, '$1:$2')
}

export function compareSite(
  site: string,
  expected: ExpectedSite,
  actual: PostSummary[],
): SiteVerdict {
  const byPath = new Map(actual.map((post) => [post.path, post]))
  const mismatches: Mismatch[] = []
  let matched = 0
  for (const want of expected.posts) {
    const got = byPath.get(want.path)
    const before = mismatches.length
    const differ = (field: Mismatch['field'], e: unknown, a: unknown): void => {
      mismatches.push({ path: want.path, field, expected: e, actual: a })
    }
    if (!got) {
      differ('listed', true, false)
      continue
    }
    if (collapse(want.title) !== collapse(got.title)) differ('title', want.title, got.title)
    if (want.dateComparable !== false && want.date && !sameDate(want.date, got.date)) {
      differ('date', want.date, got.date)
    }
    if (want.draft !== got.draft) differ('draft', want.draft, got.draft)
    if (
      want.excerpt !== null &&
      !want.excerptUsesTemplates &&
      collapse(want.excerpt) !== collapse(got.excerpt)
    ) {
      differ('excerpt', want.excerpt, got.excerpt)
    }
    if (mismatches.length === before) matched++
  }
  const known = new Set([...expected.posts.map((p) => p.path), ...(expected.notOnIndex ?? [])])
  for (const post of actual) {
    if (!known.has(post.path)) {
      mismatches.push({ path: post.path, field: 'extra', expected: false, actual: true })
    }
  }
  const position = new Map(actual.map((post, index) => [post.path, index]))
  for (const [group, order] of Object.entries(expected.indexOrder)) {
    const listed = order.filter((p) => position.has(p))
    const ours = [...listed].sort((a, b) => position.get(a)! - position.get(b)!)
    if (ours.join('\n') !== listed.join('\n')) {
      const at = ours.findIndex((p, i) => p !== listed[i])
      mismatches.push({
        path: `order of ${group || 'the index'}`,
        field: 'order',
        expected: listed.slice(at, at + 3),
        actual: ours.slice(at, at + 3),
      })
    }
  }
  return { site, posts: expected.posts.length, matched, mismatches }
}
