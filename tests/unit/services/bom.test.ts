import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readPostFile, savePostFile } from '../../../src/main/services/posts/post-files'
import { extractExcerpt } from '../../../src/shared/excerpt'
import { parseFrontMatter } from '../../../src/shared/frontmatter'
import {
  incrementalRenderToHtml,
  IncrementalMarkdownRenderer,
} from '../../../src/shared/markdown/incremental'
import { renderMarkdownToHtml } from '../../../src/shared/markdown/pipeline'

const BOM = Buffer.from([0xef, 0xbb, 0xbf])
const CONTENT = '---\ntitle: With a BOM\n---\r\n\r\n# Heading\r\n\r\nBody text here.\r\n'

let repo: string

beforeEach(async () => {
  repo = await mkdtemp(path.join(os.tmpdir(), 'inkpress-bom-'))
  await mkdir(path.join(repo, 'posts'))
  await writeFile(path.join(repo, 'posts', 'bom.md'), Buffer.concat([BOM, Buffer.from(CONTENT)]))
  await writeFile(path.join(repo, 'posts', 'plain.md'), CONTENT)
})

afterEach(async () => {
  await rm(repo, { recursive: true, force: true })
})

describe('a post with a UTF-8 byte order mark', () => {
  it('is read with the BOM kept in the text', async () => {
    const document = await readPostFile(repo, 'posts/bom.md')
    expect(document.text).toBe('\uFEFF' + CONTENT)
    expect((await readPostFile(repo, 'posts/plain.md')).text).toBe(CONTENT)
  })

  it('is saved back byte for byte, BOM included', async () => {
    const file = path.join(repo, 'posts', 'bom.md')
    const before = await readFile(file)
    const document = await readPostFile(repo, 'posts/bom.md')
    const saved = await savePostFile(repo, 'posts/bom.md', document.text, document.version)
    expect((await readFile(file)).equals(before)).toBe(true)
    expect(saved.version).toBe(document.version)

    const edited = document.text.replace('Body text', 'Edited text')
    await savePostFile(repo, 'posts/bom.md', edited, saved.version)
    const after = await readFile(file)
    expect(after.subarray(0, 3).equals(BOM)).toBe(true)
    expect(after.subarray(3).toString('utf8')).toBe(CONTENT.replace('Body text', 'Edited text'))
  })

  it('parses, summarises and renders as if the BOM were not there', async () => {
    const { text } = await readPostFile(repo, 'posts/bom.md')
    const withBom = parseFrontMatter(text)
    const without = parseFrontMatter(CONTENT)
    expect(withBom.error).toBeNull()
    expect(withBom.data).toEqual({ title: 'With a BOM' })
    expect(withBom.body).toBe(without.body)

    for (const body of [withBom.body, text.replace(/^\uFEFF---[^]*?---\r\n/, '\uFEFF')]) {
      expect(extractExcerpt(body, {}, { generator: 'hugo' })).toEqual(
        extractExcerpt(without.body, {}, { generator: 'hugo' }),
      )
    }

    const html = renderMarkdownToHtml(text)
    expect(html).toBe(renderMarkdownToHtml(CONTENT))
    expect(html).not.toContain('title:')
    expect(incrementalRenderToHtml(new IncrementalMarkdownRenderer().render(text))).toBe(html)
  })
})
