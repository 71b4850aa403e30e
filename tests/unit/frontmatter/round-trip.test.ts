import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  parseFrontMatter,
  splitFrontMatter,
  updateFrontMatter,
  type FrontMatterPatch,
} from '../../../src/shared/frontmatter'
import { isAppFailure } from '../../../src/shared/result'

const fixtures = join(import.meta.dirname, '../../fixtures')

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return markdownFiles(path)
    return /\.(md|markdown)$/.test(name) ? [path] : []
  })
}

/** Hand-written cases for formatting the fixtures do not cover. */
const EXTRA: Record<string, string> = {
  'yaml-comments-blank-lines': `---\n# leading comment\ntitle: Plain title # trailing comment\n\nauthor:\n  name: Someone   # nested\n  links: [a, b]\ndate: '2024-01-02'\nsummary: >-\n  A folded\n  summary.\ntags: [ one, two ]\ndraft: no\n---\nBody *stays*.\n`,
  'yaml-crlf-bom': `\uFEFF---\r\ntitle: 'Single quoted'\r\ntags:\r\n- a\r\n- b\r\nweight: 10\r\n---\r\nBody line.\r\n`,
  'toml-comments': `+++\n# comment\ntitle   =   "Spaced"   # keep\ndate = 2024-01-02T03:04:05Z\ndraft = false\n\n[params]\n  # indented comment\n  author = 'x'\n+++\n\nBody.\n`,
  'toml-crlf': `+++\r\ntitle = 'CRLF'\r\ntags = [ "a" ]\r\n+++\r\nBody.\r\n`,
  'json-nested': `{\n    "title": "JSON",\n    "nested": { "a": [1,2] },\n    "draft": false\n}\n\nBody.\n`,
  'yaml-empty': `---\n---\nBody only.\n`,
}

function cases(): Array<[string, string]> {
  const files = markdownFiles(fixtures).map((path): [string, string] => [
    relative(fixtures, path),
    readFileSync(path, 'utf8'),
  ])
  const withFrontMatter = files.filter(([, text]) => {
    const parsed = parseFrontMatter(text)
    return parsed.format !== null && parsed.error === null
  })
  return [...withFrontMatter, ...Object.entries(EXTRA)]
}

const EDITS: Array<[keyof FrontMatterPatch, FrontMatterPatch[keyof FrontMatterPatch]]> = [
  ['title', 'Edited title words'],
  ['date', '2025-01-02'],
  ['tags', ['edited', 'tag two']],
  ['draft', true],
  ['summary', 'An edited summary.'],
  ['description', 'An edited description.'],
]

/** The lines of `before` that differ from `after` (common prefix and suffix removed). */
function changedLines(before: string, after: string): string[] {
  let start = 0
  while (start < before.length && before[start] === after[start]) start++
  let end = 0
  while (
    end < before.length - start &&
    end < after.length - start &&
    before.at(-1 - end) === after.at(-1 - end)
  )
    end++
  const from = before.lastIndexOf('\n', start - 1) + 1
  const to = before.indexOf('\n', before.length - end)
  if (before.length - end <= start) return []
  return before.slice(from, to < 0 ? before.length : to).split('\n')
}

describe('updateFrontMatter keeps every byte but the edited field', () => {
  for (const [name, text] of cases()) {
    for (const [field, value] of EDITS) {
      it(`${name}: ${field}`, () => {
        const before = parseFrontMatter(text)
        const updated = updateFrontMatter(text, { [field]: value })
        const after = parseFrontMatter(updated)
        expect(after.error).toBeNull()
        expect(after.format).toBe(before.format)
        expect(after.body).toBe(before.body)
        expect(after.data[field]).toEqual(value)
        for (const key of Object.keys(before.data)) {
          if (key !== field) expect(after.data[key], key).toEqual(before.data[key])
        }
        // Only lines of the edited field changed (or new lines were only added).
        const lines = changedLines(text, updated)
        const keyLine = new RegExp(`^\\s*["']?${field}["']?\\s*[:=]`)
        for (const line of lines)
          expect(line).toMatch(new RegExp(`${keyLine.source}|^(\\s|-|\\]|$)`))
        // Undo restores the original byte for byte.
        const old = before.data[field]
        const undo: FrontMatterPatch = { [field]: old === undefined ? null : old }
        // A block scalar, or a plain one folded over several lines, cannot be written back
        // with its original line breaks: the value does not record them.
        const blockScalar =
          new RegExp(`^${field}:\\s*[|>]`, 'm').test(text) ||
          new RegExp(`^${field}:[ \\t]*\\S.*\\r?\\n[ \\t]+\\S`, 'm').test(text)
        if (
          old === undefined ||
          typeof old === 'boolean' ||
          (typeof old === 'string' && !blockScalar)
        ) {
          expect(updateFrontMatter(updated, undo)).toBe(text)
        }
      })
    }
  }
})

describe('front matter edge cases', () => {
  it('quotes titles that need it, in each format', () => {
    const title = 'Edited: "quoted" it\'s #1 [x]'
    for (const text of [
      EXTRA['yaml-comments-blank-lines']!,
      EXTRA['toml-comments']!,
      EXTRA['json-nested']!,
    ]) {
      expect(parseFrontMatter(updateFrontMatter(text, { title })).data.title).toBe(title)
    }
  })

  it('creates YAML front matter when a file has none, keeping BOM and body', () => {
    const text = '\uFEFF# Heading\r\n\r\nBody\r\n'
    const updated = updateFrontMatter(text, { title: 'New' })
    expect(updated).toBe('\uFEFF---\r\ntitle: New\r\n---\r\n# Heading\r\n\r\nBody\r\n')
    expect(parseFrontMatter(updated).data).toEqual({ title: 'New' })
  })

  it('creates TOML front matter when asked', () => {
    const updated = updateFrontMatter('Body\n', { title: 'T', draft: true }, { newFormat: 'toml' })
    expect(parseFrontMatter(updated).data).toEqual({ title: 'T', draft: true })
    expect(updated.startsWith('+++\n')).toBe(true)
  })

  it('reports malformed YAML and never rewrites it', () => {
    const text = '---\ntitle: [unclosed\ndate: 2024\n---\nBody\n'
    const parsed = parseFrontMatter(text)
    expect(parsed.error).toMatch(/YAML front matter could not be read/)
    expect(parsed.body).toBe('Body\n')
    try {
      updateFrontMatter(text, { title: 'x' })
      expect.unreachable()
    } catch (error) {
      expect(isAppFailure(error) && error.code).toBe('FRONT_MATTER_INVALID')
    }
  })

  it('reports unclosed front matter and keeps the whole text as body', () => {
    const text = '+++\ntitle = "x"\nBody without a closing line\n'
    const parsed = parseFrontMatter(text)
    expect(parsed.error).toMatch(/never closed/)
    expect(parsed.body).toBe(text)
    expect(() => updateFrontMatter(text, { title: 'y' })).toThrow(/never closed/)
  })

  it('reports malformed TOML and JSON', () => {
    expect(parseFrontMatter('+++\ntitle = = 1\n+++\n').error).toMatch(/TOML/)
    expect(parseFrontMatter('{\n  "title": ,\n}\nBody\n').error).toMatch(/JSON/)
  })

  it('splits JSON front matter ending on its own line', () => {
    const split = splitFrontMatter('{\n "a": "}"\n}\nBody')
    expect(split.block?.format).toBe('json')
    expect(split.body).toBe('Body')
  })
})
