import { AppFailure, isAppFailure } from '../../../shared/result'
import { withoutCredentials } from './remote-url'

export interface ErrorContext {
  /** What was being done, e.g. "Publishing" or "Fetching from the server". */
  action: string
  url?: string
  /** Secrets that must never appear in a message. */
  secrets?: (string | undefined)[]
  /** Lines the server sent (e.g. a hook's reason). */
  serverMessages?: string[]
  /** Appended to every failure, e.g. "Your commit is saved and will be published later." */
  reassurance?: string
}

interface ErrorLike {
  code?: string
  message?: string
  data?: { statusCode?: number; statusMessage?: string; reason?: string; result?: unknown }
  cause?: unknown
}

/** Removes tokens and credentials in URLs from any text shown to a person or logged. */
export function redact(text: string, secrets: (string | undefined)[] = []): string {
  let out = text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^@/\s]*@/gi, '$1')
  for (const secret of secrets) {
    if (secret && secret.length >= 3) out = out.split(secret).join('***')
  }
  return out
}

function statusCodeOf(error: ErrorLike): number | undefined {
  if (typeof error.data?.statusCode === 'number') return error.data.statusCode
  const match = /HTTP Error: (\d{3})/.exec(error.message ?? '')
  return match ? Number(match[1]) : undefined
}

function systemCodeOf(error: unknown): string | undefined {
  let current: unknown = error
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as ErrorLike).code
    if (code && /^E[A-Z]+$/.test(code)) return code
    current = (current as ErrorLike).cause
  }
  const message = (error as ErrorLike | undefined)?.message ?? ''
  const match =
    /\b(ECONNREFUSED|ENOTFOUND|ECONNRESET|ETIMEDOUT|EAI_AGAIN|EPIPE|EHOSTUNREACH)\b/.exec(message)
  if (match) return match[1]
  if (/socket hang up/i.test(message)) return 'ECONNRESET'
  return undefined
}

/** A server's reason may end without a full stop; the reassurance that follows needs one. */
const asSentence = (message: string): string =>
  /[.!?)]$/.test(message.trim()) ? message : `${message.trim()}.`

/** The server's own explanation (hook output), without Git's "remote:" noise. */
export function reasonFromServer(lines: string[] = []): string {
  return lines
    .map((line) => line.replace(/^remote:\s*/i, '').trim())
    .filter((line) => line.length > 0 && !/^(Resolving|Counting|Compressing|Writing)\b/.test(line))
    .join(' ')
}

/**
 * Turns whatever isomorphic-git or Node threw into an AppFailure with a sentence a writer
 * can act on. Messages are always redacted.
 */
export function toAppFailure(error: unknown, context: ErrorContext): AppFailure {
  const secrets = context.secrets ?? []
  const tail = context.reassurance ? ` ${context.reassurance}` : ''
  const where = context.url ? ` (${withoutCredentials(context.url)})` : ''
  const make = (code: ConstructorParameters<typeof AppFailure>[0], message: string): AppFailure =>
    new AppFailure(code, redact(asSentence(message) + tail, secrets))

  if (isAppFailure(error)) return new AppFailure(error.code, redact(error.message, secrets))
  const e = (error ?? {}) as ErrorLike
  const name = (error as Error | undefined)?.name

  if (name === 'AbortError' || e.code === 'ABORT_ERR' || e.code === 'UserCanceledError') {
    return make('CANCELLED', `${context.action} was cancelled.`)
  }
  const status = statusCodeOf(e)
  if (status === 401) {
    return make(
      'UNAUTHORIZED',
      `The server refused the token${where}. Check the user name and token (it may be wrong or expired).`,
    )
  }
  if (status === 403) {
    return make(
      'FORBIDDEN',
      `The server accepted the token but it is not allowed to do this${where}. Give the token write access to the repository.`,
    )
  }
  if (
    status === 404 ||
    (e.code === 'NotFoundError' && context.url && /remote|http/i.test(e.message ?? ''))
  ) {
    return make(
      'NOT_FOUND',
      `The repository was not found on the server${where}. Check the address.`,
    )
  }
  if (status === 408 || status === 504) {
    return make('TIMEOUT', `The server took too long to answer${where}.`)
  }
  if (e.code === 'GitPushError' || e.code === 'PushRejectedError') {
    const reason = reasonFromServer(context.serverMessages)
    const detail =
      e.data?.reason === 'not-fast-forward'
        ? 'the server has newer commits'
        : ((error as { reason?: string }).reason ?? '')
    return make(
      'PUSH_REJECTED',
      `The server refused the push${where}` +
        (reason ? `: ${reason}` : detail ? `: ${detail}` : ' (the branch may be protected).'),
    )
  }
  const system = systemCodeOf(error)
  switch (system) {
    case 'ETIMEDOUT':
      return make('TIMEOUT', `The connection to the server timed out${where}.`)
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EHOSTUNREACH':
      return make('NETWORK', `Could not reach the server${where}. Check the network connection.`)
    case 'ECONNRESET':
    case 'EPIPE':
      return make('NETWORK', `The connection to the server was lost${where}.`)
  }
  if (typeof status === 'number') {
    return make('NETWORK', `The server answered with an error (HTTP ${status})${where}.`)
  }
  return make('INTERNAL', `${context.action} failed: ${e.message ?? String(error)}.`)
}
