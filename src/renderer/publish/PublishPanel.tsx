import { useEffect } from 'react'
import { isDirty, useInkpress } from '../state/store'
import { ChangeList } from './ChangeList'
import { ConflictList } from './ConflictList'
import { CredentialForm } from './CredentialForm'
import { ProgressBar } from '../components/ProgressBar'
import {
  askForToken,
  cancelPublish,
  closePublishPanel,
  editMessage,
  includedPaths,
  onProgress,
  publishNow,
  refreshPublishPanel,
  refreshSoon,
  resetForRepository,
  unresolvedConflicts,
  usePublish,
  useSuggestedMessage,
} from './publish-store'
import { SidePanel } from './SidePanel'

/** What will be published, the commit message, and the publish itself with its outcome. */
export function PublishPanel() {
  const transport = useInkpress((state) => state.transport)
  const dirtyPost = useInkpress((state) => (isDirty(state.post) ? state.post?.path : undefined))
  const status = usePublish((state) => state.status)
  const statusError = usePublish((state) => state.statusError)
  const message = usePublish((state) => state.message)
  const messageEdited = usePublish((state) => state.messageEdited)
  const publishing = usePublish((state) => state.publishing)
  const progress = usePublish((state) => state.progress)
  const result = usePublish((state) => state.result)
  const credentials = usePublish((state) => state.credentials)
  const tokenRefused = usePublish((state) => state.askForToken)
  const included = usePublish((state) => includedPaths(state).length)
  const unresolved = usePublish((state) => unresolvedConflicts(state).length)

  const root = useInkpress((state) => state.repository?.root)
  const savedText = useInkpress((state) => state.post?.savedText)

  useEffect(() => transport?.events['git:progress'](onProgress), [transport])
  useEffect(() => {
    resetForRepository()
    void refreshPublishPanel()
  }, [root])
  // Saves here or changes by other programs change what will be published.
  useEffect(() => {
    if (savedText !== undefined) refreshSoon()
  }, [savedText])
  useEffect(() => transport?.events['posts:changed'](refreshSoon), [transport])

  const waiting = status?.ahead ?? 0
  const hasWork = included > 0 || waiting > 0 || dirtyPost !== undefined
  const canPublish = status !== null && !publishing && unresolved === 0 && hasWork
  // Shown when the server refused the token, or when none is saved for the remote's host.
  // SSH remotes take no token: the error explains and offers the HTTPS address instead.
  const sshRemote = /^(git@|ssh:\/\/)/i.test(status?.remoteUrl ?? '')
  const showTokenForm =
    !publishing && !sshRemote && (tokenRefused || credentials?.hasToken === false)

  return (
    <SidePanel title="Publish" testId="publish-panel" onClose={closePublishPanel}>
      {statusError && <p className="publish-error">{statusError}</p>}
      {status && (
        <p className="publish-muted" data-testid="publish-target">
          {status.upstream
            ? `To ${status.upstream}${status.remoteUrl ? ` · ${status.remoteUrl}` : ''}`
            : status.branch
              ? `Branch ${status.branch} has no upstream to publish to yet.`
              : 'No branch is checked out (detached HEAD).'}
        </p>
      )}
      {status?.waitingSummary && (
        <p className="publish-waiting" data-testid="waiting-summary">
          {status.waitingSummary}
        </p>
      )}
      {credentials?.warning && (
        <p className="publish-warning" data-testid="credential-warning">
          {credentials.warning}
        </p>
      )}
      <ConflictList />
      <section aria-label="Changes">
        <h3>Changes</h3>
        {status ? <ChangeList /> : !statusError && <p className="publish-muted">Loading…</p>}
        {dirtyPost && (
          <p className="publish-warning">
            {dirtyPost} has unsaved edits; they will be saved before publishing.
          </p>
        )}
      </section>
      {included > 0 && (
        <section className="commit-message">
          <label htmlFor="commit-message">Commit message</label>
          <textarea
            id="commit-message"
            data-testid="commit-message"
            rows={2}
            value={message}
            disabled={publishing}
            onChange={(event) => editMessage(event.target.value)}
          />
          {messageEdited && (
            <button type="button" className="link" onClick={useSuggestedMessage}>
              Use the suggested message
            </button>
          )}
        </section>
      )}
      {showTokenForm ? (
        <CredentialForm />
      ) : (
        credentials?.hasToken && (
          <p className="publish-muted">
            Signed in to {credentials.host} as {credentials.username}.{' '}
            <button type="button" className="link" onClick={askForToken}>
              Change token
            </button>
          </p>
        )
      )}
      <footer className="publish-footer">
        <div className="publish-actions">
          <button
            type="button"
            data-testid="publish-button"
            disabled={!canPublish}
            onClick={() => void publishNow()}
            title={unresolved > 0 ? 'Settle every conflict first' : undefined}
          >
            {publishing ? 'Publishing…' : 'Publish'}
          </button>
          {publishing && (
            <button type="button" className="secondary" onClick={() => void cancelPublish()}>
              Cancel
            </button>
          )}
        </div>
        {progress && (
          <ProgressBar name="Publishing progress" testId="publish-progress" {...progress} />
        )}
        {result && (
          <p
            className={`publish-result publish-result-${result.kind}`}
            data-testid="publish-result"
            data-kind={result.kind}
            data-code={result.code}
            role={result.kind === 'error' ? 'alert' : 'status'}
          >
            {result.title && <strong className="publish-result-title">{result.title} </strong>}
            {result.text}
          </p>
        )}
      </footer>
    </SidePanel>
  )
}
