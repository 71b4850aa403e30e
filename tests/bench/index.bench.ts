import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { indexPosts, listPostFiles } from '../../src/main/services/library'
import { detectSite } from '../../src/main/services/site'

const POSTS = 10_000

const WORDS =
  'the quick brown fox jumps over lazy dogs while engineers write careful notes about systems and code'.split(
    ' ',
  )

function sentence(seed: number, length: number): string {
  const words: string[] = []
  for (let i = 0; i < length; i++) words.push(WORDS[(seed * 7 + i * 13) % WORDS.length]!)
  return words.join(' ')
}

/** A realistic mix: most posts use the automatic summary, some a divider or front matter summary. */
function post(n: number): string {
  const day = String((n % 28) + 1).padStart(2, '0')
  const month = String((n % 12) + 1).padStart(2, '0')
  const frontMatter = [
    '+++',
    `title = "Post number ${n}"`,
    `date = ${2000 + (n % 25)}-${month}-${day}T10:00:00Z`,
    `tags = ["tag${n % 10}", "topic${n % 7}"]`,
    `draft = ${n % 20 === 0}`,
    ...(n % 5 === 0 ? [`summary = "A hand-written summary for post ${n}."`] : []),
    '+++',
  ].join('\n')
  const paragraphs = [
    `## Introduction to part ${n}`,
    `${sentence(n, 25)} with *emphasis*, a [link](https://example.com/${n}) and \`inline code\`.`,
    '```go\nfunc main() {\n\tfmt.Println("hello")\n}\n```',
    sentence(n + 1, 40),
    ...(n % 4 === 0 ? ['<!--more-->'] : []),
    sentence(n + 2, 60),
    '- a list item\n- another item with **bold**',
    sentence(n + 3, 80),
    '> a quotation from someone wise',
    sentence(n + 4, 120),
  ]
  return `${frontMatter}\n\n${paragraphs.join('\n\n')}\n`
}

export default async function (): Promise<Record<string, unknown>> {
  const root = await mkdtemp(join(tmpdir(), 'inkpress-bench-'))
  try {
    const site = join(root, 'site')
    const cacheDir = join(root, 'cache')
    await mkdir(join(site, 'content', 'posts'), { recursive: true })
    await writeFile(join(site, 'hugo.toml'), "title = 'Bench'\n")
    for (let start = 0; start < POSTS; start += 500) {
      await Promise.all(
        Array.from({ length: Math.min(500, POSTS - start) }, (_, i) =>
          writeFile(join(site, 'content', 'posts', `post-${start + i}.md`), post(start + i)),
        ),
      )
    }
    const info = await detectSite(site)

    let t = performance.now()
    const paths = await listPostFiles(site, info)
    await Promise.all(paths.map((path) => readFile(join(site, path), 'utf8')))
    const baseline = performance.now() - t

    t = performance.now()
    const cold = await indexPosts(site, { site: info, cacheDir })
    const coldMs = performance.now() - t

    t = performance.now()
    const warm = await indexPosts(site, { site: info, cacheDir })
    const warmMs = performance.now() - t

    if (cold.length !== POSTS || warm.length !== POSTS)
      throw new Error(`indexed ${cold.length}/${warm.length} of ${POSTS} posts`)
    return {
      'index.coldMs': Math.round(coldMs),
      'index.warmMs': Math.round(warmMs),
      'index.baselineReadAllMs': Math.round(baseline),
    }
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}
