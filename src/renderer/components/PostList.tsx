import { openInEditor } from '../library/library-store'
import { isDirty, useInkpress } from '../state/store'

export function PostList() {
  const posts = useInkpress((state) => state.posts)
  const openPath = useInkpress((state) => state.post?.path)
  const dirty = useInkpress((state) => isDirty(state.post))
  if (posts.length === 0) return <p className="empty">No Markdown posts in this folder yet.</p>
  return (
    <ul className="post-list" aria-label="Posts">
      {posts.map((post) => (
        <li key={post.path}>
          <button
            type="button"
            data-testid="post-item"
            data-path={post.path}
            aria-current={post.path === openPath ? 'true' : undefined}
            title={post.path}
            onClick={() => void openInEditor(post.path)}
          >
            <span className="post-title">{post.title}</span>
            {post.date && <span className="post-date">{post.date.slice(0, 10)}</span>}
            <span className="post-path">
              {post.path}
              {post.path === openPath && dirty ? ' •' : ''}
            </span>
          </button>
        </li>
      ))}
    </ul>
  )
}
