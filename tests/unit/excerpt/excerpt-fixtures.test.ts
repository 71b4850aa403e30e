import { readdirSync, readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractExcerpt, type ExcerptOptions } from '../../../src/shared/excerpt'
import { parseFrontMatter } from '../../../src/shared/frontmatter'

const root = join(import.meta.dirname, '../../fixtures/excerpts')

describe('excerpt fixtures', () => {
  const names = readdirSync(root)
  it('has fixtures for every rule', () => {
    expect(names.length).toBeGreaterThanOrEqual(10)
  })
  for (const name of names) {
    it(name, () => {
      const input = readFileSync(join(root, name, 'input.md'), 'utf8')
      const expected = JSON.parse(
        readFileSync(join(root, name, 'expected.json'), 'utf8'),
      ) as unknown
      const optionsFile = join(root, name, 'options.json')
      const options: ExcerptOptions = existsSync(optionsFile)
        ? (JSON.parse(readFileSync(optionsFile, 'utf8')) as ExcerptOptions)
        : { generator: 'hugo', summaryLength: 70 }
      const parsed = parseFrontMatter(input)
      expect(parsed.error).toBeNull()
      expect(extractExcerpt(parsed.body, parsed.data, options)).toEqual(expected)
    })
  }
})

describe('the part before a divider, read with the whole post around it', () => {
  const post =
    'See [the docs][d] and a note[^n].\n\n<!--more-->\n\nThe rest.\n\n[d]: https://example.com\n[^n]: The note.\n'

  it('resolves link and footnote definitions that follow the divider', () => {
    // The sites render the whole post, then cut: Hugo and Jekyll show the footnote's number.
    expect(extractExcerpt(post, {}, { generator: 'hugo' }).excerpt).toBe(
      'See the docs and a note1.',
    )
    expect(extractExcerpt(post, {}, { generator: 'plain' }).excerpt).toBe(
      'See the docs and a note.',
    )
  })
})
