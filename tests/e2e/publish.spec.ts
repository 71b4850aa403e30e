import { execFileSync } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, openPostInApp, test, type AppFixture } from './support/app'
import { attachGitRemote, pushFromElsewhere, WRITER, type GitRemote } from './support/git-remote'

const POST = 'content/posts/first-post.md'
const NEW_LINE = 'A paragraph written for the publish test.'

const withRemote = test.extend<{ remote: GitRemote }>({
  remote: async ({ app }, use) => {
    const remote = await attachGitRemote(app.repo.dir)
    await use(remote)
    await remote.stop()
  },
})

async function saveToken(app: AppFixture, remote: GitRemote): Promise<void> {
  await app.mode.session.handlers['credentials:save']({
    url: remote.url,
    username: WRITER.username,
    token: WRITER.token,
  })
}

/** Types a closing paragraph into the open post; saves with Ctrl+S unless told not to. */
async function appendParagraph(page: Page, text: string, save = true): Promise<void> {
  await page.locator('.cm-content').click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type(`\n\n${text}`)
  if (!save) return
  await page.keyboard.press('Control+s')
  await expect(page.getByTestId('save-state')).toHaveText('Saved')
}

/** Records every state the progress bar shows, including ones that flash by. */
async function recordProgress(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = []
    ;(window as unknown as { progressSeen: string[] }).progressSeen = seen
    const panel = document.querySelector('[data-testid="publish-panel"]') as Element
    new MutationObserver((records) => {
      for (const record of records) {
        const bar = (record.target as Element).closest?.('[role="progressbar"]')
        if (record.oldValue && record.attributeName === 'aria-valuetext') seen.push(record.oldValue)
        const current = bar?.getAttribute('aria-valuetext')
        if (current) seen.push(current)
      }
    }).observe(panel, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeOldValue: true,
      attributeFilter: ['aria-valuetext'],
    })
  })
  return () => page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen)
}

/**
 * The first post changed on the server by one replacement, and here by rewriting its greeting
 * on disk while it is open in the editor. Returns the local text.
 */
async function editHereAndOnServer(
  app: AppFixture,
  remote: GitRemote,
  server: { replace: string; with: string; message: string },
): Promise<string> {
  const elsewhere = await mkdtemp(path.join(os.tmpdir(), 'inkpress-elsewhere-'))
  try {
    await pushFromElsewhere(remote, path.join(elsewhere, 'clone'), async (git) => {
      const file = path.join(elsewhere, 'clone', POST)
      const text = await readFile(file, 'utf8')
      await writeFile(file, text.replace(server.replace, server.with))
      await git('commit', '-q', '-am', server.message)
    })
  } finally {
    await rm(elsewhere, { recursive: true, force: true })
  }
  await openPostInApp(app.page, POST)
  const mine = (await readFile(path.join(app.repo.dir, POST), 'utf8')).replace(
    'Hello from the first post.',
    'Hello from this laptop.',
  )
  await writeFile(path.join(app.repo.dir, POST), mine)
  await expect(app.page.locator('.cm-content')).toContainText('Hello from this laptop.')
  return mine
}

const publishResult = (page: Page) => page.getByTestId('publish-result')
const changedFile = (page: Page, file: string) =>
  page.locator(`[data-testid="changed-file"][data-path="${file}"]`)

