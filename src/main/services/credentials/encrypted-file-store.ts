import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { AppFailure } from '../../../shared/result'
import { writeFileAtomically } from '../files/atomic-write'
import type { CredentialStore, Encryptor, HostCredentials } from './credential-store'

interface StoredEntry {
  username: string
  /** base64 of the encrypted token */
  token: string
}

type StoredFile = Record<string, StoredEntry>

/**
 * Keeps one user name and token per host in `<appDataDir>/credentials.json`; the token is
 * always encrypted by the injected Encryptor (Electron safeStorage, i.e. the OS keychain).
 * Refuses to store anything when encryption is unavailable.
 */
export class EncryptedFileCredentialStore implements CredentialStore {
  private readonly file: string

  constructor(
    appDataDir: string,
    private readonly encryptor: Encryptor,
  ) {
    this.file = path.join(appDataDir, 'credentials.json')
  }

  /** A warning to show when the OS offers only the plain-text fallback, else undefined. */
  securityWarning(): string | undefined {
    if (!this.encryptor.isEncryptionAvailable()) {
      return 'This computer offers no secure storage, so Inkpress cannot remember tokens.'
    }
    if (this.encryptor.usesPlainTextFallback()) {
      return 'No keychain was found (for example GNOME Keyring or KWallet): tokens are stored with weak protection. Install a keychain to protect them.'
    }
    return undefined
  }

  private async readAll(): Promise<StoredFile> {
    try {
      return JSON.parse(await readFile(this.file, 'utf8')) as StoredFile
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {}
      throw new AppFailure(
        'READ_FAILED',
        'The saved tokens could not be read; add the token again.',
      )
    }
  }

  private async writeAll(data: StoredFile): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true })
    await writeFileAtomically(this.file, `${JSON.stringify(data, null, 2)}\n`)
  }

  async get(host: string): Promise<HostCredentials | undefined> {
    const entry = (await this.readAll())[host.toLowerCase()]
    if (!entry) return undefined
    if (!this.encryptor.isEncryptionAvailable()) return undefined
    try {
      const token = this.encryptor.decrypt(Buffer.from(entry.token, 'base64'))
      return { username: entry.username, token }
    } catch {
      throw new AppFailure(
        'READ_FAILED',
        `The saved token for ${host} could not be decrypted; add it again.`,
      )
    }
  }

  async set(host: string, credentials: HostCredentials): Promise<void> {
    if (!this.encryptor.isEncryptionAvailable()) {
      throw new AppFailure(
        'NOT_SUPPORTED',
        'This computer offers no secure storage, so the token was not saved. Inkpress will ask for it when publishing.',
      )
    }
    const data = await this.readAll()
    data[host.toLowerCase()] = {
      username: credentials.username,
      token: Buffer.from(this.encryptor.encrypt(credentials.token)).toString('base64'),
    }
    await this.writeAll(data)
  }

  async delete(host: string): Promise<void> {
    const data = await this.readAll()
    if (!(host.toLowerCase() in data)) return
    delete data[host.toLowerCase()]
    await this.writeAll(data)
  }
}
