import { HighlightStyle, defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language'
import { EditorView } from '@codemirror/view'
import { tags } from '@lezer/highlight'
import type { Extension } from '@codemirror/state'

/** Layout shared by both colour schemes; `&light` / `&dark` pick colours by the view's dark flag. */
const baseTheme = EditorView.baseTheme({
  '&': { height: '100%', fontSize: '15px' },
  '.cm-scroller': {
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
    lineHeight: '1.6',
  },
  '.cm-content': { padding: '16px 0', maxWidth: '80ch' },
  '&light': { backgroundColor: '#ffffff', color: '#1f2328' },
  '&light .cm-cursor': { borderLeftColor: '#1f2328' },
  '&light .cm-gutters': { backgroundColor: '#f6f8fa', color: '#6e7781', border: 'none' },
  '&light .cm-activeLine': { backgroundColor: '#f6f8fa80' },
  '&dark': { backgroundColor: '#0d1117', color: '#e6edf3' },
  '&dark .cm-cursor': { borderLeftColor: '#e6edf3' },
  '&dark .cm-gutters': { backgroundColor: '#161b22', color: '#7d8590', border: 'none' },
  '&dark .cm-activeLine': { backgroundColor: '#161b2280' },
  '&dark .cm-selectionBackground, &dark.cm-focused .cm-selectionBackground': {
    backgroundColor: '#264f78',
  },
})

const markdownHighlightLight = HighlightStyle.define(
  [
    ...defaultHighlightStyle.specs,
    { tag: tags.heading, fontWeight: 'bold', color: '#0550ae' },
    { tag: tags.strong, fontWeight: 'bold' },
    { tag: tags.emphasis, fontStyle: 'italic' },
    { tag: tags.strikethrough, textDecoration: 'line-through' },
    { tag: tags.link, color: '#0969da' },
    { tag: tags.url, color: '#0969da', textDecoration: 'underline' },
    { tag: tags.monospace, color: '#953800' },
    { tag: tags.quote, color: '#57606a', fontStyle: 'italic' },
    { tag: tags.meta, color: '#8250df' },
  ],
  { themeType: 'light' },
)

const markdownHighlightDark = HighlightStyle.define(
  [
    { tag: tags.heading, fontWeight: 'bold', color: '#79c0ff' },
    { tag: tags.strong, fontWeight: 'bold' },
    { tag: tags.emphasis, fontStyle: 'italic' },
    { tag: tags.strikethrough, textDecoration: 'line-through' },
    { tag: [tags.link, tags.url], color: '#58a6ff' },
    { tag: tags.monospace, color: '#ffa657' },
    { tag: tags.quote, color: '#8b949e', fontStyle: 'italic' },
    { tag: tags.meta, color: '#d2a8ff' },
    { tag: [tags.keyword, tags.operatorKeyword, tags.modifier], color: '#ff7b72' },
    { tag: [tags.string, tags.special(tags.string)], color: '#a5d6ff' },
    { tag: [tags.number, tags.bool, tags.null, tags.atom], color: '#79c0ff' },
    {
      tag: [tags.comment, tags.lineComment, tags.blockComment],
      color: '#8b949e',
      fontStyle: 'italic',
    },
    {
      tag: [tags.function(tags.variableName), tags.definition(tags.variableName)],
      color: '#d2a8ff',
    },
    { tag: [tags.typeName, tags.className, tags.propertyName], color: '#ffa657' },
  ],
  { themeType: 'dark' },
)

/** Both schemes' colours; which applies follows `EditorView.darkTheme` (see `colorSchemeExtension`). */
export const editorTheme: Extension = [
  baseTheme,
  syntaxHighlighting(markdownHighlightLight),
  syntaxHighlighting(markdownHighlightDark),
]

/** Marks the view as dark or light so the matching colours above apply. */
export function colorSchemeExtension(dark: boolean): Extension {
  return EditorView.darkTheme.of(dark)
}

export const DARK_QUERY = '(prefers-color-scheme: dark)'
