import { useState } from 'react'
import { useInkpress } from '../state/store'

/** When the open folder is not a Git repository: say so and offer `git init`. */
export function GitInitNotice() {
  const repository = useInkpress((state) => state.repository)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  if (!repository || repository.isGitRepository) return null

  const initialise = async () => {
    const api = useInkpress.getState().transport?.api
    if (!api) return
    setBusy(true)
    const result = await api['git:init']()
    setBusy(false)
    if (result.ok) {
      setError(null)
      useInkpress.setState({ repository: result.value })
    } else setError(result.error.message)
  }

  return (
    <div className="notice info" role="status" data-testid="git-init-notice">
      <span>
        {error ??
          'This folder is not a Git repository yet, so its posts cannot be published or keep a history.'}
      </span>
      <button type="button" onClick={() => void initialise()} disabled={busy}>
        Initialise Git repository
      </button>
    </div>
  )
}
