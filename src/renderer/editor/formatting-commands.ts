import { EditorSelection, type ChangeSpec, type EditorState } from '@codemirror/state'
import type { Command, KeyBinding } from '@codemirror/view'

/**
 * Wrap every selection in `marker` (e.g. `**`), or unwrap it when it is already wrapped.
 * An empty selection gets an empty pair with the cursor between the markers.
 */
export function toggleWrap(marker: string): Command {
  return (view) => {
    const { state } = view
    const transaction = state.changeByRange((range) => {
      const before = state.sliceDoc(range.from - marker.length, range.from)
      const after = state.sliceDoc(range.to, range.to + marker.length)
      if (before === marker && after === marker) {
        return {
          changes: [
            { from: range.from - marker.length, to: range.from },
            { from: range.to, to: range.to + marker.length },
          ],
          range: EditorSelection.range(range.from - marker.length, range.to - marker.length),
        }
      }
      return {
        changes: [
          { from: range.from, insert: marker },
          { from: range.to, insert: marker },
        ],
        range: EditorSelection.range(range.from + marker.length, range.to + marker.length),
      }
    })
    view.dispatch(state.update(transaction, { scrollIntoView: true, userEvent: 'input.format' }))
    return true
  }
}

const URL_PLACEHOLDER = 'https://'

/** Turn the selection into `[text](https://)` and select the URL so the writer can type it. */
export const insertLink: Command = (view) => {
  const { state } = view
  const transaction = state.changeByRange((range) => {
    const text = state.sliceDoc(range.from, range.to)
    const insert = `[${text}](${URL_PLACEHOLDER})`
    const urlStart = range.from + text.length + 3
    return {
      changes: { from: range.from, to: range.to, insert },
      range: text
        ? EditorSelection.range(urlStart, urlStart + URL_PLACEHOLDER.length)
        : EditorSelection.cursor(range.from + 1),
    }
  })
  view.dispatch(state.update(transaction, { scrollIntoView: true, userEvent: 'input.format' }))
  return true
}

/** The distinct line numbers touched by the selection, in document order. */
function selectedLines(state: EditorState): number[] {
  const lines = new Set<number>()
  for (const range of state.selection.ranges) {
    const first = state.doc.lineAt(range.from).number
    const last = state.doc.lineAt(range.to).number
    for (let n = first; n <= last; n++) lines.add(n)
  }
  return [...lines].sort((a, b) => a - b)
}

/** Apply `rewrite` to each selected line's text, replacing only the changed prefix. */
function rewriteLinePrefixes(
  rewrite: (lineText: string) => { remove: number; insert: string },
): Command {
  return (view) => {
    const { state } = view
    const changes: ChangeSpec[] = selectedLines(state).map((number) => {
      const line = state.doc.line(number)
      const { remove, insert } = rewrite(line.text)
      return { from: line.from, to: line.from + remove, insert }
    })
    view.dispatch(state.update({ changes, scrollIntoView: true, userEvent: 'input.format' }))
    return true
  }
}

const QUOTE_PREFIX = /^> ?/

/** Prefix the selected lines with `> `, or remove the prefix when every line has it. */
export const toggleQuote: Command = (view) => {
  const lines = selectedLines(view.state).map((n) => view.state.doc.line(n).text)
  const allQuoted = lines.every((text) => QUOTE_PREFIX.test(text))
  return rewriteLinePrefixes((text) => {
    if (allQuoted) return { remove: QUOTE_PREFIX.exec(text)?.[0].length ?? 0, insert: '' }
    return { remove: 0, insert: '> ' }
  })(view)
}

const HEADING_PREFIX = /^#{1,6}[ \t]+|^#{1,6}$/

/** Make the selected lines headings of `level`; the same level again turns them back into text. */
export function setHeadingLevel(level: number): Command {
  const marker = '#'.repeat(level) + ' '
  return (view) => {
    const lines = selectedLines(view.state).map((n) => view.state.doc.line(n).text)
    const allAtLevel = lines.every((text) => text.startsWith(marker))
    return rewriteLinePrefixes((text) => {
      const existing = HEADING_PREFIX.exec(text)?.[0].length ?? 0
      return { remove: existing, insert: allAtLevel ? '' : marker }
    })(view)
  }
}

export const formattingKeymap: readonly KeyBinding[] = [
  { key: 'Mod-b', run: toggleWrap('**') },
  { key: 'Mod-i', run: toggleWrap('*') },
  { key: 'Mod-e', run: toggleWrap('`') },
  { key: 'Mod-k', run: insertLink },
  { key: 'Mod-Shift-.', run: toggleQuote },
  { key: "Mod-'", run: toggleQuote },
  ...[1, 2, 3, 4, 5, 6].map((level) => ({ key: `Mod-${level}`, run: setHeadingLevel(level) })),
]
