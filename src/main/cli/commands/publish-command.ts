import { parseArgs } from 'node:util'
import { createCredentialResolver } from '../../services/credentials'
import { publish } from '../../services/git'
import type { CliCommand } from '../command'
import { repoArgument, reportFailure } from './git-cli-support'

export const publishCommand: CliCommand = {
  name: 'publish',
  summary:
    'Commit every changed post and push it (token from INKPRESS_TOKEN or git credential helpers)',
  usage: 'inkpress publish <repo> [--message M]',
  async run(argv, io) {
    let parsed
    try {
      parsed = parseArgs({
        args: argv,
        options: { message: { type: 'string', short: 'm' } },
        allowPositionals: true,
      })
    } catch (error) {
      io.stderr(`${(error as Error).message}. Usage: ${this.usage}`)
      return 2
    }
    if (parsed.positionals.length > 1) {
      io.stderr(`Usage: ${this.usage}`)
      return 2
    }
    const controller = new AbortController()
    const cancel = (): void => controller.abort()
    process.once('SIGINT', cancel)
    try {
      const result = await publish(repoArgument(parsed.positionals, io), {
        message: parsed.values.message,
        credentials: createCredentialResolver({ env: io.env }),
        signal: controller.signal,
      })
      if (result.message) io.stdout(`Committed: ${result.message}`)
      if (result.integrated !== 'none') {
        io.stdout(
          result.integrated === 'fast-forward'
            ? 'Brought in the newer commits from the server.'
            : 'Placed your commits after the newer commits from the server.',
        )
      }
      io.stdout(
        result.pushed
          ? `Published ${result.headOid.slice(0, 7)}.`
          : `Up to date with the server (${result.headOid.slice(0, 7)}).`,
      )
      return 0
    } catch (error) {
      return reportFailure(io, error)
    } finally {
      process.removeListener('SIGINT', cancel)
    }
  },
}
