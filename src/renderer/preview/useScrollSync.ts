import { useCallback, useRef } from 'react'
import type { MarkdownEditorHandle } from '../editor/MarkdownEditor'
import type { PreviewHandle } from './Preview'

/**
 * Wires editor and preview scrolling together, both ways, by source line:
 *
 *   const sync = useScrollSync()
 *   <MarkdownEditor ref={sync.editorRef} onTopLine={sync.onEditorTopLine} … />
 *   <Preview ref={sync.previewRef} onScrollLine={sync.onPreviewScrollLine} … />
 *
 * Each side ignores the scroll it was told to make, so the panes never bounce.
 */
export function useScrollSync() {
  const editorRef = useRef<MarkdownEditorHandle>(null)
  const previewRef = useRef<PreviewHandle>(null)
  const onEditorTopLine = useCallback((line: number) => previewRef.current?.scrollToLine(line), [])
  const onPreviewScrollLine = useCallback(
    (line: number) => editorRef.current?.scrollToLine(line),
    [],
  )
  return { editorRef, previewRef, onEditorTopLine, onPreviewScrollLine }
}
