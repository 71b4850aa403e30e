import type { AuthCallback, GitAuth, HttpClient, ProgressCallback } from 'isomorphic-git'
import nodeHttp from 'isomorphic-git/http/node'
import { Agent as HttpAgent } from 'node:http'
import { Agent as HttpsAgent } from 'node:https'
import { AppFailure } from '../../../shared/result'
import { toAppFailure } from './git-errors'

export interface Credentials {
  username: string
  token: string
}

/** Fixed credentials, or a lookup asked only when the server requests authentication. */
export type CredentialSource = Credentials | ((url: string) => Promise<Credentials | undefined>)

export type ProgressPhase = 'scan' | 'commit' | 'fetch' | 'integrate' | 'push' | 'clone' | 'done'

export interface ProgressEvent {
  phase: ProgressPhase
  loaded: number
  total?: number
  /** isomorphic-git's own step name, e.g. "Receiving objects". */
  detail?: string
}

export interface RemoteOptions {
  credentials?: CredentialSource
  onProgress?: (event: ProgressEvent) => void
  /** Cancels between steps and any HTTP request in flight. */
  signal?: AbortSignal
  /** How long the server may stay silent (no byte either way) before giving up; default five minutes. */
  timeoutMs?: number
}

export function throwIfCancelled(signal: AbortSignal | undefined, action: string): void {
  if (signal?.aborted) throw new AppFailure('CANCELLED', `${action} was cancelled.`)
}

/**
 * Everything one network operation needs: an HTTP client with timeout and cancellation,
 * lazy authentication, progress forwarding, server messages, and error translation that
 * never leaks the token.
 */
export class RemoteSession {
  readonly serverMessages: string[] = []
  /** The Authorization header that worked, reused for the following requests. */
  authorization?: string
  private readonly secrets: string[] = []
  private credentialsFound = false
  private credentialsAsked = false

  constructor(
    readonly url: string,
    private readonly options: RemoteOptions,
  ) {
    this.idleTimeoutMs = options.timeoutMs ?? 300_000
    this.agents = {
      'http:': new HttpAgent({ keepAlive: true }),
      'https:': new HttpsAgent({ keepAlive: true }),
    }
  }

  /**
   * Our own agents: Node's global agent closes a socket after 5 s without data, which failed
   * every push to a server that takes longer to check it. The idle limit here is ours
   * (default five minutes without a byte either way), so a slow server that keeps answering
   * is never cut off, and a dead one is.
   */
  private readonly agents: { 'http:': HttpAgent; 'https:': HttpsAgent }
  private readonly idleTimeoutMs: number

  readonly http: HttpClient = {
    request: async (request) => {
      throwIfCancelled(this.options.signal, 'The transfer')
      const agent = this.agents[new URL(request.url).protocol as 'http:' | 'https:']
      // The limit is set per request: a reused keep-alive socket otherwise keeps the 5 s a
      // Node server's `Keep-Alive: timeout=5` hint lowered it to.
      return nodeHttp.request({
        ...request,
        agent,
        signal: this.options.signal,
        fetchOptions: { timeout: this.idleTimeoutMs },
      })
    },
  }

  readonly onAuth: AuthCallback = async (url): Promise<GitAuth | undefined> => {
    this.credentialsAsked = true
    const source = this.options.credentials
    const credentials = typeof source === 'function' ? await source(url) : source
    if (!credentials) return undefined
    this.credentialsFound = true
    this.secrets.push(credentials.token)
    return { username: credentials.username, password: credentials.token }
  }

  readonly onMessage = (line: string): void => {
    this.serverMessages.push(line)
  }

  progress(phase: ProgressPhase): ProgressCallback {
    return (event) => {
      throwIfCancelled(this.options.signal, 'The transfer')
      this.options.onProgress?.({
        phase,
        loaded: event.loaded,
        total: event.total || undefined,
        detail: event.phase,
      })
    }
  }

  /** Translates a failure of this session into a readable, token-free AppFailure. */
  failure(error: unknown, action: string, reassurance?: string): AppFailure {
    const cancelledByUser = this.options.signal?.aborted === true
    const isAbort =
      (error as Error | undefined)?.name === 'AbortError' ||
      (error as Error | undefined)?.name === 'TimeoutError' ||
      /Request timed out/.test((error as Error | undefined)?.message ?? '')
    if (isAbort && !cancelledByUser) {
      return new AppFailure(
        'TIMEOUT',
        `The server took too long to answer. ${reassurance ?? ''}`.trim(),
      )
    }
    const failure = toAppFailure(error, {
      action,
      url: this.url,
      secrets: this.secrets,
      serverMessages: this.serverMessages,
      reassurance,
    })
    if (failure.code === 'UNAUTHORIZED' && this.credentialsAsked && !this.credentialsFound) {
      return new AppFailure(
        'UNAUTHORIZED',
        `The server needs a user name and token for ${this.url}. Enter a user name and token when Inkpress asks (on the command line: set INKPRESS_USERNAME and INKPRESS_TOKEN). ${reassurance ?? ''}`.trim(),
      )
    }
    return failure
  }
}
