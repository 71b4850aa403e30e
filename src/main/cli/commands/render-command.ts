import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { renderMarkdownToHtml } from '../../../shared/markdown/pipeline'
import { AppFailure } from '../../../shared/result'
import type { CliCommand } from '../command'

async function readPost(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new AppFailure('NOT_FOUND', `There is no file at ${file}.`)
    if (code === 'EISDIR')
      throw new AppFailure('INVALID_ARGUMENT', `${file} is a folder, not a Markdown file.`)
    if (code === 'EACCES')
      throw new AppFailure('PERMISSION_DENIED', `Inkpress may not read ${file}.`)
    throw new AppFailure('READ_FAILED', `Could not read ${file}: ${(error as Error).message}`)
  }
}

/** `inkpress render <file.md>`: the preview's exact HTML for the post body (front matter left out). */
export const renderCommand: CliCommand = {
  name: 'render',
  summary: 'Print the HTML the preview shows for a post body',
  usage: 'inkpress render <file.md>',
  async run(argv, io) {
    const files = argv.filter((arg) => !arg.startsWith('-'))
    if (files.length !== 1 || files.length !== argv.length) {
      io.stderr(`Usage: ${this.usage}`)
      return 2
    }
    const markdown = await readPost(path.resolve(io.cwd, files[0] ?? ''))
    io.stdout(renderMarkdownToHtml(markdown))
    return 0
  },
}
