import { AppFailure, type ErrorCode } from '../../../../shared/result'
import { reasonFromServer, redact } from '../git-errors'
import { isSshUrl, withoutCredentials } from '../remote-url'
import { SystemGitInterrupted } from './run'

export interface SystemGitFailureContext {
  /** What was being done, e.g. "Publishing". */
  action: string
  url: string
  /** Appended to every failure, e.g. "Your commit is saved…". */
  reassurance?: string
  /** Tokens handed to git, never to appear in a message. */
  secrets?: string[]
}

/** The host of `git@host:path` or `ssh://user@host:port/path`, for messages. */
function sshHost(url: string): string {
  const match = /^[a-z+]+:\/\/(?:[^@/]+@)?([^:/]+)/i.exec(url) ?? /^(?:[^@/]+@)?([^:/]+):/.exec(url)
  return match?.[1] ?? url
}

/** A line of `git push --porcelain`: `!\t<src>:<dst>\t[remote rejected] (reason)`. */
function rejectedRef(stdout: string): { kind: string; reason: string } | undefined {
  for (const line of stdout.split('\n')) {
    const match = /^!\t\S+\t\[(rejected|remote rejected|remote failure)\](?: \((.*)\))?/.exec(line)
    if (match) return { kind: match[1] ?? '', reason: match[2] ?? '' }
  }
  return undefined
}

/** Server lines ("remote: …") that are not transfer progress. */
function remoteLines(stderr: string): string[] {
  return stderr
    .split(/\r|\n/)
    .filter((line) => /^remote:/i.test(line))
    .filter(
      (line) => !/^remote:\s*(Resolving|Counting|Compressing|Enumerating|Total)\b/i.test(line),
    )
}

function lastFatalLine(stderr: string): string {
  const lines = stderr
    .split(/\r|\n/)
    .map((l) => l.trim())
    .filter(Boolean)
  const fatal = lines.filter((l) => /^(fatal|error):/i.test(l)).pop()
  return (fatal ?? lines.pop() ?? 'no message').replace(/^(fatal|error):\s*/i, '')
}

/**
 * Turns a failed run of the system git (SSH transport) into the same readable AppFailure
 * codes the HTTPS path uses. Git runs with LC_ALL=C, so its and ssh's messages are English.
 */
