import { useInkpress } from '../state/store'
import { ExcerptCard } from './ExcerptCard'
import { FrontMatterForm } from './FrontMatterForm'
import { toggleFrontMatterForm, useLibrary } from './library-store'
import './library.css'

/** Above the editor: the open post's live excerpt card and its front matter form. */
export function PostInspector() {
  const path = useInkpress((state) => state.post?.path)
  const site = useInkpress((state) => state.site)
  const formOpen = useLibrary((state) => state.frontMatterFormOpen)

  if (!path || !site) return null
  return (
    <div className="post-inspector">
      <ExcerptCard key={path} path={path} site={site} />
      <button
        type="button"
        className="link fm-toggle"
        aria-expanded={formOpen}
        onClick={toggleFrontMatterForm}
      >
        <span aria-hidden="true">{formOpen ? '▾' : '▸'}</span> Front matter
      </button>
      {formOpen && <FrontMatterForm key={path} site={site} />}
    </div>
  )
}
