import type { Handlers } from '../../../shared/api'
import { listMarkdownFiles } from '../../services/posts/list-markdown-files'
import { readPostFile, savePostFile } from '../../services/posts/post-files'
import type { SessionContext } from '../session-context'

export const postHandlers = (
  context: SessionContext,
): Pick<Handlers, 'posts:list' | 'posts:read' | 'posts:save'> => ({
  'posts:list': async () => listMarkdownFiles(context.requireRepository().root),
  'posts:read': async (path) => readPostFile(context.requireRepository().root, path),
  'posts:save': async (path, text, baseVersion, options) =>
    savePostFile(context.requireRepository().root, path, text, baseVersion, options ?? {}),
})
