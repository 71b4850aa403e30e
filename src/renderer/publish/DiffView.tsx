import { useMemo } from 'react'
import { diffRows } from './line-diff'

/** A post before (last commit) and after (the file on disk), line by line. */
export function DiffView({ oldText, newText }: { oldText: string; newText: string }) {
  const rows = useMemo(() => diffRows(oldText, newText), [oldText, newText])
  if (rows.length === 0) return <p className="publish-muted">No text changes.</p>
  return (
    <div className="diff" data-testid="diff" role="table" aria-label="Changes in this post">
      {rows.map((row, index) =>
        row.kind === 'skipped' ? (
          <div key={index} className="diff-row diff-skipped" role="row">
            ⋯ {row.count} unchanged {row.count === 1 ? 'line' : 'lines'}
          </div>
        ) : (
          <div key={index} className={`diff-row diff-${row.kind}`} role="row">
            <span className="diff-number" aria-hidden="true">
              {row.oldLine ?? ''}
            </span>
            <span className="diff-number" aria-hidden="true">
              {row.newLine ?? ''}
            </span>
            <span className="diff-sign" aria-hidden="true">
              {row.kind === 'added' ? '+' : row.kind === 'removed' ? '−' : ' '}
            </span>
            <span className="diff-text">{row.text || ' '}</span>
          </div>
        ),
      )}
    </div>
  )
}
