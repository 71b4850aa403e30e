import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { appPaths } from '../../src/main/app-paths'
import { silentLogger } from '../../src/main/services/logger'
import { startBrowserMode } from '../../src/main/web/browser-mode'
import { expect, openPostInApp, test } from './support/app'

const POST = 'content/posts/second-post.md'

test('autosaves after a pause in typing, without Ctrl+S', async ({ app }) => {
  const { page, repo } = app
  await openPostInApp(page, POST)
  await page.locator('.cm-content').click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type('\n\nSaved by itself.')
  await expect
    .poll(() => readFile(path.join(repo.dir, POST), 'utf8'), { timeout: 10_000 })
    .toContain('Saved by itself.')
  await expect(page.getByTestId('save-state')).toHaveText('Saved')
})

test('restores an unsaved buffer journaled before the app was closed without saving', async ({
  app,
  browser,
}) => {
  const { page, repo, mode, dataDir } = app
  await openPostInApp(page, POST)
  await page.locator('.cm-content').click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type('\n\nWords that were never saved.')
  await expect
    .poll(async () => (await mode.session.handlers['journal:list']()).map((entry) => entry.path), {
      timeout: 5_000,
    })
    .toEqual([POST])
  await page.close()
  expect(await readFile(path.join(repo.dir, POST), 'utf8')).not.toContain('never saved')

  const next = await startBrowserMode({
    paths: appPaths(),
    logger: silentLogger,
    env: { INKPRESS_DATA_DIR: dataDir },
  })
  const second = await browser.newPage()
  try {
    await second.goto(next.host.url)
    const offer = second.getByRole('alertdialog', { name: `Recovered ${POST}` })
    await expect(offer).toBeVisible()
    await offer.getByRole('button', { name: 'Restore' }).click()
    await expect(second.locator('.cm-content')).toContainText('Words that were never saved.')
    await expect(second.getByTestId('save-state')).toHaveText('Unsaved changes')
    await second.keyboard.press('Control+s')
    await expect
      .poll(() => readFile(path.join(repo.dir, POST), 'utf8'))
      .toContain('Words that were never saved.')
  } finally {
    await second.close()
    await next.close()
  }
})
