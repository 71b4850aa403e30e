import { replaceBuffer, updateText } from '../state/store'

/**
 * A change made outside the editor (the front matter form, a saved excerpt): `updateText`
 * records it as an edit so autosave and the journal pick it up, `replaceBuffer` shows it in
 * the editor.
 */
export function applyBufferEdit(text: string): void {
  updateText(text)
  replaceBuffer(text)
}
