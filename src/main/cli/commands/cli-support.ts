import path from 'node:path'
import { isAppFailure } from '../../../shared/result'
import type { CliIO } from '../command'

/** The repository argument, resolved against the working directory (default: it). */
export function repoArgument(positionals: string[], io: CliIO): string {
  return path.resolve(io.cwd, positionals[0] ?? '.')
}

/**
 * Text from posts and file names, made safe for a terminal: control characters (escape
 * sequences such as `ESC ]52;` clipboard writes, or a bell) and bidirectional overrides are
 * shown as `\u{…}` instead of being obeyed.
 */
export function terminalSafe(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (char) => `\\u{${char.codePointAt(0)!.toString(16)}}`,
  )
}

/** Prints a failure as one readable line on stderr and returns the exit code. */
export function reportFailure(io: CliIO, error: unknown): number {
  const message = isAppFailure(error)
    ? `${error.message} [${error.code}]`
    : `Unexpected error: ${(error as Error)?.message ?? String(error)}`
  io.stderr(terminalSafe(message.replace(/\s*\n\s*/g, ' ')))
  return 1
}
