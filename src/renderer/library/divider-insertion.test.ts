import { describe, expect, it } from 'vitest'
import { findDividerLine } from '../../shared/excerpt'
import { summarizePost, type SiteInfo } from '../../shared/posts'
import { DIVIDER, dividerInsertion } from './divider-insertion'

const apply = (text: string, cursor: number) => {
  const { from, insert } = dividerInsertion(text, cursor)
  return text.slice(0, from) + insert + text.slice(from)
}

const POST = '---\ntitle: "A"\n---\n\nFirst paragraph here.\n\nSecond paragraph.\n'
const SITE: SiteInfo = {
  generator: 'hugo',
  title: 'Blog',
  description: '',
  summaryLength: 70,
  contentDirs: ['content/posts'],
  detectedFrom: 'hugo.toml',
}

describe('dividerInsertion', () => {
  it('splits a line in the middle so the divider stands alone', () => {
    const cursor = POST.indexOf('here.')
    const result = apply(POST, cursor)
    expect(result).toContain(`First paragraph \n${DIVIDER}\nhere.`)
    expect(findDividerLine(result)).not.toBeNull()
  })

  it('fills an empty line rather than adding lines', () => {
    const cursor = POST.indexOf('\n\nSecond') + 1
    const result = apply(POST, cursor)
    expect(result).toContain(`here.\n${DIVIDER}\nSecond`)
  })

  it('puts the cursor right after the divider', () => {
    const cursor = POST.indexOf('here.')
    const insertion = dividerInsertion(POST, cursor)
    const result = apply(POST, cursor)
    expect(result.slice(insertion.cursor - DIVIDER.length, insertion.cursor)).toBe(DIVIDER)
  })

  it('never writes into the front matter: a cursor there means after the first paragraph', () => {
    const result = apply(POST, 0)
    expect(result.startsWith('---\ntitle: "A"\n---\n')).toBe(true)
    expect(result).toContain(`First paragraph here.\n\n${DIVIDER}\n\nSecond paragraph.`)
    const summary = summarizePost('content/posts/a.md', result, SITE)
    expect(summary.excerptSource).toBe('manual')
    expect(summary.excerpt).toBe('First paragraph here.')
    expect(summary.title).toBe('A')
  })

  it('appends to a post with no body', () => {
    const text = '---\ntitle: "Empty"\n---\n'
    expect(apply(text, 2)).toBe(`${text}${DIVIDER}\n`)
  })

  it('works in a file without front matter', () => {
    const text = 'One.\nTwo.'
    expect(apply(text, 'One.'.length)).toBe(`One.\n${DIVIDER}\nTwo.`)
  })
})
