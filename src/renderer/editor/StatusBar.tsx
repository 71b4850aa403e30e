import { useIdleValue } from './idle-value'
import { textStats, type TextStats } from './word-count'

/** Counting 100 KB of words takes milliseconds, so it waits until typing pauses. */
const RECOUNT_DELAY_MS = 250

function useTextStats(text: string): TextStats {
  return useIdleValue(text, textStats, RECOUNT_DELAY_MS)
}

export interface StatusBarProps {
  text: string
  /** 1-based cursor line, shown when given. */
  line?: number
}

/** Word count and reading time for the open post. */
export function StatusBar({ text, line }: StatusBarProps): React.JSX.Element {
  const { words, readingMinutes } = useTextStats(text)
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
