import { useEffect, useState } from 'react'
import { NoticeBar } from './components/NoticeBar'
import { PostList } from './components/PostList'
import { FolderPathOrClone, WelcomeScreen } from './components/WelcomeScreen'
import { ViewSwitch, WorkspaceMain } from './library'
import { PublishDrawer, PublishToolbar } from './publish/PublishToolbar'
import { GitInitNotice } from './repository'
import { isDirty, pickAndOpenFolder, savePost, useInkpress } from './state/store'

export function App() {
  const repository = useInkpress((state) => state.repository)
  const post = useInkpress((state) => state.post)
  const saving = useInkpress((state) => state.saving)
  const desktop = useInkpress((state) => state.appInfo?.mode === 'desktop')
  const [choosingFolder, setChoosingFolder] = useState(false)
  const dirty = isDirty(post)

  useEffect(() => {
    // Ctrl/Cmd+S saves wherever the focus is; the editor handles it first when focused.
    const saveShortcut = (event: KeyboardEvent) => {
      if (
        event.defaultPrevented ||
        event.key.toLowerCase() !== 's' ||
        !(event.ctrlKey || event.metaKey)
      )
        return
      event.preventDefault()
      void savePost()
    }
    window.addEventListener('keydown', saveShortcut)
    return () => window.removeEventListener('keydown', saveShortcut)
  }, [])

  useEffect(() => {
    const warnBeforeLeaving = (event: BeforeUnloadEvent) => {
      if (isDirty(useInkpress.getState().post)) event.preventDefault()
    }
    window.addEventListener('beforeunload', warnBeforeLeaving)
    return () => window.removeEventListener('beforeunload', warnBeforeLeaving)
  }, [])

  useEffect(() => {
    const transport = useInkpress.getState().transport
    return transport?.events['menu:command'](({ command }) => {
      if (command === 'openFolder') void pickAndOpenFolder()
      if (command === 'save') void savePost()
    })
  }, [])

  const chooseFolder = async () => {
    if (!(desktop && (await pickAndOpenFolder()))) setChoosingFolder((open) => !open)
  }

  return (
    <div className="app">
      <header className="toolbar">
        <strong className="brand">Inkpress</strong>
        {repository && (
          <span className="repo-name" title={repository.root} data-testid="repo-name">
            {repository.name}
          </span>
        )}
        <button type="button" onClick={() => void chooseFolder()}>
          Open folder…
        </button>
        <ViewSwitch />
        <span className="spacer" />
        {post && (
          <>
            <span className="save-state" data-testid="save-state">
              {saving ? 'Saving…' : dirty ? 'Unsaved changes' : 'Saved'}
            </span>
            <button
              type="button"
              onClick={() => void savePost()}
              disabled={!dirty || saving}
              title="Save (Ctrl/Cmd+S)"
            >
              Save
            </button>
          </>
        )}
        <PublishToolbar />
      </header>
      {choosingFolder && !desktop && (
        <div className="folder-drawer">
          <FolderPathOrClone onDone={() => setChoosingFolder(false)} />
        </div>
      )}
      <NoticeBar />
      <GitInitNotice />
      {repository ? (
        <div className="workspace">
          <nav className="sidebar" aria-label="Posts">
            <PostList />
          </nav>
          <WorkspaceMain />
          <PublishDrawer />
        </div>
      ) : (
        <WelcomeScreen />
      )}
    </div>
  )
}