withRemote(
  'publishes an edited post: shows its diff, the progress and the result, and the commit lands on the server',
  async ({ app, remote }) => {
    const { page, repo } = app
    await saveToken(app, remote)
    await openPostInApp(page, POST)
    await appendParagraph(page, NEW_LINE)

    await page.getByTestId('open-publish').click()
    const panel = page.getByTestId('publish-panel')
    const file = changedFile(page, POST)
    await expect(file).toHaveAttribute('data-state', 'modified')
    await expect(file.getByTestId('file-state')).toHaveText('modified')
    await expect(file.getByRole('checkbox')).toBeChecked()
    await file.getByRole('button', { name: 'Diff' }).click()
    const added = file.locator('.diff-added')
    await expect(added.last()).toContainText(NEW_LINE)
    await expect(file.locator('.diff-removed')).toHaveCount(0)
    await expect(page.getByTestId('commit-message')).toHaveValue('Publish: First post')
    await expect(panel).toContainText(`To origin/main · ${remote.url}`)
    await page.screenshot({ path: 'test-results/publish-panel.png' })

    const progressSeen = await recordProgress(page)
    await page.getByTestId('publish-button').click()
    await expect(publishResult(page)).toHaveAttribute('data-kind', 'success')
    await expect(publishResult(page)).toContainText(
      'Published: “Publish: First post” pushed to origin/main',
    )
    const bar = page.getByTestId('publish-progress')
    await expect(bar).toHaveAttribute('aria-valuenow', '100')
    const seen = await progressSeen()
    expect(seen.some((state) => state.startsWith('Sending to the server'))).toBe(true)
    expect(seen.at(-1)).toBe('Done 100%')
    await page.screenshot({ path: 'test-results/publish-done.png' })

    // The server has the commit, with the new text, and the panel has nothing left to publish.
    expect(remote.git('log', '-1', '--format=%s', 'main').trim()).toBe('Publish: First post')
    expect(remote.git('show', `main:${POST}`)).toContain(NEW_LINE)
    expect(remote.git('rev-parse', 'main')).toBe(
      execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repo.dir, encoding: 'utf8' }),
    )
    await expect(page.getByTestId('changed-file')).toHaveCount(0)
    await expect(page.getByTestId('waiting-summary')).toHaveCount(0)
    await expect(page.getByTestId('publish-button')).toBeDisabled()
  },
)

withRemote(
  'a missing then wrong token shows the reason and the token form; the right token publishes',
  async ({ app, remote }) => {
    const { page } = app
    await openPostInApp(page, POST)
    await appendParagraph(page, NEW_LINE, false) // unsaved: Publish saves it first

    await page.getByTestId('open-publish').click()
    const form = page.getByTestId('token-form')
    await expect(form).toBeVisible() // no token saved for this host yet
    await expect(form).toContainText('127.0.0.1')
    await page.getByTestId('publish-button').click()
    await expect(publishResult(page)).toHaveAttribute('data-code', 'UNAUTHORIZED')
    await expect(publishResult(page)).toContainText('The server needs a user name and token')
    await expect(publishResult(page)).toContainText('Your commit is saved on this computer')
    expect(await readFile(path.join(app.repo.dir, POST), 'utf8')).toContain(NEW_LINE)
    await expect(page.getByTestId('waiting-summary')).toHaveText('1 commit waiting to publish')
    await expect(page.getByTestId('publish-progress')).toHaveCount(0)
    await page.screenshot({ path: 'test-results/publish-token.png' })

    await form.getByLabel('User name').fill(WRITER.username)
    await form.getByLabel('Token').fill('wrong-token')
    await expect(form.getByLabel('Token')).toHaveAttribute('type', 'password')
    await form.getByRole('button', { name: 'Save token and publish' }).click()
    await expect(publishResult(page)).toContainText('The server refused the token')
    await expect(publishResult(page)).toHaveAttribute('data-code', 'UNAUTHORIZED')
    await expect(form).toBeVisible()
    await expect(form.getByLabel('Token')).toHaveValue('')
    await expect(page.getByTestId('waiting-summary')).toHaveText('1 commit waiting to publish')

    await form.getByLabel('Token').fill(WRITER.token)
    await form.getByRole('button', { name: 'Save token and publish' }).click()
    await expect(publishResult(page)).toHaveAttribute('data-kind', 'success')
    await expect(form).toHaveCount(0)
    await expect(page.getByTestId('waiting-summary')).toHaveCount(0)
    await expect(page.getByTestId('publish-panel')).toContainText(
      `Signed in to ${new URL(remote.url).host} as writer`,
    )
    expect(remote.git('show', `main:${POST}`)).toContain(NEW_LINE)
    // Exactly one commit on top of the fixture: the failed attempts did not pile up commits.
    expect(remote.git('rev-list', '--count', 'main').trim()).toBe('2')

    const pageText = await page.content()
    expect(pageText).not.toContain(WRITER.token)
    expect(pageText).not.toContain('wrong-token')
  },
)

