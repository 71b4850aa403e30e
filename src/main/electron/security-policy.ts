import { externalHref } from '../../shared/external-links'

/**
 * Electron security decisions as plain data and functions, so they are unit-tested in Node
 * without the Electron binary; window.ts applies them.
 */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: true,
  } as const
}

/** Only these permissions are ever granted; everything else (camera, geolocation, …) is denied. */
const GRANTED_PERMISSIONS = new Set(['clipboard-sanitized-write'])

export const isPermissionGranted = (permission: string): boolean =>
  GRANTED_PERMISSIONS.has(permission)

/** The renderer is a single page: only in-page anchors (same URL but for the hash) may navigate. */
export function isNavigationAllowed(currentUrl: string, targetUrl: string): boolean {
  try {
    return withoutHash(currentUrl) === withoutHash(targetUrl)
  } catch {
    return false
  }
}

function withoutHash(url: string): string {
  const parsed = new URL(url)
  parsed.hash = ''
  return parsed.href
}

export type WindowOpenDecision = { action: 'deny'; openExternally: string | null }

/** New windows are never created; safe links go to the system browser instead. */
export function decideWindowOpen(url: string): WindowOpenDecision {
  return { action: 'deny', openExternally: externalHref(url) }
}

/** An IPC message is trusted only from our window's main frame showing our own renderer. */
export function isTrustedSender(frameUrl: string | undefined, rendererUrl: string): boolean {
  if (!frameUrl) return false
  try {
    const frame = new URL(frameUrl)
    const expected = new URL(rendererUrl)
    if (frame.protocol !== expected.protocol) return false
    if (frame.protocol === 'file:') return frame.pathname === expected.pathname
    return frame.origin === expected.origin
  } catch {
    return false
  }
}
