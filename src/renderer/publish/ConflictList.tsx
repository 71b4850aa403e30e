import { useInkpress } from '../state/store'
import { finishEditing, startEditing } from './conflict-editing'
import { resolveWith, usePublish, type ConflictEntry } from './publish-store'

const RESOLVED_LABEL = {
  mine: 'Keeping your version',
  theirs: "Taking the server's version",
  edited: 'Using your merged text',
} as const

/** Posts changed both here and on the server: the writer settles each before publishing. */
export function ConflictList() {
  const conflicts = usePublish((state) => state.conflicts)
  const paths = Object.keys(conflicts)
  if (paths.length === 0) return null
  return (
    <section className="conflicts" aria-label="Conflicts" data-testid="conflicts">
      <h3>Changed here and on the server</h3>
      <p className="publish-muted">
        Your commits are kept safe. For each post, keep yours, take the server&apos;s, or merge them
        in the editor; then publish.
      </p>
      {paths.map((path) => (
        <ConflictItem key={path} path={path} entry={conflicts[path] as ConflictEntry} />
      ))}
    </section>
  )
}

function ConflictItem({ path, entry }: { path: string; entry: ConflictEntry }) {
  const editing = usePublish((state) => state.editing === path)
  const busy = usePublish((state) => state.publishing)
  const openInEditor = useInkpress((state) => state.post?.path === path)
  const { versions, resolution } = entry
  return (
    <article className="conflict" data-testid="conflict" data-path={path}>
      <header className="conflict-header">
        <strong>{path}</strong>
        {resolution && (
          <span className="conflict-resolved" data-testid="conflict-resolved">
            ✓ {RESOLVED_LABEL[resolution]}
          </span>
        )}
      </header>
      {entry.error && <p className="publish-error">{entry.error}</p>}
      {versions && !resolution && (
        <>
          <div className="conflict-sides">
            <Side title="Mine" text={versions.mine} testId="conflict-mine" />
            <Side title="Theirs (server)" text={versions.theirs} testId="conflict-theirs" />
          </div>
          <div className="conflict-actions">
            <button type="button" disabled={busy} onClick={() => void resolveWith(path, 'mine')}>
              Keep mine
            </button>
            <button type="button" disabled={busy} onClick={() => void resolveWith(path, 'theirs')}>
              Take theirs
            </button>
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() => void startEditing(path)}
            >
              Edit
            </button>
          </div>
          {editing && (
            <div className="conflict-editing" data-testid="conflict-editing">
              <p>
                Both versions are in the editor between{' '}
                <code>&lt;&lt;&lt;&lt;&lt;&lt;&lt; mine</code> and{' '}
                <code>&gt;&gt;&gt;&gt;&gt;&gt;&gt; theirs</code>. Keep the lines you want, remove
                the markers, then:
              </p>
              <button
                type="button"
                disabled={busy || !openInEditor}
                onClick={() => void finishEditing(path)}
              >
                Use the edited text
              </button>
            </div>
          )}
        </>
      )}
    </article>
  )
}

function Side({ title, text, testId }: { title: string; text?: string; testId: string }) {
  return (
    <figure className="conflict-side">
      <figcaption>{title}</figcaption>
      {text === undefined ? (
        <p className="publish-muted">(deleted)</p>
      ) : (
        <pre data-testid={testId}>{text}</pre>
      )}
    </figure>
  )
}
