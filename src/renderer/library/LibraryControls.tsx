import { useId, useMemo } from 'react'
import { useInkpress } from '../state/store'
import { setQuery, useLibrary } from './library-store'
import { collectTags, type DraftFilter, type PostSort } from './post-filter'

interface Choice {
  value: string
  label: string
}

const DRAFT_CHOICES: Choice[] = [
  { value: 'all', label: 'All posts' },
  { value: 'drafts', label: 'Drafts' },
  { value: 'published', label: 'Published' },
]
const SORT_CHOICES: Choice[] = [
  { value: 'newest', label: 'Newest first' },
  { value: 'oldest', label: 'Oldest first' },
  { value: 'title', label: 'By title' },
]

/** Search, draft and tag filters, and the order of the cards. */
export function LibraryControls() {
  const query = useLibrary((state) => state.query)
  const posts = useInkpress((state) => state.posts)
  const tagChoices = useMemo(
    () => [
      { value: '', label: 'Any tag' },
      ...collectTags(posts).map((tag) => ({ value: tag, label: tag })),
    ],
    [posts],
  )
  return (
    <div className="library-controls" role="search">
      <input
        type="search"
        aria-label="Search posts"
        placeholder="Search title, tags and text"
        value={query.search}
        onChange={(event) => setQuery({ search: event.target.value })}
      />
      <Select
        label="Show"
        value={query.drafts}
        choices={DRAFT_CHOICES}
        onChange={(drafts) => setQuery({ drafts: drafts as DraftFilter })}
      />
      <Select
        label="Tag"
        value={query.tag}
        choices={tagChoices}
        onChange={(tag) => setQuery({ tag })}
      />
      <Select
        label="Sort"
        value={query.sort}
        choices={SORT_CHOICES}
        onChange={(sort) => setQuery({ sort: sort as PostSort })}
      />
    </div>
  )
}

/** A label beside its select rather than around it, so the options never join the label's name. */
function Select(props: {
  label: string
  value: string
  choices: readonly Choice[]
  onChange(value: string): void
}) {
  const id = useId()
  return (
    <span className="control">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        {props.choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </span>
  )
}
