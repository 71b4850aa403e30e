import { useState, type FormEvent } from 'react'
import { CloneBlogForm } from '../repository'
import { openRepository, openSample, pickAndOpenFolder, useInkpress } from '../state/store'

/** Shown when no repository is open: choose a folder, a recent one, or the sample blog. */
export function WelcomeScreen() {
  const recent = useInkpress((state) => state.recent)
  const desktop = useInkpress((state) => state.appInfo?.mode === 'desktop')
  return (
    <main className="welcome">
      <h1>Open a blog</h1>
      <p>Inkpress edits the Markdown posts of a blog kept in a Git repository.</p>
      {desktop ? (
        <button type="button" onClick={() => void pickAndOpenFolder()}>
          Choose a folder…
        </button>
      ) : (
        <FolderPathOrClone />
      )}
      <button type="button" className="secondary" onClick={() => void openSample()}>
        Open the sample blog
      </button>
      {desktop && <CloneBlogForm />}
      {recent.length > 0 && (
        <section aria-label="Recent folders">
          <h2>Recent</h2>
          <ul className="recent-list">
            {recent.map((folder) => (
              <li key={folder}>
                <button type="button" className="link" onClick={() => void openRepository(folder)}>
                  {folder}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  )
}

/** Browser mode has no folder dialog: the writer types the path on the machine running Inkpress. */
export function FolderPathForm({ onDone }: { onDone?: () => void }) {
  const [folder, setFolder] = useState('')
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (folder.trim() && (await openRepository(folder))) onDone?.()
  }
  return (
    <form className="folder-form" onSubmit={(event) => void submit(event)}>
      <label>
        Folder path
        <input
          name="folder"
          value={folder}
          onChange={(event) => setFolder(event.target.value)}
          placeholder="/home/me/my-blog"
          autoComplete="off"
          spellCheck={false}
        />
      </label>
      <button type="submit">Open</button>
    </form>
  )
}

/** Browser mode's folder drawer and welcome screen: open a folder by path, or clone a blog. */
export function FolderPathOrClone({ onDone }: { onDone?: () => void }) {
  return (
    <>
      <FolderPathForm {...(onDone ? { onDone } : {})} />
      <CloneBlogForm {...(onDone ? { onDone } : {})} />
    </>
  )
}
