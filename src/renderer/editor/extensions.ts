import {
  autocompletion,
  closeBrackets,
  closeBracketsKeymap,
  completionKeymap,
} from '@codemirror/autocomplete'
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands'
import { markdown, markdownLanguage } from '@codemirror/lang-markdown'
import { bracketMatching, indentOnInput } from '@codemirror/language'
import { languages } from '@codemirror/language-data'
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search'
import { Compartment, Prec, type Extension } from '@codemirror/state'
import {
  EditorView,
  crosshairCursor,
  drawSelection,
  dropCursor,
  highlightActiveLine,
  keymap,
  rectangularSelection,
} from '@codemirror/view'
import { formattingKeymap } from './formatting-commands'
import { frontMatterHighlighting } from './front-matter'
import { colorSchemeExtension, editorTheme } from './theme'

export const spellcheckCompartment = new Compartment()
export const colorSchemeCompartment = new Compartment()

export function spellcheckExtension(enabled: boolean): Extension {
  return EditorView.contentAttributes.of({
    spellcheck: enabled ? 'true' : 'false',
    autocorrect: enabled ? 'on' : 'off',
    autocapitalize: 'off',
  })
}

export interface EditorExtensionOptions {
  spellcheck: boolean
  dark: boolean
  onSave(): void
  /** Extra extensions (listeners, paste handling) supplied by the component. */
  extra: Extension[]
}

/**
 * Everything a writer expects from the editor. `markdown()` brings GFM, list continuation on
 * Enter and lazily loaded fenced-code languages (`codeLanguages` only fetches a grammar when a
 * fence names it).
 */
export function editorExtensions(options: EditorExtensionOptions): Extension[] {
  return [
    history(),
    drawSelection(),
    dropCursor(),
    rectangularSelection(),
    crosshairCursor(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    indentOnInput(),
    bracketMatching(),
    closeBrackets(),
    autocompletion({ activateOnTyping: false }),
    search({ top: true }),
    EditorView.lineWrapping,
    markdown({
      base: markdownLanguage,
      codeLanguages: languages,
      extensions: [frontMatterHighlighting],
    }),
    Prec.high(
      keymap.of([
        { key: 'Mod-s', preventDefault: true, run: () => (options.onSave(), true) },
        ...formattingKeymap,
      ]),
    ),
    keymap.of([
      ...closeBracketsKeymap,
      ...defaultKeymap,
      ...searchKeymap,
      ...historyKeymap,
      ...completionKeymap,
      indentWithTab,
    ]),
    editorTheme,
    colorSchemeCompartment.of(colorSchemeExtension(options.dark)),
    spellcheckCompartment.of(spellcheckExtension(options.spellcheck)),
    ...options.extra,
  ]
}
