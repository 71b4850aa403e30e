import { readFile, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { DEFAULT_SUMMARY_LENGTH, type SiteGenerator, type SiteInfo } from '../../../shared/posts'
import { AppFailure } from '../../../shared/result'
import { booleanAt, numberAt, readConfig, stringAt, type ConfigData } from './read-config'

export interface DetectOptions {
  /** The writer's per-repository choice; skips detection of the generator. */
  generator?: SiteGenerator
}

interface Candidate {
  generator: SiteGenerator
  file: string
}

const HUGO_CONFIGS = [
  'hugo.toml',
  'hugo.yaml',
  'hugo.yml',
  'hugo.json',
  'config/_default/hugo.toml',
  'config/_default/config.toml',
  'config.toml',
  'config.yaml',
  'config.yml',
  'config.json',
]
const ASTRO_CONFIGS = [
  'astro.config.mjs',
  'astro.config.ts',
  'astro.config.js',
  'astro.config.mts',
  'astro.config.cjs',
]
const ELEVENTY_CONFIGS = [
  'eleventy.config.js',
  'eleventy.config.mjs',
  'eleventy.config.cjs',
  'eleventy.config.ts',
  '.eleventy.js',
  '.eleventy.cjs',
]

/** Works out which static site generator a repository uses, and reads the index page's settings. */
export async function detectSite(repoRoot: string, options: DetectOptions = {}): Promise<SiteInfo> {
  if (!(await isDirectory(repoRoot))) {
    throw new AppFailure('NOT_FOUND', `The folder ${repoRoot} does not exist.`)
  }
  const detected = await detectGenerator(repoRoot)
  const chosen: Candidate =
    options.generator && options.generator !== detected.generator
      ? {
          generator: options.generator,
          file: (await configFileFor(repoRoot, options.generator)) ?? '',
        }
      : detected
  return describe(repoRoot, chosen)
}

async function detectGenerator(root: string): Promise<Candidate> {
  const hugo = await firstExisting(root, HUGO_CONFIGS)
  // A bare config.* only counts as Hugo when the content folder is there too.
  if (
    hugo &&
    (hugo.startsWith('hugo.') ||
      hugo.startsWith('config/') ||
      (await isDirectory(join(root, 'content'))))
  ) {
    return { generator: 'hugo', file: hugo }
  }
  if (await exists(join(root, '_config.yml'))) {
    const hexo =
      (await isDirectory(join(root, 'source', '_posts'))) || (await dependsOn(root, 'hexo'))
    return { generator: hexo ? 'hexo' : 'jekyll', file: '_config.yml' }
  }
  const astro = await firstExisting(root, ASTRO_CONFIGS)
  if (astro) return { generator: 'astro', file: astro }
  const eleventy = await firstExisting(root, ELEVENTY_CONFIGS)
  if (eleventy) return { generator: 'eleventy', file: eleventy }
  return { generator: 'plain', file: '' }
}

async function configFileFor(root: string, generator: SiteGenerator): Promise<string | undefined> {
  switch (generator) {
    case 'hugo':
      return firstExisting(root, HUGO_CONFIGS)
    case 'jekyll':
    case 'hexo':
      return firstExisting(root, ['_config.yml'])
    case 'astro':
      return firstExisting(root, ASTRO_CONFIGS)
    case 'eleventy':
      return firstExisting(root, ELEVENTY_CONFIGS)
    case 'plain':
      return undefined
  }
}

async function describe(root: string, { generator, file }: Candidate): Promise<SiteInfo> {
  const base = { generator, detectedFrom: file, summaryLength: DEFAULT_SUMMARY_LENGTH }
  switch (generator) {
    case 'hugo': {
      const config = file ? await readConfig(join(root, file)) : {}
      const contentDir = stringAt(config, 'contentDir') ?? 'content'
      return {
        ...base,
        title: stringAt(config, 'title') ?? basename(root),
        description:
          stringAt(config, 'params', 'description') ?? stringAt(config, 'description') ?? '',
        summaryLength: numberAt(config, 'summaryLength') ?? DEFAULT_SUMMARY_LENGTH,
        contentDirs: await existingDirs(
          root,
          [`${contentDir}/posts`, `${contentDir}/blog`],
          [contentDir],
        ),
        frontMatterFormat: file.endsWith('.toml') ? 'toml' : 'yaml',
      }
    }
    case 'jekyll': {
      const config = file ? await readConfig(join(root, file)) : {}
      const separator = stringOrRaw(config, 'excerpt_separator')
      return {
        ...base,
        title: stringAt(config, 'title') ?? basename(root),
        description: stringAt(config, 'description') ?? '',
        ...(separator !== undefined ? { excerptSeparator: separator } : {}),
        contentDirs: await existingDirs(root, ['_posts', '_drafts'], ['_posts']),
        frontMatterFormat: 'yaml',
      }
    }
    case 'hexo': {
      const config = file ? await readConfig(join(root, file)) : {}
      const source = stringAt(config, 'source_dir') ?? 'source'
      return {
        ...base,
        title: stringAt(config, 'title') ?? basename(root),
        description: stringAt(config, 'description') ?? stringAt(config, 'subtitle') ?? '',
        ...hexoCodeBlocks(config),
        ...(/^-updated$/.test(stringAt(config, 'index_generator', 'order_by') ?? '')
          ? { indexOrder: 'updated' as const }
          : {}),
        contentDirs: await existingDirs(
          root,
          [`${source}/_posts`, `${source}/_drafts`],
          [`${source}/_posts`],
        ),
        frontMatterFormat: 'yaml',
      }
    }
    case 'astro': {
      const consts = await readText(join(root, 'src', 'consts.ts'))
      return {
        ...base,
        title: constant(consts, 'SITE_TITLE') ?? basename(root),
        description: constant(consts, 'SITE_DESCRIPTION') ?? '',
        contentDirs: await existingDirs(
          root,
          ['src/content/blog', 'src/content/posts'],
          ['src/content/blog'],
        ),
        frontMatterFormat: 'yaml',
      }
    }
    case 'eleventy': {
      const metadata = await firstConfig(root, [
        '_data/metadata.json',
        '_data/site.json',
        'src/_data/metadata.json',
        'src/_data/site.json',
      ])
      return {
        ...base,
        title: stringAt(metadata, 'title') ?? basename(root),
        description: stringAt(metadata, 'description') ?? '',
        contentDirs: await existingDirs(
          root,
          ['posts', 'blog', 'content/blog', 'content/posts', 'src/posts', 'src/blog'],
          ['posts'],
        ),
        frontMatterFormat: 'yaml',
      }
    }
    case 'plain':
      return {
        ...base,
        title: basename(root),
        description: '',
        contentDirs: [''],
        frontMatterFormat: 'yaml',
      }
  }
}

/** Jekyll's separator is often "\n\n"-like or an HTML comment; keep it exactly. */
function stringOrRaw(config: ConfigData, key: string): string | undefined {
  const value = config[key]
  return typeof value === 'string' && value !== '' ? value : undefined
}

function constant(source: string, name: string): string | undefined {
  const match = new RegExp(`${name}\\s*=\\s*(['"\`])(.*?)\\1`).exec(source)
  return match?.[2]
}

async function firstConfig(root: string, files: string[]): Promise<ConfigData> {
  const found = await firstExisting(root, files)
  return found ? readConfig(join(root, found)) : {}
}

async function existingDirs(root: string, wanted: string[], fallback: string[]): Promise<string[]> {
  const found: string[] = []
  for (const dir of wanted) if (await isDirectory(join(root, dir))) found.push(dir)
  return found.length > 0 ? found : fallback
}

async function firstExisting(root: string, files: string[]): Promise<string | undefined> {
  for (const file of files) if (await exists(join(root, file))) return file
  return undefined
}

async function dependsOn(root: string, name: string): Promise<boolean> {
  try {
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as Record<
      string,
      unknown
    >
    return (
      ['dependencies', 'devDependencies'].some(
        (field) => name in ((pkg[field] as object | undefined) ?? {}),
      ) || name in pkg
    )
  } catch {
    return false
  }
}

async function readText(path: string): Promise<string> {
  return readFile(path, 'utf8').catch(() => '')
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  )
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  )
}

/**
 * How Hexo renders fenced code: with highlight.js (its default, and `syntax_highlighter:
 * highlight.js` from Hexo 7) a figure with the fence's caption and, unless
 * `highlight.line_number: false`, a gutter of line numbers; PrismJS or no highlighter leave
 * plain code.
 */
function hexoCodeBlocks(config: ConfigData): Pick<SiteInfo, 'codeFigure'> {
  const highlighter = config.syntax_highlighter
  const highlightJs =
    highlighter === undefined
      ? booleanAt(config, 'highlight', 'enable') !== false
      : highlighter === 'highlight.js'
  if (!highlightJs) return {}
  return { codeFigure: { lineNumbers: booleanAt(config, 'highlight', 'line_number') !== false } }
}
