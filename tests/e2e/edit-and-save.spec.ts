import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { createTempRepository } from '../support/temp-repository'
import { E2E_BLOG_FIXTURE, expect, openPostInApp, test } from './support/app'

const POST = 'content/posts/first-post.md'

test('edits a post in CodeMirror, previews it live, saves with Ctrl+S and writes it to disk', async ({
  app,
}) => {
  const { page, repo } = app
  await openPostInApp(page, POST)
  const preview = page.getByTestId('preview')
  await expect(preview).toContainText('Hello from the first post.')

  await page.locator('.cm-content').click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type('\n\nA brand new **closing** paragraph.')
  await expect(preview.locator('strong', { hasText: 'closing' })).toBeVisible()
  await expect(page.getByTestId('save-state')).toHaveText('Unsaved changes')

  await page.keyboard.press('Control+s')
  await expect(page.getByTestId('save-state')).toHaveText('Saved')
  const onDisk = await readFile(path.join(repo.dir, POST), 'utf8')
  expect(onDisk).toContain('Hello from the first post.')
  expect(onDisk.trimEnd().endsWith('A brand new **closing** paragraph.')).toBe(true)
  await page.screenshot({ path: 'docs/screenshot.png' })
})

test('opens another folder by path in browser mode and remembers it as recent', async ({ app }) => {
  const { page } = app
  const other = await createTempRepository(E2E_BLOG_FIXTURE)
  try {
    await page.getByRole('button', { name: 'Open folder…' }).click()
    await page.getByLabel('Folder path').fill(other.dir)
    await page.getByRole('button', { name: 'Open', exact: true }).click()
    await expect(page.getByTestId('repo-name')).toHaveAttribute('title', other.dir)
    const recent = await app.mode.session.handlers['repo:recent']()
    expect(recent[0]).toBe(other.dir)
  } finally {
    await other.remove()
  }
})

test('a folder that does not exist gives a clear message and keeps the current repository', async ({
  app,
}) => {
  const { page, repo } = app
  await page.getByRole('button', { name: 'Open folder…' }).click()
  await page.getByLabel('Folder path').fill('/no/such/folder/anywhere')
  await page.getByRole('button', { name: 'Open', exact: true }).click()
  await expect(page.getByTestId('notice')).toContainText('does not exist')
  await expect(page.getByTestId('repo-name')).toHaveAttribute('title', repo.dir)
})

test('reloads a clean buffer when the file changes on disk', async ({ app }) => {
  const { page, repo } = app
  await openPostInApp(page, POST)
  await writeFile(path.join(repo.dir, POST), '# Rewritten elsewhere\n\nBy another program.\n')
  await expect(page.locator('.cm-content')).toContainText('By another program.')
  await expect(page.getByTestId('preview')).toContainText('Rewritten elsewhere')
})

test('asks before replacing unsaved edits with a version changed on disk, and loses nothing', async ({
  app,
}) => {
  const { page, repo } = app
  await openPostInApp(page, POST)
  await page.locator('.cm-content').click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type('\n\nMy unsaved words.')
  await writeFile(path.join(repo.dir, POST), 'Their version.\n')
  const question = page.getByRole('alertdialog', { name: 'File changed on disk' })
  await expect(question).toBeVisible()
  await expect(page.locator('.cm-content')).toContainText('My unsaved words.')
  expect(await readFile(path.join(repo.dir, POST), 'utf8')).toBe('Their version.\n')

  await question.getByRole('button', { name: 'Keep mine' }).click()
  await expect(page.getByTestId('save-state')).toHaveText('Saved')
  expect(await readFile(path.join(repo.dir, POST), 'utf8')).toContain('My unsaved words.')
})

test('a save updates the post list from the saved text; only changes from elsewhere index the site again', async ({
  app,
}) => {
  const { page, repo } = app
  await openPostInApp(page, POST)
  const calls: string[] = []
  page.on('request', (request) => {
    const name = /\/api\/call\/([^?]+)/.exec(request.url())?.[1]
    if (name) calls.push(decodeURIComponent(name))
  })
  const firstItem = page.locator(`[data-testid="post-item"][data-path="${POST}"]`)
  await expect(firstItem).toContainText('First post')

  // Rename the post in its front matter: line 2 is `title: "First post"`.
  await page.locator('.cm-content').click()
  await page.keyboard.press('Control+Home')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('End')
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.type(', renamed')
  await expect(firstItem.locator('.post-path')).toHaveText(`${POST} •`)
  // The watcher reports our own save; the app reads the file to tell it from an outside edit.
  const echo = page.waitForResponse((response) => response.url().includes('posts%3Aread'))
  await page.keyboard.press('Control+s')
  await expect(page.getByTestId('save-state')).toHaveText('Saved')
  await expect(firstItem).toContainText('First post, renamed')
  await expect(firstItem.locator('.post-path')).toHaveText(POST)
  await echo
  await page.waitForTimeout(200)
  expect(calls).toContain('posts:save')
  expect(calls).not.toContain('posts:list')

  const second = 'content/posts/second-post.md'
  const secondText = await readFile(path.join(repo.dir, second), 'utf8')
  await writeFile(
    path.join(repo.dir, second),
    secondText.replace('title: "Second post"', 'title: "Second post, edited elsewhere"'),
  )
  await expect(page.locator(`[data-testid="post-item"][data-path="${second}"]`)).toContainText(
    'Second post, edited elsewhere',
  )
  expect(calls).toContain('posts:list')
})
