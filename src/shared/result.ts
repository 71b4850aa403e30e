/**
 * Errors cross every boundary as values a person can read, never as thrown strings.
 * `code` is stable for programs; `message` is a sentence for the writer.
 */
export const ERROR_CODES = [
  'INVALID_ARGUMENT',
  'NOT_FOUND',
  'OUTSIDE_REPOSITORY',
  'NOT_A_REPOSITORY',
  'NO_REPOSITORY_OPEN',
  'READ_FAILED',
  'WRITE_FAILED',
  'PERMISSION_DENIED',
  'DISK_FULL',
  'BINARY_FILE',
  'TOO_LARGE',
  'ALREADY_EXISTS',
  'CONFLICT',
  'FRONT_MATTER_INVALID',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NETWORK',
  'TIMEOUT',
  'REMOTE_AHEAD',
  'PUSH_REJECTED',
  'DETACHED_HEAD',
  'INDEX_LOCKED',
  'NOTHING_TO_PUBLISH',
  'SHALLOW_CLONE',
  'SSH_UNSUPPORTED',
  'NO_REMOTE',
  'CANCELLED',
  'BUSY',
  'NOT_SUPPORTED',
  'UNSUPPORTED_REPOSITORY',
  'OPERATION_IN_PROGRESS',
  'COMMIT_REFUSED',
  'INTERNAL',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export interface AppError {
  code: ErrorCode
  message: string
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })

export const fail = (code: ErrorCode, message: string): { ok: false; error: AppError } => ({
  ok: false,
  error: { code, message },
})

/** Thrown inside services; hosts turn it into a `fail` value at the boundary. */
export class AppFailure extends Error {
  readonly code: ErrorCode
  constructor(code: ErrorCode, message: string) {
    super(message)
    this.name = 'AppFailure'
    this.code = code
  }
}

export const isAppFailure = (e: unknown): e is AppFailure => e instanceof AppFailure
