import { useState, type FormEvent } from 'react'
import { ProgressBar } from '../components/ProgressBar'
import { TokenForm } from '../components/TokenForm'
import { useInkpress } from '../state/store'
import { cancelClone, saveTokenAndClone, startClone, useClone } from './clone-store'
import { folderNameFromUrl, joinFolder } from './folder-name'
import './repository.css'

/** "Clone a blog": an HTTPS URL and a new folder, with progress, cancel and the token form. */
export function CloneBlogForm({ onDone }: { onDone?: () => void }) {
  const desktop = useInkpress((state) => state.appInfo?.mode === 'desktop')
  const { cloning, progress, error, askForToken } = useClone()
  const [url, setUrl] = useState('')
  const [folder, setFolder] = useState('')

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (url.trim() && folder.trim() && (await startClone(url, folder))) onDone?.()
  }

  const chooseParent = async () => {
    const picked = await useInkpress.getState().transport?.api['repo:pickFolder']()
    if (picked?.ok && picked.value) setFolder(joinFolder(picked.value, folderNameFromUrl(url)))
  }

  return (
    <section className="clone-blog" aria-label="Clone a blog">
      <h2>Clone a blog</h2>
      <form className="clone-form" onSubmit={(event) => void submit(event)}>
        <label>
          Repository URL (HTTPS)
          <input
            name="clone-url"
            type="url"
            value={url}
            onChange={(event) => setUrl(event.target.value)}
            placeholder="https://github.com/me/my-blog.git"
            autoComplete="off"
            spellCheck={false}
            disabled={cloning}
            required
          />
        </label>
        <label>
          New folder
          <span className="clone-folder-row">
            <input
              name="clone-folder"
              value={folder}
              onChange={(event) => setFolder(event.target.value)}
              placeholder="/home/me/my-blog"
              autoComplete="off"
              spellCheck={false}
              disabled={cloning}
              required
            />
            {desktop && (
              <button
                type="button"
                className="secondary"
                onClick={() => void chooseParent()}
                disabled={cloning}
              >
                Choose where…
              </button>
            )}
          </span>
        </label>
        {cloning ? (
          <button type="button" onClick={() => void cancelClone()}>
            Cancel
          </button>
        ) : (
          <button type="submit" disabled={!url.trim() || !folder.trim()}>
            Clone
          </button>
        )}
      </form>
      {progress && (cloning || progress.fraction === 1) && (
        <ProgressBar name="Cloning progress" testId="clone-progress" {...progress} />
      )}
      {error && (
        <p className="clone-error" role="alert" data-testid="clone-error">
          {error}
        </p>
      )}
      {askForToken && !cloning && (
        <TokenForm
          testId="clone-token-form"
          submitLabel="Save token and clone"
          onSubmit={saveTokenAndClone}
          intro="This repository is private: sign in with your user name and an access token."
        />
      )}
    </section>
  )
}
