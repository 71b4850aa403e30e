import { useState, type FormEvent, type ReactNode } from 'react'

export interface TokenFormProps {
  intro: ReactNode
  submitLabel: string
  testId: string
  initialUsername?: string
  busy?: boolean
  onSubmit(username: string, token: string): Promise<unknown>
}

/**
 * User name and access token for a Git host. The token lives only in this form until it is
 * handed on; it is cleared at once and never kept in app state, logged or shown.
 */
export function TokenForm(props: TokenFormProps) {
  const [username, setUsername] = useState(props.initialUsername ?? '')
  const [token, setToken] = useState('')

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const entered = token
    setToken('')
    await props.onSubmit(username.trim(), entered)
  }

  return (
    <form
      className="token-form"
      data-testid={props.testId}
      onSubmit={(event) => void submit(event)}
    >
      <p>{props.intro}</p>
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
      <button type="submit" disabled={props.busy || !username.trim() || !token}>
        {props.submitLabel}
      </button>
    </form>
  )
}
