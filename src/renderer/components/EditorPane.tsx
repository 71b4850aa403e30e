import { useCallback, useRef } from 'react'
import { MarkdownEditor, StatusBar, type MarkdownEditorHandle } from '../editor'
import { PostInspector } from '../library/PostInspector'
import { Preview } from '../preview/Preview'
import { savePost, updateText, useInkpress } from '../state/store'

const parentFolder = (path: string) => path.split('/').slice(0, -1).join('/')

/** Resolves a post-relative image path against the post's folder; web URLs pass through. */
function resolveAgainstPost(postPath: string, src: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) return null
  const segments = src.startsWith('/') ? [] : parentFolder(postPath).split('/').filter(Boolean)
  for (const part of src.split('/')) {
    if (part === '..') segments.pop()
    else if (part && part !== '.') segments.push(part)
  }
  return segments.join('/')
}

export function EditorPane() {
  const post = useInkpress((state) => state.post)
  const postPath = post?.path
  const transport = useInkpress((state) => state.transport)
  const editor = useRef<MarkdownEditorHandle>(null)

  const resolveImageSrc = useCallback(
    (src: string) => {
      if (postPath === undefined || !transport) return src
      const inRepository = resolveAgainstPost(postPath, src)
      return inRepository === null ? src : transport.assetUrl(inRepository)
    },
    [postPath, transport],
  )
  const openExternal = useCallback(
    (url: string) => {
      if (transport?.kind === 'ipc') void transport.api['shell:openExternal'](url)
      else window.open(url, '_blank', 'noopener,noreferrer')
    },
    [transport],
  )

  if (!post) return <p className="empty editor-empty">Pick a post on the left to start writing.</p>
  return (
    <div className="editor-pane">
      <section className="pane editor-column" aria-label="Editor">
        <PostInspector />
        <MarkdownEditor
          ref={editor}
          docKey={`${post.path}#${post.loadCount}`}
          initialText={post.text}
          onChange={updateText}
          onSave={() => void savePost()}
          spellcheck
        />
        <StatusBar text={post.text} />
      </section>
      <section className="pane preview-pane" aria-label="Preview">
        <Preview text={post.text} resolveImageSrc={resolveImageSrc} onOpenExternal={openExternal} />
      </section>
    </div>
  )
}
