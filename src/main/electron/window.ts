import { BrowserWindow, session as electronSession, shell } from 'electron'
import { RENDERER_CSP } from '../web/security-headers'
import { applySessionPolicy, applyWindowSecurity, mainWindowOptions } from './apply-security'

export function applySessionSecurity(): void {
  applySessionPolicy(electronSession.defaultSession, RENDERER_CSP)
}

export function createMainWindow(options: {
  preloadPath: string
  iconPath: string
}): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(options))
  window.once('ready-to-show', () => window.show())
  applyWindowSecurity(window.webContents, (url) => shell.openExternal(url))
  return window
}
