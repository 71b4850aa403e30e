import type { EventPayloads, Handlers, RepositoryInfo } from '../../shared/api'
import type { EventName } from '../../shared/api/channels'
import { AppFailure } from '../../shared/result'
import { isAllowedExternalUrl } from '../../shared/external-links'
import type { Logger } from '../services/logger'
import { listMarkdownFiles } from '../services/posts/list-markdown-files'
import { readPostFile, savePostFile } from '../services/posts/post-files'
import { openRepository } from '../services/repository/open-repository'
import { ensureSampleBlog } from '../services/sample/sample-blog'
import type { SettingsStore } from '../services/settings/settings-store'
import { RepositoryWatcher } from '../services/watch/repository-watcher'

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
  /** Whether to watch the open repository for changes made by other programs. */
  watchRepository?: boolean
}

export interface Session {
  handlers: Handlers
  /** Opens a repository before the first call (e.g. `inkpress serve <repo>`). */
  open(folder: string): Promise<RepositoryInfo>
  close(): Promise<void>
}

export function createSession(context: HostContext): Session {
  let current: RepositoryInfo | null = null
  let watcher: RepositoryWatcher | null = null

  const requireRepository = (): RepositoryInfo => {
    if (!current) throw new AppFailure('NO_REPOSITORY_OPEN', 'Open a blog repository first.')
    return current
  }

  const open = async (folder: string): Promise<RepositoryInfo> => {
    const info = await openRepository(folder)
    await watcher?.close()
    watcher = null
    current = info
    if (context.watchRepository !== false) {
      watcher = new RepositoryWatcher(info.root, (paths) =>
        context.emit('posts:changed', { paths }),
      )
      watcher.start()
    }
    await context.settings.rememberRepository(info.root)
    return info
  }

  const handlers: Handlers = {
    'app:info': async () => ({
      mode: context.mode,
      version: context.version,
      platform: process.platform,
    }),
    'repo:open': open,
    'repo:openSample': async () =>
      open(await ensureSampleBlog(context.bundledSampleDir, context.appDataDir)),
    'repo:current': async () => current,
    'repo:recent': async () => (await context.settings.read()).recentRepositories,
    'repo:pickFolder': async () => {
      if (!context.pickFolder) {
        throw new AppFailure('NOT_SUPPORTED', 'In browser mode, type the folder path instead.')
      }
      return context.pickFolder()
    },
    'posts:list': async () => listMarkdownFiles(requireRepository().root),
    'posts:read': async (path) => readPostFile(requireRepository().root, path),
    'posts:save': async (path, text, baseVersion, options) =>
      savePostFile(requireRepository().root, path, text, baseVersion, options ?? {}),
    'shell:openExternal': async (url) => {
      if (!isAllowedExternalUrl(url)) {
        throw new AppFailure('INVALID_ARGUMENT', 'Only http, https and mailto links can be opened.')
      }
      if (!context.openExternal)
        throw new AppFailure('NOT_SUPPORTED', 'Opening links is handled by the browser here.')
      await context.openExternal(new URL(url).href)
    },
  }

  return {
    handlers,
    open,
    close: async () => {
      await watcher?.close()
      watcher = null
    },
  }
}
