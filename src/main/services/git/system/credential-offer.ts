import type { CredentialSource } from '../remote-session'
import { openAskpass } from './askpass'
import { cacheCredentials } from './credential-cache'

/** How one network run of git gets Inkpress's credentials. */
export interface CredentialOffer {
  /** `-c` settings placed before the git command. */
  config: string[]
  env: Record<string, string>
  /** Tokens handed out, never to appear in a message. */
  secrets: string[]
  close(): Promise<void>
}

/**
 * For an HTTP(S) remote the token is looked up once and put in git's own credential cache
 * (fast: no program of ours runs per prompt); askpass stays behind it for the cases the
 * cache cannot serve, and is the only channel for other addresses (ssh never asks it).
 */
export async function offerCredentials(
  url: string,
  source: CredentialSource | undefined,
  lifetimeMs: number,
): Promise<CredentialOffer> {
  let lookup: ReturnType<Extract<CredentialSource, (url: string) => unknown>> | undefined
  const credentialsFor = () =>
    (lookup ??= typeof source === 'function' ? source(url) : Promise.resolve(source))
  const askpass = await openAskpass(credentialsFor)
  const secrets = askpass.secrets
  const cached = /^https?:\/\//i.test(url) ? await credentialsFor() : undefined
  const cache = cached ? await cacheCredentials(url, cached, lifetimeMs) : undefined
  if (cached && cache && !secrets.includes(cached.token)) secrets.push(cached.token)
  return {
    config: cache?.config ?? [],
    env: askpass.env,
    secrets,
    close: async () => {
      askpass.close()
      await cache?.close()
    },
  }
}
