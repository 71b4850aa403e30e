import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { Api, EventSubscriptions } from '../shared/api/contract'
import { CALL_NAMES, EVENT_NAMES } from '../shared/api/channels'

/**
 * Exposes exactly one function per contract call and one subscription per event, each bound
 * to its own channel: the page can never name an arbitrary channel.
 */
const api = Object.fromEntries(
  CALL_NAMES.map((name) => [name, (...args: unknown[]) => ipcRenderer.invoke(name, ...args)]),
) as unknown as Api

const events = Object.fromEntries(
  EVENT_NAMES.map((name) => [
    name,
    (listener: (payload: unknown) => void) => {
      const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload)
      ipcRenderer.on(name, forward)
      return () => {
        ipcRenderer.removeListener(name, forward)
      }
    },
  ]),
) as unknown as EventSubscriptions

contextBridge.exposeInMainWorld('inkpress', Object.freeze({ api, events }))
