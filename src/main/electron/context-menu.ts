import { externalHref } from '../../shared/external-links'

/*
 * The window's right-click menu. Electron shows none by default, so without this the desktop
 * spellchecker underlines words but offers no way to correct them, and there is no Cut / Copy /
 * Paste under the mouse. Built as plain data from Electron's `context-menu` parameters (type-only
 * shapes, no Electron import) so it is unit-tested in Node; window.ts pops it up.
 */

/** The members of Electron's `ContextMenuParams` the menu reads. */
export interface ContextMenuParams {
  misspelledWord: string
  dictionarySuggestions: string[]
  isEditable: boolean
  selectionText: string
  linkURL: string
  editFlags: {
    canUndo: boolean
    canRedo: boolean
    canCut: boolean
    canCopy: boolean
    canPaste: boolean
    canSelectAll: boolean
  }
}

export interface ContextMenuActions {
  replaceMisspelling(word: string): void
  addToDictionary(word: string): void
  openExternal(url: string): void
  copyText(text: string): void
}

type EditRole = 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll'

/** A subset of Electron's `MenuItemConstructorOptions`, enough for this menu. */
export type ContextMenuItem =
  | { type: 'separator' }
  | { label: string; enabled?: boolean; click?: () => void }
  | { role: EditRole; enabled: boolean }

/** More than this many suggestions makes the menu hard to scan; Chrome shows about as many. */
const MAX_SUGGESTIONS = 5

function spellingItems(params: ContextMenuParams, actions: ContextMenuActions): ContextMenuItem[] {
  const word = params.misspelledWord
  if (!params.isEditable || !word) return []
  const suggestions = params.dictionarySuggestions.slice(0, MAX_SUGGESTIONS)
  return [
    ...(suggestions.length > 0
      ? suggestions.map((suggestion) => ({
          label: suggestion,
          click: () => actions.replaceMisspelling(suggestion),
        }))
      : [{ label: 'No Spelling Suggestions', enabled: false }]),
    { label: `Add “${word}” to Dictionary`, click: () => actions.addToDictionary(word) },
  ]
}

function linkItems(params: ContextMenuParams, actions: ContextMenuActions): ContextMenuItem[] {
  const href = params.linkURL ? externalHref(params.linkURL) : null
  if (!href) return []
  return [
    { label: 'Open Link in Browser', click: () => actions.openExternal(href) },
    { label: 'Copy Link Address', click: () => actions.copyText(href) },
  ]
}

function editItems(params: ContextMenuParams): ContextMenuItem[] {
  const flags = params.editFlags
  if (params.isEditable) {
    return [
      { role: 'undo', enabled: flags.canUndo },
      { role: 'redo', enabled: flags.canRedo },
      { type: 'separator' },
      { role: 'cut', enabled: flags.canCut },
      { role: 'copy', enabled: flags.canCopy },
      { role: 'paste', enabled: flags.canPaste },
      { type: 'separator' },
      { role: 'selectAll', enabled: flags.canSelectAll },
    ]
  }
  return params.selectionText.trim() ? [{ role: 'copy', enabled: flags.canCopy }] : []
}

/** The menu for one right click, in sections; empty when there is nothing to offer. */
export function contextMenuTemplate(
  params: ContextMenuParams,
  actions: ContextMenuActions,
): ContextMenuItem[] {
  const sections = [spellingItems(params, actions), linkItems(params, actions), editItems(params)]
  return sections
    .filter((section) => section.length > 0)
    .flatMap((section, index) =>
      index === 0 ? section : [{ type: 'separator' as const }, ...section],
    )
}

/** The part of Electron's WebContents the menu hooks into. */
export interface ContextMenuContents {
  on(event: 'context-menu', listener: (event: unknown, params: ContextMenuParams) => void): unknown
}

/** Pops up `contextMenuTemplate` on every right click that has something to offer. */
export function applyContextMenu(
  contents: ContextMenuContents,
  actions: ContextMenuActions,
  popup: (template: ContextMenuItem[]) => void,
): void {
  contents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params, actions)
    if (template.length > 0) popup(template)
  })
}

/**
 * Spellchecker languages for a system locale (Windows and Linux; macOS uses the system's own
 * spellchecker): the exact locale, else one of the same language, else US English.
 */
export function spellCheckerLanguagesFor(locale: string, available: readonly string[]): string[] {
  const wanted = locale.replace('_', '-').toLowerCase()
  const language = wanted.split('-')[0] ?? ''
  const exact = available.find((candidate) => candidate.toLowerCase() === wanted)
  const sameLanguage = available.find(
    (candidate) => candidate.toLowerCase().split('-')[0] === language,
  )
  const fallback = available.find((candidate) => candidate.toLowerCase() === 'en-us')
  const chosen = exact ?? sameLanguage ?? fallback
  return chosen ? [chosen] : []
}
