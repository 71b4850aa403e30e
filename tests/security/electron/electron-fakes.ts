import { EventEmitter } from 'node:events'
import type { ContextMenuParams } from '../../../src/main/electron/context-menu'

/** Electron's `context-menu` parameters for a right click on nothing in particular. */
export function contextMenuParams(fields: Partial<ContextMenuParams> = {}): ContextMenuParams {
  return {
    misspelledWord: '',
    dictionarySuggestions: [],
    isEditable: false,
    selectionText: '',
    linkURL: '',
    editFlags: {
      canUndo: false,
      canRedo: false,
      canCut: false,
      canCopy: false,
      canPaste: false,
      canSelectAll: false,
    },
    ...fields,
  }
}

/**
 * Stand-ins for the few members of Electron's WebContents / Session the security wiring uses,
 * recording what was registered so tests can drive the real handlers.
 */
export class RecordingContents extends EventEmitter {
  static nextId = 1
  readonly id = RecordingContents.nextId++
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | null = null
  readonly replacedMisspellings: string[] = []
  readonly session = {
    dictionary: [] as string[],
    addWordToSpellCheckerDictionary(word: string): boolean {
      this.dictionary.push(word)
      return true
    },
  }
  constructor(public url: string) {
    super()
  }
  getURL(): string {
    return this.url
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler
  }
  replaceMisspelling(word: string): void {
    this.replacedMisspellings.push(word)
  }
  /** Fires a preventable event like Electron does and says whether a listener prevented it. */
  attempt(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', url?: string): boolean {
    let prevented = false
    this.emit(event, { preventDefault: () => (prevented = true) }, url)
    return prevented
  }
}

export class RecordingSession {
  requestHandler:
    ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null =
    null
  checkHandler: ((contents: unknown, permission: string) => boolean) | null = null
  availableSpellCheckerLanguages: string[] = []
  spellCheckerLanguages: string[] | null = null
  setSpellCheckerLanguages(languages: string[]): void {
    this.spellCheckerLanguages = languages
  }
  headersListener:
    | ((
        details: { responseHeaders?: Record<string, string[]> },
        callback: (response: { responseHeaders: Record<string, string[]> }) => void,
      ) => void)
    | null = null
  setPermissionRequestHandler(handler: NonNullable<RecordingSession['requestHandler']>): void {
    this.requestHandler = handler
  }
  setPermissionCheckHandler(handler: NonNullable<RecordingSession['checkHandler']>): void {
    this.checkHandler = handler
  }
  webRequest = {
    onHeadersReceived: (listener: NonNullable<RecordingSession['headersListener']>) => {
      this.headersListener = listener
    },
  }
  requestPermission(permission: string): boolean {
    let granted: boolean | null = null
    this.requestHandler?.(null, permission, (answer) => (granted = answer))
    if (granted === null) throw new Error('permission request was never answered')
    return granted
  }
}
