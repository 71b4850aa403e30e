import { EditorView } from '@codemirror/view'

export interface PastedImage {
  name: string
  type: string
  bytes: Uint8Array
}

export type SaveImage = (image: PastedImage) => Promise<string | null>

function imageFiles(data: DataTransfer | null): File[] {
  if (!data) return []
  return [...data.files].filter((file) => file.type.startsWith('image/'))
}

/** `photo.final.png` → `photo.final`: a readable alt text taken from the file name. */
function altText(name: string): string {
  return name.replace(/\.[^.]+$/, '').replace(/[[\]\\]/g, '')
}

async function insertImages(
  view: EditorView,
  files: File[],
  at: number,
  save: SaveImage,
): Promise<void> {
  const links: string[] = []
  for (const file of files) {
    const bytes = new Uint8Array(await file.arrayBuffer())
    const path = await save({ name: file.name || 'image.png', type: file.type, bytes })
    if (path) links.push(`![${altText(file.name || 'image')}](${path})`)
  }
  if (links.length === 0 || view.state.doc.length < at) return
  const insert = links.join('\n')
  view.dispatch({
    changes: { from: at, insert },
    selection: { anchor: at + insert.length },
    userEvent: 'input.paste',
    scrollIntoView: true,
  })
}

/**
 * Pasted or dropped image files are handed to `save` (which stores them where the site expects)
 * and replaced by a Markdown image link; everything else falls through to CodeMirror.
 */
export function pasteImageHandler(getSave: () => SaveImage | undefined) {
  return EditorView.domEventHandlers({
    paste(event, view) {
      const save = getSave()
      const files = imageFiles(event.clipboardData)
      if (!save || files.length === 0) return false
      event.preventDefault()
      void insertImages(view, files, view.state.selection.main.head, save)
      return true
    },
    drop(event, view) {
      const save = getSave()
      const files = imageFiles(event.dataTransfer)
      if (!save || files.length === 0) return false
      event.preventDefault()
      const at =
        view.posAtCoords({ x: event.clientX, y: event.clientY }) ?? view.state.selection.main.head
      void insertImages(view, files, at, save)
      return true
    },
  })
}
