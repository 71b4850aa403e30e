import { DiffView } from './DiffView'
import { diffStats } from './line-diff'
import { toggleDiff, toggleFile, usePublish } from './publish-store'

const fileName = (path: string) => path.slice(path.lastIndexOf('/') + 1)
const folderOf = (path: string) => path.slice(0, path.lastIndexOf('/') + 1)

const STATE_LABEL = { new: 'new', modified: 'modified', deleted: 'deleted' } as const

/** The changed files, each with a tick (untick to leave it out) and its diff on demand. */
export function ChangeList() {
  const files = usePublish((state) => state.status?.files ?? [])
  const excluded = usePublish((state) => state.excluded)
  const diffs = usePublish((state) => state.diffs)
  const diffErrors = usePublish((state) => state.diffErrors)
  const shownDiff = usePublish((state) => state.shownDiff)
  const publishing = usePublish((state) => state.publishing)
  if (files.length === 0) return <p className="publish-muted">No changed files.</p>
  return (
    <ul className="change-list" aria-label="Changed files">
      {files.map((file) => {
        const diff = diffs[file.path]
        const stats = diff ? diffStats(diff.oldText, diff.newText) : undefined
        const shown = shownDiff === file.path
        return (
          <li
            key={file.path}
            data-testid="changed-file"
            data-path={file.path}
            data-state={file.state}
          >
            <div className="change-row">
              <input
                type="checkbox"
                id={`publish-${file.path}`}
                checked={!excluded[file.path]}
                disabled={publishing}
                onChange={() => toggleFile(file.path)}
              />
              <label htmlFor={`publish-${file.path}`} className="change-path" title={file.path}>
                <span className="change-name">{fileName(file.path)}</span>
                <span className="change-folder">{folderOf(file.path)}</span>
              </label>
              <span className={`file-state file-state-${file.state}`} data-testid="file-state">
                {STATE_LABEL[file.state]}
              </span>
              {stats && (
                <span className="change-stats" aria-label="Lines added and removed">
                  <span className="stat-added">+{stats.added}</span>{' '}
                  <span className="stat-removed">−{stats.removed}</span>
                </span>
              )}
              <button
                type="button"
                className="link"
                aria-expanded={shown}
                onClick={() => toggleDiff(file.path)}
              >
                {shown ? 'Hide diff' : 'Diff'}
              </button>
            </div>
            {shown &&
              (diff ? (
                <DiffView oldText={diff.oldText} newText={diff.newText} />
              ) : (
                <p className="publish-muted">{diffErrors[file.path] ?? 'Loading…'}</p>
              ))}
          </li>
        )
      })}
    </ul>
  )
}
