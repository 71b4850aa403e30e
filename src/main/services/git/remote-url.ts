import { AppFailure } from '../../../shared/result'

const SCP_LIKE = /^(?:[\w.-]+@)?([\w.-]+):(?!\/\/)(.+)$/

/** True for `git@host:owner/repo.git`, `ssh://…` and `git+ssh://…` remotes. */
export function isSshUrl(url: string): boolean {
  if (/^(ssh|git\+ssh|ssh\+git):\/\//i.test(url)) return true
  return !/^[a-z][a-z0-9+.-]*:\/\//i.test(url) && SCP_LIKE.test(url)
}

/** The HTTPS address of the same repository, e.g. git@github.com:me/blog.git → https://github.com/me/blog.git */
export function httpsEquivalent(sshUrl: string): string | undefined {
  const asUrl = /^(?:ssh|git\+ssh|ssh\+git):\/\/(?:[^@/]+@)?([^:/]+)(?::\d+)?\/(.+)$/i.exec(sshUrl)
  const scp = asUrl ? undefined : SCP_LIKE.exec(sshUrl)
  const match = asUrl ?? scp
  if (!match) return undefined
  const host = match[1]
  const repoPath = (match[2] ?? '').replace(/^\/+/, '')
  return `https://${host}/${repoPath}`
}

/** Without git only HTTP(S) is possible: refuse SSH with the address to use instead. */
export function assertHttpRemote(url: string): void {
  if (!isSshUrl(url)) return
  const https = httpsEquivalent(url)
  throw new AppFailure(
    'SSH_UNSUPPORTED',
    `Inkpress publishes over HTTPS and cannot use the SSH address ${url}.` +
      (https ? ` Use the HTTPS address of the same repository instead: ${https}` : '') +
      ' (with a personal access token), or install Git (git-scm.com) and Inkpress will use your SSH setup.',
  )
}

/** Removes any user:password part so a URL can be shown or logged. */
export function withoutCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1')
}

export function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host
  } catch {
    return undefined
  }
}

/** Splits https://user:token@host/… into a clean URL and the credentials it carried. */
export function splitCredentials(url: string): {
  url: string
  credentials?: { username: string; token: string }
} {
  try {
    const parsed = new URL(url)
    if (!parsed.username && !parsed.password) return { url }
    const credentials = {
      username: decodeURIComponent(parsed.username),
      token: decodeURIComponent(parsed.password),
    }
    return { url: withoutCredentials(url), credentials }
  } catch {
    return { url }
  }
}
