import { useInkpress } from '../state/store'
import { HistoryPanel } from './HistoryPanel'
import { PublishPanel } from './PublishPanel'
import { closeHistory, openHistory, useHistory } from './history-store'
import { closePublishPanel, openPublishPanel, usePublish } from './publish-store'

/** Toolbar buttons: History of the open post, and Publish. Only in a Git repository. */
export function PublishToolbar() {
  const isGit = useInkpress((state) => state.repository?.isGitRepository === true)
  const hasPost = useInkpress((state) => state.post !== null)
  const publishOpen = usePublish((state) => state.open)
  const historyOpen = useHistory((state) => state.open)
  if (!isGit) return null
  return (
    <>
      <button
        type="button"
        className="secondary"
        disabled={!hasPost}
        aria-pressed={historyOpen}
        onClick={() => {
          if (historyOpen) return closeHistory()
          closePublishPanel()
          void openHistory()
        }}
      >
        History
      </button>
      <button
        type="button"
        data-testid="open-publish"
        aria-pressed={publishOpen}
        onClick={() => {
          if (publishOpen) return closePublishPanel()
          closeHistory()
          openPublishPanel()
        }}
      >
        Publish
      </button>
    </>
  )
}

/** The side panel beside the editor: Publish or History, whichever is open. */
export function PublishDrawer() {
  const publishOpen = usePublish((state) => state.open)
  const historyOpen = useHistory((state) => state.open)
  if (publishOpen) return <PublishPanel />
  if (historyOpen) return <HistoryPanel />
  return null
}
