import type { Api, EventSubscriptions, Unsubscribe } from '../../shared/api'
import { CALL_NAMES, EVENT_NAMES, type EventName } from '../../shared/api/channels'
import type { Result } from '../../shared/result'

/** How the renderer reaches the main process: the preload bridge on the desktop, HTTP in a browser. */
export interface Transport {
  kind: 'ipc' | 'http'
  api: Api
  events: EventSubscriptions
  /** A URL the page may load for an image inside the open repository. */
  assetUrl(repoRelativePath: string): string
}

interface PreloadBridge {
  api: Api
  events: EventSubscriptions
}

declare global {
  interface Window {
    inkpress?: PreloadBridge
  }
}

const encodePath = (repoRelativePath: string) =>
  repoRelativePath.split('/').map(encodeURIComponent).join('/')

export function createTransport(): Transport {
  const bridge = window.inkpress
  if (bridge) {
    return {
      kind: 'ipc',
      api: bridge.api,
      events: bridge.events,
      assetUrl: (path) => `inkpress-asset://repo/${encodePath(path)}`,
    }
  }
  return createHttpTransport()
}

function createHttpTransport(): Transport {
  const api = Object.fromEntries(
    CALL_NAMES.map((name) => [name, (...args: unknown[]) => postCall(name, args)]),
  ) as unknown as Api
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  let source: EventSource | null = null
  const ensureStream = () => {
    if (source) return
    source = new EventSource('/api/events')
    source.onmessage = (message: MessageEvent<string>) => {
      const { event, payload } = JSON.parse(message.data) as { event: EventName; payload: unknown }
      listeners.get(event)?.forEach((listener) => listener(payload))
    }
  }
  const events = Object.fromEntries(
    EVENT_NAMES.map((name) => [
      name,
      (listener: (payload: unknown) => void): Unsubscribe => {
        ensureStream()
        const set = listeners.get(name) ?? new Set()
        set.add(listener)
        listeners.set(name, set)
        return () => set.delete(listener)
      },
    ]),
  ) as unknown as EventSubscriptions
  return { kind: 'http', api, events, assetUrl: (path) => `/repo-file/${encodePath(path)}` }
}

async function postCall(name: string, args: unknown[]): Promise<Result<unknown>> {
  try {
    const response = await fetch(`/api/call/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ args }),
      credentials: 'same-origin',
    })
    if (response.headers.get('content-type')?.startsWith('application/json')) {
      return (await response.json()) as Result<unknown>
    }
    return { ok: false, error: { code: 'UNAUTHORIZED', message: (await response.text()).trim() } }
  } catch {
    return {
      ok: false,
      error: {
        code: 'NETWORK',
        message: 'Lost contact with the Inkpress server. Is `inkpress serve` still running?',
      },
    }
  }
}
