/**
 * Browser mode's session cannot be borrowed by another local server: browsers send a host's
 * cookies to every port of it, so Inkpress keeps no secret in a cookie. A second server on
 * another 127.0.0.1 port, visited in the same browser, receives nothing it could replay, and
 * two Inkpress instances in one browser both keep working.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { appPaths } from '../../../src/main/app-paths'
import { silentLogger } from '../../../src/main/services/logger'
import { startBrowserMode, type BrowserMode } from '../../../src/main/web/browser-mode'
import { createTempRepository } from '../../support/temp-repository'
import { E2E_BLOG_FIXTURE, expect, test } from '../support/app'

test('another local port receives no secret it could replay against the API', async ({ app }) => {
  const { page, mode } = app
  const seen: IncomingHttpHeaders[] = []
  const other = createServer((request, response) => {
    seen.push(request.headers)
    response.end('<!doctype html><title>another local app</title>')
  })
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve))
  const otherPort = (other.address() as AddressInfo).port
  try {
    // The writer visits another local app in the same browser (a new tab and a subresource).
    const tab = await page.context().newPage()
    await tab.goto(`http://127.0.0.1:${otherPort}/`)
    await tab.goto(`http://localhost:${otherPort}/page`)
    await tab.close()
    expect(seen.length).toBeGreaterThanOrEqual(2) // the pages and their favicons
    const cookies = seen.map((headers) => headers.cookie ?? '').join(';')
    expect(cookies).not.toContain(mode.host.token)
    // Whatever the browser holds as cookies, replayed, opens nothing.
    const jar = await page.context().cookies()
    const replayed = await fetch(`${mode.host.origin}/api/call/repo:open`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Cookie: jar.map((c) => `${c.name}=${c.value}`).join('; '),
      },
      body: JSON.stringify({ args: ['/'] }),
    })
    expect(replayed.status).toBe(401)
    // The app itself still works, and a reload keeps its session (sessionStorage).
    await page.reload()
    await expect(page.getByTestId('repo-name')).toHaveText('blog')
    await expect(page.locator('[data-testid="post-item"]').first()).toBeVisible()
  } finally {
    await new Promise((resolve) => other.close(resolve))
  }
})

test('two inkpress serve instances in one browser both keep working; each link works once', async ({
  app,
}) => {
  const repo = await createTempRepository(E2E_BLOG_FIXTURE)
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'inkpress-data-'))
  let second: BrowserMode | undefined
  try {
    second = await startBrowserMode({
      paths: appPaths(),
      logger: silentLogger,
      env: { INKPRESS_DATA_DIR: dataDir },
      repository: repo.dir,
    })
    const tab = await app.page.context().newPage()
    await tab.goto(second.host.url)
    await expect(tab.getByTestId('repo-name')).toHaveText('blog')
    // Back in the first tab after the second started: its calls still work.
    await app.page.reload()
    await expect(app.page.getByTestId('repo-name')).toHaveText('blog')
    await expect(app.page.locator('[data-testid="post-item"]').first()).toBeVisible()
    // Reusing a link that was already used is refused in words.
    const reused = await tab.goto(second.host.url)
    expect(reused?.status()).toBe(401)
    expect(await tab.textContent('body')).toContain('works once')
    await tab.close()
  } finally {
    await second?.close()
    await repo.remove()
    await rm(dataDir, { recursive: true, force: true })
  }
})
