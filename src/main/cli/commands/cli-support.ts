import path from 'node:path'
import { isAppFailure } from '../../../shared/result'
import type { CliIO } from '../command'

/** The repository argument, resolved against the working directory (default: it). */
export function repoArgument(positionals: string[], io: CliIO): string {
  return path.resolve(io.cwd, positionals[0] ?? '.')
}

/** Prints a failure as one readable line on stderr and returns the exit code. */
export function reportFailure(io: CliIO, error: unknown): number {
  const message = isAppFailure(error)
    ? `${error.message} [${error.code}]`
    : `Unexpected error: ${(error as Error)?.message ?? String(error)}`
  io.stderr(message.replace(/\s*\n\s*/g, ' '))
  return 1
}
