import { createPost } from '../../services/library'
import { siteForRepository } from '../../services/site'
import { defaultAppDataDir } from '../../services/settings/app-data-dir'
import { SettingsStore } from '../../services/settings/settings-store'
import { parseCommandArgs, UsageError } from '../parse-command-args'
import type { CliCommand, CliIO } from '../command'
import { repoArgument } from './cli-support'
import { generatorOption } from './library-cli-support'

const USAGE = 'inkpress new <repo> "Title" [--generator hugo|jekyll|astro|hexo|eleventy|plain]'

export const newCommand: CliCommand = {
  name: 'new',
  summary: 'Create a post with front matter in the site’s conventions and print its path',
  usage: USAGE,
  async run(argv: string[], io: CliIO): Promise<number> {
    const parsed = parseCommandArgs(
      argv,
      { generator: { type: 'string' } },
      { min: 2, max: 2, describe: 'a repository folder and a title' },
    )
    const title = parsed.positionals[1]!.trim()
    if (title === '') throw new UsageError('The title is empty')
    const repo = repoArgument(parsed.positionals, io)
    const site = await siteForRepository(
      repo,
      new SettingsStore(defaultAppDataDir(io.env)),
      generatorOption(parsed.values.generator),
    )
    io.stdout(await createPost(repo, site, title))
    return 0
  },
}
