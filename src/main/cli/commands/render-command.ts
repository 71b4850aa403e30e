import path from 'node:path'
import { readTextFile } from '../../services/posts/post-files'
import type { CliCommand } from '../command'
import { parseCommandArgs } from '../parse-command-args'
import { renderWithinBudget } from '../render-within-budget'

/** `inkpress render <file.md>`: the preview's exact HTML for the post body (front matter left out). */
export const renderCommand: CliCommand = {
  name: 'render',
  summary: 'Print the HTML the preview shows for a post body',
  usage: 'inkpress render <file.md>',
  async run(argv, io) {
    const { positionals } = parseCommandArgs(
      argv,
      {},
      { min: 1, max: 1, describe: 'one Markdown file' },
    )
    const file = positionals[0]!
    const { text } = await readTextFile(path.resolve(io.cwd, file), file)
    io.stdout(await renderWithinBudget(text))
    return 0
  },
}
