import { BrowserWindow, Menu, clipboard, session as electronSession, shell } from 'electron'
import { RENDERER_CSP } from '../web/security-headers'
import { applySessionPolicy, applyWindowSecurity, mainWindowOptions } from './apply-security'
import { applyContextMenu, spellCheckerLanguagesFor } from './context-menu'

export function applySessionSecurity(): void {
  applySessionPolicy(electronSession.defaultSession, RENDERER_CSP)
}

/** Windows and Linux spellcheck with Hunspell in the system's language; macOS uses its own. */
export function configureSpellchecker(locale: string): void {
  if (process.platform === 'darwin') return
  const session = electronSession.defaultSession
  const languages = spellCheckerLanguagesFor(locale, session.availableSpellCheckerLanguages)
  if (languages.length > 0) session.setSpellCheckerLanguages(languages)
}

export function createMainWindow(options: {
  preloadPath: string
  iconPath: string
}): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(options))
  window.once('ready-to-show', () => window.show())
  const openExternal = (url: string) => shell.openExternal(url)
  applyWindowSecurity(window.webContents, openExternal)
  applyContextMenu(
    window.webContents,
    {
      replaceMisspelling: (word) => window.webContents.replaceMisspelling(word),
      addToDictionary: (word) => window.webContents.session.addWordToSpellCheckerDictionary(word),
      openExternal: (url) => void openExternal(url),
      copyText: (text) => clipboard.writeText(text),
    },
    (template) => Menu.buildFromTemplate(template).popup({ window }),
  )
  return window
}
