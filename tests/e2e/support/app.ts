import { test as base, expect, type Page } from '@playwright/test'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { appPaths } from '../../../src/main/app-paths'
import { silentLogger } from '../../../src/main/services/logger'
import { startBrowserMode, type BrowserMode } from '../../../src/main/web/browser-mode'
import { createTempRepository, type TempRepository } from '../../support/temp-repository'

export const E2E_BLOG_FIXTURE = path.resolve('tests/fixtures/e2e-blog')

export interface AppFixture {
  /** The temp Git repository the app has open. */
  repo: TempRepository
  /** The running web host and session, in this process. */
  mode: BrowserMode
  /** The page, already showing the app. */
  page: Page
  /** The app-data folder (settings, journal) of this test's app. */
  dataDir: string
}

/**
 * Each test gets its own repository copy, app-data folder and web host, so tests never share
 * state. Override `fixtureDir` with `test.use({ fixtureDir })` to start from another site.
 */
export const test = base.extend<{
  fixtureDir: string
  allowConsoleErrors: boolean
  app: AppFixture
}>({
  fixtureDir: [E2E_BLOG_FIXTURE, { option: true }],
  /** Errors in the page's console (a crashed worker, a failed load) fail the test unless allowed. */
  allowConsoleErrors: [false, { option: true }],
  app: async ({ page, fixtureDir, allowConsoleErrors }, use) => {
    const consoleErrors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text())
    })
    page.on('pageerror', (error) => consoleErrors.push(error.message))
    const repo = await createTempRepository(fixtureDir)
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'inkpress-data-'))
    const mode = await startBrowserMode({
      paths: appPaths(),
      logger: silentLogger,
      env: { INKPRESS_DATA_DIR: dataDir },
      repository: repo.dir,
    })
    await page.goto(mode.host.url)
    await expect(page.getByTestId('repo-name')).toHaveText('blog')
    await use({ repo, mode, page, dataDir })
    if (!allowConsoleErrors) expect(consoleErrors).toEqual([])
    await mode.close()
    await repo.remove()
    await rm(dataDir, { recursive: true, force: true })
  },
})

export { expect }

/** Opens a post from the sidebar by its repo-relative path and waits for the editor. */
export async function openPostInApp(page: Page, repoRelativePath: string): Promise<void> {
  await page.locator(`[data-testid="post-item"][data-path="${repoRelativePath}"]`).click()
  await expect(page.locator('.cm-content')).toBeVisible()
}
