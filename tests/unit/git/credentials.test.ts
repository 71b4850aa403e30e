import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createCredentialResolver,
  credentialsFromEnv,
  EncryptedFileCredentialStore,
  gitCredentialFill,
  hostKey,
  type Encryptor,
} from '../../../src/main/services/credentials'

/** A real AES-256-GCM encryptor standing in for Electron's safeStorage. */
function aesEncryptor(
  options: { available?: boolean; plainTextFallback?: boolean } = {},
): Encryptor {
  const key = randomBytes(32)
  return {
    isEncryptionAvailable: () => options.available ?? true,
    usesPlainTextFallback: () => options.plainTextFallback ?? false,
    encrypt(plain) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return Buffer.concat([iv, cipher.getAuthTag(), body])
    },
    decrypt(data) {
      const buffer = Buffer.from(data)
      const decipher = createDecipheriv('aes-256-gcm', key, buffer.subarray(0, 12))
      decipher.setAuthTag(buffer.subarray(12, 28))
      return Buffer.concat([decipher.update(buffer.subarray(28)), decipher.final()]).toString(
        'utf8',
      )
    },
  }
}

let tmp: string
beforeEach(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'inkpress-credentials-'))
})
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true })
})

describe('EncryptedFileCredentialStore', () => {
  it('stores tokens encrypted, reads them back and deletes them', async () => {
    const store = new EncryptedFileCredentialStore(tmp, aesEncryptor())
    await store.set('GitHub.com', { username: 'me', token: 'ghp_supersecret' })
    const raw = await readFile(path.join(tmp, 'credentials.json'), 'utf8')
    expect(raw).toContain('"me"')
    expect(raw).not.toContain('ghp_supersecret')
    expect(await store.get('github.com')).toEqual({ username: 'me', token: 'ghp_supersecret' })
    expect(await store.get('gitlab.com')).toBeUndefined()
    await store.delete('github.com')
    expect(await store.get('github.com')).toBeUndefined()
  })

  it('refuses to store when encryption is unavailable, and warns about the plain-text fallback', async () => {
    const unavailable = new EncryptedFileCredentialStore(tmp, aesEncryptor({ available: false }))
    await expect(
      unavailable.set('github.com', { username: 'me', token: 't' }),
    ).rejects.toMatchObject({
      code: 'NOT_SUPPORTED',
    })
    await expect(readFile(path.join(tmp, 'credentials.json'))).rejects.toThrow()
    expect(unavailable.securityWarning()).toMatch(/no secure storage/)
    const weak = new EncryptedFileCredentialStore(tmp, aesEncryptor({ plainTextFallback: true }))
    expect(weak.securityWarning()).toMatch(/weak protection/)
    expect(new EncryptedFileCredentialStore(tmp, aesEncryptor()).securityWarning()).toBeUndefined()
  })
})

describe('credential lookup', () => {
  it('reads INKPRESS_USERNAME and INKPRESS_TOKEN', () => {
    expect(credentialsFromEnv({ INKPRESS_USERNAME: 'me', INKPRESS_TOKEN: 'abc' })).toEqual({
      username: 'me',
      token: 'abc',
    })
    expect(credentialsFromEnv({ INKPRESS_TOKEN: 'abc' })).toEqual({
      username: 'oauth2',
      token: 'abc',
    })
    expect(credentialsFromEnv({ INKPRESS_USERNAME: 'me' })).toBeUndefined()
  })

  it('asks the system git credential helpers without prompting', async () => {
    const storeFile = path.join(tmp, 'git-credentials')
    await writeFile(storeFile, 'http://helper-user:helper-token@127.0.0.1%3a8123\n')
    const gitconfig = path.join(tmp, 'gitconfig')
    await writeFile(gitconfig, `[credential]\n\thelper = store --file ${storeFile}\n`)
    const env = {
      PATH: process.env.PATH,
      HOME: tmp,
      GIT_CONFIG_GLOBAL: gitconfig,
      GIT_CONFIG_NOSYSTEM: '1',
    }

    expect(await gitCredentialFill('http://127.0.0.1:8123/blog.git', { env })).toEqual({
      username: 'helper-user',
      token: 'helper-token',
    })
    expect(await gitCredentialFill('http://127.0.0.1:9999/blog.git', { env })).toBeUndefined()
    expect(
      await gitCredentialFill('http://127.0.0.1:8123/x', { env, gitPath: '/no/such/git' }),
    ).toBeUndefined()
  })

  it('tries explicit, then environment, then the store, then git', async () => {
    const store = new EncryptedFileCredentialStore(tmp, aesEncryptor())
    await store.set(hostKey('https://git.example.org/me/blog.git'), {
      username: 'stored',
      token: 's',
    })
    const fromGit = async () => ({ username: 'git', token: 'g' })
    const url = 'https://git.example.org/me/blog.git'

    const resolve = (options: Parameters<typeof createCredentialResolver>[0]) =>
      createCredentialResolver({ gitCredentialFill: fromGit, ...options })(url)
    expect(
      await resolve({
        explicit: { username: 'x', token: 'x' },
        env: { INKPRESS_TOKEN: 'e' },
        store,
      }),
    ).toEqual({
      username: 'x',
      token: 'x',
    })
    expect(await resolve({ env: { INKPRESS_TOKEN: 'e' }, store })).toEqual({
      username: 'oauth2',
      token: 'e',
    })
    expect(await resolve({ env: {}, store })).toEqual({ username: 'stored', token: 's' })
    expect(await resolve({ env: {} })).toEqual({ username: 'git', token: 'g' })
    expect(await resolve({ env: {}, useGitCredentialFill: false })).toBeUndefined()
  })
})
