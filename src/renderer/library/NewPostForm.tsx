import { useState, type FormEvent } from 'react'
import { createPost, useLibrary } from './library-store'

/** New post: a title, then the generator's file name and front matter are made by the service. */
export function NewPostForm() {
  const [open, setOpen] = useState(false)
  const [title, setTitle] = useState('')
  const busy = useLibrary((state) => state.busy)
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        New post
      </button>
    )
  }
  const close = () => {
    setOpen(false)
    setTitle('')
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (title.trim() && (await createPost(title.trim()))) close()
  }
  return (
    <form className="inline-form" aria-label="New post" onSubmit={(event) => void submit(event)}>
      <label>
        Title
        <input
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          placeholder="What is it about?"
          autoFocus
          onKeyDown={(event) => {
            if (event.key === 'Escape') close()
          }}
        />
      </label>
      <button type="submit" disabled={busy || !title.trim()}>
        Create
      </button>
      <button type="button" className="secondary" onClick={close}>
        Cancel
      </button>
    </form>
  )
}
