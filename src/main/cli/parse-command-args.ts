import { parseArgs, type ParseArgsConfig } from 'node:util'

/** A mistake in how a command was called: runCli prints it with the usage and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

type Options = NonNullable<ParseArgsConfig['options']>

export type ParsedCommandArgs<O extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>
>

/**
 * node:util parseArgs with the positional count checked, so every subcommand reports a
 * wrong call the same way.
 */
export function parseCommandArgs<const O extends Options>(
  argv: string[],
  options: O,
  positionals: { min: number; max: number; describe: string },
): ParsedCommandArgs<O> {
  let parsed: ParsedCommandArgs<O>
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const count = parsed.positionals.length
  if (count < positionals.min || count > positionals.max)
    throw new UsageError(`Expected ${positionals.describe}`)
  return parsed
}
