import { useCallback } from 'react'
import { linkTargetInRepository } from '../../shared/posts/site-paths'
import { bytesToBase64 } from '../api/base64'
import { MarkdownEditor, StatusBar } from '../editor'
import type { PastedImage } from '../editor/paste-image'
import { PostInspector } from '../library/PostInspector'
import { Preview } from '../preview/Preview'
import { useScrollSync } from '../preview/useScrollSync'
import { savePost, showError, updateText, useInkpress } from '../state/store'

export function EditorPane() {
  const post = useInkpress((state) => state.post)
  const postPath = post?.path
  const transport = useInkpress((state) => state.transport)
  const site = useInkpress((state) => state.site)
  const { editorRef, previewRef, onEditorTopLine, onPreviewScrollLine } = useScrollSync()

  /** Images resolve as the published site would (e.g. `/images/a.png` → `static/images/a.png` on Hugo). */
  const resolveImageSrc = useCallback(
    (src: string) => {
      if (postPath === undefined || !transport || !site) return src
      const inRepository = linkTargetInRepository(site, postPath, src)
      return inRepository === null ? src : transport.assetUrl(inRepository)
    },
    [postPath, transport, site],
  )
  const saveImage = useCallback(
    async (image: PastedImage): Promise<string | null> => {
      if (postPath === undefined || !transport) return null
      const saved = await transport.api['assets:saveImage'](postPath, {
        name: image.name,
        type: image.type,
        dataBase64: bytesToBase64(image.bytes),
      })
      if (saved.ok) return saved.value.link
      showError(saved.error)
      return null
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
          ref={editorRef}
          onTopLine={onEditorTopLine}
          onPasteImage={saveImage}
          docKey={`${post.path}#${post.loadCount}`}
          initialText={post.text}
          onChange={updateText}
          onSave={() => void savePost()}
          spellcheck
        />
        <StatusBar text={post.text} />
      </section>
      <section className="pane preview-pane" aria-label="Preview">
        <Preview
          ref={previewRef}
          onScrollLine={onPreviewScrollLine}
          text={post.text}
          resolveImageSrc={resolveImageSrc}
          onOpenExternal={openExternal}
        />
      </section>
    </div>
  )
}
