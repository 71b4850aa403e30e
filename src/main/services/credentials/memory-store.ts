import type { CredentialStore, HostCredentials } from './credential-store'

/**
 * Browser mode has no OS keychain to encrypt with, so tokens live only in this process's
 * memory for the session: never on disk, gone when `inkpress serve` stops.
 */
export class SessionCredentialStore implements CredentialStore {
  private readonly entries = new Map<string, HostCredentials>()

  async get(host: string) {
    return this.entries.get(host)
  }

  async set(host: string, credentials: HostCredentials) {
    this.entries.set(host, { ...credentials })
  }

  async delete(host: string) {
    this.entries.delete(host)
  }
}