export function systemGitFailure(
  outcome: { stdout: string; stderr: string } | SystemGitInterrupted | Error,
  context: SystemGitFailureContext,
): AppFailure {
  const tail = context.reassurance ? ` ${context.reassurance}` : ''
  const host = sshHost(context.url)
  const make = (code: ErrorCode, message: string): AppFailure =>
    new AppFailure(code, redact(asSentence(message) + tail, context.secrets))

  if (outcome instanceof SystemGitInterrupted) {
    if (outcome.reason === 'cancelled') return make('CANCELLED', `${context.action} was cancelled.`)
    if (outcome.reason === 'timeout')
      return make(
        'TIMEOUT',
        isSshUrl(context.url)
          ? `The SSH server ${host} took too long to answer.`
          : 'The server took too long to answer.',
      )
    return make(
      'SSH_UNSUPPORTED',
      'The git program is no longer available. Install git, or restart Inkpress to publish without it.',
    )
  }
  if (outcome instanceof Error) {
    return make('INTERNAL', `${context.action} failed: ${outcome.message}.`)
  }
  const { stdout, stderr } = outcome

  const rejected = rejectedRef(stdout)
  if (rejected) {
    const serverReason = reasonFromServer(remoteLines(stderr))
    const newer =
      rejected.kind === 'rejected' && /non-fast-forward|fetch first|stale/i.test(rejected.reason)
    const detail = newer ? 'the server has newer commits' : serverReason || rejected.reason
    return make(
      'PUSH_REJECTED',
      `The server refused the push (${withoutCredentials(context.url)})` +
        (detail ? `: ${detail}` : ' (the branch may be protected).'),
    )
  }
  const where = isSshUrl(context.url) ? '' : ` (${withoutCredentials(context.url)})`
  if (/could not read (Username|Password)|unable to read askpass response/i.test(stderr)) {
    return make(
      'UNAUTHORIZED',
      `The server needs a user name and token for ${withoutCredentials(context.url)}. Enter a user name and token when Inkpress asks (on the command line: set INKPRESS_USERNAME and INKPRESS_TOKEN).`,
    )
  }
  if (/Authentication failed|returned error: 401|Invalid username or password/i.test(stderr)) {
    return make(
      'UNAUTHORIZED',
      `The server refused the token${where}. Check the user name and token (it may be wrong or expired).`,
    )
  }
  if (/returned error: 403/i.test(stderr)) {
    return make(
      'FORBIDDEN',
      `The server accepted the token but it is not allowed to do this${where}. Give the token write access to the repository.`,
    )
  }
  if (/returned error: 404|repository '.*' not found/i.test(stderr)) {
    return make(
      'NOT_FOUND',
      `The repository was not found on the server${where}. Check the address.`,
    )
  }
  if (
    /Failed to connect|Could not resolve host|Couldn't connect to server|Connection refused/i.test(
      stderr,
    ) &&
    !isSshUrl(context.url)
  ) {
    return make('NETWORK', `Could not reach the server${where}. Check the network connection.`)
  }
  if (
    /RPC failed|Empty reply from server|transfer closed|unexpected disconnect|the remote end hung up|Connection reset|early EOF/i.test(
      stderr,
    ) &&
    !isSshUrl(context.url)
  ) {
    return make('NETWORK', `The connection to the server was lost${where}.`)
  }
  if (/Operation timed out|Connection timed out/i.test(stderr) && !isSshUrl(context.url)) {
    return make('TIMEOUT', `The connection to the server timed out${where}.`)
  }
  const httpStatus = /returned error: (\d{3})/.exec(stderr)
  if (httpStatus) {
    return make('NETWORK', `The server answered with an error (HTTP ${httpStatus[1]})${where}.`)
  }
  if (
    /Permission denied \(|Permission denied, please try again|Too many authentication failures/i.test(
      stderr,
    )
  ) {
    return make(
      'UNAUTHORIZED',
      `The SSH server ${host} refused your key. Check that your SSH key is added to your account there and loaded (ssh-add), or use the HTTPS address with a token.`,
    )
  }
  if (/Host key verification failed|REMOTE HOST IDENTIFICATION HAS CHANGED/i.test(stderr)) {
    return make(
      'NETWORK',
      `The identity of the SSH server ${host} could not be verified (host key verification failed). Connect once with "ssh ${host}" in a terminal to check and accept its key, then publish again.`,
    )
  }
  if (
    /Could not resolve host|Name or service not known|Temporary failure in name resolution/i.test(
      stderr,
    )
  ) {
    return make(
      'NETWORK',
      `Could not reach the server ${host}. Check the address and the network connection.`,
    )
  }
  if (/Connection timed out|Operation timed out/i.test(stderr)) {
    return make('TIMEOUT', `The connection to the SSH server ${host} timed out.`)
  }
  if (
    /ERROR: Permission to .* denied|access denied|not allowed to push|read[- ]only/i.test(stderr)
  ) {
    return make(
      'FORBIDDEN',
      `The SSH server ${host} accepted your key but it is not allowed to do this. Give the key write access to the repository.`,
    )
  }
  if (
    /Repository not found|does not appear to be a git repository|not a git repository|project .* not found|does not exist/i.test(
      stderr,
    )
  ) {
    return make(
      'NOT_FOUND',
      `The repository was not found on the server (${context.url}). Check the address.`,
    )
  }
  if (
    /Connection refused|Network is unreachable|No route to host|Connection reset|Connection closed|kex_exchange_identification|unexpected disconnect|the remote end hung up/i.test(
      stderr,
    )
  ) {
    return make('NETWORK', `The connection to the SSH server ${host} failed or was lost.`)
  }
  return make('INTERNAL', `${context.action} with git failed: ${lastFatalLine(stderr)}`)
}

/** A server's reason may end without a full stop; the reassurance that follows needs one. */
const asSentence = (message: string): string =>
  /[.!?)]$/.test(message.trim()) ? message : `${message.trim()}.`
