import { parseArgs, type ParseArgsConfig } from 'node:util'

/** A mistake in how a command was called: runCli prints it with the usage and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/**
 * node:util parseArgs with the positional count checked, so every subcommand reports a
 * wrong call the same way.
 */
export function parseCommandArgs<const O extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: O,
  positionals: { min: number; max: number; describe: string },
) {
  const parse = () => parseArgs({ args: argv, options, allowPositionals: true, strict: true })
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse()
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const count = parsed.positionals.length
  if (count < positionals.min || count > positionals.max)
    throw new UsageError(`Expected ${positionals.describe}`)
  return parsed
}
