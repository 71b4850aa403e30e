import type { CliIO } from './command'
import { runCli } from './run-cli'

const io: CliIO = {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
  cwd: process.cwd(),
}

process.exitCode = await runCli(process.argv.slice(2), io)