withRemote(
  'a push refused by a server hook shows the reason and keeps the commit waiting',
  async ({ app, remote }) => {
    const { page, repo } = app
    await saveToken(app, remote)
    const fixtureTip = remote.git('rev-parse', 'main').trim()
    await remote.server.refusePushes('blog', 'Posts must be reviewed before they go live')
    await openPostInApp(page, POST)
    await appendParagraph(page, NEW_LINE)

    await page.getByTestId('open-publish').click()
    await expect(changedFile(page, POST)).toHaveAttribute('data-state', 'modified')
    await page.getByTestId('publish-button').click()
    await expect(publishResult(page)).toHaveAttribute('data-code', 'PUSH_REJECTED')
    await expect(publishResult(page)).toContainText('Posts must be reviewed before they go live')
    await expect(publishResult(page)).toContainText('Committed on this computer, not pushed.')
    await expect(page.getByTestId('waiting-summary')).toHaveText('1 commit waiting to publish')
    await expect(page.getByTestId('changed-file')).toHaveCount(0)
    await page.screenshot({ path: 'test-results/publish-refused.png' })

    const localGit = (...args: string[]) =>
      execFileSync('git', args, { cwd: repo.dir, encoding: 'utf8' }).trim()
    expect(localGit('log', '-1', '--format=%s')).toBe('Publish: First post')
    expect(localGit('show', `HEAD:${POST}`)).toContain(NEW_LINE)
    expect(remote.git('rev-parse', 'main').trim()).toBe(fixtureTip)
  },
)

withRemote(
  'edits to different lines of the same post, here and on the server, are combined on publish',
  async ({ app, remote }) => {
    const { page, repo } = app
    await saveToken(app, remote)
    const mine = await editHereAndOnServer(app, remote, {
      replace: '## A section',
      with: '## A section, renamed elsewhere',
      message: 'Rename the section elsewhere',
    })

    await page.getByTestId('open-publish').click()
    await page.getByTestId('publish-button').click()
    await expect(publishResult(page)).toHaveAttribute('data-kind', 'success')
    await expect(publishResult(page)).toContainText(`combined in ${POST}`)

    const both = mine.replace('## A section', '## A section, renamed elsewhere')
    expect(remote.git('show', `main:${POST}`)).toBe(both)
    expect(await readFile(path.join(repo.dir, POST), 'utf8')).toBe(both)
    await expect(page.locator('.cm-content')).toContainText('A section, renamed elsewhere')
    await expect(page.locator('.cm-content')).toContainText('Hello from this laptop.')
  },
)

withRemote(
  'a conflict lists the post with both sides; settling it enables Publish and loses neither side',
  async ({ app, remote }) => {
    const { page, repo } = app
    await saveToken(app, remote)
    const mine = await editHereAndOnServer(app, remote, {
      replace: 'Hello from the first post.',
      with: 'Hello from the server.',
      message: 'Edit on another machine',
    })

    await page.getByTestId('open-publish').click()
    await page.getByTestId('publish-button').click()
    await expect(publishResult(page)).toHaveAttribute('data-code', 'CONFLICT')
    const conflict = page.locator(`[data-testid="conflict"][data-path="${POST}"]`)
    await expect(conflict.getByTestId('conflict-mine')).toContainText('Hello from this laptop.')
    await expect(conflict.getByTestId('conflict-theirs')).toContainText('Hello from the server.')
    await expect(page.getByTestId('publish-button')).toBeDisabled()
    await page.screenshot({ path: 'test-results/publish-conflict.png' })

    // Edit: both sides go into the editor between markers; the writer merges by hand.
    await conflict.getByRole('button', { name: 'Edit' }).click()
    const editor = page.locator('.cm-content')
    await expect(editor).toContainText('<<<<<<< mine')
    await expect(page.getByTestId('save-state')).toHaveText('Unsaved changes')
    await conflict.getByRole('button', { name: 'Use the edited text' }).click()
    await expect(publishResult(page)).toContainText('still has conflict markers')

    const merged = mine.replace('Hello from this laptop.', 'Hello from the laptop and the server.')
    await editor.click()
    await page.keyboard.press('Control+a')
    await page.keyboard.insertText(merged)
    await conflict.getByRole('button', { name: 'Use the edited text' }).click()
    await expect(conflict.getByTestId('conflict-resolved')).toHaveText('✓ Using your merged text')
    await expect(page.getByTestId('publish-button')).toBeEnabled()
    await page.getByTestId('publish-button').click()
    await expect(publishResult(page)).toHaveAttribute('data-kind', 'success')

    const published = remote.git('show', `main:${POST}`)
    expect(published).toContain('Hello from the laptop and the server.')
    expect(published).not.toContain('<<<<<<<')
    const messages = remote.git('log', '--format=%s', 'main')
    expect(messages).toContain('Edit on another machine')
    expect(await readFile(path.join(repo.dir, POST), 'utf8')).toBe(merged)
  },
)

