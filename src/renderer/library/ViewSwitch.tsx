import { useInkpress } from '../state/store'
import { showEditor, showLibrary, useLibrary } from './library-store'

/** Toolbar switch between the index page and the editor, once a repository is open. */
export function ViewSwitch() {
  const view = useLibrary((state) => state.view)
  const hasRepository = useInkpress((state) => state.repository !== null)
  if (!hasRepository) return null
  return (
    <div className="view-switch" role="group" aria-label="View">
      <button type="button" aria-pressed={view === 'library'} onClick={showLibrary}>
        Library
      </button>
      <button type="button" aria-pressed={view === 'editor'} onClick={showEditor}>
        Editor
      </button>
    </div>
  )
}
