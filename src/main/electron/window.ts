import { BrowserWindow, session as electronSession, shell } from 'electron'
import { RENDERER_CSP } from '../web/security-headers'
import {
  decideWindowOpen,
  isNavigationAllowed,
  isPermissionGranted,
  secureWebPreferences,
} from './security-policy'

export function applySessionSecurity(): void {
  const session = electronSession.defaultSession
  session.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(isPermissionGranted(permission)),
  )
  session.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission))
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [RENDERER_CSP] },
    })
  })
}

export function createMainWindow(options: {
  preloadPath: string
  iconPath: string
}): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Inkpress',
    icon: options.iconPath,
    webPreferences: secureWebPreferences(options.preloadPath),
  })
  window.once('ready-to-show', () => window.show())
  const contents = window.webContents
  contents.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(contents.getURL(), url)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isNavigationAllowed(contents.getURL(), url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url)
    if (decision.openExternally) void shell.openExternal(decision.openExternally)
    return { action: decision.action }
  })
  return window
}
