import { EditorState } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { useEffect, useImperativeHandle, useLayoutEffect, useRef, type Ref } from 'react'
import {
  colorSchemeCompartment,
  editorExtensions,
  spellcheckCompartment,
  spellcheckExtension,
} from './extensions'
import { pasteImageHandler, type PastedImage } from './paste-image'
import { DARK_QUERY, colorSchemeExtension } from './theme'

export interface MarkdownEditorProps {
  /** Changes when another file is opened; the editor then resets to `initialText`. */
  docKey: string
  initialText: string
  onChange(text: string): void
  /** Ctrl/Cmd+S. */
  onSave(): void
  /** Stores a pasted/dropped image; returns the path to link to, or null to insert nothing. */
  onPasteImage?(image: PastedImage): Promise<string | null>
  /** 1-based line of the cursor, for scroll sync. */
  onCursorLine?(line: number): void
  /** 1-based line at the top of the visible area, reported while the writer scrolls. */
  onTopLine?(line: number): void
  spellcheck?: boolean
  /** React 19 ref prop: exposes `insertAtCursor`, `scrollToLine` and `focus`. */
  ref?: Ref<MarkdownEditorHandle>
}

export interface MarkdownEditorHandle {
  insertAtCursor(text: string): void
  /** Scroll so that 1-based `line` is at the top of the editor. */
  scrollToLine(line: number): void
  focus(): void
}

function prefersDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia(DARK_QUERY).matches
}

/** The CodeMirror 6 Markdown editor. */
export function MarkdownEditor(props: MarkdownEditorProps): React.JSX.Element {
  const { ref } = props
  const hostRef = useRef<HTMLDivElement>(null)
  const viewRef = useRef<EditorView | null>(null)
  // Callbacks live in a ref so new function identities never rebuild the editor.
  const propsRef = useRef(props)
  useLayoutEffect(() => {
    propsRef.current = props
  })
  /** Set while we scroll programmatically so the scroll listener does not echo it back. */
  const scrollingFromOutside = useRef(false)

  useEffect(() => {
    const host = hostRef.current
    if (!host) return
    const extra = [
      EditorView.updateListener.of((update) => {
        if (update.docChanged) propsRef.current.onChange(update.state.doc.toString())
        if (update.selectionSet || update.docChanged) {
          const line = update.state.doc.lineAt(update.state.selection.main.head).number
          propsRef.current.onCursorLine?.(line)
        }
      }),
      pasteImageHandler(() => propsRef.current.onPasteImage),
      EditorView.domEventHandlers({
        scroll(_event, view) {
          if (scrollingFromOutside.current) {
            scrollingFromOutside.current = false
            return false
          }
          // Heights are measured from the document's top, which `documentTop` places on screen.
          const top = view.lineBlockAtHeight(
            view.scrollDOM.getBoundingClientRect().top - view.documentTop,
          )
          propsRef.current.onTopLine?.(view.state.doc.lineAt(top.from).number)
          return false
        },
      }),
    ]
    const state = EditorState.create({
      doc: propsRef.current.initialText,
      extensions: editorExtensions({
        spellcheck: propsRef.current.spellcheck ?? true,
        dark: prefersDark(),
        onSave: () => propsRef.current.onSave(),
        extra,
      }),
    })
    const view = new EditorView({ state, parent: host })
    viewRef.current = view

    const media = typeof matchMedia === 'function' ? matchMedia(DARK_QUERY) : null
    const followScheme = (event: MediaQueryListEvent) =>
      view.dispatch({
        effects: colorSchemeCompartment.reconfigure(colorSchemeExtension(event.matches)),
      })
    media?.addEventListener('change', followScheme)
    return () => {
      media?.removeEventListener('change', followScheme)
      view.destroy()
      viewRef.current = null
    }
    // The editor is rebuilt only when another document is opened.
  }, [props.docKey])

  useEffect(() => {
    viewRef.current?.dispatch({
      effects: spellcheckCompartment.reconfigure(spellcheckExtension(props.spellcheck ?? true)),
    })
  }, [props.spellcheck])

  useImperativeHandle(
    ref,
    () => ({
      insertAtCursor(text: string) {
        const view = viewRef.current
        if (!view) return
        view.dispatch(view.state.replaceSelection(text), {
          scrollIntoView: true,
          userEvent: 'input',
        })
      },
      scrollToLine(line: number) {
        const view = viewRef.current
        if (!view) return
        const target = view.state.doc.line(Math.min(Math.max(1, line), view.state.doc.lines))
        scrollingFromOutside.current = true
        view.dispatch({ effects: EditorView.scrollIntoView(target.from, { y: 'start' }) })
      },
      focus() {
        viewRef.current?.focus()
      },
    }),
    [],
  )

  return <div className="markdown-editor" data-testid="editor" ref={hostRef} />
}
