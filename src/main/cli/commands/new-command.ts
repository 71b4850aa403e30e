import { parseArgs } from 'node:util'
import { createPost } from '../../services/library'
import { detectSite } from '../../services/site'
import type { CliCommand, CliIO } from '../command'
import { repoArgument, reportFailure } from './git-cli-support'
import { generatorOption } from './library-cli-support'

const USAGE = 'inkpress new <repo> "Title" [--generator hugo|jekyll|astro|hexo|eleventy|plain]'

export const newCommand: CliCommand = {
  name: 'new',
  summary: 'Create a post with front matter in the site’s conventions and print its path',
  usage: USAGE,
  async run(argv: string[], io: CliIO): Promise<number> {
    let parsed
    try {
      parsed = parseArgs({
        args: argv,
        allowPositionals: true,
        options: { generator: { type: 'string' } },
      })
    } catch (error) {
      io.stderr(`${(error as Error).message}. Usage: ${USAGE}`)
      return 2
    }
    if (parsed.positionals.length !== 2 || parsed.positionals[1]!.trim() === '') {
      io.stderr(`Expected a repository folder and a title. Usage: ${USAGE}`)
      return 2
    }
    try {
      const repo = repoArgument(parsed.positionals, io)
      const site = await detectSite(repo, { generator: generatorOption(parsed.values.generator) })
      io.stdout(await createPost(repo, site, parsed.positionals[1]!))
      return 0
    } catch (error) {
      return reportFailure(io, error)
    }
  },
}
