import { safeStorage } from 'electron'

/** The OS keychain (Keychain, DPAPI, libsecret/kwallet) behind the credential store's Encryptor seam. */
export const safeStorageEncryptor = {
  isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
  /** On Linux without a keyring Electron falls back to a hard-coded key: that is not secret. */
  usesPlainTextFallback: () =>
    process.platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text',
  encrypt: (plain: string) => new Uint8Array(safeStorage.encryptString(plain)),
  decrypt: (bytes: Uint8Array) => safeStorage.decryptString(Buffer.from(bytes)),
}
