import type { CliCommand, CliIO } from './command'
import { reportFailure } from './commands/cli-support'
import { indexCommand } from './commands/index-command'
import { newCommand } from './commands/new-command'
import { publishCommand } from './commands/publish-command'
import { renderCommand } from './commands/render-command'
import { serveCommand } from './commands/serve-command'
import { statusCommand } from './commands/status-command'
import { UsageError } from './parse-command-args'

const COMMANDS: CliCommand[] = [
  serveCommand,
  indexCommand,
  newCommand,
  renderCommand,
  statusCommand,
  publishCommand,
]

function helpText(): string {
  const width = Math.max(...COMMANDS.map((command) => command.usage.length))
  return [
    'inkpress — a Markdown blog editor for Git repositories',
    '',
    'Usage:',
    ...COMMANDS.map((command) => `  ${command.usage.padEnd(width)}  ${command.summary}`),
    '  inkpress --help'.padEnd(width + 2) + '  Show this help',
    '',
    'Credentials for publishing come from INKPRESS_USERNAME and INKPRESS_TOKEN, or git credential helpers.',
  ].join('\n')
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText())
    return name === undefined ? 2 : 0
  }
  const command = COMMANDS.find((candidate) => candidate.name === name)
  if (!command) {
    io.stderr(`Unknown command "${name}". Run \`inkpress --help\` to see the commands.`)
    return 2
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`Usage: ${command.usage}\n${command.summary}`)
    return 0
  }
  try {
    return await command.run(rest, io)
  } catch (error) {
    if (!(error instanceof UsageError)) return reportFailure(io, error)
    io.stderr(`${error.message}. Usage: ${command.usage}`)
    return 2
  }
}
