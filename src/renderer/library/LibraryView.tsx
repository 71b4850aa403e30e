import { useMemo } from 'react'
import { useInkpress } from '../state/store'
import { DeleteDialog } from './DeleteDialog'
import { LibraryControls } from './LibraryControls'
import { NewPostForm } from './NewPostForm'
import { PostCard } from './PostCard'
import { SiteGeneratorPicker } from './SiteGeneratorPicker'
import { useLibrary } from './library-store'
import { filterPosts } from './post-filter'
import './library.css'

/** The index page as the published site shows it, built from the repository. */
export function LibraryView() {
  const repositoryName = useInkpress((state) => state.repository?.name)
  const posts = useInkpress((state) => state.posts)
  const openPost = useInkpress((state) => state.post)
  const site = useInkpress((state) => state.site)
  const query = useLibrary((state) => state.query)

  const openText = openPost?.text
  const openPath = openPost?.path
  const shown = useMemo(() => {
    // The open post's whole text is at hand, so its body is searchable too.
    const bodies = new Map(openPath && openText ? [[openPath, openText]] : [])
    return filterPosts(posts, query, bodies)
  }, [posts, query, openPath, openText])

  return (
    <main className="library" aria-label="Library">
      <div className="library-tools">
        <LibraryControls />
        <span className="spacer" />
        <NewPostForm />
      </div>
      <div className="library-page">
        <header className="library-head">
          <h1>{site?.title || repositoryName}</h1>
          {site?.description && <p className="library-description">{site.description}</p>}
        </header>
        {site && <SiteGeneratorPicker site={site} />}
        <p className="library-count" aria-live="polite">
          {shown.length === posts.length
            ? `${posts.length} ${posts.length === 1 ? 'post' : 'posts'}`
            : `${shown.length} of ${posts.length} posts`}
        </p>
        {posts.length === 0 ? (
          <p className="empty">No posts yet. Start one with “New post”.</p>
        ) : (
          <ol className="post-cards" aria-label="Posts on the index page">
            {shown.map((post) => (
              <PostCard key={post.path} post={post} />
            ))}
          </ol>
        )}
      </div>
      <DeleteDialog />
    </main>
  )
}