test('Cancel stops a publish stuck on a silent server and keeps the commit', async ({ app }) => {
  const { page, repo } = app
  // A server that accepts connections and never answers, like a dead network path.
  const silent = createServer(() => undefined)
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
  try {
    const { port } = silent.address() as AddressInfo
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo.dir, stdio: 'pipe' })
    git('remote', 'add', 'origin', `http://127.0.0.1:${port}/blog.git`)
    git('update-ref', 'refs/remotes/origin/main', 'HEAD')
    git('branch', '--set-upstream-to=origin/main', 'main')
    await openPostInApp(page, POST)
    await appendParagraph(page, NEW_LINE)

    await page.getByTestId('open-publish').click()
    await expect(changedFile(page, POST)).toHaveAttribute('data-state', 'modified')
    await page.getByTestId('publish-button').click()
    await expect(page.getByTestId('publish-progress')).toHaveAttribute(
      'aria-valuetext',
      /^Checking the server/,
    )
    await page.getByRole('button', { name: 'Cancel' }).click()
    await expect(publishResult(page)).toHaveAttribute('data-code', 'CANCELLED')
    await expect(publishResult(page)).toContainText('cancelled')
    await expect(page.getByTestId('waiting-summary')).toHaveText('1 commit waiting to publish')
    await expect(page.getByTestId('publish-button')).toBeEnabled()
    const log = execFileSync('git', ['log', '-1', '--format=%s'], {
      cwd: repo.dir,
      encoding: 'utf8',
    })
    expect(log.trim()).toBe('Publish: First post')
  } finally {
    silent.closeAllConnections()
    await new Promise((resolve) => silent.close(resolve))
  }
})

test('History lists the commits of the open post; an old version can be read and restored as an edit', async ({
  app,
}) => {
  const { page, repo } = app
  const file = path.join(repo.dir, POST)
  const original = await readFile(file, 'utf8')
  await writeFile(file, original.replace('Hello from the first post.', 'Hello again, rewritten.'))
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo.dir, stdio: 'pipe' })
  git('commit', '-q', '-am', 'Rewrite the greeting')

  await openPostInApp(page, POST)
  await expect(page.locator('.cm-content')).toContainText('Hello again, rewritten.')
  await page.getByRole('button', { name: 'History' }).click()
  const entries = page.getByTestId('history-entry')
  await expect(entries).toHaveCount(2)
  await expect(entries.nth(0)).toContainText('Rewrite the greeting')
  await expect(entries.nth(0)).toContainText('Inkpress Test')
  await expect(entries.nth(1)).toContainText('Fixture')

  await entries.nth(1).click()
  await expect(page.getByTestId('history-text')).toContainText('Hello from the first post.')
  await page.screenshot({ path: 'test-results/publish-history.png' })
  await page.getByTestId('restore-version').click()
  await expect(page.locator('.cm-content')).toContainText('Hello from the first post.')
  await expect(page.getByTestId('save-state')).toHaveText('Unsaved changes')
  // Restoring is an edit in the editor only: the file changes when the writer saves.
  expect(await readFile(file, 'utf8')).toContain('Hello again, rewritten.')
  await page.keyboard.press('Control+s')
  await expect(page.getByTestId('save-state')).toHaveText('Saved')
  expect(await readFile(file, 'utf8')).toBe(original)
})
