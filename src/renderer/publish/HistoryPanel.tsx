import { useInkpress } from '../state/store'
import { closeHistory, formatDate, restoreSelected, useHistory, viewVersion } from './history-store'
import { SidePanel } from './SidePanel'
import { revealBidiControls } from '../../shared/text/reveal-bidi'

/** The commits that changed the open post; any version can be read and restored as an edit. */
export function HistoryPanel() {
  const { path, entries, loading, error, selected, restored } = useHistory()
  const openPath = useInkpress((state) => state.post?.path)
  return (
    <SidePanel title="History" testId="history-panel" onClose={closeHistory}>
      <p className="publish-muted">{path}</p>
      {error && <p className="publish-error">{error}</p>}
      {loading && <p className="publish-muted">Loading…</p>}
      {!loading && !error && entries.length === 0 && (
        <p className="publish-muted">This post has not been committed yet.</p>
      )}
      <ol className="history-list">
        {entries.map((entry) => (
          <li key={entry.oid}>
            <button
              type="button"
              className="history-entry"
              data-testid="history-entry"
              aria-current={selected?.entry.oid === entry.oid ? 'true' : undefined}
              onClick={() => void viewVersion(entry)}
            >
              <bdi className="history-message">
                {revealBidiControls(entry.message.split('\n')[0] ?? '')}
              </bdi>
              <span className="publish-muted">
                {formatDate(entry.timestamp)} · <bdi>{revealBidiControls(entry.authorName)}</bdi> ·{' '}
                {entry.oid.slice(0, 7)}
              </span>
            </button>
          </li>
        ))}
      </ol>
      {selected && (
        <section className="history-version" aria-label="Version">
          <div className="history-version-header">
            <strong>As of {formatDate(selected.entry.timestamp)}</strong>
            <button
              type="button"
              disabled={openPath !== path}
              onClick={restoreSelected}
              data-testid="restore-version"
            >
              Restore as new edit
            </button>
          </div>
          <pre className="history-text" data-testid="history-text" aria-readonly="true">
            {selected.text}
          </pre>
        </section>
      )}
      {restored && (
        <p className="publish-result publish-result-success" role="status">
          {restored}
        </p>
      )}
    </SidePanel>
  )
}
