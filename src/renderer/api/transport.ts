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

const SESSION_KEY = 'inkpress:session'

/**
 * The page's session secret: handed over once in the URL fragment (which no server sees) and
 * kept in this tab's sessionStorage, so a reload keeps working and no cookie exists for other
 * local ports to receive.
 */
function pageSessionSecret(): string {
  const fromLink = /(?:^#|&)session=([\w-]+)/.exec(window.location.hash)?.[1]
  if (fromLink) {
    sessionStorage.setItem(SESSION_KEY, fromLink)
    history.replaceState(null, '', window.location.pathname + window.location.search)
    return fromLink
  }
  return sessionStorage.getItem(SESSION_KEY) ?? ''
}

/** Server-sent events read through fetch, which (unlike EventSource) can send the secret. */
async function readEventStream(
  secret: string,
  deliver: (event: EventName, payload: unknown) => void,
): Promise<never> {
  for (;;) {
    try {
      const response = await fetch('/api/events', {
        headers: { Authorization: `Bearer ${secret}` },
        cache: 'no-store',
      })
      const reader = response.body?.getReader()
      const decoder = new TextDecoder()
      let buffered = ''
      while (reader) {
        const { value, done } = await reader.read()
        if (done) break
        buffered += decoder.decode(value, { stream: true })
        let end: number
        while ((end = buffered.indexOf('\n\n')) >= 0) {
          const frame = buffered.slice(0, end)
          buffered = buffered.slice(end + 2)
          const data = frame
            .split('\n')
            .filter((line) => line.startsWith('data: '))
            .map((line) => line.slice(6))
            .join('\n')
          if (!data) continue
          const { event, payload } = JSON.parse(data) as { event: EventName; payload: unknown }
          deliver(event, payload)
        }
      }
    } catch {
      // The server restarted or the connection dropped: try again shortly.
    }
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
}

function createHttpTransport(): Transport {
  const secret = pageSessionSecret()
  const api = Object.fromEntries(
    CALL_NAMES.map((name) => [name, (...args: unknown[]) => postCall(secret, name, args)]),
  ) as unknown as Api
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  let streaming = false
  const ensureStream = () => {
    if (streaming) return
    streaming = true
    void readEventStream(secret, (event, payload) =>
      listeners.get(event)?.forEach((listener) => listener(payload)),
    )
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
  return {
    kind: 'http',
    api,
    events,
    // An <img> cannot send a header, so the secret rides in the image's own URL.
    assetUrl: (path) => `/repo-file/${encodePath(path)}?session=${encodeURIComponent(secret)}`,
  }
}

async function postCall(secret: string, name: string, args: unknown[]): Promise<Result<unknown>> {
  try {
    const response = await fetch(`/api/call/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${secret}` },
      body: JSON.stringify({ args }),
      credentials: 'omit',
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
