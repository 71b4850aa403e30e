import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { E2E_BLOG_FIXTURE, expect, openPostInApp, test as appTest } from '../support/app'

/*
 * Links in the preview, in Chromium through the real web host: a middle click (auxclick) goes
 * through the same handler as a click — an http(s) link opens outside the app (in browser mode
 * a new tab of its own, `noopener`), nothing else opens a tab or navigates the app — and a
 * malformed fragment throws nothing.
 */
const POST = 'content/posts/links-to-click.md'
const fixtureDir = mkdtempSync(path.join(os.tmpdir(), 'inkpress-links-fixture-'))
cpSync(E2E_BLOG_FIXTURE, fixtureDir, { recursive: true })
writeFileSync(
  path.join(fixtureDir, POST),
  [
    '---',
    'title: Links to click',
    '---',
    '',
    '[external](https://example.org/page) [relative](other-post.md) [api](/api/call/app:info)',
    '',
    '[broken fragment](#%E0%A4%A) [section](#a-section)',
    '',
    '## A section',
    '',
    'END-OF-LINKS',
    '',
  ].join('\n'),
)

const test = appTest.extend({ fixtureDir })

test.afterAll(() => {
  rmSync(fixtureDir, { recursive: true, force: true })
})

test('middle clicks follow the click rules and a malformed fragment throws nothing', async ({
  app,
}) => {
  const { page } = app
  const popups: string[] = []
  const errors: string[] = []
  page.on('popup', (popup) => popups.push(popup.url()))
  page.on('pageerror', (error) => errors.push(error.message))
  // What any tab asked for outside the app (aborted: nothing leaves this machine).
  const requestedOutside: string[] = []
  await page.context().route(
    (url) => url.origin !== new URL(page.url()).origin,
    (route) => {
      requestedOutside.push(route.request().url())
      void route.abort()
    },
  )
  await openPostInApp(page, POST)
  const preview = page.getByTestId('preview')
  await expect(preview).toContainText('END-OF-LINKS')
  const startUrl = page.url()

  for (const name of ['external', 'relative', 'api', 'broken fragment', 'section']) {
    await preview.getByRole('link', { name }).click({ button: 'middle' })
  }
  await preview.getByRole('link', { name: 'broken fragment' }).click()
  await page.waitForTimeout(300)

  expect(errors).toEqual([])
  expect(page.url()).toBe(startUrl)
  // Only the http(s) link left the app, once, through the app's own handler (window.open).
  expect(popups).toHaveLength(1)
  expect(requestedOutside).toEqual(['https://example.org/page'])
})
