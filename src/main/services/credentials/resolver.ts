import type { CredentialStore, HostCredentials } from './credential-store'
import { hostKey } from './credential-store'
import { gitCredentialFill } from './git-credential-fill'

/** INKPRESS_USERNAME / INKPRESS_TOKEN, used by the CLI and CI. */
export function credentialsFromEnv(
  env: Record<string, string | undefined>,
): HostCredentials | undefined {
  const token = env.INKPRESS_TOKEN?.trim()
  if (!token) return undefined
  // GitHub, GitLab and Gitea accept any user name with a token; this is a common default.
  return { username: env.INKPRESS_USERNAME?.trim() || 'oauth2', token }
}

export interface CredentialResolverOptions {
  explicit?: HostCredentials
  env?: Record<string, string | undefined>
  store?: CredentialStore
  /** Set false to skip the system git (e.g. in tests). */
  useGitCredentialFill?: boolean
  gitCredentialFill?: typeof gitCredentialFill
}

/**
 * Returns a lookup that tries, in order: explicit credentials, the environment, the saved
 * store, then `git credential fill`. Pass it as `credentials` to publish/clone: it is only
 * called when the server asks for authentication.
 */
export function createCredentialResolver(
  options: CredentialResolverOptions,
): (url: string) => Promise<HostCredentials | undefined> {
  return async (url) => {
    if (options.explicit) return options.explicit
    const fromEnv = options.env ? credentialsFromEnv(options.env) : undefined
    if (fromEnv) return fromEnv
    const stored = await options.store?.get(hostKey(url))
    if (stored) return stored
    if (options.useGitCredentialFill === false) return undefined
    return (options.gitCredentialFill ?? gitCredentialFill)(url)
  }
}
