import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './support/app'
import { attachGitRemote, pushFromElsewhere, WRITER, type GitRemote } from './support/git-remote'

const CLONED_POST = 'content/posts/only-on-the-server.md'

/**
 * A private blog on the test Git server (Basic auth): the fixture blog plus one post that
 * only the server has, so the cloned blog's post list can be told apart from the open one.
 */
const withServedBlog = test.extend<{ remote: GitRemote; target: string }>({
  remote: async ({ app }, use) => {
    const remote = await attachGitRemote(app.repo.dir)
    const elsewhere = await mkdtemp(path.join(os.tmpdir(), 'inkpress-elsewhere-'))
    await pushFromElsewhere(remote, path.join(elsewhere, 'clone'), async (git) => {
      const file = path.join(elsewhere, 'clone', CLONED_POST)
      await writeFile(file, '---\ntitle: Only on the server\n---\n\nCloned from the server.\n')
      await git('add', CLONED_POST)
      await git('commit', '-q', '-m', 'A post only the server has')
    })
    await rm(elsewhere, { recursive: true, force: true })
    await use(remote)
    await remote.stop()
  },
  // Playwright fixtures name their dependencies by destructuring; this one has none.
  // eslint-disable-next-line no-empty-pattern
  target: async ({}, use) => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'inkpress-clone-'))
    await use(path.join(parent, 'cloned-blog'))
    await rm(parent, { recursive: true, force: true })
  },
})

/** Records every state the clone progress bar shows, including ones that flash by. */
async function recordCloneProgress(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = []
    ;(window as unknown as { cloneProgressSeen: string[] }).cloneProgressSeen = seen
    const note = () => {
      const bar = document.querySelector('[data-testid="clone-progress"]')
      const text = bar?.getAttribute('aria-valuetext')
      if (text && seen[seen.length - 1] !== text) seen.push(text)
    }
    new MutationObserver(note).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['aria-valuetext'],
    })
  })
  return () =>
    page.evaluate(() => (window as unknown as { cloneProgressSeen: string[] }).cloneProgressSeen)
}

async function fillCloneForm(page: Page, url: string, folder: string): Promise<void> {
  await page.getByRole('button', { name: 'Open folder…' }).click()
  const form = page.getByRole('region', { name: 'Clone a blog' })
  await form.getByLabel('Repository URL (HTTPS)').fill(url)
  await form.getByLabel('New folder').fill(folder)
  await form.getByRole('button', { name: 'Clone' }).click()
}

async function enterToken(page: Page, token: string): Promise<void> {
  const tokenForm = page.getByTestId('clone-token-form')
  await tokenForm.getByLabel('User name').fill(WRITER.username)
  await tokenForm.getByLabel('Token').fill(token)
  await tokenForm.getByRole('button', { name: 'Save token and clone' }).click()
}

withServedBlog(
  'clones a private blog: asks for a token, shows the progress, opens the clone with its posts',
  async ({ app, remote, target }) => {
    const { page } = app
    const progress = await recordCloneProgress(page)
    await fillCloneForm(page, remote.url, target)

    // No token saved yet: the server's refusal is shown as the app words it, and the form asks.
    await expect(page.getByTestId('clone-error')).toHaveText(
      `The server needs a user name and token for ${remote.url}. Enter a user name and token when Inkpress asks (on the command line: set INKPRESS_USERNAME and INKPRESS_TOKEN).`,
    )
    expect(existsSync(target)).toBe(false)
    await enterToken(page, WRITER.token)

    await expect(page.getByTestId('repo-name')).toHaveText('cloned-blog')
    await expect(
      page.locator(`[data-testid="post-item"][data-path="${CLONED_POST}"]`),
    ).toBeVisible()
    await expect(
      page.locator('[data-testid="post-item"][data-path="content/posts/first-post.md"]'),
    ).toBeVisible()
    const seen = await progress()
    expect(seen.some((text) => /^(Downloading|Unpacking|Writing the posts) \d+%$/.test(text))).toBe(
      true,
    )
    expect(seen.at(-1)).toBe('Done 100%')
    // The clone is a real repository whose remote carries no token.
    const config = await readFile(path.join(target, '.git/config'), 'utf8')
    expect(config).toContain(remote.url)
    expect(config).not.toContain(WRITER.token)
    expect(await readFile(path.join(target, CLONED_POST), 'utf8')).toContain(
      'Cloned from the server.',
    )
  },
)

withServedBlog(
  'a wrong token is refused in plain words, leaves no folder, and the right one then clones',
  async ({ app, remote, target }) => {
    const { page } = app
    await fillCloneForm(page, remote.url, target)
    await expect(page.getByTestId('clone-token-form')).toBeVisible()

    await enterToken(page, 'not-the-token-91x')
    await expect(page.getByTestId('clone-error')).toHaveText(
      `The server refused the token (${remote.url}). Check the user name and token (it may be wrong or expired).`,
    )
    await expect(page.getByTestId('clone-token-form')).toBeVisible()
    await expect(page.getByTestId('token-form')).toHaveCount(0)
    expect(existsSync(target)).toBe(false)
    await expect(page.getByTestId('repo-name')).toHaveText('blog')

    await enterToken(page, WRITER.token)
    await expect(page.getByTestId('repo-name')).toHaveText('cloned-blog')
    await expect(
      page.locator(`[data-testid="post-item"][data-path="${CLONED_POST}"]`),
    ).toBeVisible()
  },
)

test('offers to make a plain folder a Git repository', async ({ app }) => {
  const { page } = app
  const parent = await mkdtemp(path.join(os.tmpdir(), 'inkpress-plain-'))
  const folder = path.join(parent, 'plain-blog')
  try {
    await mkdir(path.join(folder, 'content/posts'), { recursive: true })
    await writeFile(path.join(folder, 'content/posts/hello.md'), '---\ntitle: Hello\n---\n\nHi.\n')
    await expect(page.getByTestId('git-init-notice')).toHaveCount(0)
    await page.getByRole('button', { name: 'Open folder…' }).click()
    await page.getByLabel('Folder path').fill(folder)
    await page.getByRole('button', { name: 'Open', exact: true }).click()
    await expect(page.getByTestId('repo-name')).toHaveText('plain-blog')

    const notice = page.getByTestId('git-init-notice')
    await expect(notice).toContainText('not a Git repository')
    await notice.getByRole('button', { name: 'Initialise Git repository' }).click()
    await expect(notice).toHaveCount(0)
    expect(existsSync(path.join(folder, '.git/HEAD'))).toBe(true)
    await expect(
      page.locator('[data-testid="post-item"][data-path="content/posts/hello.md"]'),
    ).toBeVisible()
  } finally {
    await rm(parent, { recursive: true, force: true })
  }
})
