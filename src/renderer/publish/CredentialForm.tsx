import { TokenForm } from '../components/TokenForm'
import { saveTokenAndPublish, usePublish } from './publish-store'

/** The token form of the Publish panel, for the remote's host. */
export function CredentialForm() {
  const credentials = usePublish((state) => state.credentials)
  const busy = usePublish((state) => state.publishing)
  const kept =
    credentials?.storage === 'keychain'
      ? "It is kept in your system's keychain."
      : 'It is kept for this session only.'
  return (
    <TokenForm
      testId="token-form"
      submitLabel="Save token and publish"
      initialUsername={credentials?.username ?? ''}
      busy={busy}
      onSubmit={saveTokenAndPublish}
      intro={
        <>
          Sign in to <strong>{credentials?.host ?? 'the server'}</strong> with your user name and an
          access token that may push to the repository. {kept}
        </>
      }
    />
  )
}
