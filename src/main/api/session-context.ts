import type { EventPayloads, RepositoryInfo } from '../../shared/api'
import type { EventName } from '../../shared/api/channels'
import type { CredentialStore } from '../services/credentials'
import type { Logger } from '../services/logger'
import type { SettingsStore } from '../services/settings/settings-store'

/** What differs between hosts; everything else is the same handler code. */
export interface HostContext {
  mode: 'desktop' | 'browser'
  version: string
  appDataDir: string
  bundledSampleDir: string
  settings: SettingsStore
  logger: Logger
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void
  /** Desktop only: the system folder picker. */
  pickFolder?: () => Promise<string | null>
  /** Desktop only: hand a vetted URL to the OS. */
  openExternal?: (url: string) => Promise<void>
  /** Where publishing tokens are kept: the OS keychain on the desktop; by default memory only. */
  credentials?: CredentialKeeping
  /** Whether to watch the open repository for changes made by other programs. */
  watchRepository?: boolean
}

export interface CredentialKeeping {
  store: CredentialStore
  storage: 'keychain' | 'session'
  /** A sentence to show when the keychain is weak or missing. */
  warning(): string | undefined
}

/** What every group of handlers gets: the host, and the repository open in this session. */
export interface SessionContext extends HostContext {
  credentials: CredentialKeeping
  /** The open repository, or a NO_REPOSITORY_OPEN failure. */
  requireRepository(): RepositoryInfo
  currentRepository(): RepositoryInfo | null
  openFolder(folder: string): Promise<RepositoryInfo>
}
