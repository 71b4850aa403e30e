import { useMemo } from 'react'
import { textStats } from './word-count'

export interface StatusBarProps {
  text: string
  /** 1-based cursor line, shown when given. */
  line?: number
}

/** Word count and reading time for the open post. */
export function StatusBar({ text, line }: StatusBarProps): React.JSX.Element {
  const { words, readingMinutes } = useMemo(() => textStats(text), [text])
  return (
    <div className="status-bar" data-testid="status-bar" role="status">
      <span data-testid="word-count">
        {words} {words === 1 ? 'word' : 'words'}
      </span>
      <span data-testid="reading-time">{readingMinutes} min read</span>
      {line !== undefined && <span data-testid="cursor-line">Line {line}</span>}
    </div>
  )
}
