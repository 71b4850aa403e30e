import { EditorPane } from '../components/EditorPane'
import { LibraryView } from './LibraryView'
import { useLibrary } from './library-store'

/** The workspace's main area: the index page or the editor. */
export function WorkspaceMain() {
  const view = useLibrary((state) => state.view)
  return view === 'library' ? <LibraryView /> : <EditorPane />
}
