import { createCredentialResolver } from '../../services/credentials'
import { publish } from '../../services/git'
import { parseCommandArgs } from '../parse-command-args'
import type { CliCommand } from '../command'
import { repoArgument, terminalSafe } from './cli-support'

export const publishCommand: CliCommand = {
  name: 'publish',
  summary:
    'Commit every changed post and push it (token from INKPRESS_TOKEN or git credential helpers)',
  usage: 'inkpress publish <repo> [--message M]',
  async run(argv, io) {
    const parsed = parseCommandArgs(
      argv,
      { message: { type: 'string', short: 'm' } },
      { min: 0, max: 1, describe: 'at most one repository folder' },
    )
    const controller = new AbortController()
    const cancel = (): void => controller.abort()
    process.once('SIGINT', cancel)
    // The commit message and post names come from posts: never obeyed by the terminal.
    const say = (text: string): void => io.stdout(terminalSafe(text))
    try {
      const result = await publish(repoArgument(parsed.positionals, io), {
        message: parsed.values.message,
        credentials: createCredentialResolver({ env: io.env }),
        signal: controller.signal,
      })
      if (result.message) say(`Committed: ${result.message}`)
      if (result.integrated !== 'none') {
        say(
          result.integrated === 'fast-forward'
            ? 'Brought in the newer commits from the server.'
            : 'Placed your commits after the newer commits from the server.',
        )
      }
      if (result.merged) {
        say(`Combined your edits with the server's in: ${result.merged.join(', ')}.`)
      }
      say(
        result.pushed
          ? `Published ${result.headOid.slice(0, 7)}.`
          : `Up to date with the server (${result.headOid.slice(0, 7)}).`,
      )
      if (result.via) say(`${result.via}.`)
      return 0
    } finally {
      process.removeListener('SIGINT', cancel)
    }
  },
}
