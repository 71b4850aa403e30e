import { memo } from 'react'
import type { PostSummary } from '../../shared/posts'
import { openInEditor } from '../library/library-store'
import { isDirty, useInkpress } from '../state/store'
import { revealBidiControls } from '../../shared/text/reveal-bidi'

/**
 * The sidebar list. Items are memoized and only the open post's item listens to the buffer's
 * saved/unsaved state: with thousands of posts, the first keystroke after a save must not
 * re-render every item.
 */
export function PostList() {
  const posts = useInkpress((state) => state.posts)
  const openPath = useInkpress((state) => state.post?.path)
  if (posts.length === 0) return <p className="empty">No Markdown posts in this folder yet.</p>
  return (
    <ul className="post-list" aria-label="Posts">
      {posts.map((post) => (
        <PostListItem key={post.path} post={post} isOpen={post.path === openPath} />
      ))}
    </ul>
  )
}

const PostListItem = memo(function PostListItem({
  post,
  isOpen,
}: {
  post: PostSummary
  isOpen: boolean
}) {
  return (
    <li>
      <button
        type="button"
        data-testid="post-item"
        data-path={post.path}
        aria-current={isOpen ? 'true' : undefined}
        title={revealBidiControls(post.path)}
        onClick={() => void openInEditor(post.path)}
      >
        <bdi className="post-title">{revealBidiControls(post.title)}</bdi>
        {post.date && <span className="post-date">{post.date.slice(0, 10)}</span>}
        <span className="post-path">
          <bdi>{revealBidiControls(post.path)}</bdi>
          {isOpen && <UnsavedMark />}
        </span>
      </button>
    </li>
  )
})

function UnsavedMark() {
  const dirty = useInkpress((state) => isDirty(state.post))
  return dirty ? ' •' : null
}
