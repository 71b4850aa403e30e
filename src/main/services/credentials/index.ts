export {
  hostKey,
  type CredentialStore,
  type Encryptor,
  type HostCredentials,
} from './credential-store'
export { EncryptedFileCredentialStore } from './encrypted-file-store'
export { gitCredentialFill } from './git-credential-fill'
export {
  createCredentialResolver,
  credentialsFromEnv,
  type CredentialResolverOptions,
} from './resolver'
