import { ipcMain, type WebContents } from 'electron'
import { CALL_NAMES } from '../../shared/api/channels'
import type { Session } from '../api/handlers'
import type { Logger } from '../services/logger'
import { guardedIpcHandler } from './apply-security'

/** One ipcMain handler per contract call; each checks who is asking before dispatching. */
export function registerIpcHandlers(
  session: Session,
  trusted: { contents: () => WebContents | null; rendererUrl: string },
  logger: Logger,
): () => void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(name, guardedIpcHandler(name, session, trusted, logger))
  }
  return () => CALL_NAMES.forEach((name) => ipcMain.removeHandler(name))
}
