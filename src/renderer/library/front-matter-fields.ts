import type { FrontMatterData, FrontMatterPatch } from '../../shared/frontmatter'
import type { SiteGenerator } from '../../shared/posts'

export type SummaryField = 'summary' | 'description' | 'excerpt'

/** Generators whose themes conventionally read `description` for a post's summary. */
const DESCRIPTION_FIRST: ReadonlySet<SiteGenerator> = new Set(['astro', 'eleventy', 'plain'])
const SUMMARY_FIELDS: readonly SummaryField[] = ['summary', 'description', 'excerpt']

/**
 * The front matter key that holds the hand-written summary: the one the post already uses,
 * else the generator's usual key.
 */
export function summaryFieldFor(generator: SiteGenerator, data: FrontMatterData): SummaryField {
  const existing = SUMMARY_FIELDS.find((key) => typeof data[key] === 'string')
  if (existing && (existing !== 'description' || DESCRIPTION_FIRST.has(generator))) return existing
  return DESCRIPTION_FIRST.has(generator) ? 'description' : 'summary'
}

/** Jekyll marks drafts with `published: false`; everyone else with `draft: true`. */
export function draftFieldFor(
  generator: SiteGenerator,
  data: FrontMatterData,
): 'draft' | 'published' {
  if ('draft' in data) return 'draft'
  return 'published' in data || generator === 'jekyll' ? 'published' : 'draft'
}

/** The patch that marks a post draft or not, written the way the post already writes it. */
export function draftPatch(
  generator: SiteGenerator,
  data: FrontMatterData,
  draft: boolean,
): FrontMatterPatch {
  const field = draftFieldFor(generator, data)
  if (field === 'published') return { published: draft ? false : field in data ? true : null }
  return { draft: draft ? true : field in data ? false : null }
}

/** Tags typed as "a, b, c". */
export function parseTagList(text: string): string[] {
  return text
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean)
}

/** A front matter value as the form's text field shows it. */
export function fieldText(value: unknown): string {
  if (value === undefined || value === null) return ''
  if (Array.isArray(value)) return value.map(String).join(', ')
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}
