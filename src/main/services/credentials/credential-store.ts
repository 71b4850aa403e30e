/** A user name and token for one Git host (github.com, gitlab.example.org:8443, …). */
export interface HostCredentials {
  username: string
  token: string
}

export interface CredentialStore {
  get(host: string): Promise<HostCredentials | undefined>
  set(host: string, credentials: HostCredentials): Promise<void>
  delete(host: string): Promise<void>
}

/**
 * Encrypts secrets at rest. The Electron layer passes `safeStorage`; services never import
 * Electron so they stay testable in plain Node.
 */
export interface Encryptor {
  isEncryptionAvailable(): boolean
  /** True on Linux when only the plain-text fallback ("basic_text") is available. */
  usesPlainTextFallback(): boolean
  encrypt(plain: string): Uint8Array
  decrypt(encrypted: Uint8Array): string
}

/** Host key for a remote URL, e.g. https://github.com/me/blog.git → github.com */
export function hostKey(url: string): string {
  try {
    return new URL(url).host.toLowerCase()
  } catch {
    return url.toLowerCase()
  }
}
