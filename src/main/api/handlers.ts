import type { Handlers, RepositoryInfo } from '../../shared/api'
import { AppFailure } from '../../shared/result'
import { SessionCredentialStore } from '../services/credentials/memory-store'
import { openRepository } from '../services/repository/open-repository'
import { RepositoryWatcher } from '../services/watch/repository-watcher'
import { appHandlers } from './handlers/app-handlers'
import { gitHandlers } from './handlers/git-handlers'
import { libraryHandlers } from './handlers/library-handlers'
import { journalHandlers } from './handlers/journal-handlers'
import { postHandlers } from './handlers/post-handlers'
import { repositoryHandlers } from './handlers/repository-handlers'
import type { HostContext, SessionContext } from './session-context'

export type { HostContext } from './session-context'

export interface Session {
  handlers: Handlers
  /** Opens a repository before the first call (e.g. `inkpress serve <repo>`). */
  open(folder: string): Promise<RepositoryInfo>
  close(): Promise<void>
}

/** One open repository and the handlers that serve it; every host wraps one of these. */
export function createSession(host: HostContext): Session {
  let current: RepositoryInfo | null = null
  let watcher: RepositoryWatcher | null = null

  const openFolder = async (folder: string): Promise<RepositoryInfo> => {
    const info = await openRepository(folder)
    await watcher?.close()
    watcher = null
    current = info
    if (host.watchRepository !== false) {
      watcher = new RepositoryWatcher(
        info.root,
        (paths) => host.emit('posts:changed', { paths }),
        (message) => host.emit('repo:notice', { message }),
      )
      watcher.start()
    }
    await host.settings.rememberRepository(info.root)
    return info
  }

  const context: SessionContext = {
    ...host,
    credentials: host.credentials ?? {
      store: new SessionCredentialStore(),
      storage: 'session',
      warning: () => 'Tokens entered in browser mode are kept only until Inkpress stops.',
    },
    openFolder,
    currentRepository: () => current,
    requireRepository: () => {
      if (!current) throw new AppFailure('NO_REPOSITORY_OPEN', 'Open a blog repository first.')
      return current
    },
  }

  // Adding a call to the contract without adding its handler to one of these groups fails to compile.
  const handlers: Handlers = {
    ...appHandlers(context),
    ...repositoryHandlers(context),
    ...postHandlers(context),
    ...gitHandlers(context),
    ...libraryHandlers(context),
    ...journalHandlers(context),
  }

  return {
    handlers,
    open: openFolder,
    close: async () => {
      await watcher?.close()
      watcher = null
    },
  }
}
