import type { Result } from '../../shared/result'
import { fail } from '../../shared/result'
import { dispatchCall } from '../api/dispatch'
import type { Session } from '../api/handlers'
import type { Logger } from '../services/logger'
import {
  decideWindowOpen,
  isNavigationAllowed,
  isPermissionGranted,
  isTrustedSender,
  secureWebPreferences,
} from './security-policy'

/*
 * Applies the decisions of security-policy.ts to a window, a session and IPC. Written against
 * the few members of Electron's objects it uses (type-only shapes, no Electron import), so the
 * wiring itself is unit-tested in Node with the real policy; window.ts and ipc.ts only pass in
 * Electron's objects.
 */

interface PreventableEvent {
  preventDefault(): void
}

/** The parts of Electron's WebContents that window security touches. */
export interface GuardableContents {
  getURL(): string
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: PreventableEvent, url: string) => void,
  ): unknown
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
}

/** The parts of Electron's Session that session security touches. */
export interface GuardableSession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { responseHeaders?: Record<string, string[]> },
        callback: (response: { responseHeaders: Record<string, string[]> }) => void,
      ) => void,
    ): void
  }
}

export function mainWindowOptions(options: { preloadPath: string; iconPath: string }) {
  return {
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Inkpress',
    icon: options.iconPath,
    webPreferences: secureWebPreferences(options.preloadPath),
  }
}

/** No navigation away from the app, no webviews, no new windows (safe links open outside). */
export function applyWindowSecurity(
  contents: GuardableContents,
  openExternal: (url: string) => Promise<void>,
): void {
  const blockForeign = (event: PreventableEvent, url: string) => {
    if (!isNavigationAllowed(contents.getURL(), url)) event.preventDefault()
  }
  contents.on('will-navigate', blockForeign)
  contents.on('will-redirect', blockForeign)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url)
    if (decision.openExternally) void openExternal(decision.openExternally)
    return { action: decision.action }
  })
}

/** Permissions denied unless listed in the policy; every response carries the renderer CSP. */
export function applySessionPolicy(session: GuardableSession, contentSecurityPolicy: string): void {
  session.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(isPermissionGranted(permission)),
  )
  session.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission))
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [contentSecurityPolicy],
      },
    })
  })
}

/** Who sent an IPC message, as Electron's IpcMainInvokeEvent tells it. */
export interface IpcSenderInfo {
  sender: { id: number }
  senderFrame?: { url: string } | null
}

export interface TrustedRenderer {
  contents: () => { id: number } | null
  rendererUrl: string
}

/** One contract call's IPC handler: refuses any sender but our window's own page, then dispatches. */
export function guardedIpcHandler(
  name: string,
  session: Session,
  trusted: TrustedRenderer,
  logger: Logger,
): (event: IpcSenderInfo, ...args: unknown[]) => Promise<Result<unknown>> {
  return async (event, ...args) => {
    const contents = trusted.contents()
    const fromOurWindow = contents !== null && event.sender.id === contents.id
    if (!fromOurWindow || !isTrustedSender(event.senderFrame?.url, trusted.rendererUrl)) {
      logger.error(`refused IPC ${name} from an untrusted sender`)
      return fail('FORBIDDEN', 'This request did not come from the Inkpress window.')
    }
    return dispatchCall(session.handlers, name, args, logger)
  }
}
