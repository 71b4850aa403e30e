/** One `inkpress` subcommand. `run` returns the process exit code; it never calls process.exit. */
export interface CliCommand {
  name: string
  /** One line for `inkpress --help`. */
  summary: string
  /** e.g. `inkpress index <repo> [--json]` */
  usage: string
  run(argv: string[], io: CliIO): Promise<number>
}

export interface CliIO {
  stdout(text: string): void
  stderr(text: string): void
  env: Record<string, string | undefined>
  cwd: string
}
