import { parser as baseParser } from '@lezer/markdown'
import { describe, expect, it } from 'vitest'
import { frontMatterHighlighting } from './front-matter'

const parser = baseParser.configure(frontMatterHighlighting)

/** Names of all nodes in the parse tree, nested languages included. */
function nodeNames(text: string): string[] {
  const names: string[] = []
  parser.parse(text).iterate({ enter: (node) => void names.push(node.name) })
  return names
}

describe('front matter in the editor', () => {
  it('parses YAML front matter with the YAML grammar and the rest as Markdown', () => {
    const names = nodeNames('---\ntitle: Hello\n---\n# Heading\n')
    expect(names).toContain('FrontMatter')
    expect(names.filter((name) => name === 'FrontMatterMark')).toHaveLength(2)
    expect(names).toContain('Pair')
    expect(names).toContain('ATXHeading1')
  })

  it('parses TOML front matter with the TOML grammar', () => {
    const names = nodeNames('+++\ntitle = "Hello"\n+++\nText\n')
    // The TOML stream parser's tokens replace the body node in the tree.
    expect(names).toContain('FrontMatter')
    expect(names).toContain('propertyName')
    expect(names).toContain('string')
    expect(names).not.toContain('Pair')
    expect(names).toContain('Paragraph')
  })

  it('leaves a thematic break later in the document alone', () => {
    const names = nodeNames('Intro\n\n---\n\nMore\n')
    expect(names).not.toContain('FrontMatter')
    expect(names).toContain('HorizontalRule')
  })
})
