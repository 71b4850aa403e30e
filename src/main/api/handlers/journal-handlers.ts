import type { Handlers } from '../../../shared/api'
import { JournalStore } from '../../services/journal/journal-store'
import type { SessionContext } from '../session-context'

type JournalCalls = 'journal:write' | 'journal:list' | 'journal:discard'

/** Unsaved buffers of the open repository, kept in the app-data folder. */
export const journalHandlers = (context: SessionContext): Pick<Handlers, JournalCalls> => {
  const journal = new JournalStore(context.appDataDir)
  return {
    'journal:write': async (path, text, baseVersion) =>
      journal.write(context.requireRepository().root, path, text, baseVersion),
    'journal:list': async () => journal.list(context.requireRepository().root),
    'journal:discard': async (path) => journal.discard(context.requireRepository().root, path),
  }
}
