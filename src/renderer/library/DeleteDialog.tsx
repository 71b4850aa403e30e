import { useEffect, useRef } from 'react'
import { useInkpress } from '../state/store'
import { askToDelete, deletePost, useLibrary } from './library-store'

/** Asks before a post is deleted; Cancel has the focus so Enter never deletes by accident. */
export function DeleteDialog() {
  const path = useLibrary((state) => state.confirmingDelete)
  const title = useInkpress((state) => state.posts.find((post) => post.path === path)?.title)
  const cancel = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (path) cancel.current?.focus()
  }, [path])
  if (!path) return null
  return (
    <div className="modal-backdrop" onClick={() => askToDelete(null)}>
      <div
        className="modal"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="delete-dialog-title"
        aria-describedby="delete-dialog-text"
        onClick={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          if (event.key === 'Escape') askToDelete(null)
        }}
      >
        <h2 id="delete-dialog-title">Delete “{title ?? path}”?</h2>
        <p id="delete-dialog-text">
          {path} will be removed from the repository folder. If it was committed, Git history still
          has it.
        </p>
        <div className="modal-actions">
          <button
            type="button"
            className="secondary"
            ref={cancel}
            onClick={() => askToDelete(null)}
          >
            Cancel
          </button>
          <button type="button" className="danger" onClick={() => void deletePost(path)}>
            Delete
          </button>
        </div>
      </div>
    </div>
  )
}
