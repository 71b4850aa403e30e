import { useMemo } from 'react'
import { useInkpress } from '../state/store'
import { setQuery, useLibrary } from './library-store'
import { collectTags, type DraftFilter, type PostSort } from './post-filter'

/** Search, draft and tag filters, and the order of the cards. */
export function LibraryControls() {
  const query = useLibrary((state) => state.query)
  const posts = useInkpress((state) => state.posts)
  const tags = useMemo(() => collectTags(posts), [posts])
  return (
    <div className="library-controls" role="search">
      <input
        type="search"
        aria-label="Search posts"
        placeholder="Search title, tags and text"
        value={query.search}
        onChange={(event) => setQuery({ search: event.target.value })}
      />
      <label>
        Show
        <select
          value={query.drafts}
          onChange={(event) => setQuery({ drafts: event.target.value as DraftFilter })}
        >
          <option value="all">All posts</option>
          <option value="drafts">Drafts</option>
          <option value="published">Published</option>
        </select>
      </label>
      <label>
        Tag
        <select value={query.tag} onChange={(event) => setQuery({ tag: event.target.value })}>
          <option value="">Any tag</option>
          {tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </label>
      <label>
        Sort
        <select
          value={query.sort}
          onChange={(event) => setQuery({ sort: event.target.value as PostSort })}
        >
          <option value="newest">Newest first</option>
          <option value="oldest">Oldest first</option>
          <option value="title">By title</option>
        </select>
      </label>
    </div>
  )
}
