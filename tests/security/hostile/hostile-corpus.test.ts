import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../src/main/cli/run-cli'
import {
  incrementalRenderToHtml,
  IncrementalMarkdownRenderer,
} from '../../../src/shared/markdown/incremental'
import { renderMarkdownToHtml } from '../../../src/shared/markdown/pipeline'
import { findExecutableMarkup, isSafeUrl } from './executable-markup'

const CORPUS_DIR = path.resolve('tests/fixtures/hostile')
const CORPUS = readdirSync(CORPUS_DIR)
  .filter((name) => name.endsWith('.md'))
  .sort()

const read = (name: string) => readFileSync(path.join(CORPUS_DIR, name), 'utf8')

describe('the checker itself', () => {
  it('has at least 40 payloads to check', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(40)
  })

  it('recognises executable markup when it is there', () => {
    const unsafe = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '<a href="JaVa&#x09;ScRiPt:alert(1)">x</a>',
      '<iframe srcdoc="x"></iframe>',
      '<p style="background:url(https://evil.example/)">x</p>',
      '<a id="location">x</a>',
      '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
      '<img srcset="https://ok.example/a.png 1x, javascript:alert(1) 2x">',
    ]
    for (const html of unsafe) expect(findExecutableMarkup(html), html).not.toEqual([])
    expect(isSafeUrl('relative/page.html')).toBe(true)
    expect(isSafeUrl('#user-content-x')).toBe(true)
  })
})

describe('hostile posts render to inert HTML', () => {
  it.each(CORPUS)('%s through renderMarkdownToHtml', (name) => {
    const html = renderMarkdownToHtml(read(name))
    expect(findExecutableMarkup(html)).toEqual([])
  })

  it.each(CORPUS)('%s through the preview’s incremental renderer', (name) => {
    const html = incrementalRenderToHtml(new IncrementalMarkdownRenderer().render(read(name)))
    expect(findExecutableMarkup(html)).toEqual([])
  })

  it('keeps the legitimate parts of a post', () => {
    const html = renderMarkdownToHtml(read('45-legit-references.md'))
    expect(html).toContain('src="https://images.example.org/photo.png"')
    expect(html).toContain('href="https://blog.example.net/page"')
    expect(html).toContain('href="mailto:writer@example.com"')
  })
})

describe('inkpress render', () => {
  it.each(CORPUS)('%s through the CLI', async (name) => {
    let stdout = ''
    let stderr = ''
    const code = await runCli(['render', path.join(CORPUS_DIR, name)], {
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      env: {},
      cwd: process.cwd(),
    })
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(findExecutableMarkup(stdout)).toEqual([])
  })
})
