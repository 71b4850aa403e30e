import {
  acceptExternalChange,
  discardJournaled,
  dismissNotice,
  keepMineOverExternalChange,
  restoreJournaled,
  useInkpress,
} from '../state/store'

/** One place for errors, confirmations and the "changed on disk" question. */
export function NoticeBar() {
  const notice = useInkpress((state) => state.notice)
  const external = useInkpress((state) => state.externalChange)
  const recoverable = useInkpress((state) => state.recoverable)
  return (
    <>
      {recoverable.map((entry) => (
        <div
          key={entry.path}
          className="notice warning"
          role="alertdialog"
          aria-label={`Recovered ${entry.path}`}
        >
          <span>
            Unsaved text of {entry.path} from {new Date(entry.savedAtMs).toLocaleString()} was kept
            when Inkpress last closed.
          </span>
          <button type="button" onClick={() => void restoreJournaled(entry)}>
            Restore
          </button>
          <button type="button" className="secondary" onClick={() => void discardJournaled(entry)}>
            Discard
          </button>
        </div>
      ))}
      {external && (
        <div className="notice warning" role="alertdialog" aria-label="File changed on disk">
          <span>{external.path} was changed by another program while you had unsaved edits.</span>
          <button type="button" onClick={acceptExternalChange}>
            Load theirs
          </button>
          <button type="button" onClick={() => void keepMineOverExternalChange()}>
            Keep mine
          </button>
        </div>
      )}
      {notice && (
        <div
          className={`notice ${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
          data-testid="notice"
        >
          <span>{notice.message}</span>
          <button type="button" className="link" aria-label="Dismiss" onClick={dismissNotice}>
            ×
          </button>
        </div>
      )}
    </>
  )
}
