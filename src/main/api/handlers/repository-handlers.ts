import type { Handlers } from '../../../shared/api'
import { AppFailure } from '../../../shared/result'
import { ensureSampleBlog } from '../../services/sample/sample-blog'
import type { SessionContext } from '../session-context'

type RepositoryCalls =
  'repo:open' | 'repo:openSample' | 'repo:current' | 'repo:recent' | 'repo:pickFolder'

export const repositoryHandlers = (context: SessionContext): Pick<Handlers, RepositoryCalls> => ({
  'repo:open': (folder) => context.openFolder(folder),
  'repo:openSample': async () =>
    context.openFolder(await ensureSampleBlog(context.bundledSampleDir, context.appDataDir)),
  'repo:current': async () => context.currentRepository(),
  'repo:recent': async () => (await context.settings.read()).recentRepositories,
  'repo:pickFolder': async () => {
    if (!context.pickFolder) {
      throw new AppFailure('NOT_SUPPORTED', 'In browser mode, type the folder path instead.')
    }
    return context.pickFolder()
  },
})
