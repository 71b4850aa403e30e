import type { PostSummary } from '../../../shared/posts'
import { indexPosts } from '../../services/library'
import { siteForRepository } from '../../services/site'
import { SettingsStore } from '../../services/settings/settings-store'
import { parseCommandArgs } from '../parse-command-args'
import type { CliCommand, CliIO } from '../command'
import { repoArgument, terminalSafe } from './cli-support'
import { defaultAppDataDir, indexCacheDir } from '../../services/settings/app-data-dir'
import { generatorOption } from './library-cli-support'

const USAGE = 'inkpress index <repo> [--json] [--generator hugo|jekyll|astro|hexo|eleventy|plain]'

export const indexCommand: CliCommand = {
  name: 'index',
  summary: 'List the posts of a site, newest first, with their excerpts',
  usage: USAGE,
  async run(argv: string[], io: CliIO): Promise<number> {
    const parsed = parseCommandArgs(
      argv,
      { json: { type: 'boolean', default: false }, generator: { type: 'string' } },
      { min: 1, max: 1, describe: 'one repository folder' },
    )
    const repo = repoArgument(parsed.positionals, io)
    const site = await siteForRepository(
      repo,
      new SettingsStore(defaultAppDataDir(io.env)),
      generatorOption(parsed.values.generator),
    )
    const posts = await indexPosts(repo, {
      site,
      cacheDir: indexCacheDir(defaultAppDataDir(io.env)),
    })
    io.stdout(parsed.values.json ? JSON.stringify(posts, null, 2) : table(posts))
    return 0
  },
}

function table(posts: PostSummary[]): string {
  if (posts.length === 0) return 'No posts found.'
  const rows = posts.map((post) => [
    post.date ?? '—',
    post.draft ? 'draft' : '',
    terminalSafe(post.title) + (post.frontMatterError ? ' (front matter error)' : ''),
    terminalSafe(post.path),
  ])
  const header = ['DATE', 'STATE', 'TITLE', 'PATH']
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  )
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd()
  return [line(header), ...rows.map(line)].join('\n')
}
