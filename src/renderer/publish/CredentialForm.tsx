import { useState, type FormEvent } from 'react'
import { saveTokenAndPublish, usePublish } from './publish-store'

/**
 * User name and token for the remote's host. The token lives only in this form until it
 * is handed to `credentials:save`; it is never stored in app state, logged or shown.
 */
export function CredentialForm() {
  const credentials = usePublish((state) => state.credentials)
  const busy = usePublish((state) => state.publishing)
  const [username, setUsername] = useState(credentials?.username ?? '')
  const [token, setToken] = useState('')
  const host = credentials?.host ?? 'the server'
  const kept =
    credentials?.storage === 'keychain'
      ? "It is kept in your system's keychain."
      : 'It is kept for this session only.'

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const entered = token
    setToken('')
    await saveTokenAndPublish(username.trim(), entered)
  }

  return (
    <form className="token-form" data-testid="token-form" onSubmit={(event) => void submit(event)}>
      <p>
        Sign in to <strong>{host}</strong> with your user name and an access token that may push to
        the repository. {kept}
      </p>
      <label>
        User name
        <input
          name="username"
          value={username}
          onChange={(event) => setUsername(event.target.value)}
          autoComplete="username"
          spellCheck={false}
          required
        />
      </label>
      <label>
        Token
        <input
          name="token"
          type="password"
          value={token}
          onChange={(event) => setToken(event.target.value)}
          autoComplete="off"
          spellCheck={false}
          required
        />
      </label>
      <button type="submit" disabled={busy || !username.trim() || !token}>
        Save token and publish
      </button>
    </form>
  )
}
