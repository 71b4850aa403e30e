import { EditorView } from '@codemirror/view'
import { dividerInsertion } from './divider-insertion'

/**
 * The CodeMirror view of the open post, found through CodeMirror's own `findFromDOM`: the
 * divider needs the cursor position, which the editor's React handle does not expose.
 */
function openEditorView(): EditorView | null {
  const dom = document.querySelector<HTMLElement>('[data-testid="editor"] .cm-editor')
  return dom ? EditorView.findFromDOM(dom) : null
}

/**
 * Puts `<!--more-->` on its own line at the cursor as an ordinary edit (undoable, autosaved).
 * Returns false when no editor is showing.
 */
export function insertDividerAtCursor(): boolean {
  const view = openEditorView()
  if (!view) return false
  const { from, insert, cursor } = dividerInsertion(
    view.state.doc.toString(),
    view.state.selection.main.head,
  )
  view.dispatch({
    changes: { from, insert },
    selection: { anchor: cursor },
    scrollIntoView: true,
    userEvent: 'input',
  })
  view.focus()
  return true
}
