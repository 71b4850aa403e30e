import type { Handlers } from '../../../shared/api'
import { JournalStore } from '../../services/journal/journal-store'
import { readPostFile, savePostFile } from '../../services/posts/post-files'
import type { SessionContext } from '../session-context'

export const postHandlers = (
  context: SessionContext,
): Pick<Handlers, 'posts:read' | 'posts:save'> => ({
  'posts:read': async (path) => readPostFile(context.requireRepository().root, path),
  'posts:save': async (path, text, baseVersion, options) => {
    const root = context.requireRepository().root
    const saved = await savePostFile(root, path, text, baseVersion, options ?? {})
    // A saved buffer no longer needs its crash journal.
    await new JournalStore(context.appDataDir).discard(root, path)
    return saved
  },
})
