import { useState, type FormEvent } from 'react'
import type { PostSummary } from '../../shared/posts'
import {
  askToDelete,
  duplicatePost,
  openInEditor,
  renamePost,
  startRenaming,
  useLibrary,
} from './library-store'
import { displayDate, fileSlug } from './post-display'
import { revealBidiControls } from '../../shared/text/reveal-bidi'

/** One post as the published index page shows it, plus the writer's operations on it. */
export function PostCard({ post }: { post: PostSummary }) {
  const renaming = useLibrary((state) => state.renaming === post.path)
  const busy = useLibrary((state) => state.busy)
  const titleId = `post-card-title-${post.path}`
  const date = displayDate(post.date)
  return (
    <li>
      <article
        className="post-card"
        aria-labelledby={titleId}
        data-testid="post-card"
        data-path={post.path}
      >
        <h2 className="post-card-title" id={titleId}>
          <bdi>{revealBidiControls(post.title)}</bdi>
        </h2>
        <p className="post-card-meta">
          {post.draft && <span className="badge draft-badge">Draft</span>}
          {date && <time dateTime={date}>{date}</time>}
          {post.tags.map((tag) => (
            <span key={tag} className="badge tag-badge">
              {tag}
            </span>
          ))}
          <span>{post.readingMinutes} min read</span>
        </p>
        {post.frontMatterError && (
          <p className="post-card-error" data-testid="front-matter-error">
            <strong>Front matter problem:</strong> {post.frontMatterError}
          </p>
        )}
        <p className="post-card-excerpt" data-testid="post-excerpt">
          {post.excerpt} ...
        </p>
        <footer className="post-card-actions">
          <a
            href={`#${encodeURI(post.path)}`}
            className="read-link"
            onClick={(event) => {
              event.preventDefault()
              void openInEditor(post.path)
            }}
          >
            Read
          </a>
          <span className="spacer" />
          <button
            type="button"
            className="secondary small"
            disabled={busy}
            onClick={() => startRenaming(post.path)}
          >
            Rename
          </button>
          <button
            type="button"
            className="secondary small"
            disabled={busy}
            onClick={() => void duplicatePost(post.path)}
          >
            Duplicate
          </button>
          <button
            type="button"
            className="secondary small danger"
            disabled={busy}
            onClick={() => askToDelete(post.path)}
          >
            Delete
          </button>
        </footer>
        {renaming && <RenameForm path={post.path} />}
      </article>
    </li>
  )
}

function RenameForm({ path }: { path: string }) {
  const [slug, setSlug] = useState(() => fileSlug(path))
  const busy = useLibrary((state) => state.busy)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (slug.trim()) void renamePost(path, slug)
  }
  return (
    <form className="inline-form" aria-label={`Rename ${path}`} onSubmit={submit}>
      <label>
        New file name
        <input
          value={slug}
          onChange={(event) => setSlug(event.target.value)}
          autoFocus
          spellCheck={false}
          onKeyDown={(event) => {
            if (event.key === 'Escape') startRenaming(null)
          }}
        />
      </label>
      <button type="submit" disabled={busy || !slug.trim()}>
        Save name
      </button>
      <button type="button" className="secondary" onClick={() => startRenaming(null)}>
        Cancel
      </button>
    </form>
  )
}
