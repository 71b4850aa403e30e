import { getStatus } from '../../services/git'
import { parseCommandArgs } from '../parse-command-args'
import type { CliCommand } from '../command'
import { repoArgument, terminalSafe } from './cli-support'

export const statusCommand: CliCommand = {
  name: 'status',
  summary: 'Show which posts are new, modified or deleted, and what waits to be published',
  usage: 'inkpress status <repo> [--json]',
  async run(argv, io) {
    const parsed = parseCommandArgs(
      argv,
      { json: { type: 'boolean' } },
      { min: 0, max: 1, describe: 'at most one repository folder' },
    )
    const status = await getStatus(repoArgument(parsed.positionals, io))
    if (parsed.values.json) {
      io.stdout(JSON.stringify(status, null, 2))
      return 0
    }
    const where = status.branch
      ? `On branch ${status.branch}${status.upstream ? `, publishing to ${status.upstream}` : ' (no remote)'}`
      : 'Not on a branch (detached HEAD)'
    io.stdout(where)
    if (status.waitingSummary) io.stdout(status.waitingSummary)
    if (status.behind > 0) io.stdout(`${status.behind} new commit(s) on the server`)
    if (status.conflicts.length > 0)
      io.stdout(`Conflicts to resolve: ${terminalSafe(status.conflicts.join(', '))}`)
    if (status.files.length === 0) io.stdout('No changes.')
    for (const file of status.files) io.stdout(`${file.state.padEnd(9)} ${terminalSafe(file.path)}`)
    return 0
  },
}
