import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { CALL_NAMES } from '../../shared/api/channels'
import { fail } from '../../shared/result'
import { dispatchCall } from '../api/dispatch'
import type { Session } from '../api/handlers'
import type { Logger } from '../services/logger'
import { isTrustedSender } from './security-policy'

/** One ipcMain handler per contract call; each checks who is asking before dispatching. */
export function registerIpcHandlers(
  session: Session,
  trusted: { contents: () => WebContents | null; rendererUrl: string },
  logger: Logger,
): () => void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(name, (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      const contents = trusted.contents()
      const fromOurWindow = contents !== null && event.sender.id === contents.id
      if (!fromOurWindow || !isTrustedSender(event.senderFrame?.url, trusted.rendererUrl)) {
        logger.error(`refused IPC ${name} from an untrusted sender`)
        return fail('FORBIDDEN', 'This request did not come from the Inkpress window.')
      }
      return dispatchCall(session.handlers, name, args, logger)
    })
  }
  return () => CALL_NAMES.forEach((name) => ipcMain.removeHandler(name))
}
